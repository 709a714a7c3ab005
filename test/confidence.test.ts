// Confidence must mean something (issue 4): on the gold sets, events coded with higher confidence are right
// more often than those coded with lower confidence.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { evaluateGoldFile } from "../src/cli/commands/eval.js";
import { createDyad } from "../src/pipeline/dyad.js";

const GOLD = fileURLToPath(new URL("../../shared/gold/", import.meta.url));
const SETS = ["plover-gsr.jsonl", "up-gsr.jsonl"];

test("higher-confidence events are more often right", {
  skip: !existsSync(GOLD) && "../shared/gold is absent",
}, async (t) => {
  const dyad = createDyad();
  let low = { n: 0, right: 0 };
  let high = { n: 0, right: 0 };
  for (const name of SETS) {
    const result = await evaluateGoldFile(`${GOLD}${name}`, dyad, () => {});
    for (const bucket of result.score.calibration) {
      if (bucket.min === null) continue;
      const side = bucket.min < 0.5 ? low : high;
      if (bucket.min < 0.5) low = { n: side.n + bucket.predictions, right: side.right + bucket.right };
      else high = { n: side.n + bucket.predictions, right: side.right + bucket.right };
    }
  }
  const pl = low.right / Math.max(low.n, 1);
  const ph = high.right / Math.max(high.n, 1);
  t.diagnostic(
    `confidence < 0.5: ${low.right}/${low.n} right (${pl.toFixed(3)}); >= 0.5: ${high.right}/${high.n} (${ph.toFixed(3)})`,
  );
  assert.ok(low.n >= 10 && high.n >= 10, "both sides have events");
  assert.ok(
    ph > pl + 0.15,
    `precision above 0.5 confidence (${ph.toFixed(3)}) must clearly exceed below (${pl.toFixed(3)})`,
  );
});
