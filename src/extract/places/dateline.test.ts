// Datelines (issue 14): the place and country a wire story was filed from, on doc.dateline.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Doc } from "../../core/types.js";
import { getNlp } from "../../nlp/index.js";
import { createDyad } from "../../pipeline/dyad.js";
import { createPlacesComponent, loadGazetteer } from "./index.js";

const places = createPlacesComponent(loadGazetteer());

function read(text: string): Doc {
  return places.run(getNlp().read({ id: "t", date: "2025-05-28", text }), undefined);
}

test("a dateline gives its text, place and country in each wire form (issue 14)", () => {
  const cases: [string, string, string, string][] = [
    ["ISLAMABAD: Talks resumed on Monday.", "ISLAMABAD:", "Islamabad", "PAK"],
    ["ISLAMABAD, May 3 - Talks resumed on Monday.", "ISLAMABAD, May 3 -", "Islamabad", "PAK"],
    ["NEW YORK (Reuters) - Talks resumed on Monday.", "NEW YORK (Reuters) -", "New York City", "USA"],
    ["KYIV, Ukraine — Talks resumed on Monday.", "KYIV, Ukraine —", "Kyiv", "UKR"],
    ["BEIRUT (AP) — Talks resumed on Monday.", "BEIRUT (AP) —", "Beirut", "LBN"],
  ];
  for (const [text, dateline, place, country] of cases) {
    const d = read(text).dateline;
    assert.ok(d, text);
    assert.deepEqual([d.text, d.place?.name, d.country], [dateline, place, country], text);
    assert.equal(text.slice(d.start, d.end), dateline);
  }
});

test("the country written after the place chooses among places of the same name (issue 14)", () => {
  assert.equal(read("TRIPOLI, Lebanon (AP) — Talks resumed.").dateline?.country, "LBN");
});

test("a body without a dateline has none (issue 14)", () => {
  assert.equal(read("Note: talks resumed on Monday.").dateline, null);
  assert.equal(read("Officials - some of them senior - met.").dateline, null);
  assert.equal(read("Pakistan and India resumed talks.").dateline, null);
  assert.equal(read("BREAKING: Pakistan and India resumed talks.").dateline, null);
});

test("the dateline's words are no actors and make no event (issue 14)", () => {
  const dyad = createDyad();
  const doc = dyad.analyse({
    id: "t",
    date: "2025-05-28",
    text: "BEIRUT (AP) — Israel struck targets in Gaza.",
  });
  assert.ok(doc.dateline, "no dateline");
  assert.ok(!doc.mentions.some((m) => m.start < (doc.dateline?.end ?? 0)), "a mention inside the dateline");
  assert.ok(doc.events.length > 0, "the sentence after the dateline is still coded");
  for (const e of doc.events) {
    for (const a of [...e.source, ...e.target]) assert.ok(a.start >= (doc.dateline?.end ?? 0), a.text);
    assert.notEqual(e.source[0]?.country, "LBN");
  }
});
