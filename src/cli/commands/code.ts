// dyad code: read articles, code them, write JSONL, JSON or a table.
import type { Command } from "commander";
import type { Actor, CodedArticle } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import { createDyad } from "../../pipeline/dyad.js";
import { EXIT } from "../exit.js";
import { type Io, parseMaxBytes, reportError } from "../io.js";
import { createProgress } from "../progress.js";
import { renderTable } from "../table.js";

export function actorLabel(actors: readonly Actor[]): string {
  return actors.map((a) => a.code).join("+") || "-";
}

export function eventRows(records: readonly CodedArticle[]): string[][] {
  const rows: string[][] = [];
  for (const r of records) {
    for (const e of r.events) {
      const modality = e.modality === "asserted" ? "" : ` (${e.modality})`;
      rows.push([
        e.date,
        actorLabel(e.source),
        `${e.code} ${e.name}${modality}`,
        actorLabel(e.target),
        e.evidence.trigger,
      ]);
    }
  }
  return rows;
}

export function registerCode(program: Command, io: Io): void {
  program
    .command("code")
    .description("code articles into events and quotes (no store)")
    .argument("<input...>", "files, directories, JSONL files, or - for standard input")
    .option("-f, --format <format>", "jsonl | json | table", "jsonl")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .action(async (inputs: string[], opts: { format: string; date?: string; maxBytes: string }) => {
      if (!["jsonl", "json", "table"].includes(opts.format)) {
        io.err(`dyad code: unknown format '${opts.format}' (jsonl, json or table) [E_USAGE]\n`);
        io.exit(EXIT.USAGE);
        return;
      }
      const dyad = createDyad();
      const progress = createProgress("coding");
      const keep: CodedArticle[] = [];
      let failed = 0;
      for await (const result of readInputs(inputs, {
        date: opts.date,
        maxBytes: parseMaxBytes(opts.maxBytes),
      })) {
        if (!result.ok) {
          failed++;
          reportError(io, result.error);
          continue;
        }
        let record: CodedArticle;
        try {
          record = dyad.code(result.article);
        } catch (e) {
          failed++;
          reportError(io, e, result.article.origin ?? result.article.id);
          continue;
        }
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
