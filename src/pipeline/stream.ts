// Coding as a stream: ReadResults in, CodeResults out, in input order.
import { type DyadError, toDyadError } from "../core/errors.js";
import type { Article, CodedArticle } from "../core/types.js";
import type { ReadResult } from "../ingest/index.js";
import { createDyad, type Dyad } from "./dyad.js";

export type CodeResult =
  | { ok: true; article: Article; record: CodedArticle }
  | { ok: false; error: DyadError; article?: Article };

export interface StreamOptions {
  dyad?: Dyad;
  dataDir?: string;
}

/** Codes every article of the source; a failing article gives an error result and the stream goes on. */
export async function* codeStream(
  source: AsyncIterable<ReadResult>,
  options: StreamOptions = {},
): AsyncGenerator<CodeResult> {
  const dyad = options.dyad ?? createDyad({ dataDir: options.dataDir });
  for await (const item of source) {
    if (!item.ok) {
      yield item;
      continue;
    }
    try {
      yield { ok: true, article: item.article, record: dyad.code(item.article) };
    } catch (e) {
      yield {
        ok: false,
        error: toDyadError(e, "E_PIPELINE_RUN", item.article.origin ?? item.article.id),
        article: item.article,
      };
    }
  }
}
