// Exports: projections of the same stored event record into the formats analysts use.

import type { EventCluster } from "../cluster/index.js";
import { outletOf, roundTone } from "../cluster/index.js";
import { DyadError } from "../core/errors.js";
import type { StoredEvent } from "../store/index.js";
import { gdeltHeader, gdeltLines, gdeltMentionHeader, gdeltMentionLine } from "./gdelt.js";
import type { ParquetSummary } from "./parquet.js";
import { type PloverOptions, ploverLine } from "./plover.js";
import { RECORD_COLUMNS, recordCsvHeader, recordCsvLine, recordJsonLine, recordRow } from "./record.js";

export { GDELT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltLines, gdeltMentionRow, gdeltRows } from "./gdelt.js";
/** Reads back a Parquet file's row count and columns (DuckDB loaded on first use). */
export async function inspectParquet(file: string): Promise<ParquetSummary> {
  return (await import("./parquet.js")).inspectParquet(file);
}
export { toPlover } from "./plover.js";
export { RECORD_COLUMNS, recordCsvLine, recordRow } from "./record.js";

export const EXPORT_FORMATS = ["gdelt", "gdelt-mentions", "plover", "csv", "jsonl", "parquet"] as const;
/** What the HTTP API exports: one row per mention, so not GDELT's mentions table. */
export const API_EXPORT_FORMATS = ["gdelt", "plover", "csv", "jsonl", "parquet"] as const;
/** The formats written from clustered events (one row per real-world event, or per mention of one). */
export const CLUSTER_FORMATS = ["gdelt", "gdelt-mentions"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export interface TextExportOptions extends PloverOptions {
  /** Write the header line for gdelt (GDELT's own files have none; csv always has one). */
  header?: boolean;
}

/** Streams events as text lines of a format (every format but parquet); returns the number of events. */
export async function exportText(
  events: AsyncIterable<StoredEvent>,
  format: Exclude<ExportFormat, "parquet" | "gdelt-mentions">,
  write: (chunk: string) => void | Promise<void>,
  options: TextExportOptions = {},
): Promise<number> {
  let n = 0;
  if (format === "csv") await write(recordCsvHeader());
  if (format === "gdelt" && options.header) await write(gdeltHeader());
  for await (const e of events) {
    if (format === "gdelt") await write(gdeltLines(e));
    else if (format === "plover") {
      // PLOVER has no type for public statements (CAMEO 01): an event without one is no PLOVER event.
      if (!e.plover.type) continue;
      await write(ploverLine(e, options));
    } else if (format === "csv") await write(recordCsvLine(e));
    else await write(recordJsonLine(e));
    n++;
  }
  return n;
}

/** Writes events to a Parquet file with the columns of our flat record. */
export async function exportParquet(events: AsyncIterable<StoredEvent>, file: string): Promise<number> {
  if (!file) throw new DyadError("E_USAGE", "parquet needs --out FILE");
  async function* rows() {
    for await (const e of events) yield recordRow(e);
  }
  // DuckDB is loaded only for Parquet: it takes about 120 ms to load, which every other command would pay.
  const { writeParquet } = await import("./parquet.js");
  return writeParquet(
    file,
    RECORD_COLUMNS.map(([name, type]) => ({ name, type })),
    rows(),
  );
}

/**
 * GDELT's two tables from clustered events: `gdelt`, the event table, one event (its first mention's rows)
 * with NumMentions, NumSources and NumArticles; `gdelt-mentions`, one row per mention. Returns the rows'
 * events (gdelt) or mentions (gdelt-mentions) written.
 */
export async function exportClusters(
  clusters: readonly EventCluster[],
  format: (typeof CLUSTER_FORMATS)[number],
  write: (chunk: string) => void | Promise<void>,
  options: { header?: boolean } = {},
): Promise<number> {
  let n = 0;
  if (options.header) await write(format === "gdelt" ? gdeltHeader() : gdeltMentionHeader());
  for (const c of clusters) {
    if (format === "gdelt") {
      await write(
        gdeltLines(c.event, {
          mentions: c.numMentions,
          sources: c.numSources,
          articles: c.numArticles,
          tone: c.avgTone === null ? null : roundTone(c.avgTone),
        }),
      );
      n++;
      continue;
    }
    for (const m of c.mentions) {
      const tone = c.tones.get(m.article.id);
      await write(
        gdeltMentionLine(c.event, m, outletOf(m.article), tone === undefined ? null : roundTone(tone)),
      );
      n++;
    }
  }
  return n;
}
