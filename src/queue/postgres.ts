// The work queue on PostgreSQL: a job table taken with FOR UPDATE SKIP LOCKED (docs/store.md says why not
// pg-boss). It lives in the store's database and schema, so that a batch is written and marked done in one
// transaction.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { textHash } from "../ingest/parse.js";
import { storeKind } from "../store/index.js";
import { loadMigrations, pending } from "../store/migrations.js";
import { parsePostgresUrl } from "../store/postgres/index.js";
import type { TxStatement } from "../store/types.js";
import { toPayload } from "./payload.js";
import type { EnqueueResult, Job, ParkedJob, Queue, QueueOptions, QueueStatus } from "./types.js";

const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export const QUEUE_DEFAULTS: Required<QueueOptions> = {
  visibilityMs: 60_000,
  maxAttempts: 3,
  retryDelayMs: 1000,
};

/** The queue's .sql files: next to this module under tsx, in src/queue when running from dist/. */
function migrationsDir(): string {
  const candidates = [
    new URL("./migrations/postgres/", import.meta.url),
    new URL("../../src/queue/migrations/postgres/", import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(dir));
  if (!found)
    throw new DyadError("E_STORE_MIGRATION", `no queue migrations; looked in ${candidates.join(", ")}`);
  return found;
}

/** An article's identity in the queue: its id and its text. */
export function articleKey(article: Article): string {
  return `${textHash(article.text)} ${article.id}`;
}

function queueError(what: string, location: string, e: unknown): DyadError {
  if (e instanceof DyadError) return e;
  return new DyadError("E_QUEUE", `${what}: ${e instanceof Error ? e.message : String(e)}`, location, {
    cause: e,
  });
}

export async function openPostgresQueue(url: string, options: QueueOptions = {}): Promise<Queue> {
  if (storeKind(url) !== "postgres") throw new DyadError("E_QUEUE_URL", undefined, url);
  const target = parsePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 2,
    types,
    options: `-c search_path=${target.schema}`,
    application_name: "dyad-queue",
  });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on("error", (e: Error) => e);
  const queue = new PostgresQueue(pool, target.location, { ...QUEUE_DEFAULTS, ...options });
  try {
    await queue.migrate(target.schema);
  } catch (e) {
    await pool.end();
    throw queueError("open", target.location, e);
  }
  return queue;
}

class PostgresQueue implements Queue {
  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
    readonly options: Required<QueueOptions>,
  ) {}

  private async query<R extends pg.QueryResultRow>(what: string, sql: string, params: unknown[] = []) {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (e) {
      throw queueError(what, this.location, e);
    }
  }

  private async transaction<T>(what: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((e: unknown) => {
      throw queueError(what, this.location, e);
    });
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => rollbackError);
      throw queueError(what, this.location, e);
    } finally {
      client.release();
    }
  }

  async migrate(schema: string): Promise<void> {
    const all = loadMigrations("postgres", migrationsDir());
    await this.transaction("migrate", async (client) => {
      // Two workers starting on a fresh schema at once: the second waits, then finds the work done.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`dyad.queue.migrate.${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        "CREATE TABLE IF NOT EXISTS queue_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
      );
      const applied = await client.query<{ version: number }>("SELECT version FROM queue_migrations");
      for (const m of pending(
        all,
        applied.rows.map((r) => r.version),
        this.location,
      )) {
        await client.query(m.sql);
        await client.query("INSERT INTO queue_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async enqueue(articles: readonly Article[], batchSize: number): Promise<EnqueueResult> {
    const byKey = new Map<string, Article>();
    for (const a of articles) {
      const key = articleKey(a);
      if (!byKey.has(key)) byKey.set(key, a);
    }
    return this.transaction("enqueue", async (client) => {
      // A key inserted by another enqueue still in flight makes this one wait for it, then skip the article.
      const fresh = await client.query<{ key: string }>(
        "INSERT INTO queue_articles (key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING key",
        [[...byKey.keys()]],
      );
      const added = new Set(fresh.rows.map((r) => r.key));
      const todo = [...byKey].filter(([key]) => added.has(key)).map(([, a]) => a);
      const payloads: string[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < todo.length; i += batchSize) {
        const batch = todo.slice(i, i + batchSize);
        payloads.push(toPayload(batch));
        sizes.push(batch.length);
      }
      if (payloads.length > 0) {
        await client.query(
          "INSERT INTO queue_jobs (articles, size) SELECT b.articles, b.size FROM unnest($1::text[], $2::int4[]) WITH ORDINALITY AS b(articles, size, n) ORDER BY b.n",
          [payloads, sizes],
        );
      }
      return { batches: payloads.length, articles: todo.length, skipped: articles.length - todo.length };
    });
  }

  async claim(worker: string, max = 1): Promise<Job[]> {
    const { visibilityMs, maxAttempts } = this.options;
    return this.transaction("claim", async (client) => {
      await client.query(
        `UPDATE queue_jobs SET state = 'failed', done_at = now(), lease = NULL, locked_until = NULL,
           error = coalesce(error || '; ', '') || 'the lease ran out on try ' || attempts || ' (the worker died or hung)'
         WHERE id IN (SELECT id FROM queue_jobs WHERE state = 'running' AND locked_until < now()
           AND attempts >= $1 FOR UPDATE SKIP LOCKED)`,
        [maxAttempts],
      );
      const taken = await client.query<{
        id: number;
        articles: string;
        size: number;
        attempts: number;
        lease: string;
      }>(
        `UPDATE queue_jobs j SET state = 'running', attempts = j.attempts + 1, lease = gen_random_uuid(),
           worker = $3, locked_until = now() + $4 * interval '1 millisecond', started_at = coalesce(started_at, now())
         FROM (SELECT id FROM queue_jobs
               WHERE state IN ('pending', 'running')
                 AND ((state = 'pending' AND run_after <= now())
                   OR (state = 'running' AND locked_until < now() AND attempts < $1))
               ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) picked
         WHERE j.id = picked.id
         RETURNING j.id, j.articles, j.size, j.attempts, j.lease`,
        [maxAttempts, max, worker, visibilityMs],
      );
      return taken.rows
        .sort((a, b) => a.id - b.id)
        .map((r) => ({ id: r.id, payload: r.articles, size: r.size, attempts: r.attempts, lease: r.lease }));
    });
  }

  async extend(jobs: readonly Job[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const result = await this.query(
      "extend",
      `UPDATE queue_jobs q SET locked_until = now() + $3 * interval '1 millisecond'
       FROM unnest($1::int8[], $2::uuid[]) AS h(id, lease)
       WHERE q.id = h.id AND q.lease = h.lease AND q.state = 'running'`,
      [jobs.map((j) => j.id), jobs.map((j) => j.lease), this.options.visibilityMs],
    );
    return result.rowCount ?? 0;
  }

  completion(job: Job): TxStatement {
    return {
      name: "queue.complete",
      sql: `UPDATE queue_jobs SET state = 'done', done_at = now(), locked_until = NULL
            WHERE id = $1 AND lease = $2 AND state = 'running'`,
      params: [job.id, job.lease],
      noRow: () => new DyadError("E_QUEUE_LEASE", undefined, `queue batch ${job.id}`),
    };
  }

  async complete(job: Job): Promise<boolean> {
    const { sql, params } = this.completion(job);
    return ((await this.query("complete", sql, [...params])).rowCount ?? 0) > 0;
  }

  async fail(job: Job, error: string): Promise<"retry" | "parked" | "lost"> {
    const result = await this.query<{ state: string }>(
      "fail",
      `UPDATE queue_jobs SET
         state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
         done_at = CASE WHEN attempts >= $3 THEN now() END,
         run_after = now() + attempts * $4 * interval '1 millisecond',
         error = $5, lease = NULL, locked_until = NULL
       WHERE id = $1 AND lease = $2 AND state = 'running'
       RETURNING state`,
      [job.id, job.lease, this.options.maxAttempts, this.options.retryDelayMs, error],
    );
    const state = result.rows[0]?.state;
    return state === undefined ? "lost" : state === "failed" ? "parked" : "retry";
  }

  async release(job: Job): Promise<void> {
    await this.query(
      "release",
      `UPDATE queue_jobs SET state = 'pending', attempts = greatest(attempts - 1, 0), lease = NULL,
         locked_until = NULL WHERE id = $1 AND lease = $2 AND state = 'running'`,
      [job.id, job.lease],
    );
  }

  async open(): Promise<number> {
    const result = await this.query<{ n: number }>(
      "open",
      "SELECT count(*) AS n FROM queue_jobs WHERE state IN ('pending', 'running')",
    );
    return result.rows[0].n;
  }

  async status(): Promise<QueueStatus> {
    const byState = await this.query<{ state: string; batches: number; articles: number }>(
      "status",
      "SELECT state, count(*) AS batches, coalesce(sum(size), 0)::int8 AS articles FROM queue_jobs GROUP BY state",
    );
    const rates = await this.query<{
      retried: number;
      recent: number;
      window: number;
      total: number;
      span: number;
    }>(
      "status",
      `SELECT
         (SELECT count(*) FROM queue_jobs WHERE attempts > 1) AS retried,
         (SELECT coalesce(sum(size), 0)::int8 FROM queue_jobs WHERE state = 'done' AND done_at > now() - interval '60 seconds') AS recent,
         least(60, extract(epoch FROM now() - (SELECT min(started_at) FROM queue_jobs)))::float8 AS window,
         (SELECT coalesce(sum(size), 0)::int8 FROM queue_jobs WHERE state = 'done') AS total,
         extract(epoch FROM (SELECT max(done_at) FROM queue_jobs WHERE state = 'done') - (SELECT min(started_at) FROM queue_jobs))::float8 AS span`,
    );
    const parked = await this.query<{
      id: number;
      size: number;
      attempts: number;
      error: string | null;
      articles: string;
    }>(
      "status",
      "SELECT id, size, attempts, error, articles FROM queue_jobs WHERE state = 'failed' ORDER BY id LIMIT 100",
    );
    const get = (state: string) => byState.rows.find((r) => r.state === state) ?? { batches: 0, articles: 0 };
    const r = rates.rows[0];
    return {
      pending: get("pending").batches,
      running: get("running").batches,
      done: get("done").batches,
      failed: get("failed").batches,
      retried: r.retried,
      articles: {
        pending: get("pending").articles,
        running: get("running").articles,
        done: get("done").articles,
        failed: get("failed").articles,
      },
      ratePerSecond: r.window > 0 ? r.recent / r.window : 0,
      overallPerSecond: r.span > 0 ? r.total / r.span : 0,
      parked: parked.rows.map(parkedJob),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A parked batch, with its first and last article ids when its payload can be read. */
function parkedJob(r: {
  id: number;
  size: number;
  attempts: number;
  error: string | null;
  articles: string;
}): ParkedJob {
  let ids: string[] = [];
  try {
    const articles = JSON.parse(r.articles) as { id?: unknown }[];
    ids = Array.isArray(articles) ? articles.map((a) => String(a?.id)) : [];
  } catch {
    // A payload that is not JSON is why such a batch is parked; its error says so.
  }
  return {
    id: r.id,
    size: r.size,
    attempts: r.attempts,
    error: r.error ?? "",
    first: ids[0] ?? null,
    last: ids[ids.length - 1] ?? null,
  };
}
