// The event and series filters as the user gives them (command-line options, or query parameters of an HTTP
// API): one zod schema, parsed once into the store's EventFilter and SeriesOptions. The defaults live here,
// so that every reader of the store counts the same events.
import { z } from "zod";
import { DyadError } from "../core/errors.js";
import type { Modality } from "../core/types.js";
import { checkDate } from "../ingest/parse.js";
import { type ActorNames, actorQuery } from "./actors.js";
import { INTENT_ROOT } from "./sql.js";
import type { ActorTerm, EventFilter, Period, SeriesOptions } from "./types.js";

export const MODALITIES: readonly Modality[] = [
  "asserted",
  "reported",
  "future",
  "hypothetical",
  "negated",
  "historical",
];

export const PERIODS: readonly Period[] = ["day", "week", "month", "year"];

/** What `--modality` holds when it is not given: the events that happened (see EventFilter.modality). */
export const DEFAULT_MODALITY = "happened" as const;

/** The modalities a filter counts, in words, for the line `dyad series` prints. */
export function describeModality(m: EventFilter["modality"]): string {
  if (m === undefined) return "all modalities";
  if (m === DEFAULT_MODALITY) return `asserted, reported, future (intent codes ${INTENT_ROOT}x only)`;
  return m.join(", ");
}

const text = z.string();
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const count = z.union([z.string(), z.number()]);

/** The filters as given: strings (or numbers and booleans from JSON). Unknown keys are ignored. */
export const eventFilterInput = z.object({
  actor: text.optional(),
  source: text.optional(),
  target: text.optional(),
  dyad: text.optional(),
  directed: flag.optional(),
  root: text.optional(),
  code: text.optional(),
  quad: count.optional(),
  since: text.optional(),
  until: text.optional(),
  /** Comma-separated modalities, or "all"; absent: the events that happened. */
  modality: text.optional(),
  place: text.optional(),
  text: text.optional(),
  limit: count.optional(),
  /** false (`--no-statements`): leave out public statements, CAMEO root 01. */
  statements: flag.optional(),
});

export type EventFilterInput = z.input<typeof eventFilterInput>;

export const seriesInput = eventFilterInput.extend({
  by: z.enum(PERIODS as [Period, ...Period[]]).optional(),
});

export type SeriesInput = z.input<typeof seriesInput>;

export interface ParseOptions {
  /** Names of countries and bodies from the knowledge base, so that "Iran" means IRN. */
  names?: ActorNames;
}

function usage(message: string): DyadError {
  return new DyadError("E_USAGE", message);
}

export function parsePositiveInt(value: string | number | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || String(value).trim() === "") {
    throw usage(`${option} must be a positive integer, got '${value}'`);
  }
  return n;
}

export function parseDyad(value: string): { a: string; b: string } {
  const parts = value.split(":");
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) {
    throw usage(`--dyad wants A:B (for example IRN:PAK), got '${value}'`);
  }
  return { a: parts[0].trim(), b: parts[1].trim() };
}

function parseDay(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return checkDate(value);
  } catch (e) {
    throw usage(`${option}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `--modality`: absent, the events that happened; "all", every modality; else a comma-separated list. */
export function parseModality(value: string | undefined): EventFilter["modality"] {
  if (value === undefined) return DEFAULT_MODALITY;
  if (value.trim().toLowerCase() === "all") return undefined;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw usage(`--modality: give ${MODALITIES.join(", ")} or all`);
  for (const m of list) {
    if (!(MODALITIES as readonly string[]).includes(m)) {
      throw usage(`--modality: '${m}' is not one of ${MODALITIES.join(", ")}, all`);
    }
  }
  return list as Modality[];
}

function shape<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usage(`--${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

function term(value: string, names: ActorNames | undefined): ActorTerm {
  return names ? actorQuery(value, names) : value;
}

/** Checks the filters and turns them into a store filter; bad values are E_USAGE errors. */
export function parseEventFilter(input: unknown, options: ParseOptions = {}): EventFilter {
  const o = shape(eventFilterInput, input);
  const names = options.names;
  const f: EventFilter = {};
  if (o.actor) f.actor = term(o.actor, names);
  if (o.source) f.source = term(o.source, names);
  if (o.target) f.target = term(o.target, names);
  if (o.dyad) {
    const { a, b } = parseDyad(o.dyad);
    f.dyad = { a: term(a, names), b: term(b, names) };
  }
  if (o.directed) {
    if (!o.dyad) throw usage("--directed goes with --dyad");
    f.directed = true;
  }
  if (o.root !== undefined) {
    if (!/^\d{2}$/.test(o.root)) throw usage(`--root wants two digits (04), got '${o.root}'`);
    f.root = o.root;
  }
  if (o.code !== undefined) {
    if (!/^\d{2,4}$/.test(o.code)) throw usage(`--code wants a CAMEO code (043), got '${o.code}'`);
    f.code = o.code;
  }
  if (o.quad !== undefined) {
    if (!/^[1-4]$/.test(String(o.quad))) throw usage(`--quad wants 1, 2, 3 or 4, got '${o.quad}'`);
    f.quad = Number(o.quad);
  }
  f.since = parseDay(o.since, "--since");
  f.until = parseDay(o.until, "--until");
  f.modality = parseModality(o.modality);
  if (o.place) f.place = o.place;
  if (o.text !== undefined) f.text = o.text;
  f.limit = parsePositiveInt(o.limit, "--limit");
  if (o.statements === false) f.noStatements = true;
  for (const key of Object.keys(f) as (keyof EventFilter)[]) if (f[key] === undefined) delete f[key];
  return f;
}

/**
 * A series: `dyad` (A:B) or, without it, `actor` (every event of one actor, as source or target); `by` a
 * period (default month); the other filters narrow the events counted.
 */
export function parseSeriesOptions(input: unknown, options: ParseOptions = {}): SeriesOptions {
  const o = shape(seriesInput, input);
  const { by, ...rest } = o;
  const filter = parseEventFilter(rest, options);
  const { dyad, actor, directed, ...narrow } = filter;
  if (!dyad && !actor) throw usage("a series needs --dyad A:B or --actor A");
  if (dyad && actor) throw usage("give --dyad A:B or --actor A, not both");
  return {
    ...(dyad ? { dyad } : { actor }),
    by: by ?? "month",
    ...(directed ? { directed } : {}),
    filter: narrow,
  };
}
