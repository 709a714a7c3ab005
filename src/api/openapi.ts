// The OpenAPI 3.1 document, generated from the same zod schemas that parse the requests and the records.
import { z } from "zod";
import { CodedArticleSchema, EventSchema, QuoteSchema } from "../core/schema.js";
import {
  ActorsQuery,
  ArticlesBody,
  ErrorsQuery,
  EventsQuery,
  ExportQuery,
  NetworkQuery,
  PlacesQuery,
  QuotesQuery,
  SeriesQuery,
} from "./schemas.js";

type JsonSchema = Record<string, unknown>;

const input = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** Query parameters from an object schema: one parameter per property, its description kept. */
function parameters(schema: z.ZodType): JsonSchema[] {
  const json = input(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query",
      required: json.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const problem = { $ref: "#/components/schemas/Problem" };
const problems = {
  "400": {
    description: "a parameter is invalid (the problem names it)",
    content: { "application/problem+json": { schema: problem } },
  },
  "500": { description: "the store failed", content: { "application/problem+json": { schema: problem } } },
};

/** Per actor term of the request, the stored actors it matched; absent when no actor term was given. */
const matched = { type: "array", items: { $ref: "#/components/schemas/MatchedTerm" } };

const page = (item: JsonSchema) => ({
  type: "object",
  properties: { items: { type: "array", items: item }, next: { type: ["string", "null"] }, matched },
  required: ["items", "next"],
});

const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { "application/json": { schema } },
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const articleRef = {
  type: "object",
  properties: {
    id: { type: "string" },
    date: { type: "string" },
    title: { type: ["string", "null"] },
    url: { type: ["string", "null"] },
    source: { type: ["string", "null"] },
  },
};

export function openApiDocument(): JsonSchema {
  const get = (summary: string, query: z.ZodType | null, ok: JsonSchema, extra: JsonSchema = {}) => ({
    get: {
      summary,
      parameters: query ? parameters(query) : [],
      responses: { "200": ok, ...problems },
      ...extra,
    },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Dyad API",
      version: "1",
      description:
        "Events, quotes and articles of a Dyad event store. Read-only unless the server has a token; writes then need `Authorization: Bearer TOKEN`.",
    },
    paths: {
      "/api/counts": get("rows per table", null, json("counts", { type: "object" })),
      "/api/events": get(
        "stored events matching the filters of `dyad events`, in date order, a page at a time",
        EventsQuery,
        json("a page of events", page(ref("StoredEvent"))),
      ),
      "/api/quotes": get(
        "stored quotes by speaker, subject and words",
        QuotesQuery,
        json("a page of quotes", page(ref("StoredQuote"))),
      ),
      "/api/articles/{id}": {
        get: {
          summary: "one stored article with its text, events and quotes",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": json("the article", ref("StoredArticle")),
            "404": {
              description: "no such article",
              content: { "application/problem+json": { schema: problem } },
            },
          },
        },
      },
      "/api/articles": {
        post: {
          summary: "code and store articles (one object or a list, each a line of a JSONL input)",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: input(ArticlesBody) } } },
          responses: {
            "200": json("what was stored; articles that failed are listed", { type: "object" }),
            "400": problems["400"],
            "401": {
              description: "missing or wrong bearer token",
              content: { "application/problem+json": { schema: problem } },
            },
            "403": {
              description: "the server is read-only",
              content: { "application/problem+json": { schema: problem } },
            },
            "413": {
              description: "the body is larger than the limit",
              content: { "application/problem+json": { schema: problem } },
            },
          },
        },
      },
      "/api/actors/top": get("the most active actors", ActorsQuery, json("actors", page({ type: "object" }))),
      "/api/actors/network": get(
        "who acts on whom: the most active actors and the events between them, with mean Goldstein",
        NetworkQuery,
        json("nodes and edges", { type: "object" }),
      ),
      "/api/places": get(
        "event places with coordinates, counted",
        PlacesQuery,
        json("places", { type: "object" }),
      ),
      "/api/series": get(
        "the time series of a dyad or of one actor: per period, events by QuadClass, Goldstein sum and mean, articles",
        SeriesQuery,
        json("periods", {
          type: "object",
          properties: {
            dyad: { type: "object" },
            actor: { type: "string" },
            by: { type: "string" },
            directed: { type: "boolean" },
            modality: { description: "happened (the default), all, or the modalities given" },
            items: { type: "array", items: { type: "object" } },
            matched,
          },
        }),
      ),
      "/api/errors": get(
        "articles that failed, with their error",
        ErrorsQuery,
        json("errors", { type: "object" }),
      ),
      "/api/export/{format}": {
        get: {
          summary: "the matching events as a download: csv, jsonl, gdelt (TSV), plover (JSON lines), parquet",
          parameters: [
            {
              name: "format",
              in: "path",
              required: true,
              schema: { type: "string", enum: ["csv", "jsonl", "gdelt", "plover", "parquet"] },
            },
            ...parameters(ExportQuery),
          ],
          responses: { "200": { description: "the file" }, ...problems },
        },
      },
      "/openapi.json": get("this document", null, json("OpenAPI 3.1", { type: "object" })),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string" },
            field: { type: "string" },
          },
          required: ["type", "title", "status", "detail", "code"],
        },
        StoredEvent: {
          allOf: [
            input(EventSchema),
            {
              type: "object",
              properties: { gid: { type: "integer" }, article: articleRef, codedAt: { type: "string" } },
            },
          ],
        },
        MatchedTerm: {
          type: "object",
          properties: {
            field: { type: "string" },
            term: { type: "string" },
            actors: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  code: { type: "string" },
                  name: { type: "string" },
                  events: { type: "integer" },
                },
              },
            },
            more: { type: "integer" },
          },
          required: ["field", "term", "actors", "more"],
        },
        StoredQuote: { allOf: [input(QuoteSchema), { type: "object", properties: { article: articleRef } }] },
        StoredArticle: {
          type: "object",
          properties: {
            article: articleRef,
            record: input(CodedArticleSchema),
            aliasOf: { type: "string" },
          },
        },
      },
    },
  };
}
