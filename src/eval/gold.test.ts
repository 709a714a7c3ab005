import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DyadError } from "../core/errors.js";
import { parseGold, parseGoldLines } from "./gold.js";

const line = (value: unknown) => JSON.stringify(value);
const base = { id: "h01", date: "2025-03-04", text: "Turkey's president met Azerbaijan's president." };

function dataError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DyadError);
    assert.equal(e.code, "E_DATA");
    assert.match(e.message, pattern);
    return true;
  });
}

describe("parseGold", () => {
  test("reads the README example, with forbid and quotes defaulting to empty lists", () => {
    const item = parseGold(
      line({
        ...base,
        events: [
          { source: "TUR", target: "AZE", root: ["04"] },
          { source: "PAK", target: "IRN", root: ["04"], optional: true },
          { source: "HUN", target: "", plover: ["AGREE"] },
        ],
        note: "extra fields of an item are ignored",
      }),
      "gold.jsonl:1",
    );
    assert.equal(item.id, "h01");
    assert.equal(item.events.length, 3);
    assert.equal(item.events[1].optional, true);
    assert.deepEqual(item.forbid, []);
    assert.deepEqual(item.quotes, []);
    assert.equal(item.origin, "gold.jsonl:1");
  });

  test("a numeric id becomes a string", () => {
    assert.equal(parseGold(line({ ...base, id: 7, events: [] }), "x").id, "7");
  });

  test("'---' (PETRARCH's unidentified actor) is an accepted key", () => {
    const item = parseGold(line({ ...base, events: [{ source: "---", target: "SYR", root: ["19"] }] }), "x");
    assert.equal(item.events[0].source, "---");
  });

  test("an event without root or plover is malformed", () => {
    dataError(
      () => parseGold(line({ ...base, events: [{ source: "TUR", target: "AZE" }] }), "g:3"),
      /g:3.*events\.0.*'root' or 'plover'/,
    );
  });

  test("a root outside 01-20 is malformed", () => {
    dataError(
      () => parseGold(line({ ...base, events: [{ source: "TUR", target: "AZE", root: ["21"] }] }), "g"),
      /events\.0\.root\.0.*CAMEO root.*"21"/,
    );
  });

  test("an unknown PLOVER type is malformed", () => {
    dataError(
      () => parseGold(line({ ...base, events: [{ source: "TUR", target: "", plover: ["FIGHT"] }] }), "g"),
      /events\.0\.plover\.0/,
    );
  });

  test("a misspelt event field is malformed, not silently ignored", () => {
    dataError(
      () => parseGold(line({ ...base, events: [{ source: "TUR", target: "AZE", roots: ["04"] }] }), "g"),
      /roots/,
    );
  });

  test("a lower-case actor key is malformed", () => {
    dataError(
      () => parseGold(line({ ...base, events: [{ source: "tur", target: "AZE", root: ["04"] }] }), "g"),
      /events\.0\.source/,
    );
  });

  test("an impossible date names the field", () => {
    dataError(() => parseGold(line({ ...base, date: "1211-08-", events: [] }), "g"), /date.*"1211-08-"/);
    dataError(() => parseGold(line({ ...base, date: "2025-02-30", events: [] }), "g"), /date/);
  });

  test("a forbid entry cannot be optional", () => {
    dataError(
      () =>
        parseGold(
          line({ ...base, events: [], forbid: [{ source: "", target: "", root: ["19"], optional: true }] }),
          "g",
        ),
      /forbid entry cannot be optional/,
    );
  });

  test("a line that is not JSON is malformed", () => {
    dataError(() => parseGold("{not json", "g:9"), /g:9.*not JSON/);
  });
});

describe("parseGoldLines", () => {
  test("skips blank lines, numbers origins by line and leaves malformed items out with an error", () => {
    const text = [
      line({ ...base, events: [] }),
      "",
      line({ ...base, date: "bad" }),
      line({ ...base, events: [] }),
    ].join("\n");
    const { items, errors } = parseGoldLines(`${text}\n`, "g.jsonl");
    assert.deepEqual(
      items.map((i) => i.origin),
      ["g.jsonl:1", "g.jsonl:4"],
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /g\.jsonl:3/);
  });

  test("repeated ids are kept apart by their origin", () => {
    const { items, errors } = parseGoldLines(
      [line({ ...base, events: [] }), line({ ...base, events: [] })].join("\n"),
      "g",
    );
    assert.equal(items.length, 2);
    assert.equal(errors.length, 0);
  });
});
