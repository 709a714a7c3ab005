// Clustered events read from a store: the events a filter selects, grouped into real-world events, with the
// near-duplicate groups of their articles.
import { DyadError } from "../core/errors.js";
import type { EventFilter, SeriesOptions, SeriesRow, Store } from "../store/index.js";
import { fillPeriods, periodOf } from "../store/sql.js";
import { clusterEvents, type EventCluster } from "./events.js";
import { nearDuplicateGroups } from "./minhash.js";
import { toneOf } from "./tone.js";

export { clusterEvents, type EventCluster, outletOf, WINDOW_DAYS } from "./events.js";
export { nearDuplicateGroups } from "./minhash.js";
export { roundTone, toneOf } from "./tone.js";

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
  const tones = new Map([...texts].map(([id, text]) => [id, toneOf(text).tone]));
  const clusters = clusterEvents(events, { stories, tones });
  const start = offset ?? 0;
  return clusters.slice(start, limit === undefined ? undefined : start + limit);
}

/**
 * `dyad series` counting real-world events: per period (of each event's first mention), clustered events by
 * QuadClass, the sum and mean of their Goldstein weights (one weight per event, not per mention), and the
 * articles that report them.
 */
export async function clusterSeries(store: Store, options: SeriesOptions): Promise<SeriesRow[]> {
  if (!options.dyad && !options.actor)
    throw new DyadError("E_USAGE", "a series needs a dyad A:B or an actor");
  const {
    limit: _l,
    offset: _o,
    actor: _a,
    source: _s,
    target: _t,
    dyad: _d,
    ...rest
  } = options.filter ?? {};
  const filter: EventFilter = options.dyad
    ? { ...rest, dyad: options.dyad, directed: options.directed }
    : { ...rest, actor: options.actor };
  const rows = new Map<string, SeriesRow & { ids: Set<string> }>();
  for (const c of await storedClusters(store, filter)) {
    const period = periodOf(c.date, options.by);
    let row = rows.get(period);
    if (!row) {
      row = {
        period,
        events: 0,
        quad: [0, 0, 0, 0],
        goldsteinSum: 0,
        goldsteinMean: 0,
        articles: 0,
        ids: new Set(),
      };
      rows.set(period, row);
    }
    row.events++;
    row.quad[c.event.quad - 1]++;
    row.goldsteinSum += c.event.goldstein;
    for (const m of c.mentions) row.ids.add(m.article.id);
  }
  const out = [...rows.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map(({ ids, ...r }) => ({ ...r, goldsteinMean: r.goldsteinSum / r.events, articles: ids.size }));
  return fillPeriods(out, options.by, options.filter);
}
