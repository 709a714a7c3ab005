// The worker pool codes exactly what one thread codes, in input order, with bounded work in flight (issue 7).
import assert from "node:assert/strict";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../../bench/corpus.js";
import { DyadError } from "../core/errors.js";
import type { ReadResult } from "../ingest/index.js";
import { DATA_DIR } from "../knowledge/files.js";
import { createDyad } from "./dyad.js";
import { type CodeResult, codeLines, codeStream, type LineResult } from "./stream.js";
import { codeLinesParallel, codeStreamParallel, DEFAULT_DEPTH, depthFor } from "./workers.js";

// A copy of data/ taken once, so that every thread of a test reads the same knowledge even while the
// files are being edited.
const dataDir = join(mkdtempSync(join(tmpdir(), "dyad-workers-")), "data");
cpSync(DATA_DIR, dataDir, { recursive: true });

/** A generated corpus with read errors in between, as readInputs reports bad lines of a JSONL file. */
function source(articles: number): ReadResult[] {
  const items: ReadResult[] = [];
  generateCorpus({ articles, seed: 11 }).forEach((article, i) => {
    if (i % 7 === 3)
      items.push({ ok: false, error: new DyadError("E_JSONL", "bad line", `corpus.jsonl:${i}`) });
    items.push({ ok: true, article });
  });
  return items;
}

async function* from(items: readonly ReadResult[]): AsyncGenerator<ReadResult> {
  for (const item of items) yield item;
}

/** What a consumer sees of a result: its article, its record or its error message. */
function view(result: CodeResult): string {
  return result.ok
    ? JSON.stringify({ article: result.article.id, record: result.record })
    : JSON.stringify({
        article: result.article?.id ?? null,
        code: result.error.code,
        error: result.error.message,
      });
}

async function collect(results: AsyncIterable<CodeResult>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of results) out.push(view(r));
  return out;
}

test("two and three coding threads give the same results as one thread, in input order", async () => {
  const items = source(60);
  const single = await collect(codeStream(from(items), { dataDir }));
  assert.ok(
    single.some((s) => s.includes('"events":[{')),
    "the corpus has events to compare",
  );
  // Threads from the start, threads that start part-way (after 12 articles coded here), each waited for
  // so that they code part of the input; and the default, under which so short an input is coded here alone.
  for (const [workers, startAfter] of [
    [2, 0],
    [3, 0],
    [2, 12],
    [2, undefined],
  ]) {
    const counts = { here: 0, threads: 0 };
    const waitForThreads = startAfter !== undefined;
    const parallel = await collect(
      codeStreamParallel(from(items), { workers, batchSize: 3, dataDir, startAfter, waitForThreads, counts }),
    );
    const label = `${workers} threads starting after ${startAfter ?? "the default"}`;
    assert.equal(parallel.length, items.length);
    assert.deepEqual(parallel, single, label);
    assert.equal(counts.here + counts.threads, 60, label);
    if (waitForThreads) assert.ok(counts.threads > 0 && counts.here >= (startAfter ?? 0), label);
    else assert.equal(counts.threads, 0, label);
  }
});

/** What `dyad code` writes of a line result: the line, or the error. */
function lineView(result: LineResult): string {
  return result.ok
    ? `${result.article.id} ${result.events} ${result.json}`
    : `${result.article?.id ?? null} ${result.error.code} ${result.error.message}`;
}

test("lines made by the coding threads are the records' JSON, in input order, with their event counts", async () => {
  // Long enough for threads that start after 9 articles: the window reads 16 batches ahead.
  const items = source(60);
  const records: string[] = [];
  for await (const r of codeStream(from(items), { dataDir })) {
    records.push(
      r.ok
        ? `${r.article.id} ${r.record.events.length} ${JSON.stringify(r.record)}`
        : `${r.article?.id ?? null} ${r.error.code} ${r.error.message}`,
    );
  }
  assert.ok(
    records.some((line) => / [1-9]\d* \{/.test(line)),
    "some article has events",
  );
  const one: string[] = [];
  for await (const r of codeLines(from(items), { dataDir })) one.push(lineView(r));
  assert.deepEqual(one, records, "one thread");
  // Threads from the start (most lines made by a worker thread), and threads that start part-way.
  for (const startAfter of [0, 9]) {
    const lines: string[] = [];
    const counts = { here: 0, threads: 0 };
    const options = { workers: 2, batchSize: 3, dataDir, startAfter, waitForThreads: true, counts };
    for await (const r of codeLinesParallel(from(items), options)) lines.push(lineView(r));
    assert.deepEqual(lines, records, `two threads starting after ${startAfter}`);
    assert.ok(counts.threads > 0, "a worker thread made lines");
  }
});

test("one worker codes in the calling thread", async () => {
  const items = source(6);
  assert.deepEqual(
    await collect(codeStreamParallel(from(items), { workers: 1, dataDir })),
    await collect(codeStream(from(items), { dataDir })),
  );
});

test("read errors pass through in their place and keep their code", async () => {
  const items = source(10);
  const results: CodeResult[] = [];
  const counts = { here: 0, threads: 0 };
  const options = { workers: 2, batchSize: 2, dataDir, startAfter: 0, waitForThreads: true, counts };
  for await (const r of codeStreamParallel(from(items), options)) results.push(r);
  assert.ok(counts.threads > 0, "a worker thread coded some of the articles");
  const failed = results.flatMap((r, i) => (r.ok ? [] : [i]));
  assert.deepEqual(
    failed,
    items.flatMap((r, i) => (r.ok ? [] : [i])),
  );
  const first = results[failed[0]];
  assert.ok(!first.ok && first.error instanceof DyadError && first.error.code === "E_JSONL");
});

test("work in flight is bounded, whatever the length of the source; stopping early ends the threads", async () => {
  let pulled = 0;
  async function* counting(): AsyncGenerator<ReadResult> {
    for (const article of generateCorpus({ articles: 400, seed: 3 })) {
      pulled++;
      yield { ok: true, article };
    }
  }
  const workers = 2;
  const batchSize = 4;
  const depth = 2;
  let consumed = 0;
  for await (const _ of codeStreamParallel(counting(), {
    workers,
    batchSize,
    depth,
    dataDir,
    startAfter: 0,
  })) {
    consumed++;
    assert.ok(
      pulled - consumed <= workers * depth * batchSize,
      `${pulled} read for ${consumed} yielded: more than ${workers * depth} batches in flight`,
    );
    if (consumed === 20) break;
  }
  assert.equal(consumed, 20);
  assert.ok(pulled < 400);
});

test("a consumer that handles many results at a time gets that many articles queued per thread", () => {
  assert.equal(depthFor(200), 25, "dyad ingest's 200-article transactions: 25 batches of 8");
  assert.equal(depthFor(200, 4), 50);
  assert.equal(depthFor(201), 26, "rounded up");
  assert.equal(depthFor(10), DEFAULT_DEPTH, "never below the default");
});

test("a knowledge base that cannot load fails the stream instead of hanging it", async () => {
  await assert.rejects(
    collect(
      codeStreamParallel(from(source(20)), { workers: 2, dataDir: "/nonexistent/dyad-data", startAfter: 0 }),
    ),
  );
});

test("articles coded in batches, component by component, get the records they get one by one", () => {
  const dyad = createDyad({ dataDir });
  const articles = generateCorpus({ articles: 60, seed: 5 });
  const one = articles.map((a) => JSON.stringify(dyad.code(a)));
  const batch = dyad.codeMany(articles).map((r) => (r.ok ? JSON.stringify(r.record) : r.error.message));
  assert.deepEqual(batch, one);
});

// A stream that waited for a full batch would never answer here: the timeout fails the test instead.
test("codeStream yields what it has coded before waiting for a slow source", {
  timeout: 20_000,
}, async () => {
  const [first, second] = generateCorpus({ articles: 2, seed: 3 });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let secondAsked = false;
  async function* slow(): AsyncGenerator<ReadResult> {
    yield { ok: true, article: first };
    secondAsked = true;
    await gate;
    yield { ok: true, article: second };
  }
  const stream = codeStream(slow(), { dyad: createDyad({ dataDir }) });
  const a = await stream.next();
  assert.ok(secondAsked, "the stream asked for the next article");
  assert.equal(a.done, false);
  assert.equal(a.value?.ok && a.value.article.id, first.id);
  release();
  const b = await stream.next();
  assert.equal(b.value?.ok && b.value.article.id, second.id);
  assert.equal((await stream.next()).done, true);
});

// Stopping must not wait for a source that never answers: the timeout fails the test if it does.
test("leaving codeStream early does not hang on a source that stays silent", {
  timeout: 20_000,
}, async () => {
  const [first] = generateCorpus({ articles: 1, seed: 3 });
  let ended = false;
  async function* silent(): AsyncGenerator<ReadResult> {
    try {
      yield { ok: true, article: first };
      await new Promise(() => {}); // never answers
    } finally {
      ended = true;
    }
  }
  let seen = 0;
  for await (const result of codeStream(silent(), { dyad: createDyad({ dataDir }) })) {
    assert.equal(result.ok, true);
    seen++;
    break;
  }
  assert.equal(seen, 1);
  assert.equal(ended, false, "the silent source is still waiting (it was asked to end, not forced)");
});
