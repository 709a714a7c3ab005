// dyad code: read articles, code them, write JSONL, JSON or a table.
import type { Command } from "commander";
import type { DyadError } from "../../core/errors.js";
import type { CodedArticle } from "../../core/types.js";
import { inputBytes, readInputs } from "../../ingest/index.js";
import { EXIT } from "../exit.js";
import { type Io, PAGE_OPTIONS, pageReadOptions, parseMaxBytes, reportError } from "../io.js";
import { createProgress } from "../progress.js";
import { actorsLabel, eventLabel, renderTable } from "../table.js";
import { EVENT_TABLE_HEADER } from "./events.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";
import { parsePositiveInt } from "./store-options.js";

/** The columns of `dyad events`: date, actors, event, place, trigger and article (issue 19). */
export function eventRows(records: readonly CodedArticle[]): string[][] {
  const rows: string[][] = [];
  for (const r of records) {
    for (const e of r.events) {
      rows.push([
        e.date,
        actorsLabel(e.source),
        eventLabel(e),
        actorsLabel(e.target),
        e.place?.name ?? "",
        e.evidence.trigger,
        r.id,
      ]);
    }
  }
  return rows;
}

/** One element of `--format json`'s array, indented as JSON.stringify(array, null, 2) indents it. */
function jsonElement(record: CodedArticle): string {
  return `  ${JSON.stringify(record, null, 2).replace(/\n/g, "\n  ")}`;
}

interface CodeOptions {
  format: string;
  date?: string;
  maxBytes: string;
  workers?: string;
  kb?: string;
  maxPageBytes?: string;
  timeout?: string;
}

export function registerCode(program: Command, io: Io): void {
  const cmd = program.command("code");
  for (const [flag, help, value] of PAGE_OPTIONS) cmd.option(flag, help, value);
  cmd
    .description("code articles into events and quotes (no store)")
    .argument(
      "<input...>",
      "files, directories, JSONL files, web pages (files, URLs, WARC), or - for standard input",
    )
    .option("-f, --format <format>", "jsonl | json | table", "jsonl")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("-w, --workers <n>", "worker threads coding in parallel (default: the number of cores)")
    .option(KB_OPTION, KB_HELP)
    .action(async (inputs: string[], opts: CodeOptions) => {
      const dataDir = kbDirs(opts.kb);
      if (!["jsonl", "json", "table"].includes(opts.format)) {
        io.err(`dyad code: unknown format '${opts.format}' (jsonl, json or table) [E_USAGE]\n`);
        io.exit(EXIT.USAGE);
        return;
      }
      // The pipeline (wink's model, chrono, the knowledge base) is loaded by the commands that code only.
      const { codeLines, codeStream, outputError } = await import("../../pipeline/stream.js");
      const { codeLinesParallel, codeStreamParallel, defaultWorkers } = await import(
        "../../pipeline/workers.js"
      );
      const workers = parsePositiveInt(opts.workers, "--workers") ?? defaultWorkers();
      const source = readInputs(inputs, {
        date: opts.date,
        maxBytes: parseMaxBytes(opts.maxBytes),
        ...pageReadOptions(opts),
      });
      const progress = createProgress("coding", {
        totalBytes: process.stderr.isTTY ? await inputBytes(inputs) : null,
      });
      let failed = 0;
      const fail = (error: DyadError) => {
        failed++;
        reportError(io, error);
      };
      if (opts.format === "jsonl") {
        // Each thread makes the lines of what it coded: a worker thread hands over strings, not records.
        // One worker codes in this thread: no thread to start, no second copy of the knowledge base.
        const lines =
          workers > 1 ? codeLinesParallel(source, { workers, dataDir }) : codeLines(source, { dataDir });
        for await (const line of lines) {
          if (!line.ok) {
            fail(line.error);
            continue;
          }
          progress.tick(1, line.events, Buffer.byteLength(line.article.text));
          io.out(`${line.json}\n`);
        }
      } else {
        // JSON is written article by article: one string for the whole batch could outgrow what V8 allows,
        // and an article whose record cannot be written fails alone.
        const keep: CodedArticle[] = [];
        let written = 0;
        const results =
          workers > 1 ? codeStreamParallel(source, { workers, dataDir }) : codeStream(source, { dataDir });
        for await (const result of results) {
          if (!result.ok) {
            fail(result.error);
            continue;
          }
          progress.tick(1, result.record.events.length, Buffer.byteLength(result.article.text));
          if (opts.format === "table") {
            keep.push(result.record);
            continue;
          }
          let element: string;
          try {
            element = jsonElement(result.record);
          } catch (e) {
            fail(outputError(e, result.article));
            continue;
          }
          io.out(`${written === 0 ? "[\n" : ",\n"}${element}`);
          written++;
        }
        if (opts.format === "json") io.out(written === 0 ? "[]\n" : "\n]\n");
        else io.out(renderTable(EVENT_TABLE_HEADER, eventRows(keep)));
      }
      progress.stop();
      if (failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });
}
