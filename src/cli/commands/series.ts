// dyad series: the dyad time series analysts plot to see relations warm or cool.
import type { Command } from "commander";
import { csvLine } from "../../export/record.js";
import { PERIODS, parseWith, SeriesSchema, toEventFilter } from "../../store/filters.js";
import { type SeriesRow, withStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { renderTable } from "../table.js";
import { addDbOption, type FilterOptions, optionName, parseFormat } from "./store-options.js";

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
}

export function registerSeries(program: Command, io: Io): void {
  const cmd = program
    .command("series")
    .description("dyad time series: per period, events by QuadClass, Goldstein sum and mean, articles")
    .requiredOption("--dyad <A:B>", "the two actors (CAMEO code or prefix, ISO country, org key, or name)")
    .option("--by <period>", PERIODS.join(" | ") + " (a week is named by its Monday)", "month")
    .option("--directed", "only events from A to B (default: both directions)")
    .option("--since <YYYY-MM-DD>", "events on or after this day")
    .option("--until <YYYY-MM-DD>", "events on or before this day")
    .option("--modality <list>", "comma-separated modalities to count (default: all)")
    .option("--root <NN>", "only this CAMEO root")
    .option("-f, --format <format>", FORMATS.join(" | "), "table");
  addDbOption(cmd).action(async (opts: SeriesOptionsCli) => {
    const format = parseFormat(opts.format, FORMATS, "series");
    const { dyad, by, directed, ...rest } = parseWith(SeriesSchema, opts, optionName);
    const filter = toEventFilter(rest);
    const rows = await withStore(opts.db, (store) =>
      store.series({ dyad, by: by ?? "month", directed: directed === true, filter }),
    );
    if (format === "jsonl") for (const r of rows) io.out(`${JSON.stringify(seriesJson(r))}\n`);
    else if (format === "csv") {
      io.out(csvLine([...SERIES_COLUMNS]));
      for (const r of rows) io.out(csvLine(seriesCells(r)));
    } else {
      io.out(
        renderTable(
          ["period", "events", "q1", "q2", "q3", "q4", "goldstein sum", "mean", "articles"],
          rows.map((r) => seriesCells(r).map(String)),
        ),
      );
    }
  });
}
