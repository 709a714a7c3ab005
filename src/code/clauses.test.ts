import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge, people } from "../../test/helpers/knowledge.js";
import type { Doc } from "../core/types.js";
import { createDyad } from "../pipeline/dyad.js";
import { analysisOf, clauseOf, isPassive, subjectOf } from "./clauses.js";

const dyad = createDyad({
  knowledge: inlineKnowledge({
    people: people("ali-khamenei|Ali Khamenei||IRN|LEADER|Supreme Leader|1989-06-04|"),
  }),
});

function doc(text: string): Doc {
  return dyad.analyse({ id: "t", date: "2025-05-26", text });
}

function at(d: Doc, word: string): number {
  const i = d.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `no token '${word}'`);
  return i;
}

function words(d: Doc, from: number, to: number): string {
  return d.tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(" ");
}

test("a clause ends at a subordinator and starts after one", () => {
  const d = doc("Iran said that Pakistan attacked India because India had attacked first.");
  const c = clauseOf(d, at(d, "attacked"));
  assert.equal(words(d, c.start, c.end), "Pakistan attacked India");
});

test("'while referring to' is an adjunct, not a clause of its own", () => {
  const d = doc("Khamenei while referring to Pakistan emphasized the need.");
  const c = clauseOf(d, at(d, "emphasized"));
  assert.equal(c.start, 0);
});

test("voice: be + participle, and a participle after 'there were' + noun", () => {
  const a = doc("Pakistan was attacked by Iran.");
  assert.equal(isPassive(a, at(a, "attacked")), true);
  const b = doc("Iran attacked Pakistan.");
  assert.equal(isPassive(b, at(b, "attacked")), false);
  const c = doc("There were ten soldiers killed in Kashmir.");
  assert.equal(isPassive(c, at(c, "killed")), true);
});

test("the subject is the nearest actor before the verb outside prepositional phrases", () => {
  const d = doc("Khamenei, referring to Pakistan, praised India.");
  const i = at(d, "praised");
  assert.equal(subjectOf(d, i, clauseOf(d, i).start)?.text, "Khamenei");
});

test("reported speech: forward with and without 'that', inverted, two cues in a sentence", () => {
  const forward = doc("Iran said Pakistan is a friend and noted that India is not.");
  const speech = analysisOf(forward, 0).speech;
  assert.equal(speech.length, 2);
  assert.equal(words(forward, speech[0].complementStart, speech[0].complementEnd), "Pakistan is a friend");
  assert.equal(words(forward, speech[1].complementStart, speech[1].complementEnd), "India is not .");
  assert.equal(speech[0].subject?.text, "Iran");
  const inverted = doc("Pakistan is a friend, Khamenei said.");
  const [s] = analysisOf(inverted, 0).speech;
  assert.equal(words(inverted, s.complementStart, s.complementEnd), "Pakistan is a friend");
  assert.equal(s.subject?.text, "Khamenei");
});

test("a speech verb with a noun phrase object has no complement", () => {
  const d = doc("Khamenei emphasized the need for cooperation.");
  assert.deepEqual(analysisOf(d, 0).speech, []);
});

test("a mention inside a comma-enclosed apposition is not the subject", () => {
  const d = doc("Pakistan, a key American ally, refused the plan.");
  const i = at(d, "refused");
  assert.equal(subjectOf(d, i, clauseOf(d, i).start)?.text, "Pakistan");
});
