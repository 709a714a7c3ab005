// The gold item format of ../shared/gold/README.md: schema and parser. Pure: the caller reads the file.
import { z } from "zod";
import { DyadError, isDyadError } from "../core/errors.js";
import { checkDate } from "../ingest/parse.js";

/** The sixteen PLOVER event types; older names are mapped by the gold files themselves. */
export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;

/**
 * An actor key: a country (ISO alpha-3), an org key (UN, EU, NATO, IGO, ...), "" for any actor or none,
 * or "---", PETRARCH's mark for an actor it could not identify, read as "" too.
 */
const actorKey = z.string().regex(/^(|---|[A-Z][A-Z0-9]{1,9})$/, "an actor key: ISO alpha-3, org key or ''");
const root = z.string().regex(/^(0[1-9]|1\d|20)$/, "a CAMEO root code, 01 to 20");
const plover = z.enum(PLOVER_TYPES);
const sector = z.string().regex(/^[A-Z]{3}$/, "a CAMEO role code such as GOV");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

const GoldEventSchema = z
  .strictObject({
    source: actorKey,
    target: actorKey,
    root: z.array(root).min(1).optional(),
    plover: z.array(plover).min(1).optional(),
    source_sector: z.array(sector).min(1).optional(),
    target_sector: z.array(sector).min(1).optional(),
    date: z.array(day).min(1).optional(),
    optional: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((e) => e.root !== undefined || e.plover !== undefined, {
    message: "an event needs 'root' or 'plover'",
  });

const GoldQuoteSchema = z.strictObject({
  name: z.string().trim().min(1),
  text: z.string().trim().min(1),
  optional: z.boolean().optional(),
  note: z.string().optional(),
});

const GoldItemSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  date: day,
  text: z.string().trim().min(1),
  title: z.string().optional(),
  url: z.string().optional(),
  events: z.array(GoldEventSchema),
  forbid: z.array(GoldEventSchema).optional(),
  quotes: z.array(GoldQuoteSchema).optional(),
  note: z.string().optional(),
});

export type GoldEvent = z.infer<typeof GoldEventSchema>;
export type GoldQuote = z.infer<typeof GoldQuoteSchema>;

/** One annotated item; `forbid` and `quotes` default to empty lists. */
export interface GoldItem {
  id: string;
  date: string;
  text: string;
  title?: string;
  url?: string;
  events: GoldEvent[];
  forbid: GoldEvent[];
  quotes: GoldQuote[];
  /** file:line, for messages. */
  origin: string;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== "object" || typeof key === "symbol") return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** A day of the calendar, reported as a malformed gold item (E_DATA) rather than a bad article date. */
function checkDay(value: string, field: string, origin: string): void {
  try {
    checkDate(value, origin);
  } catch (e) {
    const detail = isDyadError(e) ? e.detail : String(e);
    throw new DyadError("E_DATA", `${field}: ${detail}`, origin, { cause: e });
  }
}

/** Parses one JSONL line of a gold file; a malformed item is an E_DATA error naming the field. */
export function parseGold(line: string, origin: string): GoldItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new DyadError("E_DATA", `not JSON: ${e instanceof Error ? e.message : String(e)}`, origin);
  }
  const parsed = GoldItemSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => {
        const where = issue.path.length ? issue.path.join(".") : "item";
        const got = valueAt(value, issue.path);
        return `${where}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
      })
      .join("; ");
    throw new DyadError("E_DATA", `gold item: ${detail}`, origin);
  }
  const item = parsed.data;
  checkDay(item.date, "date", origin);
  const forbid = item.forbid ?? [];
  for (const [i, event] of [...item.events, ...forbid].entries()) {
    for (const d of event.date ?? []) checkDay(d, `event ${i + 1} date`, origin);
    if (event.optional !== undefined && i >= item.events.length) {
      throw new DyadError("E_DATA", "a forbid entry cannot be optional", origin);
    }
  }
  return { ...item, forbid, quotes: item.quotes ?? [], origin };
}

/**
 * Parses a whole gold file (one item a line; blank lines skipped). A malformed item is returned as an error
 * and left out, so one bad line does not stop the evaluation of the others. Ids need not be unique: items
 * are told apart by their origin (file:line).
 */
export function parseGoldLines(text: string, origin: string): { items: GoldItem[]; errors: DyadError[] } {
  const items: GoldItem[] = [];
  const errors: DyadError[] = [];
  text.split("\n").forEach((line, i) => {
    if (/^\s*$/.test(line)) return;
    try {
      items.push(parseGold(line, `${origin}:${i + 1}`));
    } catch (e) {
      if (!isDyadError(e)) throw e;
      errors.push(e);
    }
  });
  return { items, errors };
}
