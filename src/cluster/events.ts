// The same real-world event reported by many articles -> one event with its mentions, as GDELT counts them:
// same code, same source and target actors, days at most a window apart, and the same place when both say.
import type { StoredEvent } from "../store/index.js";
import { eventDay } from "../store/rows.js";

/** Days between the first mention's day and a later one of the same event. */
export const WINDOW_DAYS = 1;

export interface EventCluster {
  /** The first mention's event id: stable while that mention is stored. */
  id: string;
  /** The first mention (earliest day, then earliest article, then store order): the event's row. */
  event: StoredEvent;
  /** The day of the event: its first mention's. */
  date: string;
  mentions: StoredEvent[];
  numMentions: number;
  numArticles: number;
  /** Distinct outlets: the article's source, else its address's host, else the article itself. */
  numSources: number;
  /** Distinct stories among the articles: near-duplicates (the same wire copy) count once. */
  numStories: number;
  /** The earliest publication date among the mentions' articles. */
  firstSeen: string;
  /** The mean tone of the mentions' articles (tone.ts), GDELT's AvgTone; null when no article has one. */
  avgTone: number | null;
  /** The tone of each mention's article, by article id. */
  tones: ReadonlyMap<string, number>;
}

export interface ClusterOptions {
  windowDays?: number;
  /** Article id -> its near-duplicate group (minhash.ts); without it every article is its own story. */
  stories?: ReadonlyMap<string, string>;
  /** Article id -> its tone (tone.ts). */
  tones?: ReadonlyMap<string, number>;
}

const DAY_MS = 86_400_000;

function actorKey(actors: StoredEvent["source"]): string {
  return [...new Set(actors.map((a) => a.code))].sort().join("+");
}

/** The outlet of an article, for NumSources. */
export function outletOf(article: StoredEvent["article"]): string {
  if (article.source) return article.source.trim().toLowerCase();
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, "");
    } catch {
      // not an address: the article stands for its own outlet below
    }
  }
  return `article:${article.id}`;
}

function placeKey(e: StoredEvent): string | null {
  return e.place ? e.place.name.toLowerCase() : null;
}

/**
 * Clusters events into real-world events, in order of their first mention. Each event joins the earliest
 * open cluster of its key whose first day is at most the window before its own day and whose place agrees
 * (a cluster without a place takes the first one a mention gives).
 */
export function clusterEvents(events: readonly StoredEvent[], options: ClusterOptions = {}): EventCluster[] {
  const window = (options.windowDays ?? WINDOW_DAYS) * DAY_MS;
  const day = (e: StoredEvent) => eventDay(e.date, e.article.date);
  const sorted = [...events].sort(
    (a, b) => day(a).localeCompare(day(b)) || a.article.date.localeCompare(b.article.date) || a.gid - b.gid,
  );
  type Open = { start: number; place: string | null; mentions: StoredEvent[] };
  const byKey = new Map<string, Open[]>();
  const all: Open[] = [];
  for (const e of sorted) {
    const key = `${e.code}|${actorKey(e.source)}|${actorKey(e.target)}`;
    const t = Date.parse(`${day(e)}T00:00:00Z`);
    const place = placeKey(e);
    const open = byKey.get(key) ?? [];
    const found = open.find((c) => t - c.start <= window && (!place || !c.place || place === c.place));
    if (found) {
      found.mentions.push(e);
      found.place ??= place;
      continue;
    }
    const cluster: Open = { start: t, place, mentions: [e] };
    open.push(cluster);
    byKey.set(key, open);
    all.push(cluster);
  }
  return all.map(({ mentions }) => {
    const first = mentions[0];
    const articles = new Set(mentions.map((m) => m.article.id));
    const stories = new Set([...articles].map((id) => options.stories?.get(id) ?? id));
    const tones = mentions.flatMap((m) => {
      const t = options.tones?.get(m.article.id);
      return t === undefined ? [] : [t];
    });
    return {
      id: first.id,
      event: first,
      date: day(first),
      mentions,
      numMentions: mentions.length,
      numArticles: articles.size,
      numSources: new Set(mentions.map((m) => outletOf(m.article))).size,
      numStories: stories.size,
      firstSeen: mentions.map((m) => m.article.date).sort()[0],
      avgTone: tones.length === 0 ? null : tones.reduce((a, b) => a + b, 0) / tones.length,
      tones: options.tones ?? new Map(),
    };
  });
}
