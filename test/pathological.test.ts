// No pathological article (issue 19, item 4): coding time grows with an article's length and no faster, a
// run-on sentence is cut, an article gives a bounded number of events, and one article that cannot be
// written does not sink its batch.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { MAX_EVENTS_PER_ARTICLE } from "../src/code/coder.js";
import type { Article, CodedArticle } from "../src/core/types.js";
import type { ReadResult } from "../src/ingest/index.js";
import { MAX_SENTENCE_TOKENS } from "../src/nlp/index.js";
import { createDyad, type Dyad } from "../src/pipeline/dyad.js";
import { codeLines } from "../src/pipeline/stream.js";
import { dyad as cli, ROOT } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-issue19-size-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled examples' bodies: ordinary news paragraphs. */
const PARAGRAPHS = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) =>
    readFileSync(join(ROOT, "examples", f), "utf8")
      .replace(/^\s*date \S+\s*/, "")
      .trim(),
  );

/** Paragraphs repeated up to about `bytes`, cut at a word. */
function newsText(bytes: number): string {
  const all = PARAGRAPHS.join("\n\n");
  let text = "";
  while (text.length < bytes) text += `${all}\n\n`;
  return text.slice(0, bytes).replace(/\s+\S*$/, ".");
}

/** The same text with every sentence end made a comma: one sentence. */
function runOn(bytes: number): string {
  return newsText(bytes)
    .replace(/[.!?;:]/g, ",")
    .replace(/\s+/g, " ");
}

const article = (id: string, text: string): Article => ({ id, date: "2025-05-26", text, origin: id });

/** Seconds per byte of coding an article, best of `runs` (the machine is shared: the best is the least noisy). */
function secondsPerByte(d: Dyad, a: Article, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    d.code(a);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best / Buffer.byteLength(a.text);
}

test("issue 19: a 2 MB article and a 200 KB run-on sentence code within twice the time per byte of a normal article", () => {
  const d = createDyad();
  const normal = article("normal", newsText(40_000));
  secondsPerByte(d, normal, 3); // warm-up: the engine compiles the hot paths
  const base = secondsPerByte(d, normal, 5);
  const long = secondsPerByte(d, article("long", newsText(2_000_000)), 1);
  const runon = secondsPerByte(d, article("runon", runOn(200_000)), 1);
  const baseAfter = secondsPerByte(d, normal, 5);
  const perByte = Math.max(base, baseAfter);
  assert.ok(
    long < 2 * perByte,
    `2 MB: ${(long / perByte).toFixed(2)}x the time per byte of a normal article`,
  );
  assert.ok(
    runon < 2 * perByte,
    `run-on: ${(runon / perByte).toFixed(2)}x the time per byte of a normal article`,
  );
});

test("issue 19: a run-on sentence is cut into sentences of at most the token limit", () => {
  const d = createDyad();
  const doc = d.analyse(article("runon", runOn(30_000)));
  assert.ok(doc.sentences.length > 1);
  for (const s of doc.sentences) assert.ok(s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS);
  // The pieces cover the text without a gap: every token is in the sentence its index says.
  for (let i = 1; i < doc.sentences.length; i++) {
    assert.equal(doc.sentences[i].tokenStart, doc.sentences[i - 1].tokenEnd);
  }
});

test("issue 19: an article gives at most the event limit, with an E_EVENT_LIMIT warning", () => {
  const d = createDyad();
  const record = d.code(article("long", newsText(400_000)));
  assert.equal(record.events.length, MAX_EVENTS_PER_ARTICLE);
  assert.deepEqual(
    record.errors.map((e) => e.code),
    ["E_EVENT_LIMIT"],
  );
  const small = d.code(article("small", newsText(5_000)));
  assert.ok(small.events.length > 0 && small.events.length < MAX_EVENTS_PER_ARTICLE);
  assert.deepEqual(small.errors, []);
});

test("issue 19: dyad code writes the batch's other articles intact around a 200 KB run-on article", async () => {
  const good1 = "date 2025-05-26\nIran praised Pakistan on Monday.";
  const good2 = "date 2025-05-27\nIndia criticised China on Tuesday.";
  writeFileSync(join(dir, "a.txt"), good1);
  writeFileSync(join(dir, "b.txt"), `date 2025-05-26\n${runOn(200_000)}`);
  writeFileSync(join(dir, "c.txt"), good2);
  for (const format of ["jsonl", "json"]) {
    const { code, out, err } = await cli(["code", "--workers", "1", "--format", format, dir]);
    assert.equal(code, 0, err);
    const records: CodedArticle[] =
      format === "json"
        ? JSON.parse(out)
        : out
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l));
    assert.equal(records.length, 3);
    const alone = async (file: string) =>
      JSON.parse((await cli(["code", "--workers", "1", join(dir, file)])).out) as CodedArticle;
    assert.deepEqual(records[0], await alone("a.txt"));
    assert.deepEqual(records[2], await alone("c.txt"));
    assert.ok(records[0].events.length > 0 && records[2].events.length > 0);
  }
});

test("issue 19: an article whose record cannot be written is one E_OUTPUT error and the others are written", async () => {
  const real = createDyad();
  // A record no JSON can hold stands for one too large to serialise.
  const broken: Dyad = {
    ...real,
    codeMany: (articles) =>
      real.codeMany(articles).map((r, k) => {
        if (!r.ok || articles[k].id !== "bad") return r;
        return { ok: true, record: { ...r.record, title: 1n as unknown as string } };
      }),
  };
  async function* source(): AsyncGenerator<ReadResult> {
    for (const id of ["one", "bad", "two"]) {
      yield { ok: true, article: article(id, "Iran praised Pakistan on Monday.") };
    }
  }
  const results = [];
  for await (const line of codeLines(source(), { dyad: broken })) results.push(line);
  assert.deepEqual(
    results.map((r) => (r.ok ? JSON.parse(r.json).id : r.error.code)),
    ["one", "E_OUTPUT", "two"],
  );
});
