// Every gold set in ../shared/gold/, and the project's own whole-article set in test/gold/ (issue 14), is scored
// by `dyad eval` and must stay at or above its committed floor in test/eval-baseline.json (issue 4). Raise the
// floors with
//   dyad eval --write-baseline test/eval-baseline.json ../shared/gold/*.jsonl test/gold/*.jsonl
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { evaluateGoldFile } from "../src/cli/commands/eval.js";
import type { DyadError } from "../src/core/errors.js";
import { checkBaseline, figuresOf, parseBaseline } from "../src/eval/baseline.js";
import { createDyad } from "../src/pipeline/dyad.js";

const GOLD = fileURLToPath(new URL("../../shared/gold/", import.meta.url));
const OWN_GOLD = fileURLToPath(new URL("./gold/", import.meta.url));
const BASELINE = fileURLToPath(new URL("./eval-baseline.json", import.meta.url));

const f3 = (x: number | null) => (x === null ? "-" : x.toFixed(3));

const jsonl = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => ({ name, path: join(dir, name) }));

if (!existsSync(GOLD)) {
  const reason = `no gold folder at ${GOLD} (../shared/gold from the repository root): shared gold tests skipped`;
  console.log(reason);
  test("shared gold sets stay at or above their baseline", { skip: reason }, () => {});
}

describe("gold sets stay at or above their baseline (issue 4)", () => {
  const baseline = parseBaseline(readFileSync(BASELINE, "utf8"), BASELINE);
  const files = [...(existsSync(GOLD) ? jsonl(GOLD) : []), ...jsonl(OWN_GOLD)];
  const dyad = createDyad();

  test("the project's own whole-article set is among them (issue 14)", () => {
    assert.ok(
      files.some((f) => f.path.startsWith(OWN_GOLD)),
      `no *.jsonl in ${OWN_GOLD}`,
    );
  });

  for (const { name, path } of files) {
    test(name, async (t) => {
      const problems: DyadError[] = [];
      const result = await evaluateGoldFile(path, dyad, (e) => problems.push(e));
      const figures = figuresOf(result.score);
      const { tp, fp, fn } = result.score.counts;
      const line =
        `${name}: P ${f3(figures.precision)} R ${f3(figures.recall)} F1 ${f3(figures.f1)} ` +
        `(TP ${tp} FP ${fp} FN ${fn}), forbidden ${figures.forbidden}, quote recall ${f3(figures.quoteRecall)}` +
        (result.score.statementsCoded
          ? `, F1 without statements ${f3(result.score.withoutStatements.metrics.f1)}`
          : "");
      t.diagnostic(line);
      for (const problem of problems) t.diagnostic(`left out: ${problem.message}`);
      const entry = baseline.sets[name];
      if (!entry) {
        t.skip(`no baseline for ${name}: add one with dyad eval --write-baseline ${BASELINE} ${path}`);
        return;
      }
      const failures = checkBaseline(figures, entry);
      assert.deepEqual(failures, [], `${line}\n${failures.join("\n")}`);
    });
  }
});
