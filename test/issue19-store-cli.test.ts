// Issue 19 through the CLI: only what happened reaches series and exports, no self-pairs, export --limit,
// actor names that say what they matched, series with zeros, by year and for one actor.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { GDELT_COLUMNS, PAIRS_PER_EVENT } from "../src/export/gdelt.js";
import { articleModal, articleReciprocal, fixtureItems } from "../src/store/fixtures.js";
import { openStore } from "../src/store/index.js";
import { dyad } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-issue19-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const col = (name: (typeof GDELT_COLUMNS)[number]) => GDELT_COLUMNS.indexOf(name);
const rows = (out: string) =>
  out
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t"));

describe("issue 19: what the store's views and exports count", () => {
  /** One negated and one asserted ISR/IRN strike, an intent to talk, and a reciprocal meeting. */
  const db = `sqlite:${join(dir, "modal.db")}`;
  /** The four fixture articles. */
  const fixtures = `sqlite:${join(dir, "fixtures.db")}`;
  before(async () => {
    const store = await openStore(db);
    await store.write({ coded: [articleModal(), articleReciprocal()] });
    await store.close();
    const other = await openStore(fixtures);
    await other.write({ coded: fixtureItems() });
    await other.close();
  });

  it("leaves a negated event out of the GDELT export, and puts it in with --modality (issue 19)", async () => {
    const plain = await dyad(["export", "--format", "gdelt", "--dyad", "ISR:IRN", "--db", db]);
    assert.equal(plain.code, 0, plain.err);
    const codes = rows(plain.out).map((r) => [
      r[col("Actor1Code")],
      r[col("Actor2Code")],
      r[col("EventCode")],
    ]);
    assert.deepEqual(codes, [
      ["IRN", "ISR", "190"],
      ["IRN", "ISR", "036"],
    ]);
    const all = await dyad([
      "export",
      "--format",
      "gdelt",
      "--dyad",
      "ISR:IRN",
      "--modality",
      "all",
      "--db",
      db,
    ]);
    assert.ok(
      rows(all.out).some((r) => r[col("Actor1Code")] === "ISR" && r[col("GoldsteinScale")] === "-10"),
    );
    const negated = await dyad(["export", "--format", "gdelt", "--modality", "negated", "--db", db]);
    assert.deepEqual(
      rows(negated.out).map((r) => r[col("Actor1Code")]),
      ["ISR"],
    );
    for (const format of ["plover", "jsonl"]) {
      const out = await dyad(["export", "--format", format, "--dyad", "ISR:IRN", "--db", db]);
      const modalities = out.out
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { modality: string }).modality);
      assert.deepEqual(modalities, ["asserted", "future"], format);
    }
    const csv = await dyad([
      "export",
      "--format",
      "csv",
      "--modality",
      "all",
      "--dyad",
      "ISR:IRN",
      "--db",
      db,
    ]);
    const [header, ...lines] = csv.out.trim().split("\r\n");
    assert.ok(header.split(",").includes("modality"));
    assert.deepEqual(
      lines.map((l) => /,(negated|asserted|future),/.exec(l)?.[1]),
      ["negated", "asserted", "future"],
    );
  });

  it("counts only what happened in dyad series and says which modalities it counted (issue 19)", async () => {
    const csv = await dyad(["series", "--dyad", "ISR:IRN", "--format", "csv", "--db", db]);
    assert.equal(csv.code, 0, csv.err);
    assert.match(csv.out, /^period,events,/);
    assert.match(csv.out, /\r\n2025-07,2,1,0,0,1,-6,-3,1\r\n$/);
    assert.match(csv.err, /modalities counted: asserted, reported, future \(intent codes 03x only\)/);
    const all = await dyad([
      "series",
      "--dyad",
      "ISR:IRN",
      "--modality",
      "all",
      "--format",
      "jsonl",
      "--db",
      db,
    ]);
    assert.equal((JSON.parse(all.out.trim()) as { events: number }).events, 3);
    assert.match(all.err, /modalities counted: all modalities/);
    const table = await dyad(["series", "--dyad", "ISR:IRN", "--modality", "negated", "--db", db]);
    assert.match(table.out, /^modalities counted: negated\n/);
    const top = await dyad(["actors", "--top", "--format", "jsonl", "--db", db]);
    const israel = top.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { code: string; asSource: number })
      .find((a) => a.code === "ISR");
    assert.equal(israel?.asSource, 0);
    const bad = await dyad(["series", "--dyad", "ISR:IRN", "--modality", "maybe", "--db", db]);
    assert.equal(bad.code, 2);
  });

  it("exports a reciprocal compound event without self-pairs (issue 19)", async () => {
    const gdelt = await dyad(["export", "--format", "gdelt", "--root", "04", "--db", db]);
    const pairs = rows(gdelt.out).map((r) => `${r[col("Actor1Code")]}>${r[col("Actor2Code")]}`);
    assert.deepEqual(pairs, ["RUS>USA", "USA>RUS"]);
    const ids = rows(gdelt.out).map((r) => Number(r[col("GLOBALEVENTID")]));
    assert.equal(new Set(ids.map((id) => Math.floor(id / PAIRS_PER_EVENT))).size, 1);
    const self = await dyad(["events", "--dyad", "RUS:RUS", "--format", "jsonl", "--db", db]);
    assert.equal(self.out, "");
  });

  it("stops every export format at --limit (issue 19)", async () => {
    for (const format of ["gdelt", "plover", "csv", "jsonl"]) {
      const out = await dyad([
        "export",
        "--format",
        format,
        "--limit",
        "2",
        "--modality",
        "all",
        "--db",
        fixtures,
      ]);
      assert.equal(out.code, 0, out.err);
      const lines = out.out.trim().split(/\r?\n/);
      if (format === "gdelt") {
        const events = new Set(rows(out.out).map((r) => Math.floor(Number(r[0]) / PAIRS_PER_EVENT)));
        assert.equal(events.size, 2, format);
      } else assert.equal(lines.length - (format === "csv" ? 1 : 0), 2, format);
    }
  });

  it("reads actor names, says which actors they matched, and names a term that matched none (issue 19)", async () => {
    const iran = await dyad(["events", "--actor", "Iran", "--format", "jsonl", "--db", fixtures]);
    assert.equal(iran.code, 0, iran.err);
    assert.match(iran.err, /matched --actor 'Iran': IRN \(Iran\)/);
    assert.match(iran.err, /IRNGOV \(Abbas Araghchi\)/);
    const code = await dyad(["events", "--actor", "IRN", "--format", "jsonl", "--db", fixtures]);
    assert.equal(iran.out, code.out);
    const person = await dyad(["events", "--actor", "Araghchi", "--format", "jsonl", "--db", fixtures]);
    assert.match(person.err, /matched --actor 'Araghchi': IRNGOV \(Abbas Araghchi\)\n/);
    assert.equal(person.out.trim().split("\n").length, 1);
    const body = await dyad([
      "events",
      "--actor",
      "the United Nations",
      "--format",
      "jsonl",
      "--db",
      fixtures,
    ]);
    assert.match(body.err, /IGOUNO \(António Guterres\)/);
    assert.equal(body.out.trim().split("\n").length, 1);
    const none = await dyad(["events", "--actor", "Khamenei", "--db", fixtures]);
    assert.match(none.err, /matched: nothing in the store for --actor 'Khamenei'/);
    assert.match(
      none.err,
      /\(modalities: asserted, reported, future \(intent codes 03x only\); --modality all/,
    );
    const speaker = await dyad(["quotes", "--speaker", "Sharif", "--format", "jsonl", "--db", fixtures]);
    assert.match(speaker.err, /matched --speaker 'Sharif': PAKGOV \(Shehbaz Sharif\)/);
    assert.equal(speaker.out.trim().split("\n").length, 1);
  });

  it("gives the series of one actor by year, and zeros for the empty periods (issue 19)", async () => {
    const year = await dyad([
      "series",
      "--actor",
      "Pakistan",
      "--by",
      "year",
      "--format",
      "csv",
      "--db",
      fixtures,
    ]);
    assert.equal(year.code, 0, year.err);
    assert.match(year.out, /\r\n2025,\d+,/);
    const months = await dyad([
      "series",
      "--dyad",
      "IRN:PAK",
      "--since",
      "2025-03-01",
      "--until",
      "2025-08-31",
      "--format",
      "csv",
      "--db",
      fixtures,
    ]);
    const periods = months.out
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",").slice(0, 2).join(","));
    assert.deepEqual(periods, ["2025-03,0", "2025-04,0", "2025-05,4", "2025-06,1", "2025-07,0", "2025-08,0"]);
    const neither = await dyad(["series", "--db", fixtures]);
    assert.equal(neither.code, 2);
    assert.match(neither.err, /--dyad A:B or --actor A/);
  });
});
