// dyad events: query the stored events with filters; a table for people, JSON lines or CSV for programs.
import type { Command } from "commander";
import { type EventCluster, roundTone, storedClusters } from "../../cluster/index.js";
import { csvLine, RECORD_COLUMNS, recordCsvHeader, recordCsvLine, recordRow } from "../../export/record.js";
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

export const CLUSTER_TABLE_HEADER = [
  "date",
  "source",
  "event",
  "target",
  "place",
  "mentions",
  "articles",
  "sources",
  "first seen",
  "first article",
];

export function clusterRows(clusters: readonly EventCluster[]): string[][] {
  return clusters.map((c) => [
    c.date,
    actorsLabel(c.event.source),
    eventLabel(c.event),
    actorsLabel(c.event.target),
    c.event.place?.name ?? c.mentions.find((m) => m.place)?.place?.name ?? "",
    String(c.numMentions),
    String(c.numArticles),
    String(c.numSources),
    c.firstSeen,
    c.event.article.id,
  ]);
}

const CLUSTER_CSV_COLUMNS = ["num_mentions", "num_articles", "num_sources", "num_stories", "first_seen"];

/** One JSON line per clustered event: its first mention's record, and the cluster with every mention. */
export function clusterJson(c: EventCluster): string {
  return `${JSON.stringify({
    ...c.event,
    cluster: {
      id: c.id,
      numMentions: c.numMentions,
      numArticles: c.numArticles,
      numSources: c.numSources,
      numStories: c.numStories,
      firstSeen: c.firstSeen,
      avgTone: c.avgTone === null ? null : roundTone(c.avgTone),
      mentions: c.mentions.map((m) => ({
        event: m.id,
        article: m.article.id,
        source: m.article.source,
        url: m.article.url,
        date: m.article.date,
        sentence: m.sentence,
        text: m.evidence.text,
        confidence: m.confidence,
        tone: c.tones.has(m.article.id) ? roundTone(c.tones.get(m.article.id) ?? 0) : null,
      })),
    },
  })}\n`;
}

export function registerEvents(program: Command, io: Io): void {
  const cmd = program.command("events").description("list stored events that match the filters");
  addEventFilters(cmd);
  addDbOption(cmd)
    .option("-f, --format <format>", FORMATS.join(" | "), "table")
    .option("--mentions", "one row per mention (each article's event) instead of one per real-world event")
    .action(async (opts: FilterOptions & { db?: string; format: string; mentions?: boolean }) => {
      const format = parseFormat(opts.format, FORMATS, "events");
      const { mentions, ...filterOptions } = opts;
      const filter = parseEventFilter(filterOptions);
      if (!mentions) {
        await listClusters(io, opts.db, filter, format, opts.modality === undefined);
        return;
      }
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

/** `dyad events` without --mentions: the real-world events, each with its counts (src/cluster). */
async function listClusters(
  io: Io,
  db: string | undefined,
  filter: ReturnType<typeof parseEventFilter>,
  format: (typeof FORMATS)[number],
  defaultModality: boolean,
): Promise<void> {
  const capped = format === "table" && filter.limit === undefined;
  if (capped) filter.limit = TABLE_LIMIT + 1;
  await withStore(db, async (store) => {
    await reportActorMatches(io, store, actorTerms(filter));
    const clusters = await storedClusters(store, filter);
    if (format === "jsonl") {
      for (const c of clusters) io.out(clusterJson(c));
    } else if (format === "csv") {
      io.out(csvLine([...RECORD_COLUMNS.map(([name]) => name), ...CLUSTER_CSV_COLUMNS]));
      for (const c of clusters) {
        const row = recordRow(c.event);
        io.out(
          csvLine([
            ...RECORD_COLUMNS.map(([name]) => row[name]),
            c.numMentions,
            c.numArticles,
            c.numSources,
            c.numStories,
            c.firstSeen,
          ]),
        );
      }
    } else {
      const shown = capped ? clusters.slice(0, TABLE_LIMIT) : clusters;
      io.out(renderTable(CLUSTER_TABLE_HEADER, clusterRows(shown)));
      if (capped && clusters.length > TABLE_LIMIT) {
        io.err(`(first ${TABLE_LIMIT} events shown: use --limit N, or --format jsonl|csv for all)\n`);
      }
      if (defaultModality) {
        io.err(`(modalities: ${describeModality(filter.modality)}; --modality all lists every event)\n`);
      }
    }
  });
}
