// Coding on every core: the calling thread and a pool of worker threads, each with its own Dyad (one wink
// instance per thread), coding small batches of articles. Results come back in input order and equal a
// single thread's.

import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { DyadError, ERRORS, type ErrorCode, toDyadError } from "../core/errors.js";
import type { Article, CodedArticle } from "../core/types.js";
import type { ReadResult } from "../ingest/index.js";
import type { DataDirs } from "../knowledge/files.js";
import { loadSyntaxModel, modelFromShared, type SyntaxModel } from "../nlp/syntax/index.js";
import { type CodedOrFailed, createDyad, type Dyad } from "./dyad.js";
import { WORKER_RESOURCE_LIMITS } from "./heap.js";
import { type CodeResult, interleave, type LineResult, lineOf, outputError } from "./stream.js";

export interface ParallelOptions {
  /**
   * Threads that code, the calling one included (N - 1 worker threads are started; 1 codes in this thread
   * alone). Default: the number of cores (os.availableParallelism()).
   */
  workers?: number;
  /** Articles per message to a worker: small enough to keep every worker busy, big enough to amortise messaging. */
  batchSize?: number;
  /**
   * Batches in flight per coding thread (read and not yet yielded): bounds memory whatever the corpus size.
   * A consumer that blocks this thread for a while (a store transaction) needs more: see depthFor.
   */
  depth?: number;
  /** Data folder for the workers' knowledge base (default: data/ of this installation). */
  dataDir?: DataDirs;
  /**
   * Articles this thread codes before the worker threads start (default START_AFTER). A thread costs about
   * a second of start-up (its own knowledge base, gazetteer and wink model) and then runs cold code for a
   * while, and the results must come back in input order: on a short input the threads only slow it down.
   */
  startAfter?: number;
  /**
   * Waits for every worker thread to be ready before coding the first batch after they start. By default
   * this thread codes meanwhile, so that a short input may be done before a thread could help; tests and
   * measurements that must see the threads work wait for them.
   */
  waitForThreads?: boolean;
  /** Filled in as the stream goes: the articles coded by this thread and by the worker threads. */
  counts?: { here: number; threads: number };
}

export const DEFAULT_BATCH_SIZE = 8;
export const DEFAULT_DEPTH = 8;
/** Articles coded here before the threads start: about 1.5 s of coding on the project's machine (docs/bench.md). */
export const START_AFTER = 2000;

/**
 * The depth for a consumer that takes `articles` results at a time and then blocks this thread while it
 * handles them (`dyad ingest` writes 200 articles per transaction, about 50 ms): enough batches queued per
 * worker thread to hold that many articles, so that the workers go on coding meanwhile instead of waiting
 * for their next batch. With the default depth they stood idle for part of every transaction.
 */
export function depthFor(articles: number, batchSize = DEFAULT_BATCH_SIZE): number {
  return Math.max(DEFAULT_DEPTH, Math.ceil(articles / batchSize));
}

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

/**
 * What the thread that coded an article makes of its record before handing it on, by the name a worker
 * thread is sent: the record itself (CodeResult), or its line (LineResult).
 */
const FORMS = {
  record: (record: CodedArticle) => ({ record }),
  line: lineOf,
};
type Form = keyof typeof FORMS;
type Made<F extends Form> = ReturnType<(typeof FORMS)[F]>;

/** What the stream yields for an article in form F. */
type Coded<F extends Form> =
  | ({ ok: true; article: Article } & Made<F>)
  | { ok: false; error: DyadError; article?: Article };

type WorkerResult = { ok: true; made: Made<Form> } | { ok: false; error: SerialError };

type ToWorker = { type: "batch"; id: number; form: Form; articles: Article[] };
type FromWorker =
  | { type: "ready" }
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
function serveWorker(
  port: NonNullable<typeof parentPort>,
  dataDir: DataDirs | undefined,
  syntax: SharedArrayBuffer,
): void {
  let dyad: Dyad;
  try {
    dyad = createDyad({ dataDir, syntax: modelFromShared(syntax) });
  } catch (e) {
    port.postMessage({
      type: "fatal",
      error: serialise(toDyadError(e, "E_PIPELINE")),
    } satisfies FromWorker);
    return;
  }
  port.postMessage({ type: "ready" } satisfies FromWorker);
  port.on("message", (message: ToWorker) => {
    const make = FORMS[message.form];
    const results = dyad.codeMany(message.articles).map((r, k): WorkerResult => {
      if (!r.ok) return { ok: false, error: serialise(r.error) };
      try {
        return { ok: true, made: make(r.record) };
      } catch (e) {
        return { ok: false, error: serialise(outputError(e, message.articles[k])) };
      }
    });
    port.postMessage({ type: "done", id: message.id, results } satisfies FromWorker);
  });
}

function isWorkerData(
  data: unknown,
): data is { [WORKER_FLAG]: true; dataDir?: DataDirs; syntax: SharedArrayBuffer } {
  return typeof data === "object" && data !== null && (data as Record<string, unknown>)[WORKER_FLAG] === true;
}

if (!isMainThread && parentPort && isWorkerData(workerData))
  serveWorker(parentPort, workerData.dataDir, workerData.syntax);

/**
 * Starts a thread running this module. Compiled (dist/), the .js file runs as it is; from src/ under tsx the
 * thread must register tsx itself first, because loader hooks are not inherited by worker threads.
 */
function startThread(dataDir: DataDirs | undefined, syntax: SyntaxModel): Worker {
  const self = new URL(import.meta.url);
  // The model's bytes are a SharedArrayBuffer: every thread reads the one copy (about 30 MB saved a thread).
  const data = { [WORKER_FLAG]: true, dataDir, syntax: syntax.shared };
  const resourceLimits = WORKER_RESOURCE_LIMITS;
  if (!self.pathname.endsWith(".ts")) return new Worker(self, { workerData: data, resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits });
}

interface Pending {
  resolve(results: WorkerResult[]): void;
  reject(error: unknown): void;
}

interface Pool {
  /** Batches sent to the least busy thread and not yet answered; Infinity while no thread is ready. */
  load(): number;
  /** Why the pool broke (a thread failed to start or crashed), or null. */
  failure(): unknown;
  /** Resolves once every thread is ready; rejects if the pool breaks first. */
  ready(): Promise<void>;
  submit(articles: Article[], form: Form): Promise<WorkerResult[]>;
  close(): Promise<void>;
}

function createPool(size: number, dataDir: DataDirs | undefined, syntax: SyntaxModel): Pool {
  const threads = Array.from({ length: size }, () => ({
    worker: startThread(dataDir, syntax),
    /** Its Dyad is built: until then, batches are better coded by the calling thread. */
    ready: false,
    pending: new Map<number, Pending>(),
  }));
  let nextId = 0;
  let failure: unknown = null;
  let closing = false;
  let readyWaiter: { resolve(): void; reject(error: unknown): void } | null = null;
  const allReady = () => threads.every((t) => t.ready);

  const fail = (error: unknown) => {
    if (failure === null) failure = error;
    readyWaiter?.reject(failure);
    readyWaiter = null;
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
      if (message.type === "ready") {
        thread.ready = true;
        if (allReady()) {
          readyWaiter?.resolve();
          readyWaiter = null;
        }
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

  const leastBusy = () => {
    let best: (typeof threads)[number] | null = null;
    for (const t of threads) if (t.ready && (best === null || t.pending.size < best.pending.size)) best = t;
    return best;
  };

  return {
    load: () => leastBusy()?.pending.size ?? Number.POSITIVE_INFINITY,
    failure: () => failure,
    ready() {
      if (failure !== null) return Promise.reject(failure);
      if (allReady()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        readyWaiter = { resolve, reject };
      });
    },
    submit(articles, form) {
      if (failure !== null) return Promise.reject(failure);
      const thread = leastBusy() ?? threads[0];
      const id = nextId++;
      return new Promise<WorkerResult[]>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ type: "batch", id, form, articles } satisfies ToWorker);
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

/** A batch in the window: coded here (local) or by a worker thread; results set once known. */
interface Slot<R> {
  items: ReadResult[];
  articles: Article[];
  local: boolean;
  results: R[] | null;
  failure: { error: unknown } | null;
  settled: Promise<void> | null;
}

/** One turn of the event loop, so that worker threads' answers are taken in between local batches. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * codeStream on every core: the same CodeResults in the same (input) order. This thread codes too: a batch
 * goes to a worker thread while one has room, else it is coded here, while the threads work. At most
 * workers × depth batches are read ahead, so memory stays flat however long the source is. The caller must
 * consume the stream to its end or stop it (break out of for-await), which ends the threads.
 */
export function codeStreamParallel(
  source: AsyncIterable<ReadResult>,
  options: ParallelOptions = {},
): AsyncGenerator<CodeResult> {
  return codeParallel(source, options, "record");
}

/**
 * codeLines on every core: each coded article as its JSON line, made by the thread that coded it, in input
 * order; the lines are the ones one thread makes (`dyad code --format jsonl`).
 */
export function codeLinesParallel(
  source: AsyncIterable<ReadResult>,
  options: ParallelOptions = {},
): AsyncGenerator<LineResult> {
  return codeParallel(source, options, "line");
}

async function* codeParallel<F extends Form>(
  source: AsyncIterable<ReadResult>,
  options: ParallelOptions,
  form: F,
): AsyncGenerator<Coded<F>> {
  const make = FORMS[form] as (record: CodedArticle) => Made<F>;
  // A batch's results in input order, from this thread's records or from what a worker thread made of them.
  const here = (items: readonly ReadResult[], coded: readonly CodedOrFailed[]) =>
    interleave(
      items,
      coded,
      (article, r): Coded<F> =>
        r.ok ? { ok: true, article, ...make(r.record) } : { ok: false, error: r.error, article },
    );
  const there = (items: readonly ReadResult[], coded: readonly WorkerResult[]) =>
    interleave(
      items,
      coded,
      (article, r): Coded<F> =>
        r.ok ? { ok: true, article, ...(r.made as Made<F>) } : { ok: false, error: revive(r.error), article },
    );
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const depth = Math.max(1, Math.floor(options.depth ?? DEFAULT_DEPTH));
  const limit = size * depth;
  const startAfter = Math.max(0, Math.floor(options.startAfter ?? START_AFTER));
  let pool: Pool | null = null;
  let codedHere = 0;
  const counts = options.counts;
  let dyad: Dyad | null = null;
  let syntax: SyntaxModel | null = null;
  const syntaxModel = () => {
    syntax ??= loadSyntaxModel(options.dataDir);
    return syntax;
  };
  const codeHere = (slot: Slot<Coded<F>>) => {
    dyad ??= createDyad({ dataDir: options.dataDir, syntax: syntaxModel() });
    slot.results = here(slot.items, dyad.codeMany(slot.articles));
    if (counts) counts.here += slot.articles.length;
    codedHere += slot.articles.length;
  };
  const input = source[Symbol.asyncIterator]();
  const window: Slot<Coded<F>>[] = [];
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
        // The threads start once this thread has coded enough for the input to be worth them.
        if (pool === null && size > 1 && codedHere >= startAfter) {
          pool = createPool(size - 1, options.dataDir, syntaxModel());
          if (options.waitForThreads) await pool.ready();
        }
        const slot: Slot<Coded<F>> = {
          items,
          articles,
          local: true,
          results: null,
          failure: null,
          settled: null,
        };
        if (articles.length === 0) slot.results = here(items, []);
        else if (pool !== null && pool.load() < depth) {
          slot.local = false;
          slot.settled = pool.submit(articles, form).then(
            (results) => {
              slot.results = there(items, results);
              if (counts) counts.threads += articles.length;
            },
            (error: unknown) => {
              slot.failure = { error };
            },
          );
        }
        window.push(slot);
      }
      const head = window[0];
      if (head === undefined) break;
      if (head.failure) throw head.failure.error;
      // A thread that cannot start fails the stream rather than leave its share to this one unnoticed.
      if (pool?.failure()) throw pool.failure();
      if (head.results) {
        window.shift();
        for (const result of head.results) yield result;
        continue;
      }
      if (head.local) {
        codeHere(head);
        // Coding here holds the event loop: let the threads' messages ("ready", results) in between.
        if (pool !== null) await turn();
        continue;
      }
      // The head is with a worker thread: code a waiting local batch meanwhile, else wait for it.
      const waiting = window.find((slot) => slot.local && slot.results === null);
      if (waiting) {
        codeHere(waiting);
        await turn();
      } else await head.settled;
    }
  } finally {
    await pool?.close();
    if (!exhausted) await input.return?.();
  }
}
