import assert from "node:assert/strict";
import { test } from "node:test";
import { isDyadError } from "../core/errors.js";
import type { ActorQuery, NamedActors } from "./actors.js";
import {
  DEFAULT_MODALITY,
  parseEventFilter,
  parseQuoteFilter,
  parseSeriesOptions,
  parseWith,
  SeriesSchema,
} from "./filters.js";

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(isDyadError(e));
    return { code: e.code, origin: e.origin, message: e.message };
  }
  assert.fail("expected an error");
};

/** A tiny names table in place of the knowledge base's: "Iran" is IRN, "United Nations" is the UN. */
const names = (name: string): NamedActors | undefined =>
  name.toLowerCase() === "iran"
    ? { countries: ["IRN"], orgs: [] }
    : name.toLowerCase() === "united nations"
      ? { countries: [], orgs: [{ org: "UN", code: "IGOUNO" }] }
      : undefined;

test("event filter strings become a store filter; absent fields stay absent but the modality default", () => {
  assert.deepEqual(
    parseEventFilter({
      dyad: "IRN:PAK",
      directed: "true",
      quad: "4",
      modality: "asserted,reported",
      limit: "5",
    }),
    { dyad: { a: "IRN", b: "PAK" }, directed: true, quad: 4, modality: ["asserted", "reported"], limit: 5 },
  );
  assert.deepEqual(parseEventFilter({ directed: undefined, actor: undefined }), {
    modality: DEFAULT_MODALITY,
  });
});

test("modality: absent is what happened, 'all' is every modality (issue 19)", () => {
  assert.equal(parseEventFilter({}).modality, "happened");
  assert.equal("modality" in parseEventFilter({ modality: "all" }), false);
  assert.equal("modality" in parseEventFilter({ modality: "ALL" }), false);
  assert.equal(failure(() => parseEventFilter({ modality: " , " })).origin, "modality");
});

test("actor terms are read with the names given: a country's name, an org's name, a code (issue 19)", () => {
  const f = parseEventFilter({ actor: "Iran", dyad: "United Nations:IRNGOV" }, { names });
  const actor = f.actor as ActorQuery;
  assert.deepEqual(actor.countries, ["IRAN", "IRN"]);
  assert.equal(actor.nameWords, "iran");
  assert.ok(f.dyad);
  const a = f.dyad.a as ActorQuery;
  assert.ok(a.orgs.includes("UN") && a.codePrefixes.includes("IGOUNO"));
  assert.deepEqual((f.dyad.b as ActorQuery).codePrefixes, ["IRNGOV"]);
  assert.equal(parseEventFilter({ actor: "Iran" }).actor, "Iran");
});

test("a bad filter names its field, as the caller labels it", () => {
  assert.deepEqual(
    failure(() => parseEventFilter({ root: "4" }, { label: (f) => `--${f}` })).origin,
    "--root",
  );
  const bad = failure(() => parseEventFilter({ since: "2025-02-30" }));
  assert.equal(bad.code, "E_FILTER");
  assert.equal(bad.origin, "since");
  assert.equal(failure(() => parseEventFilter({ modality: "maybe" })).origin, "modality");
  assert.equal(failure(() => parseEventFilter({ limit: "0" })).origin, "limit");
  assert.equal(failure(() => parseEventFilter({ directed: true })).origin, "directed");
  assert.equal(failure(() => parseEventFilter({ dyad: "IRN" })).origin, "dyad");
});

test("a text query with nothing to search for is an error naming text (issue 19)", () => {
  assert.equal(
    parseEventFilter({ text: '"prime minister" OR sanction*' }).text,
    '"prime minister" OR sanction*',
  );
  const bad = failure(() => parseEventFilter({ text: "the of" }));
  assert.equal(bad.code, "E_FILTER");
  assert.equal(bad.origin, "text");
  assert.match(bad.message, /common words/);
  assert.equal(failure(() => parseQuoteFilter({ text: "OR" })).origin, "text");
});

test("quote and series filters share the day and dyad rules", () => {
  assert.deepEqual(parseQuoteFilter({ speaker: "IRN", since: "2025-01-01" }), {
    speaker: "IRN",
    since: "2025-01-01",
  });
  assert.equal(failure(() => parseQuoteFilter({ until: "yesterday" })).origin, "until");
  assert.deepEqual(parseWith(SeriesSchema, { dyad: "USA:CHN", by: "week" }), {
    dyad: { a: "USA", b: "CHN" },
    by: "week",
  });
  assert.equal(failure(() => parseWith(SeriesSchema, { dyad: "USA:CHN", by: "decade" })).origin, "by");
});

test("a series is of a dyad or of one actor, by year too, counting what happened (issue 19)", () => {
  assert.deepEqual(parseSeriesOptions({ actor: "IRN", by: "year" }), {
    actor: "IRN",
    by: "year",
    filter: { modality: "happened" },
  });
  assert.deepEqual(parseSeriesOptions({ dyad: "IRN:PAK", directed: true, modality: "all", root: "19" }), {
    dyad: { a: "IRN", b: "PAK" },
    by: "month",
    directed: true,
    filter: { root: "19" },
  });
  assert.equal(failure(() => parseSeriesOptions({ by: "month" })).origin, "dyad");
  assert.equal(failure(() => parseSeriesOptions({ dyad: "A:B", actor: "C" })).origin, "actor");
  assert.equal(failure(() => parseSeriesOptions({ actor: "C", directed: true })).origin, "directed");
});
