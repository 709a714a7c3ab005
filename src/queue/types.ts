// The work queue of `dyad enqueue` and `dyad worker`: batches of articles taken by workers under a lease.
// One implementation (postgres.ts); contract.ts is the suite any other must pass.
import type { Article } from "../core/types.js";
import type { TxStatement } from "../store/index.js";

/** A batch a worker has taken: its articles and the lease that marks it done or failed. */
export interface Job {
  id: number;
  /** The articles as a JSON array, as enqueued; read them with jobArticles (payload.ts). */
  payload: string;
  size: number;
  /** Tries so far, this one included. */
  attempts: number;
  lease: string;
}

export interface EnqueueResult {
  /** Batches added. */
  batches: number;
  /** Articles added. */
  articles: number;
  /** Articles left out: enqueued before (same id and text), or twice in this call. */
  skipped: number;
}

export interface ParkedJob {
  id: number;
  size: number;
  attempts: number;
  error: string;
  /** The first and last article ids of the batch, to find it. */
  first: string | null;
  last: string | null;
}

export interface QueueStatus {
  pending: number;
  running: number;
  done: number;
  /** Parked after failing on every try. */
  failed: number;
  /** Batches taken more than once (failed, or a worker's lease ran out). */
  retried: number;
  articles: { pending: number; running: number; done: number; failed: number };
  /** Articles done per second over the last minute. */
  ratePerSecond: number;
  /** Articles done per second from the first batch taken to the last one done. */
  overallPerSecond: number;
  parked: ParkedJob[];
}

export interface QueueOptions {
  /** How long a taken batch stays invisible to other workers without a heartbeat (default 60 s). */
  visibilityMs?: number;
  /** Tries before a batch is parked (default 3). */
  maxAttempts?: number;
  /** Wait before a failed batch is tried again, times the tries so far (default 1 s). */
  retryDelayMs?: number;
}

export interface Queue {
  readonly location: string;
  readonly options: Required<QueueOptions>;
  /**
   * Splits articles into batches of up to batchSize and adds them. Idempotent by article identity (id and
   * text hash): an article already enqueued is left out, so it is coded once.
   */
  enqueue(articles: readonly Article[], batchSize: number): Promise<EnqueueResult>;
  /**
   * Takes up to `max` batches for this worker, oldest first: pending ones whose retry wait is over, and
   * running ones whose lease ran out (their worker died). A batch whose lease ran out on its last try is
   * parked instead.
   */
  claim(worker: string, max?: number): Promise<Job[]>;
  /** Extends the leases of batches this worker still holds (a heartbeat); returns how many it still holds. */
  extend(jobs: readonly Job[]): Promise<number>;
  /**
   * The statement that marks the batch done, for the store write's transaction: stored and done together.
   * It changes no row (and so rolls the write back) when the lease was lost.
   */
  completion(job: Job): TxStatement;
  /** Marks the batch done on its own; false when the lease was lost. */
  complete(job: Job): Promise<boolean>;
  /** Records a failed try: the batch waits and is tried again, or is parked on its last try. */
  fail(job: Job, error: string): Promise<"retry" | "parked" | "lost">;
  /** Gives the batch back untried (the worker could not reach the server): the try is not counted. */
  release(job: Job): Promise<void>;
  status(): Promise<QueueStatus>;
  /** Batches pending or running: zero when the queue is drained. */
  open(): Promise<number>;
  close(): Promise<void>;
}
