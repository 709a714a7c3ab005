// Coding as a stream: ReadResults in, CodeResults out, in input order.
import type { DyadError } from "../core/errors.js";
import type { Article, CodedArticle } from "../core/types.js";
import type { ReadResult } from "../ingest/index.js";
import { type CodedOrFailed, createDyad, type Dyad } from "./dyad.js";

export type CodeResult =
  | { ok: true; article: Article; record: CodedArticle }
  | { ok: false; error: DyadError; article?: Article };

export interface StreamOptions {
  dyad?: Dyad;
  dataDir?: string;
}

/** Puts the results for a batch's articles back among the batch's read errors, in input order. */
export function mergeResults(items: readonly ReadResult[], results: readonly CodedOrFailed[]): CodeResult[] {
  const out: CodeResult[] = [];
  let r = 0;
  for (const item of items) {
    if (!item.ok) {
      out.push(item);
      continue;
    }
    const result = results[r++];
    out.push(
      result.ok
        ? { ok: true, article: item.article, record: result.record }
        : { ok: false, error: result.error, article: item.article },
    );
  }
  return out;
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
