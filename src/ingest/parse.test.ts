import assert from "node:assert/strict";
import { test } from "node:test";
import { DyadError } from "../core/errors.js";
import { checkDate, parseRecord, parseText } from "./parse.js";

test("the reference header is read and left out of the body, on the same line or the next", () => {
  assert.deepEqual(
    [
      parseText("  date 2025-05-26 Iran spoke.", "a").text,
      parseText("date 2025-05-26\nIran spoke.", "b").text,
    ],
    ["Iran spoke.", "Iran spoke."],
  );
  assert.equal(parseText("date 2025-05-26\nIran spoke.", "b").date, "2025-05-26");
});

test("ids are stable content hashes unless given", () => {
  assert.equal(parseText("date 2025-05-26 x", "a").id, parseText("date 2025-05-26 x", "b").id);
  assert.notEqual(parseText("date 2025-05-26 x", "a").id, parseText("date 2025-05-27 x", "a").id);
  assert.equal(parseRecord('{"id":7,"date":"2025-05-26","text":"x"}', "f:1").id, "7");
});

test("impossible dates are refused", () => {
  assert.throws(
    () => checkDate("2025-02-30"),
    (e: unknown) => e instanceof DyadError && e.code === "E_BAD_DATE",
  );
  assert.throws(
    () => checkDate("26/05/2025"),
    (e: unknown) => e instanceof DyadError && e.code === "E_BAD_DATE",
  );
  assert.equal(checkDate("2024-02-29"), "2024-02-29");
});

test("JSONL records keep optional fields and ignore the rest", () => {
  const a = parseRecord('{"id":"a","date":"2025-05-26","text":"x","title":"T","url":"u","events":[]}', "f:1");
  assert.deepEqual(
    { title: a.title, url: a.url, source: a.source },
    { title: "T", url: "u", source: undefined },
  );
  assert.throws(
    () => parseRecord('{"id":"a","date":"2025-05-26","text":5}', "f:2"),
    /'text' must be a string.*E_FIELD/,
  );
});
