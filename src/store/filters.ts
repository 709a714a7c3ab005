// The query filters as one set of zod schemas: the CLI (options) and the API (query strings) parse into these,
// and /openapi.json is generated from them, so a filter added here reaches all three.
import { z } from "zod";
import { DyadError } from "../core/errors.js";
import type { Modality } from "../core/types.js";
import type { EventFilter, Period, QuoteFilter } from "./types.js";

export const MODALITIES: readonly Modality[] = [
  "asserted",
  "reported",
  "future",
  "hypothetical",
  "negated",
  "historical",
];

export const PERIODS: readonly Period[] = ["day", "week", "month"];

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
      if (v === "" || !Number.isInteger(n) || n <= 0) {
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

const modalityList = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const list = (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean);
    for (const m of list) {
      if (!(MODALITIES as readonly string[]).includes(m)) {
        ctx.addIssue({ code: "custom", message: `'${m}' is not one of ${MODALITIES.join(", ")}` });
        return z.NEVER;
      }
    }
    return list as Modality[];
  })
  .describe(`comma-separated: ${MODALITIES.join(", ")}`);

const ACTOR_FORMS = "CAMEO code or prefix (IRN, IRNGOV), ISO country, org key, or name";

/** The fields of `dyad events` (and `dyad export`, and GET /api/events). */
export const EventFilterFields = {
  actor: text(`an actor on either side: ${ACTOR_FORMS}`).optional(),
  source: text("the source actor (same forms as actor)").optional(),
  target: text("the target actor (same forms as actor)").optional(),
  dyad: dyadPair.optional(),
  directed: flag("with dyad: only events from A to B").optional(),
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
    .string()
    .regex(/^[1-4]$/, "wants 1, 2, 3 or 4")
    .transform(Number)
    .describe(
      "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    )
    .optional(),
  since: day("events on or after this day").optional(),
  until: day("events on or before this day").optional(),
  modality: modalityList.optional(),
  place: text("the event's place: a name (Tehran) or an ISO country code (IRN)").optional(),
  text: text("words the article must contain (full-text search)").optional(),
};

export const EventFilterSchema = z
  .object({ ...EventFilterFields, limit: positiveInt("at most this many events").optional() })
  .superRefine((f, ctx) => {
    if (f.directed && !f.dyad)
      ctx.addIssue({ code: "custom", path: ["directed"], message: "goes with dyad" });
  });

export const QuoteFilterFields = {
  speaker: text(`said by this actor: ${ACTOR_FORMS}`).optional(),
  about: text("naming this actor: an event actor inside the quote, or the name in its words").optional(),
  text: text("words the quote must contain").optional(),
  since: day("articles on or after this day").optional(),
  until: day("articles on or before this day").optional(),
};

export const QuoteFilterSchema = z.object({
  ...QuoteFilterFields,
  limit: positiveInt("at most this many quotes").optional(),
});

export const SeriesFields = {
  dyad: dyadPair,
  by: z
    .enum(PERIODS as [Period, ...Period[]])
    .describe("day, week or month (a week is named by its Monday)")
    .optional(),
  directed: flag("only events from A to B (default: both directions)").optional(),
  since: EventFilterFields.since,
  until: EventFilterFields.until,
  modality: EventFilterFields.modality,
  root: EventFilterFields.root,
  quad: EventFilterFields.quad,
};

export const SeriesSchema = z.object(SeriesFields);

/** Drops the keys whose value is undefined: the store treats a present key as a filter. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Parses input with a filter schema; the first problem is thrown as E_FILTER naming its field as `label`
 * gives it ("--root" for the CLI, "root" for the API). Fields the schema does not know are ignored unless the schema is strict.
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
  throw new DyadError("E_FILTER", issue.message, label(field));
}

export function toEventFilter(input: z.output<typeof EventFilterSchema>): EventFilter {
  return defined({ ...input }) as EventFilter;
}

export function toQuoteFilter(input: z.output<typeof QuoteFilterSchema>): QuoteFilter {
  return defined({ ...input }) as QuoteFilter;
}

/** Parses event filter options (strings as typed) into a store EventFilter. */
export function parseEventFilter(input: unknown, label?: (field: string) => string): EventFilter {
  return toEventFilter(parseWith(EventFilterSchema, input, label));
}

export function parseQuoteFilter(input: unknown, label?: (field: string) => string): QuoteFilter {
  return toQuoteFilter(parseWith(QuoteFilterSchema, input, label));
}
