// Options shared by the store commands: --db and the event filters, parsed into a store EventFilter.
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import type { Modality } from "../../core/types.js";
import { checkDate } from "../../ingest/parse.js";
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

export const MODALITIES: readonly Modality[] = [
  "asserted",
  "reported",
  "future",
  "hypothetical",
  "negated",
  "historical",
];

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

export function parseDyad(value: string): { a: string; b: string } {
  const parts = value.split(":");
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) {
    throw new DyadError("E_USAGE", `--dyad wants A:B (for example IRN:PAK), got '${value}'`);
  }
  return { a: parts[0].trim(), b: parts[1].trim() };
}

function parseDay(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return checkDate(value);
  } catch (e) {
    throw new DyadError("E_USAGE", `${option}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function parseModality(value: string | undefined): Modality[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const m of list) {
    if (!(MODALITIES as readonly string[]).includes(m)) {
      throw new DyadError("E_USAGE", `--modality: '${m}' is not one of ${MODALITIES.join(", ")}`);
    }
  }
  return list as Modality[];
}

/** Checks the filter options and turns them into a store filter; bad values are E_USAGE errors. */
export function parseEventFilter(o: FilterOptions): EventFilter {
  const f: EventFilter = {};
  if (o.actor) f.actor = o.actor;
  if (o.source) f.source = o.source;
  if (o.target) f.target = o.target;
  if (o.dyad) f.dyad = parseDyad(o.dyad);
  if (o.directed) {
    if (!o.dyad) throw new DyadError("E_USAGE", "--directed goes with --dyad");
    f.directed = true;
  }
  if (o.root !== undefined) {
    if (!/^\d{2}$/.test(o.root))
      throw new DyadError("E_USAGE", `--root wants two digits (04), got '${o.root}'`);
    f.root = o.root;
  }
  if (o.code !== undefined) {
    if (!/^\d{2,4}$/.test(o.code))
      throw new DyadError("E_USAGE", `--code wants a CAMEO code (043), got '${o.code}'`);
    f.code = o.code;
  }
  if (o.quad !== undefined) {
    if (!/^[1-4]$/.test(o.quad)) throw new DyadError("E_USAGE", `--quad wants 1, 2, 3 or 4, got '${o.quad}'`);
    f.quad = Number(o.quad);
  }
  f.since = parseDay(o.since, "--since");
  f.until = parseDay(o.until, "--until");
  f.modality = parseModality(o.modality);
  if (o.place) f.place = o.place;
  if (o.text !== undefined) f.text = o.text;
  f.limit = parsePositiveInt(o.limit, "--limit");
  for (const key of Object.keys(f) as (keyof EventFilter)[]) if (f[key] === undefined) delete f[key];
  return f;
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], command: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DyadError("E_USAGE", `dyad ${command}: unknown format '${value}' (${allowed.join(", ")})`);
  }
  return value as T;
}
