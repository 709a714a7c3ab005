// dyad enqueue, dyad worker, dyad queue status: coding on several processes or machines through a work queue
// in the PostgreSQL store (src/queue).
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import type { Article } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import type { CodeResult } from "../../pipeline/stream.js";
import { openQueue, type QueueOptions, type QueueStatus } from "../../queue/index.js";
import { runWorker, type WorkerSummary } from "../../queue/worker.js";
import { type FailedItem, openStore, storeKind } from "../../store/index.js";
import { EXIT } from "../exit.js";
import { type Io, parseMaxBytes, plural, reportError } from "../io.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";
import { DB_HELP, parsePositiveInt } from "./store-options.js";

/** bin/dyad.js, from src/cli/commands and from dist/cli/commands alike. */
const DYAD_BIN = new URL("../../../bin/dyad.js", import.meta.url);

/** Articles read before they are enqueued together (one transaction). */
const ENQUEUE_CHUNK = 2000;

function requirePostgres(db: string | undefined, command: string): string {
  if (!db) throw new DyadError("E_USAGE", `dyad ${command} needs --db postgres://...`);
  if (storeKind(db) !== "postgres") throw new DyadError("E_QUEUE_URL", `dyad ${command}`, db);
  return db;
}

function parseSeconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || value.trim() === "")
    throw new DyadError("E_USAGE", `${option} must be a positive number of seconds, got '${value}'`);
  return n * 1000;
}

interface EnqueueOptions {
  db?: string;
  batch: string;
  date?: string;
  maxBytes: string;
  json?: boolean;
}

export interface EnqueueSummary {
  articles: number;
  batches: number;
  skipped: number;
  failed: number;
}

export async function runEnqueue(io: Io, inputs: string[], opts: EnqueueOptions): Promise<EnqueueSummary> {
  const db = requirePostgres(opts.db, "enqueue");
  const batchSize = parsePositiveInt(opts.batch, "--batch") ?? 100;
  const maxBytes = parseMaxBytes(opts.maxBytes);
  // The store is opened (and migrated) here so that workers find it ready, and read errors are kept in it.
  const store = await openStore(db);
  const queue = await openQueue(db).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  const total: EnqueueSummary = { articles: 0, batches: 0, skipped: 0, failed: 0 };
  try {
    let articles: Article[] = [];
    const failed: FailedItem[] = [];
    const flush = async () => {
      if (articles.length > 0) {
        const r = await queue.enqueue(articles, batchSize);
        total.articles += r.articles;
        total.batches += r.batches;
        total.skipped += r.skipped;
        articles = [];
      }
    };
    for await (const item of readInputs(inputs, { date: opts.date, maxBytes })) {
      if (item.ok) {
        articles.push(item.article);
        if (articles.length >= ENQUEUE_CHUNK) await flush();
        continue;
      }
      reportError(io, item.error);
      if (item.error.code === "E_NO_INPUT") {
        io.exit(EXIT.ARTICLES_FAILED);
        continue;
      }
      total.failed++;
      failed.push({ origin: item.error.origin, code: item.error.code, message: item.error.message });
    }
    await flush();
    if (failed.length > 0) await store.write({ coded: [], failed });
  } finally {
    await queue.close();
    await store.close();
  }
  return total;
}

interface WorkerCliOptions {
  db?: string;
  concurrency?: string;
  visibility?: string;
  retryDelay?: string;
  maxAttempts?: string;
  poll?: string;
  untilEmpty?: boolean;
  json?: boolean;
  quiet?: boolean;
  kb?: string;
}

function queueOptions(opts: WorkerCliOptions): QueueOptions {
  return {
    visibilityMs: parseSeconds(opts.visibility, "--visibility"),
    retryDelayMs: opts.retryDelay === "0" ? 0 : parseSeconds(opts.retryDelay, "--retry-delay"),
    maxAttempts: parsePositiveInt(opts.maxAttempts, "--max-attempts"),
  } as QueueOptions;
}

/** Codes a batch on this thread with one Dyad, yielding between slices so that the lease's heartbeat runs. */
async function pipelineCoder(dataDir: ReturnType<typeof kbDirs>) {
  const { createDyad } = await import("../../pipeline/dyad.js");
  const dyad = createDyad({ dataDir });
  return async (articles: Article[]): Promise<CodeResult[]> => {
    const out: CodeResult[] = [];
    for (let i = 0; i < articles.length; i += 8) {
      const slice = articles.slice(i, i + 8);
      dyad.codeMany(slice).forEach((r, k) => {
        out.push(
          r.ok
            ? { ok: true, article: slice[k], record: r.record }
            : { ok: false, error: r.error, article: slice[k] },
        );
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return out;
  };
}

export async function runWorkerCommand(io: Io, opts: WorkerCliOptions): Promise<WorkerSummary> {
  const db = requirePostgres(opts.db, "worker");
  const options = queueOptions(opts);
  const pollMs = parseSeconds(opts.poll, "--poll");
  const code = await pipelineCoder(kbDirs(opts.kb));
  const store = await openStore(db);
  const queue = await openQueue(
    db,
    Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  );
  const stop = new AbortController();
  const onSignal = () => {
    if (!opts.quiet) io.err("stopping after the current batch\n");
    stop.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    return await runWorker({
      queue,
      store,
      code,
      name: `${hostname()}:${process.pid}`,
      pollMs,
      untilEmpty: opts.untilEmpty,
      signal: stop.signal,
      log: opts.quiet ? undefined : (line) => io.err(`${line}\n`),
      onArticleError: (e) => reportError(io, e),
    });
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    await queue.close();
    await store.close();
  }
}

/** --concurrency N: N worker processes, each with its own Dyad; signals are passed on to them. */
async function runWorkerProcesses(n: number, args: string[]): Promise<number> {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, [fileURLToPath(DYAD_BIN), "worker", ...args, "--concurrency", "1"], {
      stdio: ["ignore", "inherit", "inherit"],
    }),
  );
  const forward = (signal: NodeJS.Signals) => () => {
    for (const child of children) child.kill(signal);
  };
  const onTerm = forward("SIGTERM");
  const onInt = forward("SIGINT");
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  try {
    const codes = await Promise.all(
      children.map(
        (child) => new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? EXIT.FATAL))),
      ),
    );
    return Math.max(...codes);
  } finally {
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
  }
}

function workerArgs(opts: WorkerCliOptions): string[] {
  const args: string[] = [];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined) args.push(flag, value);
  };
  add("--db", opts.db);
  add("--visibility", opts.visibility);
  add("--retry-delay", opts.retryDelay);
  add("--max-attempts", opts.maxAttempts);
  add("--poll", opts.poll);
  add("--kb", opts.kb);
  if (opts.untilEmpty) args.push("--until-empty");
  if (opts.json) args.push("--json");
  if (opts.quiet) args.push("--quiet");
  return args;
}

export function renderStatus(s: QueueStatus): string {
  const lines = [
    `batches   pending ${s.pending}  running ${s.running}  done ${s.done}  failed ${s.failed}  retried ${s.retried}`,
    `articles  pending ${s.articles.pending}  running ${s.articles.running}  done ${s.articles.done}  failed ${s.articles.failed}`,
    `rate      ${s.ratePerSecond.toFixed(1)} articles/s over the last minute, ${s.overallPerSecond.toFixed(1)} articles/s overall`,
  ];
  for (const p of s.parked) {
    const range = p.first
      ? ` (articles ${p.first}${p.last && p.last !== p.first ? ` .. ${p.last}` : ""})`
      : "";
    lines.push(
      `parked    batch ${p.id}: ${plural(p.size, "article")}${range}, ${p.attempts} tries: ${p.error}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function registerQueueCommands(program: Command, io: Io): void {
  program
    .command("enqueue")
    .description(
      "split articles into batches and add them to the work queue of a PostgreSQL store (idempotent)",
    )
    .argument("<input...>", "files, directories, JSONL files, or - for standard input")
    .option("--db <url>", "the PostgreSQL store that holds the queue: postgres://user:pass@host:port/db")
    .option("--batch <n>", "articles per batch (a worker codes and stores a batch in one transaction)", "100")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("--json", "print the summary as one JSON object")
    .action(async (inputs: string[], opts: EnqueueOptions) => {
      const s = await runEnqueue(io, inputs, opts);
      io.out(
        opts.json
          ? `${JSON.stringify(s)}\n`
          : `enqueued ${plural(s.articles, "article")} in ${plural(s.batches, "batch", "batches")}; ${s.skipped} already enqueued; ${s.failed} could not be read\n`,
      );
      if (s.failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });

  program
    .command("worker")
    .description(
      "code batches from the work queue and store them, until stopped (SIGTERM finishes the batch)",
    )
    .option("--db <url>", "the PostgreSQL store that holds the queue: postgres://user:pass@host:port/db")
    .option("-c, --concurrency <n>", "worker processes on this machine, one core each", "1")
    .option(
      "--visibility <seconds>",
      "a taken batch returns to the queue when its worker is silent this long",
      "60",
    )
    .option("--max-attempts <n>", "tries before a batch is parked", "3")
    .option(
      "--retry-delay <seconds>",
      "wait before a failed batch is tried again, times its tries (0: none)",
      "1",
    )
    .option("--poll <seconds>", "wait between looks at an empty queue", "1")
    .option("--until-empty", "exit when no batch is pending or running, instead of waiting for more")
    .option("--json", "print the summary as one JSON object")
    .option("-q, --quiet", "no progress lines on stderr")
    .option(KB_OPTION, KB_HELP)
    .action(async (opts: WorkerCliOptions) => {
      const n = parsePositiveInt(opts.concurrency, "--concurrency") ?? 1;
      requirePostgres(opts.db, "worker");
      if (n > 1) {
        io.exit(await runWorkerProcesses(n, workerArgs(opts)));
        return;
      }
      const s = await runWorkerCommand(io, opts);
      io.out(
        opts.json
          ? `${JSON.stringify(s)}\n`
          : `worker: ${plural(s.batches, "batch", "batches")}, ${plural(s.articles, "article")}, ${plural(s.events, "event")} in ${s.seconds.toFixed(1)} s; ${s.failures} failed tries, ${s.parked} parked, ${s.lost} lost to another worker, ${s.reconnects} reconnects\n`,
      );
      if (s.parked > 0 || s.articleErrors > 0) io.exit(EXIT.ARTICLES_FAILED);
    });

  program
    .command("queue")
    .description("the work queue of a PostgreSQL store")
    .command("status")
    .description(
      "batches pending, running, done, failed (parked, with their error) and retried, and the rate",
    )
    .option("--db <url>", DB_HELP)
    .option("--json", "print the status as one JSON object")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const queue = await openQueue(requirePostgres(opts.db, "queue status"));
      try {
        const s = await queue.status();
        io.out(opts.json ? `${JSON.stringify(s)}\n` : renderStatus(s));
        if (s.failed > 0) io.exit(EXIT.ARTICLES_FAILED);
      } finally {
        await queue.close();
      }
    });
}
