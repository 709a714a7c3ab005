// The query filters as one set of zod schemas: the CLI (options) and the API (query strings) parse into these,
// and /openapi.json is generated from them, so a filter added here reaches all three. The defaults live here
// too (the events that happened, month periods), so that every reader of the store counts the same events.
import { z } from "zod";
import { DyadError } from "../core/errors.js";
import type { Modality } from "../core/types.js";
import { type ActorNames, type ActorQuery, actorQuery } from "./actors.js";
import { INTENT_ROOT } from "./sql.js";
import { textQueryProblem } from "./textquery.js";
import type { ActorTerm, EventFilter, Period, QuoteFilter, SeriesOptions } from "./types.js";

export const MODALITIES: readonly Modality[] = [
  "asserted",
  "reported",
  "future",
  "hypothetical",
  "negated",
  "historical",
];

export const PERIODS: readonly Period[] = ["day", "week", "month", "year"];

/** What `modality` holds when it is not given: the events that happened (see EventFilter.modality). */
export const DEFAULT_MODALITY = "happened" as const;

/** The modalities a filter counts, in words, for the lines the CLI prints. */
export function describeModality(m: EventFilter["modality"]): string {
  if (m === undefined) return "all modalities";
  if (m === DEFAULT_MODALITY) return `asserted, reported, future (intent codes ${INTENT_ROOT}x only)`;
  return m.join(", ");
}

/** A day of the calendar, YYYY-MM-DD (no 2025-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1800;
}

const text = (description: string) => z.string().trim().min(1, "must not be empty").describe(description);

const day = (description: string) =>
  z.string().refine(isDay, "wants a day of the calendar as YYYY-MM-DD").describe(description);

/** Counts come as strings from the command line and query strings; numbers are accepted too. */
const positiveInt = (description: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      const n = Number(v);
      if (String(v).trim() === "" || !Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a positive integer, got '${v}'` });
        return z.NEVER;
      }
      return n;
    })
    .describe(description);

/** A flag: true from the command line, "true"/"1" (or an empty value, ?directed) from a query string. */
const flag = (description: string) =>
  z
    .union([z.boolean(), z.enum(["true", "false", "1", "0", ""])])
    .transform((v) => v === true || v === "true" || v === "1" || v === "")
    .describe(description);

const dyadPair = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(":");
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) {
      ctx.addIssue({ code: "custom", message: `wants A:B (for example IRN:PAK), got '${value}'` });
      return z.NEVER;
    }
    return { a: parts[0].trim(), b: parts[1].trim() };
  })
  .describe("events between A and B (A:B), either direction unless directed");

/** A list of modalities, or "all" (every modality); the field's absence means the events that happened. */
const modalityList = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx): Modality[] | "all" => {
    if (typeof value === "string" && value.trim().toLowerCase() === "all") return "all";
    const list = (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) {
      ctx.addIssue({ code: "custom", message: `give ${MODALITIES.join(", ")} or all` });
      return z.NEVER;
    }
    for (const m of list) {
      if (!(MODALITIES as readonly string[]).includes(m)) {
        ctx.addIssue({ code: "custom", message: `'${m}' is not one of ${MODALITIES.join(", ")}, all` });
        return z.NEVER;
      }
    }
    return list as Modality[];
  })
  .describe(
    `comma-separated (${MODALITIES.join(", ")}) or all; default: asserted, reported, and future intent codes (${INTENT_ROOT}x)`,
  );

/** A full-text query in the language of textquery.ts, checked here so that a bad one names its field. */
const textQuery = (description: string) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = textQueryProblem(value);
      if (problem !== null) ctx.addIssue({ code: "custom", message: `'${value}': ${problem}` });
    })
    .describe(`${description}: words (all of them), OR, "a phrase", prefix* (see docs/store.md)`);

export const ACTOR_FORMS =
  "CAMEO code or prefix (IRN, IRNGOV), ISO code, country or organisation name (Iran, United Nations), or words of a name (Khamenei)";

/** The fields of `dyad events` (and `dyad export`, and GET /api/events). */
export const EventFilterFields = {
  actor: text(`an actor on either side: ${ACTOR_FORMS}`).optional(),
  source: text("the source actor (same forms as actor)").optional(),
  target: text("the target actor (same forms as actor)").optional(),
  dyad: dyadPair.optional(),
  directed: flag("with dyad: only events from A to B").optional(),
  statements: flag("false (--no-statements): leave out public statements, CAMEO root 01").optional(),
  root: z
    .string()
    .regex(/^\d{2}$/, "wants two digits (04)")
    .describe("CAMEO root code, two digits (04 consult, 11 disapprove, ...)")
    .optional(),
  code: z
    .string()
    .regex(/^\d{2,4}$/, "wants a CAMEO code (043)")
    .describe("CAMEO event code; also matches the codes under it (043 matches 0431)")
    .optional(),
  quad: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^[1-4]$/, "wants 1, 2, 3 or 4"))
    .transform(Number)
    .describe(
      "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    )
    .optional(),
  since: day("events on or after this day").optional(),
  until: day("events on or before this day").optional(),
  modality: modalityList.optional(),
  place: text("the event's place: a name (Tehran) or an ISO country code (IRN)").optional(),
  text: textQuery("the article matches this full-text query").optional(),
};

/** `directed` goes with `dyad`; the API's query schemas refine with it too. */
export const directedNeedsDyad = (f: { directed?: boolean; dyad?: unknown }, ctx: z.RefinementCtx) => {
  if (f.directed && !f.dyad)
    ctx.addIssue({ code: "custom", path: ["directed"], message: "goes with {dyad}" });
};

export const EventFilterSchema = z
  .object({ ...EventFilterFields, limit: positiveInt("at most this many events").optional() })
  .superRefine(directedNeedsDyad);

export const QuoteFilterFields = {
  speaker: text(`said by this actor: ${ACTOR_FORMS}`).optional(),
  about: text("naming this actor: an event actor inside the quote, or the name in its words").optional(),
  text: textQuery("the quote matches this full-text query").optional(),
  since: day("articles on or after this day").optional(),
  until: day("articles on or before this day").optional(),
};

export const QuoteFilterSchema = z.object({
  ...QuoteFilterFields,
  limit: positiveInt("at most this many quotes").optional(),
});

/** A series: of a dyad, or (actor without dyad) of one actor; the other event filters narrow what is counted. */
export const SeriesFields = {
  ...EventFilterFields,
  dyad: EventFilterFields.dyad.describe("the two actors (A:B); or give actor instead"),
  actor: EventFilterFields.actor.describe(
    `without dyad: every event of this actor, as source or target (${ACTOR_FORMS})`,
  ),
  by: z
    .enum(PERIODS as [Period, ...Period[]])
    .describe(`${PERIODS.join(", ")} (default month; a week is named by its Monday)`)
    .optional(),
  directed: flag("only events from A to B (default: both directions)").optional(),
  since: day("events on or after this day (and the first period given)").optional(),
  until: day("events on or before this day (and the last period given)").optional(),
};

/** A series needs one of dyad and actor; the API's query schema refines with it too. */
export function seriesRefine(
  f: { dyad?: unknown; actor?: unknown; directed?: boolean },
  ctx: z.RefinementCtx,
) {
  if (!f.dyad && !f.actor) {
    ctx.addIssue({ code: "custom", path: ["dyad"], message: "a series needs {dyad} A:B or {actor} A" });
  } else if (f.dyad && f.actor) {
    ctx.addIssue({ code: "custom", path: ["actor"], message: "give {dyad} A:B or {actor} A, not both" });
  }
  directedNeedsDyad(f, ctx);
}

export const SeriesSchema = z.object(SeriesFields).superRefine(seriesRefine);

export interface ParseOptions {
  /** How a field is named in messages: "--root" for the CLI, "root" (the default) for the API. */
  label?: (field: string) => string;
  /** Names of countries and bodies from the knowledge base, so that "Iran" means IRN (knowledge/names.ts). */
  names?: ActorNames;
}

/** Drops the keys whose value is undefined: the store treats a present key as a filter. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Parses input with a filter schema; the first problem is thrown as E_FILTER naming its field as `label`
 * gives it, and so are the other fields a message names ({dyad}). Fields the schema does not know are
 * ignored unless the schema is strict.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  label: (field: string) => string = (f) => f,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field =
    issue.code === "unrecognized_keys" ? String(issue.keys[0] ?? "") : String(issue.path[0] ?? "");
  const message = issue.message.replace(/\{(\w+)\}/g, (_, name: string) => label(name));
  throw new DyadError("E_FILTER", message, label(field));
}

/** An actor term as the store reads it: with the knowledge base's names when given, else as typed. */
export function actorTerm(value: string, names: ActorNames | undefined): ActorTerm {
  return names ? actorQuery(value, names) : value;
}

/** The words a term was typed as, for messages and `matched` reports. */
export function termLabel(term: ActorTerm): string {
  return typeof term === "string" ? term : (term as ActorQuery).term;
}

type ParsedEvents = z.output<typeof EventFilterSchema>;

/** A parsed event filter as the store takes it: actor terms read, the modality default applied. */
export function toEventFilter(input: Partial<ParsedEvents>, names?: ActorNames): EventFilter {
  const { actor, source, target, dyad, modality, statements, ...rest } = input;
  return defined({
    ...rest,
    noStatements: statements === false ? true : undefined,
    actor: actor === undefined ? undefined : actorTerm(actor, names),
    source: source === undefined ? undefined : actorTerm(source, names),
    target: target === undefined ? undefined : actorTerm(target, names),
    dyad: dyad === undefined ? undefined : { a: actorTerm(dyad.a, names), b: actorTerm(dyad.b, names) },
    modality: modality === undefined ? DEFAULT_MODALITY : modality === "all" ? undefined : modality,
  }) as EventFilter;
}

export function toQuoteFilter(input: z.output<typeof QuoteFilterSchema>, names?: ActorNames): QuoteFilter {
  const { speaker, about, ...rest } = input;
  return defined({
    ...rest,
    speaker: speaker === undefined ? undefined : actorTerm(speaker, names),
    about: about === undefined ? undefined : actorTerm(about, names),
  }) as QuoteFilter;
}

/** A parsed series as the store takes it: `dyad` or `actor`, `by` (default month), the rest narrowing. */
export function toSeriesOptions(input: z.output<typeof SeriesSchema>, names?: ActorNames): SeriesOptions {
  const { by, ...rest } = input;
  const { dyad, actor, directed, ...filter } = toEventFilter(rest, names);
  return {
    ...(dyad ? { dyad } : { actor }),
    by: by ?? "month",
    ...(directed ? { directed } : {}),
    filter,
  };
}

/** Parses event filter options (strings as typed) into a store EventFilter. */
export function parseEventFilter(input: unknown, options: ParseOptions = {}): EventFilter {
  return toEventFilter(parseWith(EventFilterSchema, input, options.label), options.names);
}

export function parseQuoteFilter(input: unknown, options: ParseOptions = {}): QuoteFilter {
  return toQuoteFilter(parseWith(QuoteFilterSchema, input, options.label), options.names);
}

export function parseSeriesOptions(input: unknown, options: ParseOptions = {}): SeriesOptions {
  return toSeriesOptions(parseWith(SeriesSchema, input, options.label), options.names);
}

/** Whether input holds an actor term, so that the knowledge base's names (a few milliseconds) are needed. */
export function hasActorTerm(o: object): boolean {
  return ["actor", "source", "target", "dyad", "speaker", "about"].some(
    (k) => typeof (o as Record<string, unknown>)[k] === "string",
  );
}
