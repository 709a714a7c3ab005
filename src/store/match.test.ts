import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ActorNames, actorQuery } from "./actors.js";
import { fixtureItems } from "./fixtures.js";
import { actorMatches, quoteMatches } from "./match.js";
import type { QuoteFilter } from "./types.js";

describe("in-memory filters", () => {
  it("match actors by code prefix, country, org and name like the store does", () => {
    const [d] = fixtureItems();
    const guterres = d.record.events[0].source[0];
    const iran = d.record.events[0].target[0];
    assert.ok(actorMatches(guterres, "IGO"));
    assert.ok(actorMatches(guterres, "UN"));
    assert.ok(actorMatches(guterres, "un"));
    assert.ok(actorMatches(guterres, "antónio guterres"));
    assert.ok(!actorMatches(guterres, "Guter"));
    assert.ok(actorMatches(iran, "IRN"));
    assert.ok(!actorMatches(iran, "IRNGOV"));
    assert.ok(!actorMatches(null, "IRN"));
  });

  it("match any whole words of a name, and countries and bodies by their knowledge-base names (issue 19)", () => {
    const [d] = fixtureItems();
    const guterres = d.record.events[0].source[0];
    const iran = d.record.events[0].target[0];
    assert.ok(actorMatches(guterres, "Guterres"));
    assert.ok(actorMatches(guterres, "guterres"));
    assert.ok(!actorMatches(iran, "Guterres"));
    const names: ActorNames = (name) =>
      name.toLowerCase() === "united nations"
        ? { countries: [], orgs: [{ org: "UN", code: "IGOUNO" }] }
        : name.toLowerCase() === "islamic republic of iran"
          ? { countries: ["IRN"], orgs: [] }
          : undefined;
    assert.ok(actorMatches(guterres, actorQuery("United Nations", names)));
    assert.ok(!actorMatches(guterres, "United Nations"));
    assert.ok(actorMatches(iran, actorQuery("Islamic Republic of Iran", names)));
    assert.ok(!actorMatches(guterres, actorQuery("Islamic Republic of Iran", names)));
  });

  it("select the same quotes as the store's contract expects", () => {
    const cases: Array<[QuoteFilter, string[]]> = [
      [{ speaker: "PAK" }, ["fx-001", "fx-002"]],
      [{ speaker: "UN" }, ["fx-004"]],
      [{ about: "IRN" }, ["fx-002"]],
      [{ about: "Iran" }, ["fx-001", "fx-002"]],
      [{ text: "pressures" }, ["fx-001"]],
      [{ speaker: "PAK", text: "sanctions" }, ["fx-002"]],
    ];
    for (const [filter, expected] of cases) {
      const found = fixtureItems()
        .filter(({ record }) => record.quotes.some((q) => quoteMatches(q, record.events, filter)))
        .map(({ record }) => record.id)
        .sort();
      assert.deepEqual(found, expected, JSON.stringify(filter));
    }
  });
});
