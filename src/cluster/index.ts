// Clustered events read from a store: the events a filter selects, grouped into real-world events, with the
// near-duplicate groups of their articles.
import type { EventFilter, Store } from "../store/index.js";
import { clusterEvents, type EventCluster } from "./events.js";
import { nearDuplicateGroups } from "./minhash.js";

export { clusterEvents, type EventCluster, outletOf, WINDOW_DAYS } from "./events.js";
export { nearDuplicateGroups } from "./minhash.js";

/**
 * The clusters of the events a filter selects, in order of their first mention; the filter's limit and offset
 * count clusters. Every matching event is read and held in memory to be clustered.
 */
export async function storedClusters(store: Store, filter: EventFilter = {}): Promise<EventCluster[]> {
  const { limit, offset, ...rest } = filter;
  const events = await store.events(rest);
  const ids = [...new Set(events.map((e) => e.article.id))];
  const texts = await store.articleTexts(ids);
  const stories = nearDuplicateGroups(
    ids.flatMap((id) => {
      const text = texts.get(id);
      return text === undefined ? [] : [{ id, text }];
    }),
  );
  const clusters = clusterEvents(events, { stories });
  const start = offset ?? 0;
  return clusters.slice(start, limit === undefined ? undefined : start + limit);
}
