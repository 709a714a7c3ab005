// Storing coded articles, as `dyad ingest` and `POST /api/articles` both do it.
import { isDyadError } from "../core/errors.js";
import type { BatchResult, FailedItem, IngestItem, Store, TxStatement } from "../store/index.js";

function sum(results: readonly BatchResult[]): BatchResult {
  return results.reduce(
    (t, r) => ({
      new: t.new + r.new,
      updated: t.updated + r.updated,
      unchanged: t.unchanged + r.unchanged,
      duplicate: t.duplicate + r.duplicate,
      failed: t.failed + r.failed,
      events: t.events + r.events,
      quotes: t.quotes + r.quotes,
      outcomes: [...t.outcomes, ...r.outcomes],
    }),
    { new: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0, events: 0, quotes: 0, outcomes: [] },
  );
}

/**
 * Writes one batch. When the batch as a whole is refused (an article the store cannot hold), it is written
 * article by article so that only the bad one fails: it is added to `failed` (recorded with the store's
 * error) and handed to onFailure. The `also` statements run in the transaction of the whole batch, or, when
 * it is split, in the last one (after every article is stored).
 */
export async function writeBatch(
  store: Store,
  coded: IngestItem[],
  failed: FailedItem[],
  onFailure: (e: Error, origin: string) => void = () => {},
  also: readonly TxStatement[] = [],
): Promise<BatchResult> {
  try {
    return await store.write({ coded, failed, also });
  } catch (e) {
    if (!isDyadError(e) || e.code !== "E_STORE_WRITE" || coded.length <= 1) throw e;
  }
  const results: BatchResult[] = [];
  for (const item of coded) {
    try {
      results.push(await store.write({ coded: [item] }));
    } catch (e) {
      if (!isDyadError(e) || e.code !== "E_STORE_WRITE") throw e;
      onFailure(e, item.article.origin ?? item.article.id);
      failed.push({
        articleId: item.article.id,
        origin: item.article.origin,
        code: e.code,
        message: e.message,
      });
    }
  }
  results.push(await store.write({ coded: [], failed, also }));
  return sum(results);
}
