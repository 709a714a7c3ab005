// Options shared by the store commands: --db and the event filters. The filters are defined and parsed in
// src/store/filters.ts (one set of zod schemas, shared with any other front end); here they become options, and the
// actors a filter matched are reported.
import type { Command } from "commander";
import type { z } from "zod";
import { DyadError } from "../../core/errors.js";
import { loadActorNames } from "../../knowledge/names.js";
import {
  ACTOR_FORMS as ACTOR_HELP,
  type EventFilterSchema,
  hasActorTerm,
  MODALITIES,
  parseEventFilter as parseFilter,
  termLabel,
} from "../../store/filters.js";
import type { ActorTerm, EventFilter, Store } from "../../store/index.js";
import type { Io } from "../io.js";

export { ACTOR_HELP, hasActorTerm, MODALITIES };

export const DB_HELP =
  "store: a file path or sqlite:PATH (default ./dyad.db), or postgres://user:pass@host:port/db";

export function addDbOption(cmd: Command): Command {
  return cmd.option("--db <url>", DB_HELP);
}

/** The filter options as commander gives them: strings, and flags for --directed and --no-statements. */
export type FilterOptions = {
  [K in Exclude<keyof z.input<typeof EventFilterSchema>, "directed" | "statements">]?: string;
} & {
  directed?: boolean;
  statements?: boolean;
};

/** The option a filter field comes from, for messages: limit -> --limit. */
export const optionName = (field: string): string => `--${field}`;

export const MODALITY_HELP = `comma-separated (${MODALITIES.join(", ")}) or all; default: asserted, reported, and future intent codes (03x)`;

export const TEXT_HELP = 'full-text query: words (all of them), OR, "a phrase", prefix* (see docs/store.md)';

/** Adds the event filters of `dyad events` (also used by `dyad export`). */
export function addEventFilters(cmd: Command, options: { limit?: boolean } = {}): Command {
  cmd
    .option("--actor <actor>", `an actor on either side: ${ACTOR_HELP}`)
    .option("--source <actor>", "the source actor (same forms as --actor)")
    .option("--target <actor>", "the target actor (same forms as --actor)")
    .option("--dyad <A:B>", "events between A and B, either direction unless --directed")
    .option("--directed", "with --dyad: only events from A to B")
    .option("--root <NN>", "CAMEO root code, two digits (04 consult, 11 disapprove, ...)")
    .option("--no-statements", "leave out public statements (CAMEO root 01)")
    .option("--code <code>", "CAMEO event code; also matches the codes under it (043 matches 0431)")
    .option(
      "--quad <1-4>",
      "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    )
    .option("--since <YYYY-MM-DD>", "events on or after this day")
    .option("--until <YYYY-MM-DD>", "events on or before this day")
    .option("--modality <list>", MODALITY_HELP)
    .option("--place <place>", "the event's place: a name (Tehran) or an ISO country code (IRN)")
    .option("--text <query>", `the article matches this ${TEXT_HELP}`);
  if (options.limit !== false) cmd.option("--limit <n>", "at most this many events");
  return cmd;
}

export function parsePositiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || value.trim() === "")
    throw new DyadError("E_USAGE", `${option} must be a positive integer, got '${value}'`);
  return n;
}

/** Checks the filter options and turns them into a store filter, names read with the knowledge base. */
export function parseEventFilter(o: object): EventFilter {
  return parseFilter(o, { label: optionName, names: hasActorTerm(o) ? loadActorNames() : undefined });
}

/** The actor terms of a filter, with the option each came from. */
export function actorTerms(f: EventFilter): Array<[string, ActorTerm]> {
  const out: Array<[string, ActorTerm]> = [];
  if (f.actor) out.push(["--actor", f.actor]);
  if (f.source) out.push(["--source", f.source]);
  if (f.target) out.push(["--target", f.target]);
  if (f.dyad) out.push(["--dyad", f.dyad.a], ["--dyad", f.dyad.b]);
  return out;
}

/** Actors listed by name in a "matched:" line before the rest are counted. */
const SHOWN = 6;

/**
 * Says on stderr which stored actors each term matched (`matched: IRN (Iran), IRNGOV (Abbas Araghchi)`), so
 * that a name is never read silently in a way the user did not mean. Returns false when a term matched none.
 */
export async function reportActorMatches(
  io: Io,
  store: Store,
  terms: ReadonlyArray<[string, ActorTerm]>,
  options: { speakers?: boolean } = {},
): Promise<boolean> {
  let all = true;
  for (const [option, term] of terms) {
    const label = termLabel(term);
    const matches = await store.matchActors(term, options);
    if (matches.length === 0) {
      io.err(
        `matched: nothing in the store for ${option} '${label}' (no actor code, country, organisation or name)\n`,
      );
      all = false;
      continue;
    }
    const shown = matches.slice(0, SHOWN).map((m) => `${m.code} (${m.name})`);
    const more = matches.length > SHOWN ? ` and ${matches.length - SHOWN} more` : "";
    io.err(`matched ${option} '${label}': ${shown.join(", ")}${more}\n`);
  }
  return all;
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], command: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DyadError("E_USAGE", `dyad ${command}: unknown format '${value}' (${allowed.join(", ")})`);
  }
  return value as T;
}
