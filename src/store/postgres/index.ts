// The team store: PostgreSQL through pg. Batches go in one transaction, each table in one
// INSERT ... SELECT FROM unnest(...) statement.
import pg from "pg";
import { DyadError } from "../../core/errors.js";
import { redactUrl, storeError } from "../fail.js";
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
  WriteBatch,
} from "../types.js";
import { postgresDialect } from "./dialect.js";

const INT8 = 20;

/** Per-pool type parsing (never pg's global registry): bigint counts and ids as numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PostgresTarget {
  connectionString: string;
  schema: string;
  /** The URL without password, for messages. */
  location: string;
}

/** Splits `postgres://...?schema=name` into the connection string pg understands and the schema. */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The cause is left out: the URL parser's error carries the whole URL, password included.
    throw new DyadError("E_STORE_URL", redactUrl(url));
  }
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new DyadError("E_STORE_URL", `schema '${schema}': use lower-case letters, digits and _`);
  }
  parsed.searchParams.delete("schema");
  const connectionString = parsed.toString();
  if (parsed.password) parsed.password = "***";
  return {
    connectionString,
    schema,
    location: parsed.toString() + (schema === "public" ? "" : `#${schema}`),
  };
}

type Col = readonly [name: string, type: string];

const COLS = {
  articles: [
    ["id", "text"],
    ["date", "date"],
    ["title", "text"],
    ["url", "text"],
    ["source", "text"],
    ["origin", "text"],
    ["text_hash", "text"],
    ["record_hash", "text"],
    ["text", "text"],
    ["errors_json", "text"],
    ["coded_at", "text"],
  ],
  sentences: [
    ["article_id", "text"],
    ["n", "int4"],
    ["start_char", "int4"],
    ["end_char", "int4"],
    ["text", "text"],
  ],
  events: [
    ["article_id", "text"],
    ["n", "int4"],
    ["event_key", "text"],
    ["sentence", "int4"],
    ["code", "text"],
    ["base_code", "text"],
    ["root", "text"],
    ["name", "text"],
    ["quad", "int2"],
    ["goldstein", "float8"],
    ["plover_type", "text"],
    ["plover_mode", "text"],
    ["modality", "text"],
    ["date", "text"],
    ["day", "date"],
    ["date_text", "text"],
    ["trigger", "text"],
    ["trigger_start", "int4"],
    ["trigger_end", "int4"],
    ["rule", "text"],
    ["confidence", "float8"],
    ["evidence_text", "text"],
    ["part", "text"],
    ["repeats", "text"],
  ],
  event_actors: [
    ["event_id", "int8"],
    ["role", "text"],
    ["position", "int4"],
    ["code", "text"],
    ["country", "text"],
    ["org", "text"],
    ["sector", "text"],
    ["name", "text"],
    ["kb_id", "text"],
    ["text", "text"],
    ["start_char", "int4"],
    ["end_char", "int4"],
  ],
  places: [
    ["event_id", "int8"],
    ["name", "text"],
    ["country", "text"],
    ["lat", "float8"],
    ["lon", "float8"],
    ["text", "text"],
    ["start_char", "int4"],
    ["end_char", "int4"],
  ],
  quotes: [
    ["article_id", "text"],
    ["n", "int4"],
    ["speaker_code", "text"],
    ["speaker_country", "text"],
    ["speaker_org", "text"],
    ["speaker_sector", "text"],
    ["speaker_name", "text"],
    ["speaker_kb_id", "text"],
    ["speaker_text", "text"],
    ["speaker_start", "int4"],
    ["speaker_end", "int4"],
    ["cue", "text"],
    ["kind", "text"],
    ["text", "text"],
    ["start_char", "int4"],
    ["end_char", "int4"],
    ["sentence", "int4"],
  ],
  article_aliases: [
    ["alias", "text"],
    ["article_id", "text"],
  ],
  errors: [
    ["key", "text"],
    ["article_id", "text"],
    ["origin", "text"],
    ["code", "text"],
    ["message", "text"],
    ["recorded_at", "text"],
  ],
} satisfies Record<string, readonly Col[]>;

type Table = keyof typeof COLS;

/**
 * INSERT ... SELECT * FROM unnest($1::t1[], $2::t2[], ...): one statement and one round trip per table.
 * `given` holds whole columns computed apart (the event ids of actor and place rows), one value per row.
 */
function bulkInsert(
  table: Table,
  rows: readonly object[],
  suffix = "",
  given: Readonly<Record<string, unknown[]>> = {},
): Query {
  const cols: readonly Col[] = COLS[table];
  const params = cols.map(([c]) => given[c] ?? rows.map((r) => (r as Record<string, unknown>)[c] ?? null));
  const unnest = cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
  return {
    name: `${table}.insert`,
    sql: `INSERT INTO ${table} (${cols.map(([c]) => c).join(", ")}) SELECT * FROM unnest(${unnest}) ${suffix}`,
    params,
  };
}

const ARTICLE_UPSERT = `ON CONFLICT (id) DO UPDATE SET date = excluded.date, title = excluded.title,
  url = excluded.url, source = excluded.source, origin = excluded.origin, text_hash = excluded.text_hash,
  record_hash = excluded.record_hash, text = excluded.text, errors_json = excluded.errors_json,
  coded_at = excluded.coded_at`;

async function exec<R extends pg.QueryResultRow>(
  client: pg.ClientBase | pg.Pool,
  q: Query,
  location: string,
  code: "E_STORE_QUERY" | "E_STORE_WRITE" | "E_STORE_MIGRATION" = "E_STORE_QUERY",
): Promise<R[]> {
  try {
    const result = await client.query<R>(q.sql, q.params);
    return result.rows;
  } catch (e) {
    throw storeError(code, q.name, location, e);
  }
}

async function migrate(pool: pg.Pool, target: PostgresTarget): Promise<void> {
  const all = loadMigrations("postgres");
  const client = await pool.connect();
  const run = (name: string, sql: string, params: unknown[] = []) =>
    exec(client, { name, sql, params }, target.location, "E_STORE_MIGRATION");
  try {
    await run("begin", "BEGIN");
    // Two Dyads opening the same fresh store at once: the second waits, then finds the work done.
    await run("lock", "SELECT pg_advisory_xact_lock(hashtext($1))", [`dyad.migrate.${target.schema}`]);
    await run("schema", `CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
    await run(
      "schema_migrations",
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`,
    );
    const applied = (await run("applied", "SELECT version FROM schema_migrations ORDER BY version")) as {
      version: number;
    }[];
    for (const m of pending(
      all,
      applied.map((r) => r.version),
      target.location,
    )) {
      await run(`migration ${m.version}_${m.name}`, m.sql);
      await run("record", "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
    await run("commit", "COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => rollbackError);
    throw e;
  } finally {
    client.release();
  }
}

export async function openPostgresStore(url: string): Promise<Store> {
  const target = parsePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 4,
    types,
    options: `-c search_path=${target.schema}`,
    application_name: "dyad",
  });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on("error", (e: Error) => e);
  try {
    await migrate(pool, target);
  } catch (e) {
    await pool.end();
    throw storeError("E_STORE_OPEN", "open", target.location, e);
  }
  return new PostgresStore(pool, target.location, target.schema);
}

class PostgresStore implements Store {
  readonly kind = "postgres" as const;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    private readonly schema: string,
  ) {}

  private all<R extends pg.QueryResultRow>(q: Query): Promise<R[]> {
    return exec<R>(this.pool, q, this.location);
  }

  async write(input: WriteBatch): Promise<BatchResult> {
    const now = new Date().toISOString();
    const batch = hashBatch(input);
    const client = await this.pool.connect();
    const run = <R extends pg.QueryResultRow>(q: Query) => exec<R>(client, q, this.location, "E_STORE_WRITE");
    try {
      await run({ name: "begin", sql: "BEGIN", params: [] });
      // Writers take turns per schema, so two ingests of the same article never race on its id.
      await run({
        name: "lock",
        sql: "SELECT pg_advisory_xact_lock(hashtext($1))",
        params: [`dyad.write.${this.schema}`],
      });
      const { ids, hashes } = lookupKeys(batch);
      const existing = await run<ExistingArticle & pg.QueryResultRow>({
        name: "articles.lookup",
        sql: "SELECT id, to_char(date, 'YYYY-MM-DD') AS date, text_hash, record_hash FROM articles WHERE id = ANY($1::text[]) OR text_hash = ANY($2::text[])",
        params: [ids, hashes],
      });
      const plan = planBatch(batch, existing, now);
      await this.apply(plan, run);
      for (const statement of input.also ?? []) {
        const result = await client
          .query(statement.sql, [...statement.params])
          .catch((e: unknown) =>
            Promise.reject(storeError("E_STORE_WRITE", statement.name, this.location, e)),
          );
        if (statement.noRow && result.rowCount === 0) throw statement.noRow();
      }
      await run({ name: "commit", sql: "COMMIT", params: [] });
      return summarise(plan);
    } catch (e) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => rollbackError);
      throw storeError("E_STORE_WRITE", "write batch", this.location, e);
    } finally {
      client.release();
    }
  }

  private async apply(
    plan: BatchPlan,
    run: <R extends pg.QueryResultRow>(q: Query) => Promise<R[]>,
  ): Promise<void> {
    if (plan.replace.length > 0) {
      for (const table of ["events", "quotes", "sentences"]) {
        await run({
          name: `${table}.delete`,
          sql: `DELETE FROM ${table} WHERE article_id = ANY($1::text[])`,
          params: [plan.replace],
        });
      }
    }
    if (plan.writes.length > 0) {
      const rows = plan.writes.map((w) => w.rows);
      await run(
        bulkInsert(
          "articles",
          rows.map((r) => r.article),
          ARTICLE_UPSERT,
        ),
      );
      await run({
        name: "aliases.delete",
        sql: "DELETE FROM article_aliases WHERE alias = ANY($1::text[])",
        params: [rows.map((r) => r.article.id)],
      });
      const sentences = rows.flatMap((r) => r.sentences);
      if (sentences.length) await run(bulkInsert("sentences", sentences));
      const events = rows.flatMap((r) => r.events);
      const gids = new Map<string, number>();
      if (events.length) {
        const returned = await run<{ id: number; article_id: string; n: number }>(
          bulkInsert("events", events, "RETURNING id, article_id, n"),
        );
        for (const r of returned) gids.set(`${r.article_id}\u0000${r.n}`, r.id);
      }
      const gid = (articleId: string, n: number) => gids.get(`${articleId}\u0000${n}`);
      const actors = rows.flatMap((r) => r.actors);
      if (actors.length) {
        const ids = rows.flatMap((r) => r.actors.map((a) => gid(r.article.id, a.event_n)));
        await run(bulkInsert("event_actors", actors, "", { event_id: ids }));
      }
      const places = rows.flatMap((r) => r.places);
      if (places.length) {
        const ids = rows.flatMap((r) => r.places.map((p) => gid(r.article.id, p.event_n)));
        await run(bulkInsert("places", places, "", { event_id: ids }));
      }
      const quotes = rows.flatMap((r) => r.quotes);
      if (quotes.length) await run(bulkInsert("quotes", quotes));
    }
    if (plan.aliases.length) {
      await run(
        bulkInsert(
          "article_aliases",
          plan.aliases,
          "ON CONFLICT (alias) DO UPDATE SET article_id = excluded.article_id",
        ),
      );
    }
    if (plan.clearErrors.length) {
      await run({
        name: "errors.delete",
        sql: "DELETE FROM errors WHERE key = ANY($1::text[])",
        params: [plan.clearErrors],
      });
    }
    if (plan.errors.length) {
      await run(
        bulkInsert(
          "errors",
          plan.errors,
          `ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id, origin = excluded.origin,
           code = excluded.code, message = excluded.message, recorded_at = excluded.recorded_at`,
        ),
      );
    }
  }

  private async assemble(rows: EventReadRow[]): Promise<StoredEvent[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.gid);
    const actors = await this.all<ActorReadRow & pg.QueryResultRow>({
      name: "events.actors",
      sql: `SELECT event_id, role, position, code, country, org, sector, name, kb_id, text, start_char, end_char
        FROM event_actors WHERE event_id = ANY($1::int8[]) ORDER BY event_id, role, position`,
      params: [ids],
    });
    const places = await this.all<PlaceReadRow & pg.QueryResultRow>({
      name: "events.places",
      sql: `SELECT event_id, name, country, lat, lon, text, start_char, end_char FROM places WHERE event_id = ANY($1::int8[])`,
      params: [ids],
    });
    return assembleEvents(rows, actors, places);
  }

  async events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return this.assemble(
      await this.all<EventReadRow & pg.QueryResultRow>(eventsQuery(filter, postgresDialect)),
    );
  }

  async *iterateEvents(filter: EventFilter = {}, pageSize = 1000): AsyncIterable<StoredEvent> {
    let after = 0;
    let left = filter.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const size = Math.min(pageSize, left);
      const rows = await this.all<EventReadRow & pg.QueryResultRow>(
        eventsPageQuery(filter, after, size, postgresDialect),
      );
      yield* await this.assemble(rows);
      if (rows.length < size) return;
      left -= rows.length;
      after = rows[rows.length - 1].gid;
    }
  }

  async quotes(filter: QuoteFilter = {}): Promise<StoredQuote[]> {
    return (await this.all<QuoteReadRow & pg.QueryResultRow>(quotesQuery(filter, postgresDialect))).map(
      storedQuote,
    );
  }

  async topActors(limit: number, filter: EventFilter = {}): Promise<ActorCount[]> {
    const rows = await this.all<{
      code: string;
      name: string;
      country: string | null;
      org: string | null;
      events: number;
      as_source: number;
      as_target: number;
      articles: number;
    }>(topActorsQuery(limit, filter, postgresDialect));
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
    const select = `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, title, url, source, text, text_hash, coded_at,
      errors_json FROM articles WHERE id = $1`;
    let row = (await this.all<Row>({ name: "article.get", sql: select, params: [id] }))[0];
    let aliasOf: string | undefined;
    if (!row) {
      const alias = (
        await this.all<{ article_id: string }>({
          name: "article.alias",
          sql: "SELECT article_id FROM article_aliases WHERE alias = $1",
          params: [id],
        })
      )[0];
      if (!alias) return null;
      aliasOf = alias.article_id;
      row = (await this.all<Row>({ name: "article.get", sql: select, params: [aliasOf] }))[0];
      if (!row) return null;
    }
    const events = await this.assemble(
      await this.all<EventReadRow & pg.QueryResultRow>(
        eventsQuery({ articleId: row.id }, postgresDialect, "gid"),
      ),
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
    const rows = await this.all<ErrorRow>({
      name: "errors.list",
      sql: "SELECT key, article_id, origin, code, message, recorded_at FROM errors ORDER BY recorded_at, key LIMIT $1",
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
    const rows = (
      await this.all<SeriesReadRow & pg.QueryResultRow>(seriesQuery(options, postgresDialect))
    ).map(toSeriesRow);
    return fillPeriods(rows, options.by, options.filter);
  }

  async matchActors(
    term: ActorTerm,
    options: { limit?: number; speakers?: boolean } = {},
  ): Promise<ActorMatch[]> {
    const rows = await this.all<ActorMatch & pg.QueryResultRow>(
      matchActorsQuery(term, options.limit ?? 1000, postgresDialect, options.speakers),
    );
    return rows.map((r) => ({ code: r.code, name: r.name, events: Number(r.events) }));
  }

  async counts(): Promise<StoreCounts> {
    return (await this.all<StoreCounts & pg.QueryResultRow>(countsQuery()))[0];
  }

  async migrations(): Promise<number[]> {
    const rows = await this.all<{ version: number }>({
      name: "migrations",
      sql: "SELECT version FROM schema_migrations ORDER BY version",
      params: [],
    });
    return rows.map((r) => r.version);
  }

  async articleTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.all<{ id: string; text: string }>({
      name: "articles.texts",
      sql: "SELECT id, text FROM articles WHERE id = ANY($1::text[])",
      params: [[...ids]],
    });
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  async feed(url: string): Promise<FeedState | null> {
    const row = (await this.all<FeedRow & pg.QueryResultRow>(feedQuery(url, postgresDialect)))[0];
    return row ? toFeedState(row) : null;
  }

  async saveFeed(state: FeedState): Promise<void> {
    await exec(this.pool, saveFeedQuery(state, postgresDialect), this.location, "E_STORE_WRITE");
  }

  async feedItems(feedUrl: string): Promise<FeedItemState[]> {
    const rows = await this.all<FeedItemRow & pg.QueryResultRow>(feedItemsQuery(feedUrl, postgresDialect));
    return rows.map(toFeedItem);
  }

  async saveFeedItem(item: FeedItemState): Promise<void> {
    await exec(this.pool, saveFeedItemQuery(item, postgresDialect), this.location, "E_STORE_WRITE");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
