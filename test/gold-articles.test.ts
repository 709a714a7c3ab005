// The project's whole-article gold set (test/gold/articles.jsonl, issue 14 item 6) keeps the shape its
// README promises: parseable items, whole wire articles with a dateline and a title, stories that must give
// nothing, and forbid entries that never forbid a code the same item accepts (a contradiction that would
// fail a right answer).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type GoldEvent, parseGoldLines } from "../src/eval/gold.js";

const FILE = fileURLToPath(new URL("./gold/articles.jsonl", import.meta.url));

function overlaps(forbid: GoldEvent, event: GoldEvent): boolean {
  const side = (a: string, b: string) => a === "" || b === "" || a === b;
  return (
    side(forbid.source, event.source) &&
    side(forbid.target, event.target) &&
    (forbid.root ?? []).some((r) => event.root?.includes(r))
  );
}

describe("test/gold/articles.jsonl (issue 14)", () => {
  const { items, errors } = parseGoldLines(readFileSync(FILE, "utf8"), FILE);

  test("every line is a valid gold item with a unique id", () => {
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
  });

  test("at least 30 whole articles of 5 to 12 paragraphs, dated 2019 to 2026, each with a title", () => {
    assert.ok(items.length >= 30, `${items.length} articles`);
    for (const item of items) {
      const paragraphs = item.text.split("\n\n").length;
      assert.ok(paragraphs >= 5 && paragraphs <= 12, `${item.id}: ${paragraphs} paragraphs`);
      assert.ok(item.date >= "2019-01-01" && item.date <= "2026-12-31", `${item.id}: ${item.date}`);
      assert.ok(item.title && item.title.length > 0, `${item.id}: no title`);
    }
  });

  test("every article opens with a dateline in capitals", () => {
    for (const item of items) {
      assert.match(item.text, /^[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+)*(?:,| \(|:| —)/, item.id);
    }
  });

  test("at least three stories give no event at all", () => {
    assert.ok(items.filter((i) => i.events.length === 0).length >= 3);
  });

  test("no forbid entry forbids a code that an event of the same item accepts", () => {
    const clashes = items.flatMap((item) =>
      item.forbid.flatMap((f) =>
        item.events
          .filter((e) => overlaps(f, e))
          .map((e) => `${item.id}: ${JSON.stringify(f)} vs ${JSON.stringify(e)}`),
      ),
    );
    assert.deepEqual(clashes, []);
  });

  test("every gold quote is a verbatim span of its article", () => {
    for (const item of items) {
      for (const q of item.quotes) assert.ok(item.text.includes(q.text), `${item.id}: ${q.text}`);
    }
  });
});
