// Coding as a stream: ReadResults in, CodeResults out, in input order.
import { type DyadError, toDyadError } from "../core/errors.js";
import type { Article, CodedArticle } from "../core/types.js";
import type { ReadResult } from "../ingest/index.js";
import type { DataDirs } from "../knowledge/files.js";
import { type CodedOrFailed, createDyad, type Dyad } from "./dyad.js";

export type CodeResult =
  | { ok: true; article: Article; record: CodedArticle }
  | { ok: false; error: DyadError; article?: Article };

export interface StreamOptions {
  dyad?: Dyad;
  dataDir?: DataDirs;
}

/**
 * A coded article as `dyad code` writes it: the record's JSON (one line, without its newline) and its
 * number of events. A worker thread makes the line itself and hands over one string, where a record's
 * objects would be rebuilt by the calling thread only to be serialised again (docs/bench.md).
 */
export type LineResult =
  | { ok: true; article: Article; json: string; events: number }
  | { ok: false; error: DyadError; article?: Article };

/** A record's line and its number of events. */
export function lineOf(record: CodedArticle): { json: string; events: number } {
  return { json: JSON.stringify(record), events: record.events.length };
}

/**
 * The line of a coded article; a failure stays as it is. A record that cannot be made a line (a string
 * longer than V8 allows) fails on its own, so that the articles around it are still written.
 */
function toLine(result: CodeResult): LineResult {
  if (!result.ok) return result;
  try {
    return { ok: true, article: result.article, ...lineOf(result.record) };
  } catch (e) {
    return { ok: false, error: outputError(e, result.article), article: result.article };
  }
}

/** The error of a record that could not be serialised. */
export function outputError(e: unknown, article: Article): DyadError {
  return toDyadError(e, "E_OUTPUT", article.origin ?? article.id);
}

/**
 * Puts what was made of a batch's articles (one value each, in order) back among the batch's read errors,
 * in input order.
 */
export function interleave<V, R>(
  items: readonly ReadResult[],
  values: readonly V[],
  make: (article: Article, value: V) => R,
): (R | { ok: false; error: DyadError })[] {
  const out: (R | { ok: false; error: DyadError })[] = [];
  let v = 0;
  for (const item of items) out.push(item.ok ? make(item.article, values[v++]) : item);
  return out;
}

/** Puts the results for a batch's articles back among the batch's read errors, in input order. */
function mergeResults(items: readonly ReadResult[], results: readonly CodedOrFailed[]): CodeResult[] {
  return interleave(
    items,
    results,
    (article, result): CodeResult =>
      result.ok ? { ok: true, article, record: result.record } : { ok: false, error: result.error, article },
  );
}

/** Articles coded together, component by component (Pipeline.runBatch), when the source has them ready. */
export const STREAM_BATCH = 8;

/** Resolves on the next turn of the event loop: what a source has ready resolves before it. */
const NOT_READY = Symbol("not ready");
const nextTurn = () => new Promise<typeof NOT_READY>((resolve) => setImmediate(() => resolve(NOT_READY)));

/**
 * Codes every article of the source; a failing article gives an error result and the stream goes on.
 * Articles the source has ready are coded in batches of up to STREAM_BATCH; one that is not ready yet (a
 * slow pipe) is not waited for: the batch so far is coded and yielded first.
 */
export async function* codeStream(
  source: AsyncIterable<ReadResult>,
  options: StreamOptions = {},
): AsyncGenerator<CodeResult> {
  const dyad = options.dyad ?? createDyad({ dataDir: options.dataDir });
  const input = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<ReadResult>> | null = null;
  let done = false;
  try {
    while (!done) {
      const items: ReadResult[] = [];
      while (items.length < STREAM_BATCH) {
        pending ??= input.next();
        // The first item of a batch is awaited; later ones only when the source has them ready.
        const next = items.length === 0 ? await pending : await Promise.race([pending, nextTurn()]);
        if (next === NOT_READY) break;
        pending = null;
        if (next.done) {
          done = true;
          break;
        }
        items.push(next.value);
      }
      const articles = items.flatMap((item) => (item.ok ? [item.article] : []));
      yield* mergeResults(items, articles.length > 0 ? dyad.codeMany(articles) : []);
    }
  } finally {
    if (!done) {
      // Stopped early. With a request for the next article still out (a source that had nothing ready),
      // the source's own return waits for that request: it is asked for, not awaited, so that stopping
      // never hangs on a source that stays silent.
      const ended = input.return?.();
      if (pending === null) await ended;
      else ended?.catch(() => {});
    }
  }
}

/** codeStream, each coded article as its line (`dyad code --format jsonl` in one thread). */
export async function* codeLines(
  source: AsyncIterable<ReadResult>,
  options: StreamOptions = {},
): AsyncGenerator<LineResult> {
  for await (const result of codeStream(source, options)) yield toLine(result);
}
