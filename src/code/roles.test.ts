// The coder's reading of the clause layer (issue 13): modality through governing verbs, on parses written by
// hand and through the real pipeline.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge } from "../../test/helpers/knowledge.js";
import type { Doc, Mention } from "../core/types.js";
import { handParsed } from "../nlp/clauses/handparse.case.test.js";
import { readClauses } from "../nlp/clauses/index.js";
import { clauseOfPredicate } from "../nlp/clauses/query.js";
import { createDyad } from "../pipeline/dyad.js";
import { modalityOf, subjectActor } from "./roles.js";

function parsed(conllu: string, actors: string[] = []): Doc {
  const doc = handParsed(conllu);
  doc.mentions = actors.map((word, index): Mention => {
    const t = doc.tokens.find((x) => x.text === word);
    assert.ok(t, `no token '${word}'`);
    return {
      index,
      kind: "country",
      sentence: 0,
      tokenStart: t.i,
      tokenEnd: t.i + 1,
      start: t.start,
      end: t.end,
      text: t.text,
      referent: {
        code: word.slice(0, 3).toUpperCase(),
        country: null,
        org: null,
        sector: null,
        name: word,
        id: null,
      },
      entity: null,
      why: "test",
    };
  });
  doc.clauses = readClauses(doc);
  return doc;
}

function modality(doc: Doc, word: string) {
  const t = doc.tokens.find((x) => x.text === word);
  assert.ok(t);
  const clause = clauseOfPredicate(doc, t.i);
  assert.ok(clause, `'${word}' is no predicate`);
  return modalityOf(doc, clause);
}

test("an infinitive after a verb of intent is announced: 'pledged to send'", () => {
  const doc = parsed(`
    Russia   Russia  PROPN NNP 2 nsubj
    pledged  pledge  VERB  VBD 0 root
    to       to      PART  TO  4 mark
    send     send    VERB  VB  2 xcomp
    troops   troop   NOUN  NNS 4 obj`);
  assert.deepEqual(modality(doc, "send"), { modality: "future", cue: "pledged", refusal: false });
  assert.equal(modality(doc, "pledged").modality, "asserted");
});

test("an infinitive after a verb of aspect happens: 'continued to send'; under 'would' it is supposed", () => {
  const doc = parsed(`
    Russia    Russia   PROPN NNP 3 nsubj
    would     would    AUX   MD  3 aux
    continue  continue VERB  VB  0 root
    to        to       PART  TO  5 mark
    send      send     VERB  VB  3 xcomp`);
  assert.equal(modality(doc, "send").modality, "hypothetical");
  assert.equal(modality(doc, "send").cue, "would");
  const plain = parsed(`
    Russia    Russia   PROPN NNP 2 nsubj
    continued continue VERB  VBD 0 root
    to        to       PART  TO  4 mark
    send      send     VERB  VB  2 xcomp`);
  assert.equal(modality(plain, "send").modality, "asserted");
});

test("'refused to release' is a negated act and a refusal; 'wants Putin to attack' only a wish", () => {
  const refused = parsed(`
    Iran     Iran    PROPN NNP 2 nsubj
    refused  refuse  VERB  VBD 0 root
    to       to      PART  TO  4 mark
    release  release VERB  VB  2 xcomp`);
  assert.deepEqual(modality(refused, "release"), { modality: "negated", cue: "refused", refusal: true });
  const wants = parsed(`
    Trump    Trump   PROPN NNP 2 nsubj
    wants    want    VERB  VBZ 0 root
    Putin    Putin   PROPN NNP 2 obj
    to       to      PART  TO  5 mark
    attack   attack  VERB  VB  2 xcomp`);
  assert.equal(modality(wants, "attack").modality, "hypothetical");
});

test("'will not provide' is a negated future: a refusal", () => {
  const doc = parsed(`
    Iran     Iran    PROPN NNP 4 nsubj
    will     will    AUX   MD  4 aux
    not      not     PART  RB  4 advmod
    provide  provide VERB  VB  0 root
    aid      aid     NOUN  NN  4 obj`);
  assert.deepEqual(modality(doc, "provide"), { modality: "negated", cue: "not", refusal: true });
});

test("verb groups through the real pipeline: negation, future, hypothetical, refusal (issue 13)", () => {
  const dyad = createDyad({ knowledge: inlineKnowledge({}) });
  const cases: [string, string, string, boolean][] = [
    ["Iran did not attack Pakistan.", "attack", "negated", false],
    ["Iran never attacked Pakistan.", "attacked", "negated", false],
    ["Iran will attack Pakistan.", "attack", "future", false],
    ["Iran pledged to attack Pakistan.", "attack", "future", false],
    ["Iran is ready to attack Pakistan.", "attack", "future", false],
    ["Iran would attack Pakistan.", "attack", "hypothetical", false],
    ["Iran wants Turkey to attack Pakistan.", "attack", "hypothetical", false],
    ["Iran will not attack Pakistan.", "attack", "negated", true],
    ["Iran refused to attack Pakistan.", "attack", "negated", true],
    ["Iran attacked Pakistan.", "attacked", "asserted", false],
  ];
  for (const [text, verb, expected, refusal] of cases) {
    const doc = dyad.analyse({ id: "t", date: "2025-05-26", text });
    const m = modality(doc, verb);
    assert.equal(m.modality, expected, text);
    assert.equal(m.refusal, refusal, text);
  }
});

test("a pronoun subject of reported speech is the reporter when it agrees in number", () => {
  const said = parsed(
    `
    Iran      Iran      PROPN NNP 2 nsubj
    said      say       VERB  VBD 0 root
    it        it        PRON  PRP 5 nsubj
    would     would     AUX   MD  5 aux
    retaliate retaliate VERB  VB  2 ccomp`,
    ["Iran"],
  );
  const retaliate = clauseOfPredicate(said, 4);
  assert.ok(retaliate);
  assert.equal(subjectActor(said, retaliate)?.text, "Iran");
  const claimed = parsed(
    `
    Iran      Iran      PROPN NNP 2 nsubj
    claimed   claim     VERB  VBD 0 root
    they      they      PRON  PRP 5 nsubj
    had       have      AUX   VBD 5 aux
    attacked  attack    VERB  VBN 2 ccomp
    Iraq      Iraq      PROPN NNP 5 obj`,
    ["Iran", "Iraq"],
  );
  const attacked = clauseOfPredicate(claimed, 4);
  assert.ok(attacked);
  assert.equal(subjectActor(claimed, attacked), null);
});

test("the subject of a coordinated verb's infinitive is the first verb's subject", () => {
  const doc = parsed(
    `
    Iran      Iran      PROPN NNP 2 nsubj
    condemned condemn   VERB  VBD 0 root
    the       the       DET   DT  4 det
    strike    strike    NOUN  NN  2 obj
    and       and       CCONJ CC  6 cc
    vowed     vow       VERB  VBD 2 conj
    to        to        PART  TO  8 mark
    respond   respond   VERB  VB  6 xcomp`,
    ["Iran"],
  );
  for (const i of [5, 7]) {
    const clause = clauseOfPredicate(doc, i);
    assert.ok(clause);
    assert.equal(subjectActor(doc, clause)?.text, "Iran");
  }
});

test("a trigger mistagged as a noun keeps its own verb group: 'would not resume talks' is negated", () => {
  // The parse of a tagging error: "resume" as a noun subject of "talks", its modal and negator its own.
  const doc = parsed(`
    Tehran      Tehran      PROPN NNP 4 nsubj
    would       would       AUX   MD  4 aux
    not         not         PART  RB  4 advmod
    resume      resume      NOUN  NN  5 nsubj
    talks       talk        VERB  VBZ 0 root
    with        with        ADP   IN  7 case
    Washington  Washington  PROPN NNP 5 obl`);
  const talks = doc.tokens.find((x) => x.text === "talks");
  const resume = doc.tokens.find((x) => x.text === "resume");
  assert.ok(talks && resume);
  const clause = clauseOfPredicate(doc, talks.i);
  assert.ok(clause);
  assert.equal(modalityOf(doc, clause).modality, "asserted");
  const read = modalityOf(doc, clause, resume.i);
  assert.equal(read.modality, "negated");
  assert.equal(read.cue, "not");
});
