// Options shared by the store commands: --db and the event filters, parsed into a store EventFilter.
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import { MODALITIES, parseEventFilter as parseStoreEventFilter } from "../../store/filters.js";
import type { EventFilter } from "../../store/index.js";

export const DB_HELP =
  "store: a file path or sqlite:PATH (default ./dyad.db), or postgres://user:pass@host:port/db";

export function addDbOption(cmd: Command): Command {
  return cmd.option("--db <url>", DB_HELP);
}

export interface FilterOptions {
  actor?: string;
  source?: string;
  target?: string;
  dyad?: string;
  directed?: boolean;
  root?: string;
  code?: string;
  quad?: string;
  since?: string;
  until?: string;
  modality?: string;
  place?: string;
  text?: string;
  limit?: string;
}

/** The option a filter field comes from, for messages: limit -> --limit. */
export const optionName = (field: string): string => `--${field}`;

/** Adds the event filters of `dyad events` (also used by `dyad export`). */
export function addEventFilters(cmd: Command, options: { limit?: boolean } = {}): Command {
  cmd
    .option(
      "--actor <actor>",
      "an actor on either side: CAMEO code or prefix (IRN, IRNGOV), ISO country, org key, or name",
    )
    .option("--source <actor>", "the source actor (same forms as --actor)")
    .option("--target <actor>", "the target actor (same forms as --actor)")
    .option("--dyad <A:B>", "events between A and B, either direction unless --directed")
    .option("--directed", "with --dyad: only events from A to B")
    .option("--root <NN>", "CAMEO root code, two digits (04 consult, 11 disapprove, ...)")
    .option("--code <code>", "CAMEO event code; also matches the codes under it (043 matches 0431)")
    .option(
      "--quad <1-4>",
      "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    )
    .option("--since <YYYY-MM-DD>", "events on or after this day")
    .option("--until <YYYY-MM-DD>", "events on or before this day")
    .option("--modality <list>", `comma-separated: ${MODALITIES.join(", ")}`)
    .option("--place <place>", "the event's place: a name (Tehran) or an ISO country code (IRN)")
    .option("--text <words>", "words the article must contain (full-text search)");
  if (options.limit !== false) cmd.option("--limit <n>", "at most this many events");
  return cmd;
}

export function parsePositiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new DyadError("E_USAGE", `${option} must be a positive integer, got '${value}'`);
  return n;
}

/** Checks the filter options (the store's filter schema) and turns them into a store filter. */
export function parseEventFilter(o: FilterOptions): EventFilter {
  return parseStoreEventFilter(o, optionName);
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], command: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DyadError("E_USAGE", `dyad ${command}: unknown format '${value}' (${allowed.join(", ")})`);
  }
  return value as T;
}
