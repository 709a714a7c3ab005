// The embedded store: one SQLite file through better-sqlite3, WAL journal, prepared statements.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { DyadError } from "../../core/errors.js";
import { storeError } from "../fail.js";
import {
  type FeedItemRow,
  type FeedRow,
  feedItemsQuery,
  feedQuery,
  saveFeedItemQuery,
  saveFeedQuery,
  toFeedItem,
  toFeedState,
} from "../feeds.js";
import { loadMigrations, pending } from "../migrations.js";
import {
  type BatchPlan,
  type ErrorRow,
  type ExistingArticle,
  type HashedBatch,
  hashBatch,
  lookupKeys,
  planBatch,
  summarise,
} from "../plan.js";
import {
  type ActorReadRow,
  assembleEvents,
  type EventReadRow,
  type PlaceReadRow,
  parseErrors,
  plainEvent,
  type QuoteReadRow,
  storedQuote,
} from "../rows.js";
import {
  countsQuery,
  eventsPageQuery,
  eventsQuery,
  fillPeriods,
  matchActorsQuery,
  type Query,
  quotesQuery,
  type SeriesReadRow,
  seriesQuery,
  topActorsQuery,
  toSeriesRow,
} from "../sql.js";
import type {
  ActorCount,
  ActorMatch,
  ActorTerm,
  BatchResult,
  EventFilter,
  FeedItemState,
  FeedState,
  QuoteFilter,
  SeriesOptions,
  Store,
  StoreCounts,
  StoredArticle,
  StoredError,
  StoredEvent,
  StoredQuote,
  TxStatement,
  WriteBatch,
} from "../types.js";
import { sqliteDialect } from "./dialect.js";

type Db = Database.Database;

/** INSERT with one positional parameter per column, in the order the writer binds them. */
function insertSql(table: string, columns: readonly string[], suffix = ""): string {
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})${suffix}`;
}

const WRITE_SQL = {
  "articles.lookup.id": "SELECT id, date, text_hash, record_hash FROM articles WHERE id = ?",
  "articles.lookup.hash": "SELECT id, date, text_hash, record_hash FROM articles WHERE text_hash = ?",
  "articles.last": "SELECT coalesce(max(seq), 0) FROM articles",
  "quotes.last": "SELECT coalesce(max(id), 0) FROM quotes",
  "events.delete": "DELETE FROM events WHERE article_id = ?",
  "quotes.delete": "DELETE FROM quotes WHERE article_id = ?",
  "sentences.delete": "DELETE FROM sentences WHERE article_id = ?",
  "articles.upsert": insertSql(
    "articles",
    [
      "id",
      "date",
      "title",
      "url",
      "source",
      "origin",
      "text_hash",
      "record_hash",
      "text",
      "errors_json",
      "coded_at",
    ],
    ` ON CONFLICT (id) DO UPDATE SET date = excluded.date, title = excluded.title, url = excluded.url,
      source = excluded.source, origin = excluded.origin, text_hash = excluded.text_hash,
      record_hash = excluded.record_hash, text = excluded.text, errors_json = excluded.errors_json,
      coded_at = excluded.coded_at`,
  ),
  // Full-text rows of the articles and quotes a batch added, in one statement each (migration 002): FTS5
  // flushes its pending terms at every statement that writes to it, so a row-by-row trigger costs far more.
  // Articles updated in place keep their seq and are re-indexed by the trigger articles_fts_update.
  "articles_fts.insert":
    "INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq > ?",
  "quotes_fts.insert": "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id > ?",
  "aliases.delete": "DELETE FROM article_aliases WHERE alias = ?",
  "aliases.upsert": `INSERT INTO article_aliases (alias, article_id) VALUES (?, ?)
    ON CONFLICT (alias) DO UPDATE SET article_id = excluded.article_id`,
  "sentences.insert": insertSql("sentences", ["article_id", "n", "start_char", "end_char", "text"]),
  "events.insert": insertSql("events", [
    "article_id",
    "n",
    "event_key",
    "sentence",
    "code",
    "base_code",
    "root",
    "name",
    "quad",
    "goldstein",
    "plover_type",
    "plover_mode",
    "modality",
    "date",
    "day",
    "date_text",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "evidence_text",
    "part",
    "repeats",
  ]),
  "actors.insert": insertSql("event_actors", [
    "event_id",
    "role",
    "position",
    "code",
    "country",
    "org",
    "sector",
    "name",
    "kb_id",
    "text",
    "start_char",
    "end_char",
  ]),
  "places.insert": insertSql("places", [
    "event_id",
    "name",
    "country",
    "lat",
    "lon",
    "text",
    "start_char",
    "end_char",
  ]),
  "quotes.insert": insertSql("quotes", [
    "article_id",
    "n",
    "speaker_code",
    "speaker_country",
    "speaker_org",
    "speaker_sector",
    "speaker_name",
    "speaker_kb_id",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "kind",
    "text",
    "start_char",
    "end_char",
    "sentence",
  ]),
  "errors.delete": "DELETE FROM errors WHERE key = ?",
  "errors.upsert": `INSERT INTO errors (key, article_id, origin, code, message, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id, origin = excluded.origin, code = excluded.code,
      message = excluded.message, recorded_at = excluded.recorded_at`,
} as const;

type WriteName = keyof typeof WRITE_SQL;

const ACTORS_OF = `SELECT event_id, role, position, code, country, org, sector, name, kb_id, text, start_char, end_char
  FROM event_actors WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, role, position`;
const PLACES_OF = `SELECT event_id, name, country, lat, lon, text, start_char, end_char
  FROM places WHERE event_id IN (SELECT value FROM json_each(?))`;

/** Turns `sqlite:PATH`, `sqlite://PATH` or a plain path into a file path. */
export function sqlitePath(url: string): string {
  if (url.startsWith("sqlite://")) return url.slice("sqlite://".length);
  if (url.startsWith("sqlite:")) return url.slice("sqlite:".length);
  return url;
}

function migrate(db: Db, location: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const all = loadMigrations("sqlite");
  const apply = db.transaction(() => {
    const applied = db
      .prepare("SELECT version FROM schema_migrations ORDER BY version")
      .pluck()
      .all() as number[];
    for (const m of pending(all, applied, location)) {
      try {
        db.exec(m.sql);
      } catch (e) {
        throw storeError("E_STORE_MIGRATION", `migration ${m.version}_${m.name}`, location, e);
      }
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }
  });
  apply.immediate();
}

export interface OpenOptions {
  /**
   * Open for reading only (the read commands): the file must exist and is never written, so that a store on
   * a read-only disk, or one the user may not write, can be queried (issue 19).
   */
  readonly?: boolean;
}

export function openSqliteStore(url: string, options: OpenOptions = {}): SqliteStore {
  if (options.readonly) return openReadonly(url);
  const path = resolve(sqlitePath(url));
  const location = `sqlite:${path}`;
  if (!existsSync(dirname(path))) {
    throw new DyadError("E_STORE_OPEN", `the folder ${dirname(path)} does not exist`, location);
  }
  let db: Db;
  try {
    db = new Database(path, { timeout: 15000 });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
  } catch (e) {
    throw storeError("E_STORE_OPEN", "open", location, e);
  }
  try {
    migrate(db, location);
  } catch (e) {
    db.close();
    throw storeError("E_STORE_MIGRATION", "migrate", location, e);
  }
  return new SqliteStore(db, location);
}

function isSqliteError(e: unknown, code: string): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === code;
}

/** The versions a store has applied, or null when the file holds no Dyad store. */
function appliedVersions(db: Db): number[] | null {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return null;
  return db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all() as number[];
}

/**
 * A read-only connection. A store left in WAL mode needs its -shm file to be read, which a read-only disk
 * cannot give: such a file is then read into memory and opened from there (its header marked as a rollback
 * journal database, which is all WAL mode changes in the file once the writers have checkpointed).
 */
function readonlyConnection(path: string, location: string): Db {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 15000 });
    try {
      db.prepare("SELECT count(*) FROM sqlite_master").get();
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    if (!isSqliteError(e, "SQLITE_CANTOPEN") && !isSqliteError(e, "SQLITE_READONLY")) {
      throw storeError("E_STORE_OPEN", "open read-only", location, e);
    }
  }
  try {
    const bytes = readFileSync(path);
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    return new Database(bytes, { readonly: true });
  } catch (e) {
    throw storeError("E_STORE_OPEN", "open read-only", location, e);
  }
}

function openReadonly(url: string): SqliteStore {
  const path = resolve(sqlitePath(url));
  const location = `sqlite:${path}`;
  if (!existsSync(path)) {
    throw new DyadError("E_STORE_OPEN", `no store at ${path} (dyad ingest creates one)`, location);
  }
  let db = readonlyConnection(path, location);
  let applied: number[] | null;
  try {
    applied = appliedVersions(db);
  } catch (e) {
    db.close();
    throw storeError("E_STORE_OPEN", "read schema version", location, e);
  }
  if (applied === null) {
    db.close();
    throw new DyadError("E_STORE_OPEN", `${path} is not a Dyad store`, location);
  }
  let todo: number;
  try {
    todo = pending(loadMigrations("sqlite"), applied, location).length;
  } catch (e) {
    db.close();
    throw e;
  }
  if (todo > 0) {
    // A store written by an older Dyad is brought up to date first, when it can be written.
    db.close();
    try {
      openSqliteStore(url).db.close();
    } catch (e) {
      throw new DyadError(
        "E_STORE_OPEN",
        `the store needs ${todo} schema migration(s) and cannot be written: run any dyad command on a writable copy once`,
        location,
        { cause: e },
      );
    }
    db = readonlyConnection(path, location);
  }
  return new SqliteStore(db, location, true);
}

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writeTx: Database.Transaction<[HashedBatch, string, readonly TxStatement[]], BatchResult>;

  constructor(
    readonly db: Db,
    readonly location: string,
    private readonly readonly = false,
  ) {
    this.writeTx = db.transaction((batch: HashedBatch, now: string, also: readonly TxStatement[]) => {
      const existing = this.lookup(batch);
      const plan = planBatch(batch, existing, now);
      this.apply(plan);
      for (const statement of also) {
        const { changes } = this.stmt(statement.sql).run(...statement.params);
        if (statement.noRow && changes === 0) throw statement.noRow();
      }
      return summarise(plan);
    });
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private w(name: WriteName): Database.Statement {
    return this.stmt(WRITE_SQL[name]);
  }

  private lookup(batch: HashedBatch): ExistingArticle[] {
    const { ids, hashes } = lookupKeys(batch);
    const found = new Map<string, ExistingArticle>();
    for (const id of ids) {
      const row = this.w("articles.lookup.id").get(id) as ExistingArticle | undefined;
      if (row) found.set(row.id, row);
    }
    for (const hash of hashes) {
      for (const row of this.w("articles.lookup.hash").all(hash) as ExistingArticle[]) found.set(row.id, row);
    }
    return [...found.values()];
  }

  private apply(plan: BatchPlan): void {
    let step: WriteName = "events.delete";
    // Positional parameters, statements prepared once: the writer binds about 200 values an article.
    const st = (name: WriteName) => {
      step = name;
      return this.w(name);
    };
    try {
      for (const id of plan.replace) {
        st("events.delete").run(id);
        st("quotes.delete").run(id);
        st("sentences.delete").run(id);
      }
      const lastArticle = st("articles.last").pluck().get() as number;
      const lastQuote = st("quotes.last").pluck().get() as number;
      const article = st("articles.upsert");
      const aliasDelete = st("aliases.delete");
      const sentence = st("sentences.insert");
      const event = st("events.insert");
      const actor = st("actors.insert");
      const place = st("places.insert");
      const quote = st("quotes.insert");
      const gids: number[] = [];
      for (const { rows } of plan.writes) {
        const a = rows.article;
        step = "articles.upsert";
        article.run(
          a.id,
          a.date,
          a.title,
          a.url,
          a.source,
          a.origin,
          a.text_hash,
          a.record_hash,
          a.text,
          a.errors_json,
          a.coded_at,
        );
        step = "aliases.delete";
        aliasDelete.run(a.id);
        step = "sentences.insert";
        for (const s of rows.sentences) sentence.run(s.article_id, s.n, s.start_char, s.end_char, s.text);
        step = "events.insert";
        gids.length = 0;
        for (const e of rows.events) {
          const info = event.run(
            e.article_id,
            e.n,
            e.event_key,
            e.sentence,
            e.code,
            e.base_code,
            e.root,
            e.name,
            e.quad,
            e.goldstein,
            e.plover_type,
            e.plover_mode,
            e.modality,
            e.date,
            e.day,
            e.date_text,
            e.trigger,
            e.trigger_start,
            e.trigger_end,
            e.rule,
            e.confidence,
            e.evidence_text,
            e.part,
            e.repeats,
          );
          gids[e.n] = Number(info.lastInsertRowid);
        }
        step = "actors.insert";
        for (const x of rows.actors) {
          actor.run(
            gids[x.event_n],
            x.role,
            x.position,
            x.code,
            x.country,
            x.org,
            x.sector,
            x.name,
            x.kb_id,
            x.text,
            x.start_char,
            x.end_char,
          );
        }
        step = "places.insert";
        for (const p of rows.places) {
          place.run(gids[p.event_n], p.name, p.country, p.lat, p.lon, p.text, p.start_char, p.end_char);
        }
        step = "quotes.insert";
        for (const q of rows.quotes) {
          quote.run(
            q.article_id,
            q.n,
            q.speaker_code,
            q.speaker_country,
            q.speaker_org,
            q.speaker_sector,
            q.speaker_name,
            q.speaker_kb_id,
            q.speaker_text,
            q.speaker_start,
            q.speaker_end,
            q.cue,
            q.kind,
            q.text,
            q.start_char,
            q.end_char,
            q.sentence,
          );
        }
      }
      if (plan.writes.length > 0) {
        st("articles_fts.insert").run(lastArticle);
        st("quotes_fts.insert").run(lastQuote);
      }
      for (const a of plan.aliases) st("aliases.upsert").run(a.alias, a.article_id);
      for (const key of plan.clearErrors) st("errors.delete").run(key);
      for (const e of plan.errors) {
        st("errors.upsert").run(e.key, e.article_id, e.origin, e.code, e.message, e.recorded_at);
      }
    } catch (e) {
      throw storeError("E_STORE_WRITE", step, this.location, e);
    }
  }

  private all<T>(q: Query): T[] {
    try {
      return this.stmt(q.sql).all(...q.params) as T[];
    } catch (e) {
      throw storeError("E_STORE_QUERY", q.name, this.location, e);
    }
  }

  private assemble(rows: EventReadRow[]): StoredEvent[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.gid));
    const actors = this.all<ActorReadRow>({ name: "events.actors", sql: ACTORS_OF, params: [ids] });
    const places = this.all<PlaceReadRow>({ name: "events.places", sql: PLACES_OF, params: [ids] });
    return assembleEvents(rows, actors, places);
  }

  async write(batch: WriteBatch): Promise<BatchResult> {
    try {
      return this.writeTx.immediate(hashBatch(batch), new Date().toISOString(), batch.also ?? []);
    } catch (e) {
      throw storeError("E_STORE_WRITE", "write batch", this.location, e);
    }
  }

  async events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return this.assemble(this.all<EventReadRow>(eventsQuery(filter, sqliteDialect)));
  }

  async *iterateEvents(filter: EventFilter = {}, pageSize = 1000): AsyncIterable<StoredEvent> {
    let after = 0;
    let left = filter.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const size = Math.min(pageSize, left);
      const rows = this.all<EventReadRow>(eventsPageQuery(filter, after, size, sqliteDialect));
      yield* this.assemble(rows);
      if (rows.length < size) return;
      left -= rows.length;
      after = rows[rows.length - 1].gid;
    }
  }

  async quotes(filter: QuoteFilter = {}): Promise<StoredQuote[]> {
    return this.all<QuoteReadRow>(quotesQuery(filter, sqliteDialect)).map(storedQuote);
  }

  async topActors(limit: number, filter: EventFilter = {}): Promise<ActorCount[]> {
    const rows = this.all<{
      code: string;
      name: string;
      country: string | null;
      org: string | null;
      events: number;
      as_source: number;
      as_target: number;
      articles: number;
    }>(topActorsQuery(limit, filter, sqliteDialect));
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      country: r.country,
      org: r.org,
      events: r.events,
      asSource: r.as_source,
      asTarget: r.as_target,
      articles: r.articles,
    }));
  }

  async article(id: string): Promise<StoredArticle | null> {
    type Row = {
      id: string;
      date: string;
      title: string | null;
      url: string | null;
      source: string | null;
      text: string;
      text_hash: string;
      coded_at: string;
      errors_json: string;
    };
    const select = `SELECT id, date, title, url, source, text, text_hash, coded_at, errors_json FROM articles WHERE id = ?`;
    let row = this.all<Row>({ name: "article.get", sql: select, params: [id] })[0];
    let aliasOf: string | undefined;
    if (!row) {
      const alias = this.all<{ article_id: string }>({
        name: "article.alias",
        sql: "SELECT article_id FROM article_aliases WHERE alias = ?",
        params: [id],
      })[0];
      if (!alias) return null;
      aliasOf = alias.article_id;
      row = this.all<Row>({ name: "article.get", sql: select, params: [aliasOf] })[0];
      if (!row) return null;
    }
    const events = this.assemble(
      this.all<EventReadRow>(eventsQuery({ articleId: row.id }, sqliteDialect, "gid")),
    );
    const quotes = await this.quotes({ articleId: row.id });
    return {
      article: {
        id: row.id,
        date: row.date,
        title: row.title,
        url: row.url,
        source: row.source,
        text: row.text,
        textHash: row.text_hash,
        codedAt: row.coded_at,
      },
      record: {
        id: row.id,
        date: row.date,
        title: row.title,
        url: row.url,
        events: events.map(plainEvent),
        quotes: quotes.map(({ article: _a, ...q }) => q),
        errors: parseErrors(row.errors_json),
      },
      ...(aliasOf ? { aliasOf } : {}),
    };
  }

  async errors(limit = 1000): Promise<StoredError[]> {
    const rows = this.all<ErrorRow>({
      name: "errors.list",
      sql: "SELECT key, article_id, origin, code, message, recorded_at FROM errors ORDER BY recorded_at, key LIMIT ?",
      params: [limit],
    });
    return rows.map((r) => ({
      key: r.key,
      articleId: r.article_id,
      origin: r.origin,
      code: r.code,
      message: r.message,
      recordedAt: r.recorded_at,
    }));
  }

  async series(options: SeriesOptions) {
    const rows = this.all<SeriesReadRow>(seriesQuery(options, sqliteDialect)).map(toSeriesRow);
    return fillPeriods(rows, options.by, options.filter);
  }

  async matchActors(
    term: ActorTerm,
    options: { limit?: number; speakers?: boolean } = {},
  ): Promise<ActorMatch[]> {
    return this.all<ActorMatch>(
      matchActorsQuery(term, options.limit ?? 1000, sqliteDialect, options.speakers),
    ).map((r) => ({
      code: r.code,
      name: r.name,
      events: Number(r.events),
    }));
  }

  async counts(): Promise<StoreCounts> {
    return this.all<StoreCounts>(countsQuery())[0];
  }

  async migrations(): Promise<number[]> {
    return this.all<{ version: number }>({
      name: "migrations",
      sql: "SELECT version FROM schema_migrations ORDER BY version",
      params: [],
    }).map((r) => r.version);
  }

  async articleTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = this.all<{ id: string; text: string }>({
      name: "articles.texts",
      sql: "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
      params: [JSON.stringify(ids)],
    });
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  async feed(url: string): Promise<FeedState | null> {
    const row = this.all<FeedRow>(feedQuery(url, sqliteDialect))[0];
    return row ? toFeedState(row) : null;
  }

  async saveFeed(state: FeedState): Promise<void> {
    this.run(saveFeedQuery(state, sqliteDialect));
  }

  async feedItems(feedUrl: string): Promise<FeedItemState[]> {
    return this.all<FeedItemRow>(feedItemsQuery(feedUrl, sqliteDialect)).map(toFeedItem);
  }

  async saveFeedItem(item: FeedItemState): Promise<void> {
    this.run(saveFeedItemQuery(item, sqliteDialect));
  }

  private run(q: Query): void {
    try {
      this.stmt(q.sql).run(...q.params);
    } catch (e) {
      throw storeError("E_STORE_WRITE", q.name, this.location, e);
    }
  }

  /** EXPLAIN QUERY PLAN of a store query, for tests that keep the main queries on their indexes. */
  explain(q: Query): string[] {
    const rows = this.all<{ detail: string }>({ ...q, sql: `EXPLAIN QUERY PLAN ${q.sql}` });
    return rows.map((r) => r.detail);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.readonly) {
      // The last writer leaves the file in rollback-journal mode, so that readers on a read-only disk need
      // no -wal or -shm file beside it. With other connections still open this fails, harmlessly: they
      // keep WAL and the last of them to close switches.
      try {
        // Not waiting: another connection open means this one is not the last.
        this.db.pragma("busy_timeout = 0");
        this.db.pragma("journal_mode = DELETE");
      } catch (e) {
        if (!isSqliteError(e, "SQLITE_BUSY") && !isSqliteError(e, "SQLITE_LOCKED")) {
          this.db.close();
          throw storeError("E_STORE", "close", this.location, e);
        }
      }
    }
    this.db.close();
  }
}
