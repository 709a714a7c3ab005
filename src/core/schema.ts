// The output contract in one place: every record `dyad code` writes is checked against this schema in tests.
import { z } from "zod";

const offset = z.number().int().nonnegative();

export const ActorSchema = z.object({
  code: z.string().min(1),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  org: z.string().min(1).nullable(),
  sector: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  name: z.string().min(1),
  id: z.string().min(1).nullable(),
  text: z.string().min(1),
  start: offset,
  end: offset,
});

export const PlaceSchema = z.object({
  name: z.string().min(1),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  text: z.string().min(1),
  start: offset,
  end: offset,
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EventSchema = z.object({
  id: z.string().min(1),
  /** 0 for the title: a headline event of an article with a title field. */
  sentence: z.number().int().nonnegative(),
  code: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  quad: z.number().int().min(1).max(4),
  goldstein: z.number().min(-10).max(10),
  plover: z.object({ type: z.string().nullable(), mode: z.string().nullable() }),
  source: z.array(ActorSchema),
  target: z.array(ActorSchema),
  modality: z.enum(["asserted", "reported", "future", "hypothetical", "negated", "historical"]),
  date: day,
  dateText: z.string().nullable(),
  place: PlaceSchema.nullable(),
  evidence: z.object({
    text: z.string().min(1),
    trigger: z.string().min(1),
    start: offset,
    end: offset,
    rule: z.string().min(1),
    part: z.enum(["body", "headline", "caption"]),
    repeats: z.string().nullable(),
  }),
  confidence: z.number().min(0).max(1).nullable(),
});

export const QuoteSchema = z.object({
  speaker: ActorSchema.nullable(),
  cue: z.string(),
  kind: z.enum(["direct", "indirect"]),
  text: z.string().min(1),
  start: offset,
  end: offset,
  sentence: z.number().int().positive(),
});

export const ArticleErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  origin: z.string().optional(),
});

export const CodedArticleSchema = z.object({
  id: z.string().min(1),
  date: day,
  title: z.string().nullable(),
  url: z.string().nullable(),
  events: z.array(EventSchema),
  quotes: z.array(QuoteSchema),
  errors: z.array(ArticleErrorSchema),
});
