// The Store interface and the records it reads and writes. Backends (sqlite/, postgres/) implement it.
import type { Article, CodedArticle, Event, Modality, Quote } from "../core/types.js";
import type { ActorQuery } from "./actors.js";

/** One coded article to store: the article as read (text, source) and the record the coder made of it. */
export interface IngestItem {
  article: Article;
  record: CodedArticle;
}

/** An article that could not be read or coded, recorded with its error. */
export interface FailedItem {
  /** The article id when the article was read; absent for read errors. */
  articleId?: string;
  /** Where it came from (file, file:line, stdin). */
  origin?: string;
  code: string;
  message: string;
}

/**
 * A statement run in a batch's transaction after its rows, in the backend's own SQL and parameter style
 * ($1 on PostgreSQL, ? on SQLite). The work queue marks a batch done this way, so that a batch is stored
 * and done together or not at all.
 */
export interface TxStatement {
  name: string;
  sql: string;
  params: readonly unknown[];
  /** When the statement changes no row, the whole batch is rolled back and this error thrown. */
  noRow?: () => Error;
}

export interface WriteBatch {
  coded: readonly IngestItem[];
  failed?: readonly FailedItem[];
  also?: readonly TxStatement[];
}

export type WriteOutcome =
  | { id: string; status: "new" | "updated"; events: number; quotes: number }
  | { id: string; status: "unchanged" }
  /** Same text as an article already stored under another id: recognised and not stored again. */
  | { id: string; status: "duplicate"; of: string };

export interface BatchResult {
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  failed: number;
  /** Events written by this batch (new and updated articles). */
  events: number;
  quotes: number;
  outcomes: WriteOutcome[];
}

/**
 * An actor filter term: a CAMEO code or its prefix (IRN, IRNGOV), an ISO country, an org key, or words of a
 * name; or the query such a term was read into with the knowledge base's names (see actors.ts).
 */
export type ActorTerm = string | ActorQuery;

export interface EventFilter {
  /** Events with this actor on either side. */
  actor?: ActorTerm;
  source?: ActorTerm;
  target?: ActorTerm;
  /** A dyad "A:B": events between A and B (either direction unless `directed`). */
  dyad?: { a: ActorTerm; b: ActorTerm };
  directed?: boolean;
  /** Two-digit CAMEO root. */
  root?: string;
  /** Leave out public statements (CAMEO root 01, no PLOVER type). */
  noStatements?: boolean;
  /** CAMEO code; also matches the codes under it (043 matches 0431). */
  code?: string;
  quad?: number;
  /** Event dates, inclusive, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /**
   * These modalities; or "happened": asserted and reported events, and future ones whose code is an intent code
   * (CAMEO 03, "express intent to ..."), what counts, series and exports take by default; every one when absent.
   */
  modality?: readonly Modality[] | "happened";
  /** Place name (case-insensitive) or ISO country code of the event's place. */
  place?: string;
  /** A full-text query the article must match (the language of textquery.ts: words, OR, "phrases", prefix*). */
  text?: string;
  articleId?: string;
  limit?: number;
  offset?: number;
}

export interface QuoteFilter {
  speaker?: ActorTerm;
  /** Quotes that name this actor: an event actor mentioned inside the quote, or the name in its text. */
  about?: ActorTerm;
  /** A full-text query the quote must match (textquery.ts). */
  text?: string;
  since?: string;
  until?: string;
  articleId?: string;
  limit?: number;
}

/** The article an event or quote comes from. */
export interface ArticleRef {
  id: string;
  date: string;
  title: string | null;
  url: string | null;
  source: string | null;
}

/** An event as stored: the coder's event, its store-wide integer id and its article. */
export type StoredEvent = Event & { gid: number; article: ArticleRef; codedAt: string };

export type StoredQuote = Quote & { article: ArticleRef };

export interface StoredArticle {
  article: ArticleRef & { text: string; textHash: string; codedAt: string };
  record: CodedArticle;
  /** Set when the id asked for was stored as a duplicate of this article. */
  aliasOf?: string;
}

export interface StoredError {
  /** The article id, or the origin for articles that could not be read. */
  key: string;
  articleId: string | null;
  origin: string | null;
  code: string;
  message: string;
  recordedAt: string;
}

export interface ActorCount {
  code: string;
  name: string;
  country: string | null;
  org: string | null;
  events: number;
  asSource: number;
  asTarget: number;
  articles: number;
}

export type Period = "day" | "week" | "month" | "year";

export interface SeriesOptions {
  /** The events between two actors; or, with `actor` instead, every event of one actor (as source or target). */
  dyad?: { a: ActorTerm; b: ActorTerm };
  actor?: ActorTerm;
  by: Period;
  directed?: boolean;
  /** Further event filters (dates, modality, ...); actor and dyad filters are ignored. */
  filter?: EventFilter;
}

export interface SeriesRow {
  /** Day (YYYY-MM-DD), week (its Monday, YYYY-MM-DD), month (YYYY-MM) or year (YYYY). */
  period: string;
  events: number;
  /** Events per QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinMean: number;
  articles: number;
}

/** A stored actor (code and name) that an actor term matched, with the events it is in. */
export interface ActorMatch {
  code: string;
  name: string;
  events: number;
}

export interface StoreCounts {
  articles: number;
  sentences: number;
  events: number;
  actors: number;
  quotes: number;
  places: number;
  errors: number;
  aliases: number;
}

/** What a watched feed answered last (`dyad watch`): the validators of a conditional request. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  polledAt: string | null;
  /** The HTTP status of the last poll (200 for a file), null when it could not be fetched. */
  status: number | null;
  error: string | null;
}

/** One entry of a watched feed as last seen. */
export interface FeedItemState {
  feedUrl: string;
  /** The entry's id (guid), else its link. */
  key: string;
  /** A hash of the entry (link, title, dates, summary): a new one means the entry changed. */
  fingerprint: string;
  pageUrl: string;
  /** The stored article, when the page was read and stored. */
  articleId: string | null;
  state: "stored" | "failed";
  /** Fetches of this version of the entry. */
  attempts: number;
  error: string | null;
  seenAt: string;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** The location, without credentials, for messages. */
  readonly location: string;
  /** Writes a batch in one transaction: all of it or nothing. Idempotent by article id and by text hash. */
  write(batch: WriteBatch): Promise<BatchResult>;
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  /** Every matching event in gid order, fetched page by page: for exports of any size. */
  iterateEvents(filter?: EventFilter, pageSize?: number): AsyncIterable<StoredEvent>;
  quotes(filter?: QuoteFilter): Promise<StoredQuote[]>;
  topActors(limit: number, filter?: EventFilter): Promise<ActorCount[]>;
  article(id: string): Promise<StoredArticle | null>;
  errors(limit?: number): Promise<StoredError[]>;
  /** Every period from the first to the last (or from filter.since to filter.until), empty ones as zeros. */
  series(options: SeriesOptions): Promise<SeriesRow[]>;
  /**
   * The stored actors a term matches, most events first: what a filter on the term selects. With `speakers`,
   * the quotes' speakers it matches (`events` then counts quotes).
   */
  matchActors(term: ActorTerm, options?: { limit?: number; speakers?: boolean }): Promise<ActorMatch[]>;
  counts(): Promise<StoreCounts>;
  /** Versions of the migrations applied, in order. */
  migrations(): Promise<number[]>;
  /** The bodies of these articles (those stored), for near-duplicate grouping. */
  articleTexts(ids: readonly string[]): Promise<Map<string, string>>;
  /** A watched feed's last answer, or null for a feed never polled. */
  feed(url: string): Promise<FeedState | null>;
  saveFeed(state: FeedState): Promise<void>;
  /** The entries of a feed seen so far. */
  feedItems(feedUrl: string): Promise<FeedItemState[]>;
  saveFeedItem(item: FeedItemState): Promise<void>;
  close(): Promise<void>;
}
