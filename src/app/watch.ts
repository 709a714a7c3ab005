// `dyad watch`: polls feeds, fetches each new or changed entry's page, codes it and stores it, remembering in the
// store what each feed answered and which entries were stored, so that a restart fetches nothing stored twice.
import { readFile } from "node:fs/promises";
import { type DyadError, toDyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { type FeedEntry, parseFeedEntries } from "../ingest/feed.js";
import { DEFAULT_MAX_PAGE_BYTES, decodeHtml } from "../ingest/html.js";
import { charsetOf, fetchBytes, isUrl } from "../ingest/http.js";
import { readUrl } from "../ingest/index.js";
import { HostGate, RobotsRules } from "../ingest/robots.js";
import type { CodedOrFailed } from "../pipeline/dyad.js";
import type { FeedItemState, FeedState, Store } from "../store/index.js";
import { writeBatch } from "./write.js";

export const DEFAULT_DELAY_MS = 1000;
/** Fetches of one version of an entry before it is given up (a new version of the entry starts again). */
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface WatchOptions {
  /** Fallback date for pages that give none, after the feed entry's own date. */
  date?: string;
  maxBytes?: number;
  maxPageBytes?: number;
  timeoutMs?: number;
  /** Least time between two requests to one host. */
  delayMs?: number;
  maxAttempts?: number;
  /** Stops the poll between two entries (Ctrl-C): what is stored stays stored, the rest waits for the next run. */
  signal?: AbortSignal;
}

export interface PollSummary {
  feeds: number;
  feedsFailed: number;
  /** Feeds that answered 304 Not Modified. */
  notModified: number;
  entries: number;
  /** Entries stored (or given up) before, unchanged in the feed: not fetched. */
  seen: number;
  fetched: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  events: number;
}

export interface WatchDeps {
  store: Store;
  /** Codes one article (the pipeline's codeMany, one at a time). */
  code: (article: Article) => CodedOrFailed;
  /** Each error, as it happens: a feed or an entry that failed. */
  report: (error: DyadError) => void;
}

function emptySummary(): PollSummary {
  return {
    feeds: 0,
    feedsFailed: 0,
    notModified: 0,
    entries: 0,
    seen: 0,
    fetched: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    events: 0,
  };
}

/** One per run: the host gate and robots cache live as long as the watch. */
export class Watcher {
  private readonly gate: HostGate;
  private readonly robots: RobotsRules;

  constructor(
    private readonly deps: WatchDeps,
    private readonly options: WatchOptions = {},
  ) {
    this.gate = new HostGate(options.delayMs ?? DEFAULT_DELAY_MS);
    this.robots = new RobotsRules({ timeoutMs: options.timeoutMs });
  }

  /** Polls every feed once, all at the same time (requests to one host still queue); one failing never stops the others. */
  async poll(feeds: readonly string[]): Promise<PollSummary> {
    const summary = emptySummary();
    summary.feeds = feeds.length;
    await Promise.all(feeds.map((feed) => this.pollFeed(feed, summary)));
    return summary;
  }

  private async pollFeed(feed: string, summary: PollSummary): Promise<void> {
    const { store } = this.deps;
    const polledAt = new Date().toISOString();
    const prior = await store.feed(feed);
    let entries: FeedEntry[];
    let validators: Pick<FeedState, "etag" | "lastModified" | "status">;
    try {
      const read = await this.readFeed(feed, prior);
      if (read === "not-modified") {
        summary.notModified++;
        await store.saveFeed({ ...(prior as FeedState), polledAt, status: 304, error: null });
        return;
      }
      ({ entries, validators } = read);
    } catch (e) {
      const error = toDyadError(e, "E_FEED", feed);
      summary.feedsFailed++;
      this.deps.report(error);
      await writeBatch(store, [], [{ origin: feed, code: error.code, message: error.message }]);
      await store.saveFeed({
        url: feed,
        etag: prior?.etag ?? null,
        lastModified: prior?.lastModified ?? null,
        polledAt,
        status: null,
        error: error.message,
      });
      return;
    }
    summary.entries += entries.length;
    const known = new Map((await store.feedItems(feed)).map((i) => [i.key, i]));
    let unfinished = false;
    for (const entry of entries) {
      if (this.options.signal?.aborted) {
        unfinished = true;
        break;
      }
      const before = known.get(entry.key);
      const same = before?.fingerprint === entry.fingerprint;
      const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      if (same && before && (before.state === "stored" || before.attempts >= maxAttempts)) {
        summary.seen++;
        continue;
      }
      const state = await this.fetchEntry(feed, entry, same && before ? before.attempts + 1 : 1, summary);
      if (state.state === "failed" && state.attempts < maxAttempts) unfinished = true;
    }
    // The validators are kept only when every entry was dealt with: otherwise the next poll would get a 304
    // and never see the entries still to fetch again.
    await store.saveFeed({
      url: feed,
      etag: unfinished ? null : validators.etag,
      lastModified: unfinished ? null : validators.lastModified,
      polledAt,
      status: validators.status,
      error: null,
    });
  }

  private async readFeed(
    feed: string,
    prior: FeedState | null,
  ): Promise<
    "not-modified" | { entries: FeedEntry[]; validators: Pick<FeedState, "etag" | "lastModified" | "status"> }
  > {
    const maxBytes = this.options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
    if (!isUrl(feed)) {
      const bytes = await readFile(feed).catch((e) => {
        throw toDyadError(e, "E_NOT_FOUND", feed);
      });
      const xml = decodeHtml(bytes, feed);
      return {
        entries: parseFeedEntries(xml, feed),
        validators: { etag: null, lastModified: null, status: 200 },
      };
    }
    const crawlDelay = await this.robots.check(feed);
    await this.gate.wait(feed, crawlDelay);
    const headers: Record<string, string> = {
      accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    };
    if (prior?.etag) headers["if-none-match"] = prior.etag;
    if (prior?.lastModified) headers["if-modified-since"] = prior.lastModified;
    const got = await fetchBytes(feed, { maxBytes, timeoutMs: this.options.timeoutMs, headers });
    if (got.status === 304) return "not-modified";
    if (got.status >= 400) throw toDyadError(new Error(`HTTP ${got.status}`), "E_FETCH", feed);
    const xml = decodeHtml(got.bytes, feed, charsetOf(got.headers.get("content-type")));
    return {
      entries: parseFeedEntries(xml, feed, got.url),
      validators: {
        etag: got.headers.get("etag"),
        lastModified: got.headers.get("last-modified"),
        status: got.status,
      },
    };
  }

  /** Fetches, codes and stores one entry's page; the entry is marked only once its article is stored. */
  private async fetchEntry(
    feed: string,
    entry: FeedEntry,
    attempts: number,
    summary: PollSummary,
  ): Promise<FeedItemState> {
    const { store, code, report } = this.deps;
    const base = {
      feedUrl: feed,
      key: entry.key,
      fingerprint: entry.fingerprint,
      pageUrl: entry.url,
      attempts,
    };
    let error: DyadError;
    let articleId: string | undefined;
    try {
      const crawlDelay = await this.robots.check(entry.url);
      await this.gate.wait(entry.url, crawlDelay);
      summary.fetched++;
      const read = await readUrl(entry.url, {
        date: entry.published ?? this.options.date,
        maxBytes: this.options.maxBytes,
        maxPageBytes: this.options.maxPageBytes,
        timeoutMs: this.options.timeoutMs,
      });
      if (!read.ok) throw read.error;
      const article = read.article;
      articleId = article.id;
      if (!article.title && entry.title) article.title = entry.title;
      const coded = code(article);
      if (!coded.ok) throw coded.error;
      const result = await writeBatch(store, [{ article, record: coded.record }], []);
      summary.new += result.new;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged + result.duplicate;
      summary.events += result.events;
      const state: FeedItemState = {
        ...base,
        articleId: article.id,
        state: "stored",
        error: null,
        seenAt: new Date().toISOString(),
      };
      await store.saveFeedItem(state);
      return state;
    } catch (e) {
      error = toDyadError(e, "E_FETCH", entry.url);
    }
    summary.failed++;
    report(error);
    await writeBatch(
      store,
      [],
      [{ articleId, origin: error.origin ?? entry.url, code: error.code, message: error.message }],
    );
    const state: FeedItemState = {
      ...base,
      articleId: null,
      state: "failed",
      error: error.message,
      seenAt: new Date().toISOString(),
    };
    await store.saveFeedItem(state);
    return state;
  }
}
