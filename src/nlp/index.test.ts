// The NLP layer's Doc: tokens with offsets, tags and lemmas, the same however often a spelling was met before.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Doc } from "../core/types.js";
import { getNlp } from "./index.js";

const TEXT = "They won't come. He can't say. The talks were held and he was holding talks.";

function summary(doc: Doc): string[] {
  return doc.tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}@${t.start}-${t.end}`);
}

test("lemmas kept per spelling and tag give the tokens a first reading gives", () => {
  const nlp = getNlp();
  const first = summary(nlp.read({ id: "a", date: "2025-01-01", text: TEXT }));
  const again = summary(nlp.read({ id: "b", date: "2025-01-01", text: TEXT }));
  assert.deepEqual(again, first);
  for (const t of nlp.read({ id: "c", date: "2025-01-01", text: TEXT }).tokens) {
    assert.equal(TEXT.slice(t.start, t.end), t.text, "offsets slice the token's own text");
  }
});

test("the parts of a contraction keep their own lemmas; other words are lemmatised by their tag", () => {
  const doc = getNlp().read({ id: "d", date: "2025-01-01", text: TEXT });
  const lemma = (text: string, nth = 0) => doc.tokens.filter((t) => t.text === text)[nth]?.lemma;
  assert.equal(lemma("wo"), "will");
  assert.equal(lemma("ca"), "can");
  assert.equal(lemma("n't"), "not");
  assert.equal(lemma("n't", 1), "not");
  assert.equal(lemma("held"), "hold");
  assert.equal(lemma("holding"), "hold");
  assert.equal(lemma("talks"), "talk");
  assert.equal(lemma("talks", 1), "talk");
  assert.equal(lemma("were"), "be");
});
