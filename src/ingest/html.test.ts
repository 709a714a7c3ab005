import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DyadError } from "../core/errors.js";
import { dateInUrl, decodeHtml, looksLikeHtml, parseHtml, toDay } from "./html.js";

const PAGES = "test/fixtures/pages";

/** A page's expectation, written by hand beside it: header lines, the story's paragraphs, text that must not appear. */
function expectation(file: string) {
  const raw = readFileSync(file, "utf8");
  const [head, rest] =
    raw.split(/^---\n/m).length > 1
      ? [raw.split(/^---\n/m)[0], raw.slice(raw.indexOf("\n---\n") + 5)]
      : [raw, ""];
  const fields = Object.fromEntries(
    head
      .split("\n")
      .filter((l) => l.includes(": "))
      .map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]),
  );
  const [story, absent = ""] = rest.split(/^--- absent\n/m);
  return {
    fields,
    paragraphs: story.trim().split(/\n\n+/),
    absent: absent.split("\n").filter((l) => l.trim() !== ""),
  };
}

const pages = readdirSync(PAGES).filter((f) => f.endsWith(".html"));

test("there are at least 20 saved pages, each with its expectation (issue 18)", () => {
  assert.ok(pages.length >= 20, `${pages.length} pages`);
});

for (const page of pages) {
  test(`${page}: every paragraph of the story word for word, no furniture, and its metadata (issue 18)`, () => {
    const want = expectation(join(`${PAGES}-expected`, page.replace(/\.html$/, ".txt")));
    const html = decodeHtml(readFileSync(join(PAGES, page)), page);
    const article = parseHtml(html, page, { date: want.fields.fallback });
    assert.deepEqual(article.text.split("\n\n"), want.paragraphs);
    for (const words of want.absent)
      assert.ok(!article.text.includes(words), `"${words}" must not be in the text`);
    assert.equal(article.title, want.fields.title);
    assert.equal(article.date, want.fields.date);
    assert.equal(article.source, want.fields.outlet);
    assert.equal(article.url, want.fields.url);
  });
}

test("a page without a date takes --date, and without --date fails with E_NO_DATE naming the page", () => {
  const html =
    "<html><head><title>T</title></head><body><article><p>Iran and Oman held talks in Muscat on Sunday about shipping in the Gulf, their foreign ministries said.</p><p>The two sides agreed to meet again within a month.</p></article></body></html>";
  assert.equal(parseHtml(html, "p.html", { date: "2025-01-05" }).date, "2025-01-05");
  assert.throws(
    () => parseHtml(html, "saved/p.html"),
    (e: unknown) => e instanceof DyadError && e.code === "E_NO_DATE" && e.message.startsWith("saved/p.html"),
  );
});

test("the page's own date wins over --date", () => {
  const html =
    '<html><head><meta property="article:published_time" content="2024-11-02T08:00:00+09:00"></head><body><article><p>Japan and South Korea agreed on Saturday to resume regular talks between their defence ministers.</p></article></body></html>';
  assert.equal(parseHtml(html, "p.html", { date: "2025-01-05" }).date, "2024-11-02");
});

test("dates are read from timestamps as written and from article addresses", () => {
  assert.equal(toDay("2025-05-26T23:30:00-05:00"), "2025-05-26");
  assert.equal(toDay("20250526T101500Z"), "2025-05-26");
  assert.equal(toDay("not a date"), undefined);
  assert.equal(dateInUrl("https://x.example/world/2025/05/26/talks-resume"), "2025-05-26");
  assert.equal(dateInUrl("https://x.example/news/2025/7/3/talks"), "2025-07-03");
  assert.equal(dateInUrl("https://x.example/news/2025-05-26-talks"), "2025-05-26");
  assert.equal(dateInUrl("https://x.example/20250526/talks.html"), "2025-05-26");
  assert.equal(dateInUrl("https://x.example/world/2025/02/30/x"), undefined);
  assert.equal(dateInUrl("https://x.example/id/123456789"), undefined);
});

test("a page larger than its limit is refused with E_TOO_LARGE", () => {
  const html = `<html><body><p>${"x".repeat(2000)}</p></body></html>`;
  assert.throws(
    () => parseHtml(html, "big.html", { date: "2025-01-01", maxPageBytes: 1000 }),
    (e: unknown) => e instanceof DyadError && e.code === "E_TOO_LARGE",
  );
});

test("a page with no story text fails with E_EMPTY", () => {
  assert.throws(
    () =>
      parseHtml("<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav.html", {
        date: "2025-01-01",
      }),
    (e: unknown) => e instanceof DyadError && e.code === "E_EMPTY",
  );
});

test("HTML is recognised by its start, and decoded by its declared charset", () => {
  assert.ok(looksLikeHtml("\n<!DOCTYPE html><html>"));
  assert.ok(looksLikeHtml("<!-- saved --><html lang=en>"));
  assert.ok(!looksLikeHtml("date 2025-01-01 <b>Iran</b>"));
  const latin = Buffer.from(
    '<html><head><meta charset="windows-1252"></head><body>caf\xe9</body></html>',
    "latin1",
  );
  assert.ok(decodeHtml(latin, "l.html").includes("café"));
});
