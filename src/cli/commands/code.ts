// dyad code: read articles, code them, write JSONL, JSON or a table.
import type { Command } from "commander";
import type { CodedArticle } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import { EXIT } from "../exit.js";
import { type Io, parseMaxBytes, reportError } from "../io.js";
import { createProgress } from "../progress.js";
import { actorsLabel, eventLabel, renderTable } from "../table.js";
import { parsePositiveInt } from "./store-options.js";

export function eventRows(records: readonly CodedArticle[]): string[][] {
  const rows: string[][] = [];
  for (const r of records) {
    for (const e of r.events) {
      rows.push([e.date, actorsLabel(e.source), eventLabel(e), actorsLabel(e.target), e.evidence.trigger]);
    }
  }
  return rows;
}

interface CodeOptions {
  format: string;
  date?: string;
  maxBytes: string;
  workers?: string;
}

export function registerCode(program: Command, io: Io): void {
  program
    .command("code")
    .description("code articles into events and quotes (no store)")
    .argument("<input...>", "files, directories, JSONL files, or - for standard input")
    .option("-f, --format <format>", "jsonl | json | table", "jsonl")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("-w, --workers <n>", "worker threads coding in parallel (default: the number of cores)")
    .action(async (inputs: string[], opts: CodeOptions) => {
      if (!["jsonl", "json", "table"].includes(opts.format)) {
        io.err(`dyad code: unknown format '${opts.format}' (jsonl, json or table) [E_USAGE]\n`);
        io.exit(EXIT.USAGE);
        return;
      }
      // The pipeline (wink's model, chrono, the knowledge base) is loaded by the commands that code only.
      const { codeStream } = await import("../../pipeline/stream.js");
      const { codeStreamParallel, defaultWorkers } = await import("../../pipeline/workers.js");
      const workers = parsePositiveInt(opts.workers, "--workers") ?? defaultWorkers();
      const source = readInputs(inputs, { date: opts.date, maxBytes: parseMaxBytes(opts.maxBytes) });
      // One worker codes in this thread: no thread to start, no second copy of the knowledge base.
      const results = workers > 1 ? codeStreamParallel(source, { workers }) : codeStream(source);
      const progress = createProgress("coding");
      const keep: CodedArticle[] = [];
      let failed = 0;
      for await (const result of results) {
        if (!result.ok) {
          failed++;
          reportError(io, result.error);
          continue;
        }
        const record = result.record;
        progress.tick(1, record.events.length);
        if (opts.format === "jsonl") io.out(`${JSON.stringify(record)}\n`);
        else keep.push(record);
      }
      progress.stop();
      if (opts.format === "json") io.out(`${JSON.stringify(keep, null, 2)}\n`);
      if (opts.format === "table") {
        io.out(renderTable(["date", "source", "event", "target", "trigger"], eventRows(keep)));
      }
      if (failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });
}
