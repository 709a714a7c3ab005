// dyad ingest: read, code and store articles in batched transactions; idempotent, safe to kill and re-run.
import type { Command } from "commander";
import { writeBatch } from "../../app/write.js";
import { inputBytes, readInputs } from "../../ingest/index.js";
import {
  type BatchResult,
  DEFAULT_STORE,
  type FailedItem,
  type IngestItem,
  openStore,
} from "../../store/index.js";
import { EXIT } from "../exit.js";
import { type Io, PAGE_OPTIONS, pageReadOptions, parseMaxBytes, plural, reportError } from "../io.js";
import { createProgress } from "../progress.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";
import { addDbOption, parsePositiveInt } from "./store-options.js";

export interface IngestSummary {
  store: string;
  articles: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  failed: number;
  /** Events written by this run. */
  events: number;
  /** Events in the store afterwards. */
  eventsInStore: number;
  seconds: number;
}

function add(total: IngestSummary, r: BatchResult): void {
  total.new += r.new;
  total.updated += r.updated;
  total.unchanged += r.unchanged;
  total.duplicate += r.duplicate;
  total.failed += r.failed;
  total.events += r.events;
}

export interface IngestOptions {
  db?: string;
  batch?: string;
  date?: string;
  maxBytes: string;
  json?: boolean;
  workers?: string;
  kb?: string;
  maxPageBytes?: string;
  timeout?: string;
}

export async function runIngest(io: Io, inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const batchSize = parsePositiveInt(opts.batch, "--batch") ?? 200;
  const maxBytes = parseMaxBytes(opts.maxBytes);
  const started = Date.now();
  const store = await openStore(opts.db ?? DEFAULT_STORE);
  const total: IngestSummary = {
    store: store.location,
    articles: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    failed: 0,
    events: 0,
    eventsInStore: 0,
    seconds: 0,
  };
  const progress = createProgress("ingest", {
    totalBytes: process.stderr.isTTY ? await inputBytes(inputs) : null,
  });
  try {
    let coded: IngestItem[] = [];
    let failed: FailedItem[] = [];
    const flush = async () => {
      if (coded.length === 0 && failed.length === 0) return;
      const bytes = coded.reduce((n, item) => n + Buffer.byteLength(item.article.text), 0);
      const result = await writeBatch(store, coded, failed, (e, origin) => reportError(io, e, origin));
      add(total, result);
      progress.tick(coded.length + failed.length, result.events, bytes);
      coded = [];
      failed = [];
    };
    const { codeStream } = await import("../../pipeline/stream.js");
    const { codeStreamParallel, defaultWorkers, depthFor } = await import("../../pipeline/workers.js");
    const workers = parsePositiveInt(opts.workers, "--workers") ?? defaultWorkers();
    const source = readInputs(inputs, { date: opts.date, maxBytes, ...pageReadOptions(opts) });
    const dataDir = kbDirs(opts.kb);
    // Coding threads work ahead while this thread writes a batch (a transaction's worth of articles queued
    // for each); results keep the input order.
    const results =
      workers > 1
        ? codeStreamParallel(source, { workers, depth: depthFor(batchSize), dataDir })
        : codeStream(source, { dataDir });
    for await (const result of results) {
      total.articles++;
      if (result.ok) {
        coded.push({ article: result.article, record: result.record });
      } else if (result.error.code === "E_NO_INPUT") {
        // A run that read nothing is the run's failure, not an article's: said, and not kept in the store.
        reportError(io, result.error);
        io.exit(EXIT.ARTICLES_FAILED);
      } else {
        reportError(io, result.error);
        failed.push({
          articleId: result.article?.id,
          origin: result.error.origin ?? result.article?.origin,
          code: result.error.code,
          message: result.error.message,
        });
      }
      if (coded.length + failed.length >= batchSize) await flush();
    }
    await flush();
    total.eventsInStore = (await store.counts()).events;
  } finally {
    progress.stop();
    await store.close();
  }
  total.seconds = (Date.now() - started) / 1000;
  return total;
}

export function renderSummary(s: IngestSummary): string {
  const rate = (n: number) => (s.seconds > 0 ? (n / s.seconds).toFixed(1) : "-");
  const lines = [
    `ingested ${plural(s.articles, "article")} into ${s.store} in ${s.seconds.toFixed(1)} s (${rate(s.articles)} articles/s, ${rate(s.events)} events/s)`,
    `  new            ${s.new}`,
    `  updated        ${s.updated}`,
    `  unchanged      ${s.unchanged}`,
    `  duplicate      ${s.duplicate}${s.duplicate ? "  (same text as an article already stored: not stored again)" : ""}`,
    `  failed         ${s.failed}${s.failed ? "  (listed by dyad errors)" : ""}`,
    `  events stored  ${s.events}  (${s.eventsInStore} in the store)`,
  ];
  return `${lines.join("\n")}\n`;
}

export function registerIngest(program: Command, io: Io): void {
  const cmd = program
    .command("ingest")
    .description("code articles and store them; idempotent: re-running stores only what changed")
    .argument(
      "<input...>",
      "files, directories, JSONL files, web pages (files, URLs, WARC), or - for standard input",
    );
  for (const [flag, help, value] of PAGE_OPTIONS) cmd.option(flag, help, value);
  addDbOption(cmd)
    .option("--batch <n>", "articles per transaction", "200")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("--json", "print the summary as one JSON object")
    .option("-w, --workers <n>", "threads coding in parallel (default: the number of cores)")
    .option(KB_OPTION, KB_HELP)
    .action(async (inputs: string[], opts: IngestOptions) => {
      const summary = await runIngest(io, inputs, opts);
      io.out(opts.json ? `${JSON.stringify(summary)}\n` : renderSummary(summary));
      if (summary.failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });
}
