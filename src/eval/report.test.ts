import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { goldLabelText, labelRows } from "./report.js";

describe("labelRows", () => {
  test("per label: gold = right + coded as other + missed; predicted = right + confused into it + false alarms", () => {
    const rows = labelRows({
      scheme: "cameo",
      right: { "04": 2 },
      confused: { "04": { "05": 1 } },
      misses: { "04": 1, "11": 1 },
      falseAlarms: { "05": 1 },
    });
    assert.deepEqual(
      rows.map((r) => [
        r.label,
        r.gold,
        r.right,
        r.missed,
        r.predicted,
        r.falseAlarms,
        r.precision,
        r.recall,
      ]),
      [
        ["04", 4, 2, 1, 2, 0, 1, 0.5],
        ["05", 0, 0, 0, 2, 1, 0, null],
        ["11", 1, 0, 1, 0, 0, null, 0],
      ],
    );
    assert.deepEqual(rows[0].asOther, { "05": 1 });
  });
});

describe("goldLabelText", () => {
  test("one line per gold event, wildcards as *", () => {
    assert.equal(goldLabelText({ source: "HUN", target: "", plover: ["AGREE"] }), "HUN -> * AGREE");
    assert.equal(
      goldLabelText({
        source: "IRN",
        target: "PAK",
        root: ["05", "01"],
        source_sector: ["GOV"],
        date: ["2025-05-26"],
      }),
      "IRN(GOV) -> PAK 05|01 on 2025-05-26",
    );
  });
});
