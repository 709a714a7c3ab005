import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DyadError } from "../core/errors.js";
import {
  type Baseline,
  checkBaseline,
  entryOf,
  type Figures,
  floor3,
  parseBaseline,
  raiseBaseline,
} from "./baseline.js";

const figures: Figures = { precision: 0.71666, recall: 0.5, f1: 0.5882, quoteRecall: null, forbidden: 1 };

describe("baseline", () => {
  test("floors are the figures rounded down to 3 decimals", () => {
    assert.equal(floor3(0.71666), 0.716);
    assert.equal(floor3(0.7), 0.7);
    assert.equal(floor3(1), 1);
    assert.deepEqual(entryOf(figures), {
      min: { precision: 0.716, recall: 0.5, f1: 0.588, quoteRecall: null },
      max: { forbidden: 1 },
    });
  });

  test("figures at or above their floors pass, within a 1e-9 tolerance", () => {
    const entry = entryOf(figures);
    assert.deepEqual(checkBaseline(figures, entry), []);
    assert.deepEqual(checkBaseline({ ...figures, recall: 0.5 - 1e-12 }, entry), []);
  });

  test("a figure below its floor or too many forbidden events fail, each named", () => {
    const entry = entryOf({ ...figures, quoteRecall: 0.9 });
    const failures = checkBaseline({ ...figures, precision: 0.7, quoteRecall: 0.8, forbidden: 2 }, entry);
    assert.equal(failures.length, 3);
    assert.match(failures[0], /precision 0\.7000 is below the baseline 0\.716/);
    assert.match(failures[1], /quoteRecall/);
    assert.match(failures[2], /2 forbidden events found, the baseline allows 1/);
  });

  test("a quote floor fails when the set no longer yields a quote recall", () => {
    assert.equal(checkBaseline(figures, entryOf({ ...figures, quoteRecall: 0.5 })).length, 1);
  });

  test("raising writes the given sets, keeps the others and flags figures that got worse", () => {
    const old: Baseline = {
      about: "kept",
      sets: {
        "seed.jsonl": entryOf({ ...figures, recall: 0.9 }),
        "up-gsr.jsonl": entryOf(figures),
      },
    };
    const { baseline, changes } = raiseBaseline(old, { "seed.jsonl": figures, "new.jsonl": figures });
    assert.equal(baseline.about, "kept");
    assert.deepEqual(Object.keys(baseline.sets), ["new.jsonl", "seed.jsonl", "up-gsr.jsonl"]);
    assert.deepEqual(baseline.sets["up-gsr.jsonl"], old.sets["up-gsr.jsonl"]);
    const recall = changes.find((c) => c.set === "seed.jsonl" && c.figure === "recall");
    assert.deepEqual(recall, { set: "seed.jsonl", figure: "recall", from: 0.9, to: 0.5, worse: true });
    assert.ok(changes.filter((c) => c.set === "new.jsonl").every((c) => !c.worse));
  });

  test("a baseline file round-trips and a malformed one is an E_DATA error", () => {
    const { baseline } = raiseBaseline(null, { "seed.jsonl": figures });
    assert.deepEqual(parseBaseline(JSON.stringify(baseline), "b.json"), baseline);
    assert.throws(
      () => parseBaseline('{"sets": {"seed.jsonl": {"min": {"precision": 2}}}}', "b.json"),
      (e: unknown) => e instanceof DyadError && e.code === "E_DATA" && /b\.json/.test(e.message),
    );
    assert.throws(() => parseBaseline("nope", "b.json"), DyadError);
  });
});
