import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fixtureStoredEvents } from "../store/fixtures.js";
import type { StoredEvent } from "../store/index.js";
import { fractionDate, GDELT_COLUMNS, gdeltHeader, gdeltLines, gdeltRows } from "./gdelt.js";
import { exportParquet, exportText, inspectParquet } from "./index.js";
import { toPlover } from "./plover.js";
import { RECORD_COLUMNS, recordCsvHeader, recordCsvLine, recordRow } from "./record.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const events = fixtureStoredEvents();
const byId = (id: string): StoredEvent => {
  const e = events.find((x) => x.id === id);
  assert.ok(e, id);
  return e;
};

async function* stream(list: readonly StoredEvent[]) {
  yield* list;
}

/** Splits CSV text into rows of fields (RFC 4180 quoting), for checking what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r") continue;
    else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}

describe("GDELT export", () => {
  it("has the 61 columns of the GDELT 2.0 event table, in order", () => {
    assert.equal(GDELT_COLUMNS.length, 61);
    assert.equal(gdeltHeader().split("\t").length, 61);
    const reference = join(import.meta.dirname, "../../../shared/reference/gdelt2_events_schema.csv");
    if (!existsSync(reference)) {
      process.stdout.write(`# ../shared/reference is absent: column names checked by count only\n`);
      return;
    }
    const names = readFileSync(reference, "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0])
      .filter(Boolean);
    assert.deepEqual([...GDELT_COLUMNS], names);
  });

  it("writes exactly 61 tab-separated fields per row with the key fields filled", () => {
    const text = events.map((e) => gdeltLines(e)).join("");
    const lines = text.trimEnd().split("\n");
    assert.equal(lines.length, 11, "10 events, one with a compound target");
    const col = (name: string) => GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number]);
    for (const line of lines) {
      const fields = line.split("\t");
      assert.equal(fields.length, 61, line);
      for (const name of [
        "SQLDATE",
        "Actor1Code",
        "Actor2Code",
        "EventCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
      ]) {
        assert.notEqual(fields[col(name)], "", `${name} in ${line}`);
      }
    }
  });

  it("fills dates, actors, codes and the action place from our fields", () => {
    const [row] = gdeltRows(byId("fx-001-e1"));
    const get = (name: string) => row[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])];
    assert.equal(get("GLOBALEVENTID"), byId("fx-001-e1").gid * 100);
    assert.equal(get("SQLDATE"), "20250526");
    assert.equal(get("MonthYear"), "202505");
    assert.equal(get("Year"), "2025");
    assert.equal(get("FractionDate"), fractionDate("2025-05-26"));
    assert.equal(get("Actor1Code"), "IRNGOV");
    assert.equal(get("Actor1Name"), "MASOUD PEZESHKIAN");
    assert.equal(get("Actor1CountryCode"), "IRN");
    assert.equal(get("Actor1Type1Code"), "GOV");
    assert.equal(get("Actor2Code"), "PAKGOV");
    assert.equal(get("IsRootEvent"), 1);
    assert.equal(get("EventCode"), "043");
    assert.equal(get("EventBaseCode"), "043");
    assert.equal(get("EventRootCode"), "04");
    assert.equal(get("QuadClass"), 1);
    assert.equal(get("GoldsteinScale"), 2.8);
    assert.equal(get("NumMentions"), 1);
    assert.equal(get("ActionGeo_Type"), 4);
    assert.equal(get("ActionGeo_FullName"), "Tehran");
    assert.equal(get("ActionGeo_Lat"), 35.6892);
    assert.equal(get("DATEADDED"), "20250604100000");
    assert.equal(get("SOURCEURL"), "https://example.org/news/fx-001");
  });

  it("gives one row per source-target pair, and the known group code of an organisation", () => {
    const rows = gdeltRows(byId("fx-004-e1"));
    const at = (r: (typeof rows)[number], name: string) =>
      r[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])];
    assert.deepEqual(
      rows.map((r) => [at(r, "Actor1Code"), at(r, "Actor1KnownGroupCode"), at(r, "Actor2Code")]),
      [
        ["IGOUNO", "UNO", "IRN"],
        ["IGOUNO", "UNO", "PAK"],
      ],
    );
    assert.equal(new Set(rows.map((r) => at(r, "GLOBALEVENTID"))).size, 2);
  });

  it("computes FractionDate as GDELT does", () => {
    assert.equal(fractionDate("2025-05-26"), "2025.4822");
    assert.equal(fractionDate("2000-01-01"), "2000.0849");
  });
});

describe("PLOVER export", () => {
  it("writes actor and recipient lists, event type, mode, context, place and offsets", () => {
    const record = toPlover(byId("fx-001-e1"), { context: (code) => (code === "043" ? "diplomatic" : null) });
    assert.equal(record.id, "fx-001-e1");
    assert.equal(record.date, "2025-05-26");
    assert.deepEqual(
      record.actor.map((a) => [a.code, a.sector, a.entity_text, a.cameo_code]),
      [["IRN", "GOV", "Masoud Pezeshkian", "IRNGOV"]],
    );
    assert.deepEqual(
      record.recipient.map((a) => a.code),
      ["PAK"],
    );
    assert.deepEqual(record.event, ["CONSULT"]);
    assert.deepEqual(record.mode, ["visit"]);
    assert.deepEqual(record.context, ["diplomatic"]);
    assert.equal(record.event_loc?.resolved_place, "Tehran");
    assert.equal(record.event_loc?.country_code, "IRN");
    assert.deepEqual(record.text_info, { sequence: 1, start: 36, end: 42 });
    assert.equal(record.event_text[0], "hosted");
    assert.match(record.text, /^Iranian President/);
    const un = toPlover(byId("fx-004-e1"));
    assert.equal(un.actor[0].code, "UN");
    assert.deepEqual(un.context, []);
  });
});

describe("CSV and JSONL exports of our record", () => {
  it("writes a header and one row per event, quoting commas", async () => {
    let text = "";
    const n = await exportText(stream(events), "csv", (s) => {
      text += s;
    });
    assert.equal(n, 10);
    const rows = parseCsv(text);
    assert.deepEqual(
      rows[0],
      RECORD_COLUMNS.map(([c]) => c),
    );
    assert.equal(rows.length, 11);
    for (const r of rows) assert.equal(r.length, RECORD_COLUMNS.length);
    const sentence = rows[0].indexOf("sentence_text");
    const e3 = rows.find((r) => r[1] === "fx-001-e3");
    assert.equal(e3?.[sentence], byId("fx-001-e3").evidence.text);
    assert.match(
      recordCsvLine(byId("fx-001-e3")),
      /"The Iranian president also condemned Israel over the strikes, state media reported\."/,
    );
    assert.equal(recordCsvHeader().trimEnd().split(",").length, RECORD_COLUMNS.length);
  });

  it("joins several actors on one side with ';'", () => {
    const row = recordRow(byId("fx-004-e1"));
    assert.equal(row.target_codes, "IRN;PAK");
    assert.equal(row.target_names, "Iran;Pakistan");
  });

  it("writes JSON lines that read back as the stored events", async () => {
    let text = "";
    await exportText(stream(events), "jsonl", (s) => {
      text += s;
    });
    const back = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as StoredEvent);
    assert.deepEqual(back, events);
  });
});

describe("Parquet export", () => {
  it("writes a file that DuckDB reads back with every row and column", async () => {
    const file = join(dir, "events.parquet");
    const n = await exportParquet(stream(events), file);
    assert.equal(n, 10);
    const back = await inspectParquet(file);
    assert.equal(back.rows, 10);
    assert.deepEqual(
      back.columns,
      RECORD_COLUMNS.map(([c]) => c),
    );
  });
});
