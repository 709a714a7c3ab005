// `dyad worker`: takes batches from the queue, codes them, and writes each through the store in one
// transaction that also marks it done. A batch that fails is tried again and parked after its last try; a
// server that goes away is waited for with backoff; a stop signal lets the current batch finish.
import { setTimeout as sleep } from "node:timers/promises";
import { writeBatch } from "../app/write.js";
import { DyadError, isDyadError, toDyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import type { CodeResult } from "../pipeline/stream.js";
import type { FailedItem, IngestItem, Store } from "../store/index.js";
import { jobArticles } from "./payload.js";
import type { Job, Queue } from "./types.js";

export interface WorkerOptions {
  queue: Queue;
  store: Store;
  /** Codes a batch's articles: one result each, in order (the pipeline; tests give their own). */
  code: (articles: Article[]) => Promise<CodeResult[]>;
  /** This worker's name in the queue (host and pid by default in the CLI). */
  name: string;
  /** Wait between polls of an empty queue. */
  pollMs?: number;
  /** Exit once no batch is pending or running (instead of waiting for more). */
  untilEmpty?: boolean;
  /** Aborted: finish the current batch, then return. */
  signal?: AbortSignal;
  /** First and largest wait before trying a lost server again; doubles in between. */
  backoffMs?: { min: number; max: number };
  /** Progress and problems, one line each. */
  log?: (line: string) => void;
  /** An article's error, as `dyad ingest` reports it. */
  onArticleError?: (e: DyadError) => void;
}

export interface WorkerSummary {
  batches: number;
  articles: number;
  events: number;
  /** Tries that failed (the batch goes back to the queue, or is parked). */
  failures: number;
  parked: number;
  /** Batches coded but not stored: their lease ran out and another worker took them. */
  lost: number;
  /** Articles that failed on their own (recorded in the store, listed by `dyad errors`). */
  articleErrors: number;
  reconnects: number;
  seconds: number;
}

/** pg and socket errors that mean the server went away or is not up yet: wait and try again. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
]);

export function isConnectionLost(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 6; depth++) {
    const err = x as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === "string" && (CONNECTION_CODES.has(err.code) || err.code.startsWith("08")))
      return true;
    if (
      typeof err.message === "string" &&
      /Connection terminated|connection.*(closed|ended)|not queryable/i.test(err.message)
    )
      return true;
    x = err.cause;
  }
  return false;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { queue, store, signal } = options;
  const log = options.log ?? (() => {});
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoffMs ?? { min: 200, max: 10_000 };
  const started = Date.now();
  const summary: WorkerSummary = {
    batches: 0,
    articles: 0,
    events: 0,
    failures: 0,
    parked: 0,
    lost: 0,
    articleErrors: 0,
    reconnects: 0,
    seconds: 0,
  };
  let wait = backoff.min;
  /** Waits before trying a lost server again; false when stopped meanwhile. */
  const waitForServer = async (e: unknown): Promise<boolean> => {
    summary.reconnects++;
    log(`server unreachable (${(e as Error).message}); trying again in ${wait} ms`);
    const stopped = await sleep(wait, false, { signal }).catch(() => true);
    wait = Math.min(wait * 2, backoff.max);
    return !stopped;
  };

  while (!signal?.aborted) {
    let jobs: Job[];
    try {
      jobs = await queue.claim(options.name, 1);
      if (jobs.length === 0 && options.untilEmpty && (await queue.open()) === 0) break;
    } catch (e) {
      if (isConnectionLost(e) && (await waitForServer(e))) continue;
      if (signal?.aborted) break;
      throw e;
    }
    wait = backoff.min;
    if (jobs.length === 0) {
      await sleep(pollMs, undefined, { signal }).catch(() => {});
      continue;
    }
    for (const job of jobs) await processJob(job);
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;

  async function processJob(job: Job): Promise<void> {
    log(`batch ${job.id}: ${job.size} articles, try ${job.attempts}`);
    // Heartbeats keep the lease while the batch is coded; coding yields between small slices so they run.
    const beat = setInterval(
      () => void queue.extend([job]).catch(() => {}),
      Math.max(50, Math.floor(queue.options.visibilityMs / 3)),
    );
    try {
      const articles = jobArticles(job);
      const results = await options.code(articles);
      const coded: IngestItem[] = [];
      const failed: FailedItem[] = [];
      for (const r of results) {
        if (r.ok) {
          coded.push({ article: r.article, record: r.record });
          continue;
        }
        options.onArticleError?.(r.error);
        failed.push({
          articleId: r.article?.id,
          origin: r.error.origin ?? r.article?.origin,
          code: r.error.code,
          message: r.error.message,
        });
      }
      const result = await writeBatch(
        store,
        coded,
        failed,
        (e) => options.onArticleError?.(toDyadError(e, "E_STORE_WRITE")),
        [queue.completion(job)],
      );
      summary.batches++;
      summary.articles += job.size;
      summary.events += result.events;
      summary.articleErrors += result.failed;
    } catch (e) {
      await onFailure(job, e);
    } finally {
      clearInterval(beat);
    }
  }

  async function onFailure(job: Job, e: unknown): Promise<void> {
    if (isDyadError(e) && e.code === "E_QUEUE_LEASE") {
      summary.lost++;
      log(`batch ${job.id}: ${e.message}`);
      return;
    }
    if (isConnectionLost(e)) {
      // Not the batch's fault: once the server is back, give it back untried (or, if the lease ran out
      // meanwhile, another worker has it already).
      while (!signal?.aborted) {
        if (!(await waitForServer(e))) break;
        try {
          await queue.release(job);
          wait = backoff.min;
          return;
        } catch (again) {
          if (!isConnectionLost(again)) throw again;
        }
      }
      return;
    }
    summary.failures++;
    const error = toDyadError(e, "E_QUEUE");
    try {
      const outcome = await queue.fail(job, error.message);
      log(
        `batch ${job.id}: try ${job.attempts} failed: ${error.message}${outcome === "parked" ? " (parked)" : ""}`,
      );
      if (outcome !== "parked") return;
      summary.parked++;
      // Parked batches are listed by `dyad errors` too, beside the articles that failed on their own.
      const parked = new DyadError(
        "E_QUEUE_PARKED",
        `${job.size} article${job.size === 1 ? "" : "s"}, ${job.attempts} tries; last error: ${error.message}`,
        `queue batch ${job.id}`,
      );
      await store.write({
        coded: [],
        failed: [{ origin: parked.origin, code: parked.code, message: parked.message }],
      });
    } catch (again) {
      // The server went away while the failure was recorded: the lease runs out and the batch is taken
      // again, that try counted, as after a crash.
      if (!isConnectionLost(again)) throw again;
      log(`batch ${job.id}: its failure could not be recorded (${(again as Error).message})`);
    }
  }
}
