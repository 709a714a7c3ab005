// Coding on every core: a pool of worker threads, each with its own Dyad (one wink instance per thread),
// fed small batches of articles. Results come back in input order and equal a single thread's.
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { DyadError, ERRORS, type ErrorCode, toDyadError } from "../core/errors.js";
import type { Article, CodedArticle } from "../core/types.js";
import type { ReadResult } from "../ingest/index.js";
import { createDyad } from "./dyad.js";
import type { CodeResult } from "./stream.js";

export interface ParallelOptions {
  /** Worker threads; default: the number of cores (os.availableParallelism()). */
  workers?: number;
  /** Articles per message to a worker: small enough to keep every worker busy, big enough to amortise messaging. */
  batchSize?: number;
  /** Batches in flight per worker (sent and not yet yielded): bounds memory whatever the corpus size. */
  depth?: number;
  /** Data folder for the workers' knowledge base (default: data/ of this installation). */
  dataDir?: string;
}

export const DEFAULT_BATCH_SIZE = 8;
export const DEFAULT_DEPTH = 3;

/** The default number of workers: every core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Marks the threads this module starts, so that importing it in any other worker does nothing. */
const WORKER_FLAG = "dyadCodeWorker";

interface SerialError {
  code: string;
  detail?: string;
  origin?: string;
  message: string;
}

type WorkerResult = { ok: true; record: CodedArticle } | { ok: false; error: SerialError };

type ToWorker = { type: "batch"; id: number; articles: Article[] };
type FromWorker =
  | { type: "done"; id: number; results: WorkerResult[] }
  | { type: "fatal"; error: SerialError };

function serialise(e: DyadError): SerialError {
  return { code: e.code, detail: e.detail, origin: e.origin, message: e.message };
}

/** Rebuilds the DyadError a worker reported: same code, origin and message as if thrown here. */
function revive(e: SerialError): DyadError {
  if (e.code in ERRORS) {
    const error = new DyadError(e.code as ErrorCode, e.detail, e.origin);
    if (error.message === e.message) return error;
  }
  return new DyadError("E_PIPELINE_RUN", e.message, e.origin);
}

/** The body of a worker thread: build Dyad once, then code batch after batch. */
function serveWorker(port: NonNullable<typeof parentPort>, dataDir: string | undefined): void {
  let dyad: ReturnType<typeof createDyad>;
  try {
    dyad = createDyad({ dataDir });
  } catch (e) {
    port.postMessage({
      type: "fatal",
      error: serialise(toDyadError(e, "E_PIPELINE")),
    } satisfies FromWorker);
    return;
  }
  port.on("message", (message: ToWorker) => {
    const results: WorkerResult[] = message.articles.map((article) => {
      try {
        return { ok: true, record: dyad.code(article) };
      } catch (e) {
        // The same conversion as codeStream, so errors read alike with one thread or many.
        return {
          ok: false,
          error: serialise(toDyadError(e, "E_PIPELINE_RUN", article.origin ?? article.id)),
        };
      }
    });
    port.postMessage({ type: "done", id: message.id, results } satisfies FromWorker);
  });
}

function isWorkerData(data: unknown): data is { [WORKER_FLAG]: true; dataDir?: string } {
  return typeof data === "object" && data !== null && (data as Record<string, unknown>)[WORKER_FLAG] === true;
}

if (!isMainThread && parentPort && isWorkerData(workerData)) serveWorker(parentPort, workerData.dataDir);

/**
 * Starts a thread running this module. Compiled (dist/), the .js file runs as it is; from src/ under tsx the
 * thread must register tsx itself first, because loader hooks are not inherited by worker threads.
 */
function startThread(dataDir: string | undefined): Worker {
  const self = new URL(import.meta.url);
  const data = { [WORKER_FLAG]: true, dataDir };
  if (!self.pathname.endsWith(".ts")) return new Worker(self, { workerData: data });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

interface Pending {
  resolve(results: WorkerResult[]): void;
  reject(error: unknown): void;
}

interface Pool {
  submit(articles: Article[]): Promise<WorkerResult[]>;
  close(): Promise<void>;
}

function createPool(size: number, dataDir: string | undefined): Pool {
  const threads = Array.from({ length: size }, () => ({
    worker: startThread(dataDir),
    pending: new Map<number, Pending>(),
  }));
  let nextId = 0;
  let failure: unknown = null;
  let closing = false;

  const fail = (error: unknown) => {
    if (failure === null) failure = error;
    for (const t of threads) {
      for (const p of t.pending.values()) p.reject(failure);
      t.pending.clear();
    }
  };

  for (const thread of threads) {
    thread.worker.on("message", (message: FromWorker) => {
      if (message.type === "fatal") {
        fail(revive(message.error));
        return;
      }
      const p = thread.pending.get(message.id);
      thread.pending.delete(message.id);
      p?.resolve(message.results);
    });
    thread.worker.on("error", (e) => fail(toDyadError(e, "E_PIPELINE_RUN", "worker thread")));
    thread.worker.on("exit", (code) => {
      if (!closing) {
        fail(new DyadError("E_PIPELINE_RUN", `a worker thread exited with code ${code}`, "worker thread"));
      }
    });
  }

  return {
    submit(articles) {
      if (failure !== null) return Promise.reject(failure);
      // The thread with the least queued work takes the batch.
      let thread = threads[0];
      for (const t of threads) if (t.pending.size < thread.pending.size) thread = t;
      const id = nextId++;
      return new Promise<WorkerResult[]>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ type: "batch", id, articles } satisfies ToWorker);
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

/** Merges a worker's results for the articles of a batch back with the batch's read errors, in order. */
function merge(items: readonly ReadResult[], results: readonly WorkerResult[]): CodeResult[] {
  const out: CodeResult[] = [];
  let r = 0;
  for (const item of items) {
    if (!item.ok) {
      out.push(item);
      continue;
    }
    const result = results[r++];
    out.push(
      result.ok
        ? { ok: true, article: item.article, record: result.record }
        : { ok: false, error: revive(result.error), article: item.article },
    );
  }
  return out;
}

/**
 * codeStream on a pool of worker threads: the same CodeResults in the same (input) order. At most
 * workers × depth batches are in flight, so memory stays flat however long the source is. The caller must
 * consume the stream to its end or stop it (break out of for-await), which ends the threads.
 */
export async function* codeStreamParallel(
  source: AsyncIterable<ReadResult>,
  options: ParallelOptions = {},
): AsyncGenerator<CodeResult> {
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const limit = size * Math.max(1, Math.floor(options.depth ?? DEFAULT_DEPTH));
  const pool = createPool(size, options.dataDir);
  const input = source[Symbol.asyncIterator]();
  const window: Promise<CodeResult[]>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && window.length < limit) {
        const items: ReadResult[] = [];
        while (items.length < batchSize) {
          const next = await input.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          items.push(next.value);
        }
        if (items.length === 0) break;
        const articles = items.flatMap((item) => (item.ok ? [item.article] : []));
        const batch =
          articles.length === 0
            ? Promise.resolve(merge(items, []))
            : pool.submit(articles).then((results) => merge(items, results));
        // A failed batch is reported when its turn comes; until then its rejection is expected, not unhandled.
        batch.catch(() => undefined);
        window.push(batch);
      }
      const head = window.shift();
      if (head === undefined) break;
      for (const result of await head) yield result;
    }
  } finally {
    await pool.close();
    if (!exhausted) await input.return?.();
  }
}
