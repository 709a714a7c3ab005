// dyad export: stored events as GDELT, PLOVER, CSV, JSON lines or Parquet.
import { createWriteStream, type WriteStream } from "node:fs";
import type { Command } from "commander";
import { storedClusters } from "../../cluster/index.js";
import { DyadError } from "../../core/errors.js";
import {
  EXPORT_FORMATS,
  exportClusters,
  exportParquet,
  exportText,
  isExportFormat,
} from "../../export/index.js";
import { readDataFile } from "../../knowledge/files.js";
import { compileOntology } from "../../knowledge/ontology.js";
import { withStore } from "../../store/index.js";
import { type Io, plural } from "../io.js";
import {
  actorTerms,
  addDbOption,
  addEventFilters,
  type FilterOptions,
  parseEventFilter,
  reportActorMatches,
} from "./store-options.js";

interface ExportOptions extends FilterOptions {
  format: string;
  out?: string;
  header?: boolean;
  db?: string;
}

function writer(file: WriteStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      if (file.write(chunk)) resolve();
      else {
        file.once("drain", resolve);
        file.once("error", reject);
      }
    });
}

export function registerExport(program: Command, io: Io): void {
  const cmd = program
    .command("export")
    .description(
      "export stored events: gdelt (61-column TSV, one row per real-world event), gdelt-mentions, plover (JSON lines), csv, jsonl, parquet",
    )
    .requiredOption("-f, --format <format>", EXPORT_FORMATS.join(" | "))
    .option("-o, --out <file>", "write here instead of standard output (required for parquet)")
    .option("--header", "gdelt: write the column names first (GDELT's own files have none)");
  addEventFilters(cmd);
  addDbOption(cmd).action(async (opts: ExportOptions) => {
    const format = opts.format;
    if (!isExportFormat(format)) {
      throw new DyadError(
        "E_USAGE",
        `dyad export: unknown format '${format}' (${EXPORT_FORMATS.join(", ")})`,
      );
    }
    const filter = parseEventFilter(opts);
    const n = await withStore(opts.db, async (store) => {
      await reportActorMatches(io, store, actorTerms(filter));
      if (format === "gdelt" || format === "gdelt-mentions") {
        const clusters = await storedClusters(store, filter);
        const options = { header: opts.header === true };
        if (!opts.out) return exportClusters(clusters, format, (s) => io.out(s), options);
        const file = createWriteStream(opts.out);
        try {
          return await exportClusters(clusters, format, writer(file), options);
        } catch (e) {
          throw new DyadError("E_EXPORT", e instanceof Error ? e.message : String(e), opts.out, { cause: e });
        } finally {
          await new Promise<void>((resolve) => file.end(resolve));
        }
      }
      const events = store.iterateEvents(filter);
      if (format === "parquet") {
        if (!opts.out) throw new DyadError("E_USAGE", "dyad export --format parquet needs --out FILE");
        return exportParquet(events, opts.out);
      }
      const ontology = format === "plover" ? compileOntology(readDataFile("cameo.tsv").text) : undefined;
      const options = {
        header: opts.header === true,
        context: (code: string) => ontology?.get(code)?.plover.context,
      };
      if (!opts.out) return exportText(events, format, (s) => io.out(s), options);
      const file = createWriteStream(opts.out);
      try {
        return await exportText(events, format, writer(file), options);
      } catch (e) {
        throw new DyadError("E_EXPORT", e instanceof Error ? e.message : String(e), opts.out, { cause: e });
      } finally {
        await new Promise<void>((resolve) => file.end(resolve));
      }
    });
    const what = format === "gdelt-mentions" ? plural(n, "mention") : plural(n, "event");
    if (opts.out) io.err(`exported ${what} as ${format} to ${opts.out}\n`);
  });
}
