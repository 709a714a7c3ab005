// Issue 6 end to end through the CLI: ingest twice stores nothing new, the IRN:PAK series row for May 2025
// equals what the stored events give, and the GDELT and Parquet exports have the promised shape.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { IngestSummary } from "../src/cli/commands/ingest.js";
import { GDELT_COLUMNS, inspectParquet } from "../src/export/index.js";
import { assertSeriesEqual, seriesFromEvents } from "../src/store/contract.js";
import { fixtureItems } from "../src/store/fixtures.js";
import { openStore, type SeriesRow } from "../src/store/index.js";
import { dyad, ROOT } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-store-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const REFERENCE = join(ROOT, "../shared/corpus/000_2425614ef49acc6e.txt");
const EXAMPLES = join(ROOT, "examples");

function inputs(): string[] {
  const list: string[] = [];
  if (existsSync(REFERENCE)) list.push(REFERENCE);
  else process.stdout.write("# ../shared/ is absent: the reference article is left out\n");
  if (existsSync(EXAMPLES) && readdirSync(EXAMPLES).length > 0) list.push(EXAMPLES);
  return list;
}

/** Parses the JSON lines of `dyad series --format jsonl` back into series rows. */
function seriesRows(out: string): SeriesRow[] {
  return out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, number | string>)
    .map((r) => ({
      period: String(r.period),
      events: Number(r.events),
      quad: [
        Number(r.q1_verbal_coop),
        Number(r.q2_material_coop),
        Number(r.q3_verbal_conflict),
        Number(r.q4_material_conflict),
      ],
      goldsteinSum: Number(r.goldstein_sum),
      goldsteinMean: Number(r.goldstein_mean),
      articles: Number(r.articles),
    }));
}

/**
 * The May 2025 row computed from the stored events themselves, rounded as the CLI prints it: the events that
 * happened, which the series counts by default (issue 19).
 */
async function expectedMay(db: string, directed: boolean): Promise<SeriesRow | undefined> {
  const store = await openStore(db);
  try {
    const events = await store.events({ dyad: { a: "IRN", b: "PAK" }, directed, modality: "happened" });
    const row = seriesFromEvents(events, "month").find((r) => r.period === "2025-05");
    const round = (n: number) => Math.round(n * 1e4) / 1e4;
    return row && { ...row, goldsteinSum: round(row.goldsteinSum), goldsteinMean: round(row.goldsteinMean) };
  } finally {
    await store.close();
  }
}

describe("dyad ingest, series and export", () => {
  const db = `sqlite:${join(dir, "examples.db")}`;

  it("ingests the reference article and the examples; a second run stores nothing new", async (t) => {
    const list = inputs();
    if (list.length === 0) {
      t.skip("neither ../shared/ nor examples/ is here");
      return;
    }
    const first = await dyad(["ingest", ...list, "--db", db, "--json"]);
    assert.equal(first.code, 0, first.err);
    const one = JSON.parse(first.out) as IngestSummary;
    assert.ok(one.new > 0);
    const store = await openStore(db);
    const before = await store.counts();
    await store.close();
    const second = await dyad(["ingest", ...list, "--db", db, "--json"]);
    assert.equal(second.code, 0, second.err);
    const two = JSON.parse(second.out) as IngestSummary;
    assert.equal(two.new + two.updated + two.events, 0);
    assert.equal(two.unchanged + two.duplicate, one.articles);
    const again = await openStore(db);
    assert.deepEqual(await again.counts(), before);
    await again.close();
  });

  it("prints the IRN:PAK row for May 2025 that the stored mentions give (--mentions)", async (t) => {
    if (inputs().length === 0) {
      t.skip("nothing was ingested");
      return;
    }
    for (const directed of [false, true]) {
      const args = [
        "series",
        "--dyad",
        "IRN:PAK",
        "--by",
        "month",
        "--format",
        "jsonl",
        "--db",
        db,
        "--mentions",
      ];
      const result = await dyad(directed ? [...args, "--directed"] : args);
      assert.equal(result.code, 0, result.err);
      const may = seriesRows(result.out).find((r) => r.period === "2025-05");
      const expected = await expectedMay(db, directed);
      if (!expected) {
        process.stdout.write("# no IRN:PAK event stored for May 2025: the series has no row for it\n");
      }
      assert.deepEqual(may, expected);
    }
  });

  it("prints the May 2025 row of hand-built IRN and PAK events (--mentions)", async () => {
    const fixtures = `sqlite:${join(dir, "fixtures.db")}`;
    const store = await openStore(fixtures);
    await store.write({ coded: fixtureItems() });
    await store.close();
    const result = await dyad([
      "series",
      "--dyad",
      "IRN:PAK",
      "--format",
      "jsonl",
      "--db",
      fixtures,
      "--mentions",
    ]);
    assert.equal(result.code, 0, result.err);
    const rows = seriesRows(result.out);
    const expected = await expectedMay(fixtures, false);
    assert.ok(expected);
    assertSeriesEqual(
      rows.filter((r) => r.period === "2025-05"),
      [expected],
    );
    assert.equal(expected.events, 4);
    const csv = await dyad([
      "series",
      "--dyad",
      "IRN:PAK",
      "--by",
      "week",
      "--format",
      "csv",
      "--db",
      fixtures,
    ]);
    assert.match(csv.out, /^period,events,q1_verbal_coop,/);
    assert.match(csv.out, /\r\n2025-05-26,4,3,0,1,0,7\.6,1\.9,2\r\n/);
  });

  it("exports GDELT rows of exactly 61 fields with the key fields filled, and Parquet that DuckDB reads", async () => {
    const fixtures = `sqlite:${join(dir, "export.db")}`;
    const store = await openStore(fixtures);
    await store.write({ coded: fixtureItems() });
    // Exports take the events that happened by default (issue 19): fx-003's "will visit" is left out.
    const events = (await store.events({ modality: "happened" })).length;
    assert.equal(events, (await store.counts()).events - 1);
    await store.close();
    const gdelt = await dyad(["export", "--format", "gdelt", "--db", fixtures]);
    assert.equal(gdelt.code, 0, gdelt.err);
    const lines = gdelt.out.trimEnd().split("\n");
    assert.ok(lines.length >= events);
    for (const line of lines) {
      const fields = line.split("\t");
      assert.equal(fields.length, 61);
      for (const name of [
        "SQLDATE",
        "Actor1Code",
        "Actor2Code",
        "EventCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
      ]) {
        assert.notEqual(fields[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])], "", name);
      }
    }
    const file = join(dir, "events.parquet");
    const parquet = await dyad(["export", "--format", "parquet", "--out", file, "--db", fixtures]);
    assert.equal(parquet.code, 0, parquet.err);
    assert.equal((await inspectParquet(file)).rows, events);
    const filtered = join(dir, "conflict.parquet");
    await dyad(["export", "--format", "parquet", "--quad", "3", "--out", filtered, "--db", fixtures]);
    assert.equal((await inspectParquet(filtered)).rows, 4);
    const plover = await dyad(["export", "--format", "plover", "--root", "05", "--db", fixtures]);
    const records = plover.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { event: string[]; context: string[] });
    assert.equal(records.length, 3);
    assert.deepEqual(records[0].event, ["SUPPORT"]);
    assert.deepEqual(records[0].context, ["diplomatic"]);
  });

  it("queries events, quotes, one article and the most active actors", async () => {
    const fixtures = `sqlite:${join(dir, "query.db")}`;
    const store = await openStore(fixtures);
    await store.write({ coded: fixtureItems() });
    await store.close();
    const events = await dyad([
      "events",
      "--dyad",
      "IRN:PAK",
      "--directed",
      "--format",
      "jsonl",
      "--db",
      fixtures,
    ]);
    // fx-003's "will visit" (future, not an intent code) is listed only with --modality (issue 19).
    assert.equal(events.out.trim().split("\n").length, 3);
    const table = await dyad(["events", "--root", "11", "--db", fixtures]);
    assert.match(table.out, /111 Criticize or denounce/);
    const csv = await dyad(["events", "--place", "Tehran", "--format", "csv", "--db", fixtures]);
    assert.equal(csv.out.trim().split("\n").length, 2);
    const quotes = await dyad(["quotes", "--speaker", "PAK", "--format", "jsonl", "--db", fixtures]);
    assert.equal(quotes.out.trim().split("\n").length, 2);
    const article = await dyad(["article", "fx-001", "--format", "json", "--db", fixtures]);
    assert.deepEqual(JSON.parse(article.out).record, fixtureItems()[1].record);
    const missing = await dyad(["article", "nope", "--db", fixtures]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /E_NO_ARTICLE/);
    const ranked = async (...more: string[]) => {
      const top = await dyad([
        "actors",
        "--top",
        "--limit",
        "2",
        "--format",
        "jsonl",
        "--db",
        fixtures,
        ...more,
      ]);
      assert.equal(top.code, 0, top.err);
      return top.out
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { code: string }).code);
    };
    assert.deepEqual(await ranked("--modality", "all"), ["IRN", "PAK"]);
    // By default the events that happened (issue 19): without fx-003's "will visit", IRNGOV passes PAK.
    assert.deepEqual(await ranked(), ["IRN", "IRNGOV"]);
    const bad = await dyad(["events", "--quad", "7", "--db", fixtures]);
    assert.equal(bad.code, 2);
  });

  it("records failed articles, lists them with dyad errors, and exits 1", async () => {
    const db2 = `sqlite:${join(dir, "errors.db")}`;
    const file = join(dir, "mixed.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ id: "ok-1", date: "2025-05-26", text: "Iran praised Pakistan on Monday." }),
        "{not json",
        JSON.stringify({ id: "bad-date", date: "2025-02-30", text: "Iran praised Pakistan." }),
      ].join("\n"),
    );
    const result = await dyad(["ingest", file, "--db", db2, "--json"]);
    assert.equal(result.code, 1);
    const summary = JSON.parse(result.out) as IngestSummary;
    assert.equal(summary.new, 1);
    assert.equal(summary.failed, 2);
    const errors = await dyad(["errors", "--format", "jsonl", "--db", db2]);
    const listed = errors.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { key: string; code: string });
    assert.deepEqual(listed.map((e) => [e.key, e.code]).sort(), [
      [`${file}:2`, "E_JSONL"],
      [`${file}:3`, "E_BAD_DATE"],
    ]);
  });

  it("lists the quotes of articles given as inputs, without a store", async (t) => {
    if (!existsSync(REFERENCE)) {
      t.skip("../shared/ is absent");
      return;
    }
    const result = await dyad(["quotes", REFERENCE, "--format", "jsonl"]);
    assert.equal(result.code, 0, result.err);
    for (const line of result.out.trim().split("\n").filter(Boolean)) {
      const q = JSON.parse(line) as { text: string; article: { date: string } };
      assert.equal(q.article.date, "2025-05-26");
    }
  });
});
