// dyad eval end to end on small gold files written here: report, JSON, --show, --limit, --write-baseline.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseBaseline } from "../../eval/baseline.js";
import type { SetView } from "../../eval/report.js";
import { run } from "../main.js";

async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function goldFile(dir: string, name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`);
  return path;
}

const item = (id: string, events: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  date: "2025-05-26",
  text: "Iran's president met Pakistan's prime minister in Tehran on Monday.",
  events,
  ...extra,
});

describe("dyad eval", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-eval-"));
  const small = goldFile(dir, "small.jsonl", [
    item("a", [{ source: "IRN", target: "PAK", root: ["04"] }], {
      quotes: [{ name: "Ali Khamenei", text: "The two countries can help each other." }],
    }),
    item("b", []),
  ]);

  test("prints P/R/F1, counts, forbidden, quotes, the per-root table and the calibration table", async () => {
    const { code, out } = await dyad(["eval", small]);
    assert.equal(code, 0);
    assert.match(out, /== small\.jsonl: 2 items ==/);
    assert.match(out, /events {5}P \d\.\d{3} {2}R \d\.\d{3} {2}F1 \d\.\d{3}/);
    assert.match(out, /TP \d+ {2}FP \d+ {2}FN \d+/);
    assert.match(out, /forbidden {2}\d+/);
    assert.match(out, /quotes {5}recall \d\.\d{3} \(\d of 1\)/);
    assert.match(out, /by root \(gold vs predicted\)/);
    assert.match(out, /confidence/);
  });

  test("--json prints one object with the same figures per set", async () => {
    const { code, out } = await dyad(["eval", "--json", small]);
    assert.equal(code, 0);
    const report = JSON.parse(out) as { sets: SetView[] };
    assert.equal(report.sets.length, 1);
    const set = report.sets[0];
    assert.equal(set.name, "small.jsonl");
    assert.equal(set.items, 2);
    assert.equal(set.tp + set.fn, 1);
    assert.equal(set.quotes.total, 1);
    assert.equal(set.perItem.length, 2);
    assert.ok(Array.isArray(set.calibration));
    assert.ok(Array.isArray(set.labels));
  });

  test("--show misses lists missed gold events by item; --limit caps the items listed", async () => {
    const many = goldFile(
      dir,
      "many.jsonl",
      ["x", "y", "z"].map((id) => item(id, [{ source: "USA", target: "CHN", root: ["19"] }])),
    );
    const { out } = await dyad(["eval", "--show", "misses", "--limit", "2", many]);
    assert.match(out, /-- x \(.*many\.jsonl:1\)/);
    assert.match(out, /missed {3}USA -> CHN 19/);
    assert.match(out, /-- y /);
    assert.doesNotMatch(out, /-- z /);
    assert.match(out, /1 more items/);
  });

  test("a malformed gold item is reported with its line and left out; the rest is scored", async () => {
    const bad = goldFile(dir, "bad.jsonl", [
      item("ok", []),
      item("broken", [{ source: "IRN", target: "PAK" }]),
    ]);
    const { code, out, err } = await dyad(["eval", bad]);
    assert.equal(code, 1);
    assert.match(err, /bad\.jsonl:2: .*'root' or 'plover'.*\[E_DATA\]/);
    assert.match(out, /1 item, 1 malformed left out/);
  });

  test("a missing gold file and a bad option are errors", async () => {
    // A missing file is exit code 1 in every command (issue 19).
    assert.equal((await dyad(["eval", join(dir, "none.jsonl")])).code, 1);
    assert.equal((await dyad(["eval", "--show", "everything", small])).code, 2);
    assert.equal((await dyad(["eval", "--limit", "-1", small])).code, 2);
  });

  test("--write-baseline writes floors for the sets given and keeps the other sets", async () => {
    const path = join(dir, "baseline.json");
    writeFileSync(
      path,
      JSON.stringify({
        sets: {
          "other.jsonl": {
            min: { precision: 0.5, recall: 0.5, f1: 0.5, quoteRecall: null },
            max: { forbidden: 0 },
          },
        },
      }),
    );
    const { code, err } = await dyad(["eval", "--write-baseline", path, small]);
    assert.equal(code, 0);
    assert.match(err, /baseline written to/);
    const baseline = parseBaseline(readFileSync(path, "utf8"), path);
    assert.deepEqual(Object.keys(baseline.sets), ["other.jsonl", "small.jsonl"]);
    assert.equal(baseline.sets["small.jsonl"].max.forbidden, 0);
  });

  test("a set that codes statements prints figures with and without them, in the table and the JSON", async () => {
    const stated = goldFile(dir, "stated.jsonl", [
      item("s", [
        { source: "IRN", target: "PAK", root: ["04"] },
        { source: "IRN", target: "", root: ["01"] },
      ]),
    ]);
    const { out } = await dyad(["eval", stated, small]);
    assert.match(out, /no stmts {3}P \d\.\d{3} {2}R \d\.\d{3} {2}F1 \d\.\d{3}/);
    assert.match(out, /statements not coded in this gold: \d+ predicted statements? left out/);
    assert.match(out, /F1 no stmts/);
    const json = await dyad(["eval", "--json", stated]);
    const set = (JSON.parse(json.out) as { sets: SetView[] }).sets[0];
    assert.equal(set.statementsCoded, true);
    assert.equal(set.withoutStatements.fn + set.withoutStatements.tp, 1);
    assert.equal(set.tp + set.fn, 2);
  });
});
