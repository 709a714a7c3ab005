// Request schemas of the API: the store's filter schemas plus paging, strict (an unknown parameter is a 400).
import { z } from "zod";
import { API_EXPORT_FORMATS } from "../export/index.js";
import {
  directedNeedsDyad,
  EventFilterFields,
  QuoteFilterFields,
  SeriesFields,
  seriesRefine,
} from "../store/filters.js";

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

const pageLimit = z
  .string()
  .regex(/^\d+$/, "must be a positive integer")
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_PAGE, `must be between 1 and ${MAX_PAGE}`)
  .describe(`items per page (default ${DEFAULT_PAGE}, at most ${MAX_PAGE})`);

/** An opaque cursor: the `next` of the previous page. */
const cursor = z
  .string()
  .transform((value, ctx) => {
    const position = decodeCursor(value);
    if (position === null) {
      ctx.addIssue({ code: "custom", message: "is not a cursor this server gave out" });
      return z.NEVER;
    }
    return position;
  })
  .describe("the `next` value of the previous page");

export const PageFields = { limit: pageLimit.optional(), cursor: cursor.optional() };

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeCursor(value: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object" && "o" in parsed) {
      const o = (parsed as { o: unknown }).o;
      if (typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
    }
  } catch {
    return null;
  }
  return null;
}

export const EventsQuery = z
  .strictObject({ ...EventFilterFields, ...PageFields })
  .superRefine(directedNeedsDyad);

export const QuotesQuery = z.strictObject({ ...QuoteFilterFields, ...PageFields });

export const SeriesQuery = z.strictObject(SeriesFields).superRefine(seriesRefine);

const topLimit = z
  .string()
  .regex(/^\d+$/, "must be a positive integer")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 500, "must be between 1 and 500")
  .describe("how many actors (default 20, at most 500)");

export const ActorsQuery = z.strictObject({ ...EventFilterFields, limit: topLimit.optional() });

/** The network and the map summarise at most this many events (the newest first are not preferred). */
export const MAX_SUMMARY_EVENTS = 50_000;

export const NetworkQuery = z.strictObject({
  ...EventFilterFields,
  limit: topLimit.describe("how many actors (by events) to keep as nodes (default 25)").optional(),
});

export const PlacesQuery = z.strictObject(EventFilterFields);

export const ErrorsQuery = z.strictObject({ limit: pageLimit.optional() });

export const ExportQuery = z.strictObject({
  ...EventFilterFields,
  limit: z
    .string()
    .regex(/^\d+$/, "must be a positive integer")
    .transform(Number)
    .refine((n) => n >= 1, "must be a positive integer")
    .describe("at most this many events (default: all)")
    .optional(),
  header: z.enum(["true", "false"]).describe("gdelt: write the column names first").optional(),
});

// The API exports one row per mention (as `dyad events --mentions`): the clustered GDELT tables are the CLI's.
export const ExportFormatParam = z.enum(API_EXPORT_FORMATS);

/** One article to code, the shape of a line of a JSONL input file. */
export const ArticleBody = z.object({
  id: z.union([z.string(), z.number()]).describe("article id (default: a hash of date and text)").optional(),
  date: z.string().describe("publication date, YYYY-MM-DD"),
  text: z.string().describe("the body"),
  title: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
});

export const ArticlesBody = z.union([ArticleBody, z.array(ArticleBody)]);
