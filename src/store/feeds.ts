// The queries of the feed state (`dyad watch`), written once for both backends.
import type { Dialect, Query } from "./sql.js";
import type { FeedItemState, FeedState } from "./types.js";

export interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  polled_at: string | null;
  status: number | null;
  error: string | null;
}

export interface FeedItemRow {
  feed_url: string;
  item_key: string;
  fingerprint: string;
  page_url: string;
  article_id: string | null;
  state: "stored" | "failed";
  attempts: number;
  error: string | null;
  seen_at: string;
}

function placeholders(d: Dialect, n: number): string {
  return Array.from({ length: n }, (_, i) => d.placeholder(i + 1)).join(", ");
}

export function feedQuery(url: string, d: Dialect): Query {
  return {
    name: "feeds.get",
    sql: `SELECT url, etag, last_modified, polled_at, status, error FROM feeds WHERE url = ${d.placeholder(1)}`,
    params: [url],
  };
}

export function saveFeedQuery(s: FeedState, d: Dialect): Query {
  return {
    name: "feeds.upsert",
    sql: `INSERT INTO feeds (url, etag, last_modified, polled_at, status, error) VALUES (${placeholders(d, 6)})
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
      polled_at = excluded.polled_at, status = excluded.status, error = excluded.error`,
    params: [s.url, s.etag, s.lastModified, s.polledAt, s.status, s.error],
  };
}

export function feedItemsQuery(feedUrl: string, d: Dialect): Query {
  return {
    name: "feed_items.list",
    sql: `SELECT feed_url, item_key, fingerprint, page_url, article_id, state, attempts, error, seen_at
      FROM feed_items WHERE feed_url = ${d.placeholder(1)} ORDER BY seen_at, item_key`,
    params: [feedUrl],
  };
}

export function saveFeedItemQuery(i: FeedItemState, d: Dialect): Query {
  return {
    name: "feed_items.upsert",
    sql: `INSERT INTO feed_items (feed_url, item_key, fingerprint, page_url, article_id, state, attempts, error, seen_at)
      VALUES (${placeholders(d, 9)})
      ON CONFLICT (feed_url, item_key) DO UPDATE SET fingerprint = excluded.fingerprint,
      page_url = excluded.page_url, article_id = excluded.article_id, state = excluded.state,
      attempts = excluded.attempts, error = excluded.error, seen_at = excluded.seen_at`,
    params: [i.feedUrl, i.key, i.fingerprint, i.pageUrl, i.articleId, i.state, i.attempts, i.error, i.seenAt],
  };
}

export function toFeedState(r: FeedRow): FeedState {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    polledAt: r.polled_at,
    status: r.status === null ? null : Number(r.status),
    error: r.error,
  };
}

export function toFeedItem(r: FeedItemRow): FeedItemState {
  return {
    feedUrl: r.feed_url,
    key: r.item_key,
    fingerprint: r.fingerprint,
    pageUrl: r.page_url,
    articleId: r.article_id,
    state: r.state,
    attempts: Number(r.attempts),
    error: r.error,
    seenAt: r.seen_at,
  };
}
