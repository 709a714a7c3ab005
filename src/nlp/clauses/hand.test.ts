// The clause layer on parses written by hand (issue 13): each construction's roles, whatever the parser.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Argument, Clause, Clauses, Doc } from "../../core/types.js";
import { handParsed } from "./handparse.case.test.js";
import { readClauses } from "./index.js";

function read(conllu: string): { doc: Doc; clauses: Clauses } {
  const doc = handParsed(conllu);
  return { doc, clauses: readClauses(doc) };
}

function clauseAt(doc: Doc, clauses: Clauses, word: string): Clause {
  const i = doc.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `no token '${word}'`);
  const k = clauses.byPredicate[i];
  assert.ok(k >= 0, `'${word}' is no predicate`);
  return clauses.list[k];
}

const word = (doc: Doc, i: number): string => (i < 0 ? "-" : doc.tokens[i].text);
const arg = (doc: Doc, a: Argument | null): string =>
  a === null ? "-" : [a.head, ...a.conjuncts].map((i) => doc.tokens[i].text).join("+");

test("passive with 'by': the subject is the patient and the by-phrase the agent", () => {
  const { doc, clauses } = read(`
    The      the      DET   DT  2 det
    base     base     NOUN  NN  4 nsubj:pass
    was      be       AUX   VBD 4 aux:pass
    attacked attack   VERB  VBN 0 root
    by       by       ADP   IN  6 case
    Israel   Israel   PROPN NNP 4 obl
    .        .        PUNCT .   4 punct`);
  const c = clauseAt(doc, clauses, "attacked");
  assert.equal(c.voice, "passive");
  assert.equal(arg(doc, c.subject), "base");
  assert.deepEqual(
    c.obliques.map((o) => [arg(doc, o), o.case.join(" "), o.agent]),
    [["Israel", "by", true]],
  );
  assert.equal(c.tense, "past");
  assert.equal(c.negation, -1);
});

test("passive without 'by': no agent, the place stays an oblique", () => {
  const { doc, clauses } = read(`
    Three    three    NUM   CD  2 nummod
    soldiers soldier  NOUN  NNS 4 nsubj:pass
    were     be       AUX   VBD 4 aux:pass
    killed   kill     VERB  VBN 0 root
    in       in       ADP   IN  6 case
    Gaza     Gaza     PROPN NNP 4 obl
    .        .        PUNCT .   4 punct`);
  const c = clauseAt(doc, clauses, "killed");
  assert.equal(c.voice, "passive");
  assert.equal(arg(doc, c.subject), "soldiers");
  assert.deepEqual(
    c.obliques.map((o) => [arg(doc, o), o.case.join(" "), o.agent]),
    [["Gaza", "in", false]],
  );
});

test("coordinated subjects: the subject carries its conjuncts", () => {
  const { doc, clauses } = read(`
    Iran      Iran      PROPN NNP 4 nsubj
    and       and       CCONJ CC  3 cc
    Pakistan  Pakistan  PROPN NNP 1 conj
    signed    sign      VERB  VBD 0 root
    an        a         DET   DT  6 det
    agreement agreement NOUN  NN  4 obj
    .         .         PUNCT .   4 punct`);
  const c = clauseAt(doc, clauses, "signed");
  assert.equal(arg(doc, c.subject), "Iran+Pakistan");
  assert.equal(c.voice, "active");
  assert.deepEqual(
    c.objects.map((o) => arg(doc, o)),
    ["agreement"],
  );
});

test("coordinated verbs share the subject, and an infinitive after the second is controlled by it", () => {
  const { doc, clauses } = read(`
    Iran      Iran      PROPN NNP 2 nsubj
    condemned condemn   VERB  VBD 0 root
    the       the       DET   DT  4 det
    strike    strike    NOUN  NN  2 obj
    and       and       CCONJ CC  6 cc
    vowed     vow       VERB  VBD 2 conj
    to        to        PART  TO  8 mark
    respond   respond   VERB  VB  6 xcomp
    .         .         PUNCT .   2 punct`);
  const condemned = clauseAt(doc, clauses, "condemned");
  const vowed = clauseAt(doc, clauses, "vowed");
  const respond = clauseAt(doc, clauses, "respond");
  assert.deepEqual(condemned.coordinated, [vowed.index]);
  assert.equal(vowed.relation, "conj");
  assert.equal(vowed.parent, condemned.index);
  assert.equal(arg(doc, vowed.subject), "Iran");
  assert.equal(vowed.subject?.via, "shared");
  assert.deepEqual(vowed.objects, []);
  assert.equal(arg(doc, respond.subject), "Iran");
  assert.equal(respond.subject?.via, "control");
  assert.equal(word(doc, respond.marker), "to");
  assert.deepEqual(vowed.complements, [respond.index]);
});

test("a relative clause's antecedent fills its subject gap", () => {
  const { doc, clauses } = read(`
    The      the      DET   DT  2 det
    troops   troop    NOUN  NNS 7 nsubj
    who      who      PRON  WP  4 nsubj
    attacked attack   VERB  VBD 2 acl:relcl
    the      the      DET   DT  6 det
    base     base     NOUN  NN  4 obj
    withdrew withdraw VERB  VBD 0 root
    .        .        PUNCT .   7 punct`);
  const attacked = clauseAt(doc, clauses, "attacked");
  const withdrew = clauseAt(doc, clauses, "withdrew");
  assert.equal(attacked.relation, "acl:relcl");
  assert.equal(word(doc, attacked.antecedent), "troops");
  assert.equal(arg(doc, attacked.subject), "troops");
  assert.equal(attacked.subject?.via, "antecedent");
  assert.deepEqual(
    attacked.objects.map((o) => arg(doc, o)),
    ["base"],
  );
  assert.equal(attacked.parent, withdrew.index);
  assert.deepEqual([attacked.start, attacked.end], [2, 6]);
  assert.deepEqual([withdrew.start, withdrew.end], [0, 8]);
  assert.equal(arg(doc, withdrew.subject), "troops");
  // The relative clause's words belong to it, the main clause's to the main clause.
  assert.equal(clauses.clauseOf[5], attacked.index);
  assert.equal(clauses.clauseOf[1], withdrew.index);
});

test("a relative pronoun as object: the antecedent is the object", () => {
  const { doc, clauses } = read(`
    the      the      DET   DT  2 det
    base     base     NOUN  NN  0 root
    that     that     PRON  WDT 5 obj
    Israel   Israel   PROPN NNP 5 nsubj
    attacked attack   VERB  VBD 2 acl:relcl`);
  const c = clauseAt(doc, clauses, "attacked");
  assert.equal(arg(doc, c.subject), "Israel");
  assert.deepEqual(
    c.objects.map((o) => [arg(doc, o), o.via]),
    [["base", "antecedent"]],
  );
});

test("reported speech before its content: 'X said that ...'", () => {
  const { doc, clauses } = read(`
    Iran     Iran     PROPN NNP 2 nsubj
    said     say      VERB  VBD 0 root
    that     that     SCONJ IN  5 mark
    Israel   Israel   PROPN NNP 5 nsubj
    attacked attack   VERB  VBD 2 ccomp
    the      the      DET   DT  7 det
    base     base     NOUN  NN  5 obj
    .        .        PUNCT .   2 punct`);
  const said = clauseAt(doc, clauses, "said");
  const attacked = clauseAt(doc, clauses, "attacked");
  assert.equal(arg(doc, said.subject), "Iran");
  assert.equal(said.content, attacked.index);
  assert.equal(attacked.relation, "ccomp");
  assert.equal(word(doc, attacked.marker), "that");
  assert.equal(arg(doc, attacked.subject), "Israel");
});

test("reported speech after the quotation: \"'...,' X said\"", () => {
  const { doc, clauses } = read(`
    "        "        PUNCT ''  4 punct
    We       we       PRON  PRP 4 nsubj
    will     will     AUX   MD  4 aux
    respond  respond  VERB  VB  0 root
    ,        ,        PUNCT ,   4 punct
    "        "        PUNCT ''  4 punct
    the      the      DET   DT  8 det
    minister minister NOUN  NN  9 nsubj
    said     say      VERB  VBD 4 parataxis
    .        .        PUNCT .   4 punct`);
  const said = clauseAt(doc, clauses, "said");
  const respond = clauseAt(doc, clauses, "respond");
  assert.equal(arg(doc, said.subject), "minister");
  assert.equal(said.content, respond.index);
  assert.equal(respond.mood, "future");
  assert.equal(word(doc, respond.modal), "will");
  assert.equal(respond.tense, "future");
});

test("'X's strikes on Y': a nominal event with its possessor and its target phrase", () => {
  const { doc, clauses } = read(`
    Israel  Israel  PROPN NNP 3 nmod:poss
    's      's      PART  POS 1 case
    strikes strike  NOUN  NNS 6 nsubj
    on      on      ADP   IN  5 case
    Gaza    Gaza    PROPN NNP 3 nmod
    killed  kill    VERB  VBD 0 root
    ten     ten     NUM   CD  8 nummod
    people  people  NOUN  NNS 6 obj`);
  const k = clauses.nominalOf[2];
  assert.ok(k >= 0);
  const n = clauses.nominals[k];
  assert.equal(word(doc, n.possessor), "Israel");
  assert.deepEqual(
    n.nmods.map((o) => [arg(doc, o), o.case.join(" ")]),
    [["Gaza", "on"]],
  );
  const killed = clauseAt(doc, clauses, "killed");
  assert.equal(arg(doc, killed.subject), "strikes");
});

test("'Israeli strikes against Iran': the adjective is the nominal's modifier", () => {
  const { doc, clauses } = read(`
    Israeli  Israeli ADJ   JJ  2 amod
    strikes  strike  NOUN  NNS 0 root
    against  against ADP   IN  4 case
    Iran     Iran    PROPN NNP 2 nmod`);
  const n = clauses.nominals[clauses.nominalOf[1]];
  assert.deepEqual(
    n.modifiers.map((i) => word(doc, i)),
    ["Israeli"],
  );
  assert.equal(n.possessor, -1);
  assert.deepEqual(
    n.nmods.map((o) => [arg(doc, o), o.case.join(" ")]),
    [["Iran", "against"]],
  );
});

test("subject control: 'pledged to send' sends with the pledger", () => {
  const { doc, clauses } = read(`
    Russia   Russia  PROPN NNP 2 nsubj
    pledged  pledge  VERB  VBD 0 root
    to       to      PART  TO  4 mark
    send     send    VERB  VB  2 xcomp
    troops   troop   NOUN  NNS 4 obj`);
  const send = clauseAt(doc, clauses, "send");
  assert.equal(send.relation, "xcomp");
  assert.equal(arg(doc, send.subject), "Russia");
  assert.equal(send.subject?.via, "control");
  assert.deepEqual(
    send.objects.map((o) => arg(doc, o)),
    ["troops"],
  );
  assert.equal(send.tense, null);
});

test("object control: 'urged Iran to stop' stops with the one urged", () => {
  const { doc, clauses } = read(`
    France   France  PROPN NNP 2 nsubj
    urged    urge    VERB  VBD 0 root
    Iran     Iran    PROPN NNP 2 obj
    to       to      PART  TO  5 mark
    stop     stop    VERB  VB  2 xcomp`);
  assert.equal(arg(doc, clauseAt(doc, clauses, "stop").subject), "Iran");
});

test("negation with 'not': 'did not attend'", () => {
  const { doc, clauses } = read(`
    Iran     Iran    PROPN NNP 4 nsubj
    did      do      AUX   VBD 4 aux
    not      not     PART  RB  4 advmod
    attend   attend  VERB  VB  0 root
    the      the     DET   DT  6 det
    talks    talk    NOUN  NNS 4 obj`);
  const c = clauseAt(doc, clauses, "attend");
  assert.equal(word(doc, c.negation), "not");
  assert.equal(c.tense, "past");
  assert.equal(c.mood, "asserted");
  assert.equal(arg(doc, c.subject), "Iran");
});

test("negation with 'never', and a modal's hypothetical reading", () => {
  const never = read(`
    Iran     Iran    PROPN NNP 3 nsubj
    never    never   ADV   RB  3 advmod
    attended attend  VERB  VBD 0 root
    the      the     DET   DT  5 det
    talks    talk    NOUN  NNS 3 obj`);
  assert.equal(word(never.doc, clauseAt(never.doc, never.clauses, "attended").negation), "never");
  const would = read(`
    Iran     Iran    PROPN NNP 3 nsubj
    would    would   AUX   MD  3 aux
    attack   attack  VERB  VB  0 root
    Israel   Israel  PROPN NNP 3 obj`);
  const c = clauseAt(would.doc, would.clauses, "attack");
  assert.equal(c.mood, "hypothetical");
  assert.equal(word(would.doc, c.modal), "would");
  assert.equal(c.negation, -1);
});

test("a copular clause: the adjective is the predicate, with its copula", () => {
  const { doc, clauses } = read(`
    Iran     Iran    PROPN NNP 3 nsubj
    is       be      AUX   VBZ 3 cop
    ready    ready   ADJ   JJ  0 root
    to       to      PART  TO  5 mark
    talk     talk    VERB  VB  3 xcomp`);
  const ready = clauseAt(doc, clauses, "ready");
  assert.equal(word(doc, ready.copula), "is");
  assert.equal(ready.tense, "present");
  assert.equal(arg(doc, clauseAt(doc, clauses, "talk").subject), "Iran");
});

test("an adverbial clause keeps its marker, and a condition is hypothetical", () => {
  const { doc, clauses } = read(`
    Iran     Iran    PROPN NNP 2 nsubj
    warned   warn    VERB  VBD 0 root
    it       it      PRON  PRP 5 nsubj
    would    would   AUX   MD  5 aux
    retaliate retaliate VERB VB 2 ccomp
    if       if      SCONJ IN  8 mark
    Israel   Israel  PROPN NNP 8 nsubj
    attacks  attack  VERB  VBZ 5 advcl`);
  const attacks = clauseAt(doc, clauses, "attacks");
  assert.equal(attacks.relation, "advcl");
  assert.equal(word(doc, attacks.marker), "if");
  assert.equal(attacks.mood, "hypothetical");
  assert.equal(attacks.parent, clauseAt(doc, clauses, "retaliate").index);
});

test("a doc without a parse is refused with the reason", () => {
  const doc = handParsed("Iran Iran PROPN NNP 0 root");
  doc.parse = null;
  assert.throws(() => readClauses(doc), /no parse/);
});
