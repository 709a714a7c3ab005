// dyad events: query the stored events with filters; a table for people, JSON lines or CSV for programs.
import type { Command } from "commander";
import { recordCsvHeader, recordCsvLine } from "../../export/record.js";
import { describeModality } from "../../store/filters.js";
import { type StoredEvent, withStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { actorsLabel, eventLabel, renderTable } from "../table.js";
import {
  actorTerms,
  addDbOption,
  addEventFilters,
  type FilterOptions,
  parseEventFilter,
  parseFormat,
  reportActorMatches,
} from "./store-options.js";

const FORMATS = ["table", "jsonl", "csv"] as const;

/** Rows shown when a table is asked for without --limit. */
export const TABLE_LIMIT = 100;

export function storedEventRows(events: readonly StoredEvent[]): string[][] {
  return events.map((e) => [
    e.date,
    actorsLabel(e.source),
    eventLabel(e),
    actorsLabel(e.target),
    e.place?.name ?? "",
    e.evidence.trigger,
    e.article.id,
  ]);
}

export const EVENT_TABLE_HEADER = ["date", "source", "event", "target", "place", "trigger", "article"];

export function registerEvents(program: Command, io: Io): void {
  const cmd = program.command("events").description("list stored events that match the filters");
  addEventFilters(cmd);
  addDbOption(cmd)
    .option("-f, --format <format>", FORMATS.join(" | "), "table")
    .action(async (opts: FilterOptions & { db?: string; format: string }) => {
      const format = parseFormat(opts.format, FORMATS, "events");
      const filter = parseEventFilter(opts);
      const capped = format === "table" && filter.limit === undefined;
      if (capped) filter.limit = TABLE_LIMIT + 1;
      await withStore(opts.db, async (store) => {
        await reportActorMatches(io, store, actorTerms(filter));
        const events = await store.events(filter);
        if (format === "jsonl") {
          for (const e of events) io.out(`${JSON.stringify(e)}\n`);
        } else if (format === "csv") {
          io.out(recordCsvHeader());
          for (const e of events) io.out(recordCsvLine(e));
        } else {
          const shown = capped ? events.slice(0, TABLE_LIMIT) : events;
          io.out(renderTable(EVENT_TABLE_HEADER, storedEventRows(shown)));
          if (capped && events.length > TABLE_LIMIT) {
            io.err(`(first ${TABLE_LIMIT} events shown: use --limit N, or --format jsonl|csv for all)\n`);
          }
          if (opts.modality === undefined) {
            io.err(`(modalities: ${describeModality(filter.modality)}; --modality all lists every event)\n`);
          }
        }
      });
    });
}
