// dyad series: the time series analysts plot to see relations warm or cool, of a dyad or of one actor.
import type { Command } from "commander";
import { clusterSeries } from "../../cluster/index.js";
import { csvLine } from "../../export/record.js";
import { loadActorNames } from "../../knowledge/names.js";
import { describeModality, PERIODS, parseSeriesOptions } from "../../store/filters.js";
import { type SeriesRow, withStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { renderTable } from "../table.js";
import {
  ACTOR_HELP,
  actorTerms,
  addDbOption,
  type FilterOptions,
  MODALITY_HELP,
  optionName,
  parseFormat,
  reportActorMatches,
  TEXT_HELP,
} from "./store-options.js";

const FORMATS = ["table", "csv", "jsonl"] as const;

export const SERIES_COLUMNS = [
  "period",
  "events",
  "q1_verbal_coop",
  "q2_material_coop",
  "q3_verbal_conflict",
  "q4_material_conflict",
  "goldstein_sum",
  "goldstein_mean",
  "articles",
] as const;

const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function seriesCells(r: SeriesRow): Array<string | number> {
  return [r.period, r.events, ...r.quad, round(r.goldsteinSum), round(r.goldsteinMean), r.articles];
}

export function seriesJson(r: SeriesRow): Record<string, string | number> {
  const cells = seriesCells(r);
  return Object.fromEntries(SERIES_COLUMNS.map((c, i) => [c, cells[i]]));
}

interface SeriesOptionsCli extends FilterOptions {
  by: string;
  format: string;
  db?: string;
  mentions?: boolean;
}

export function registerSeries(program: Command, io: Io): void {
  const cmd = program
    .command("series")
    .description(
      "time series of a dyad (or of one actor): per period, events by QuadClass, Goldstein sum and mean, articles",
    )
    .option("--dyad <A:B>", `the two actors: ${ACTOR_HELP}`)
    .option("--actor <A>", "without --dyad: every event of this actor, as source or target")
    .option("--by <period>", `${PERIODS.join(" | ")} (a week is named by its Monday)`, "month")
    .option("--directed", "only events from A to B (default: both directions)")
    .option("--since <YYYY-MM-DD>", "events on or after this day (and the first period shown)")
    .option("--until <YYYY-MM-DD>", "events on or before this day (and the last period shown)")
    .option("--modality <list>", MODALITY_HELP)
    .option("--root <NN>", "only this CAMEO root")
    .option("--no-statements", "leave out public statements (CAMEO root 01)")
    .option("--text <query>", `only events of articles matching this ${TEXT_HELP}`)
    .option("-f, --format <format>", FORMATS.join(" | "), "table")
    .option("--mentions", "count mentions (each article's event) instead of real-world events");
  addDbOption(cmd).action(async (opts: SeriesOptionsCli) => {
    const format = parseFormat(opts.format, FORMATS, "series");
    const { format: _f, db: _d, mentions, ...input } = opts;
    const options = parseSeriesOptions(input, { label: optionName, names: loadActorNames() });
    const rows = await withStore(opts.db, async (store) => {
      const terms = options.dyad ? actorTerms({ dyad: options.dyad }) : actorTerms({ actor: options.actor });
      await reportActorMatches(io, store, terms);
      return mentions ? store.series(options) : clusterSeries(store, options);
    });
    const counted = `modalities counted: ${describeModality(options.filter?.modality)}`;
    if (format === "jsonl") {
      io.err(`${counted}\n`);
      for (const r of rows) io.out(`${JSON.stringify(seriesJson(r))}\n`);
    } else if (format === "csv") {
      io.err(`${counted}\n`);
      io.out(csvLine([...SERIES_COLUMNS]));
      for (const r of rows) io.out(csvLine(seriesCells(r)));
    } else {
      io.out(`${counted}\n`);
      io.out(
        renderTable(
          ["period", "events", "q1", "q2", "q3", "q4", "goldstein sum", "mean", "articles"],
          rows.map((r) => seriesCells(r).map(String)),
        ),
      );
    }
  });
}
