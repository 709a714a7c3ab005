import assert from "node:assert/strict";
import { test } from "node:test";
import { isDyadError } from "../core/errors.js";
import { parseEventFilter, parseQuoteFilter, parseWith, SeriesSchema } from "./filters.js";

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(isDyadError(e));
    return { code: e.code, origin: e.origin, message: e.message };
  }
  assert.fail("expected an error");
};

test("event filter strings become a store filter; absent fields stay absent", () => {
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
  assert.deepEqual(parseEventFilter({ directed: undefined, actor: undefined }), {});
});

test("a bad filter names its field, as the caller labels it", () => {
  assert.deepEqual(failure(() => parseEventFilter({ root: "4" }, (f) => `--${f}`)).origin, "--root");
  const bad = failure(() => parseEventFilter({ since: "2025-02-30" }));
  assert.equal(bad.code, "E_FILTER");
  assert.equal(bad.origin, "since");
  assert.equal(failure(() => parseEventFilter({ modality: "maybe" })).origin, "modality");
  assert.equal(failure(() => parseEventFilter({ limit: "0" })).origin, "limit");
  assert.equal(failure(() => parseEventFilter({ directed: true })).origin, "directed");
  assert.equal(failure(() => parseEventFilter({ dyad: "IRN" })).origin, "dyad");
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
