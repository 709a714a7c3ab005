// The HTTP app over one store: JSON endpoints under /api, the OpenAPI document, and the dashboard's files.
// Built without a socket, so that tests call app.request(...) in process; `dyad serve` binds it to a port.
import { timingSafeEqual } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { stream } from "hono/streaming";
import type { z } from "zod";
import { writeBatch } from "../app/write.js";
import { DyadError, toDyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { exportParquet, exportText } from "../export/index.js";
import { parseRecord } from "../ingest/parse.js";
import { readDataFile } from "../knowledge/files.js";
import { loadActorNames } from "../knowledge/names.js";
import { compileOntology } from "../knowledge/ontology.js";
import type { CodedOrFailed, Dyad } from "../pipeline/dyad.js";
import type { ActorNames } from "../store/actors.js";
import {
  hasActorTerm,
  parseWith,
  termLabel,
  toEventFilter,
  toQuoteFilter,
  toSeriesOptions,
} from "../store/filters.js";
import type {
  ActorMatch,
  ActorTerm,
  EventFilter,
  FailedItem,
  IngestItem,
  Store,
  StoredEvent,
} from "../store/index.js";
import { openApiDocument } from "./openapi.js";
import { toProblem } from "./problems.js";
import {
  ActorsQuery,
  DEFAULT_PAGE,
  ErrorsQuery,
  EventsQuery,
  ExportFormatParam,
  ExportQuery,
  encodeCursor,
  NetworkQuery,
  PlacesQuery,
  QuotesQuery,
  SeriesQuery,
} from "./schemas.js";
import { network, places } from "./summaries.js";

/** Request bodies larger than this are refused with 413 unless the server is told otherwise. */
export const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** Where `npm run build:web` writes the dashboard (the same place from src/api and from dist/api). */
export const WEB_ROOT = new URL("../../dist/web/", import.meta.url).pathname;

export type CodeArticles = (articles: readonly Article[]) => Promise<CodedOrFailed[]>;

export interface AppOptions {
  store: Store;
  /** Bearer token for writes; without one the server is read-only. */
  token?: string;
  maxBodyBytes?: number;
  /** An origin allowed to call the API from another site ("*" for any); CORS is off without one. */
  corsOrigin?: string;
  /** The dashboard's files; the default is the build's output. */
  webRoot?: string;
  /** Codes articles for POST /api/articles; the default builds Dyad's pipeline on first use. */
  code?: CodeArticles;
}

function query<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  return parseWith(schema, values);
}

/** Stored actors listed per term in a response's `matched`; `more` says how many were left out. */
export const MATCHED_SHOWN = 20;

/** What one actor term of a request matched in the store, so that a name is never read silently. */
export interface MatchedTerm {
  field: string;
  term: string;
  actors: ActorMatch[];
  more: number;
}

/** The actor terms of an event filter, with the query parameter each came from. */
function eventTerms(
  f: Pick<EventFilter, "actor" | "source" | "target" | "dyad">,
): Array<[string, ActorTerm]> {
  const out: Array<[string, ActorTerm]> = [];
  if (f.actor) out.push(["actor", f.actor]);
  if (f.source) out.push(["source", f.source]);
  if (f.target) out.push(["target", f.target]);
  if (f.dyad) out.push(["dyad", f.dyad.a], ["dyad", f.dyad.b]);
  return out;
}

async function matched(
  store: Store,
  terms: ReadonlyArray<[string, ActorTerm, { speakers?: boolean }?]>,
): Promise<MatchedTerm[]> {
  const out: MatchedTerm[] = [];
  for (const [field, term, options] of terms) {
    const actors = await store.matchActors(term, options);
    out.push({
      field,
      term: termLabel(term),
      actors: actors.slice(0, MATCHED_SHOWN),
      more: Math.max(0, actors.length - MATCHED_SHOWN),
    });
  }
  return out;
}

/** Adds `matched` to a response when the request gave actor terms. */
async function withMatched<T extends object>(
  store: Store,
  body: T,
  terms: ReadonlyArray<[string, ActorTerm, { speakers?: boolean }?]>,
): Promise<T & { matched?: MatchedTerm[] }> {
  return terms.length > 0 ? { ...body, matched: await matched(store, terms) } : body;
}

/** Splits a page's filter from its paging: the store gets limit + 1 rows to tell whether a next page exists. */
function page<T>(rows: T[], offset: number, limit: number): { items: T[]; next: string | null } {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, next: more ? encodeCursor(offset + limit) : null };
}

/** Dyad's pipeline, built on the first POST (loading the knowledge base takes seconds) and kept by this app. */
function defaultCoder(): CodeArticles {
  let dyad: Promise<Dyad> | null = null;
  return async (articles) => {
    dyad ??= import("../pipeline/dyad.js").then((m) => m.createDyad());
    return (await dyad).codeMany(articles);
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Writes need the token; without a token configured, nothing may be written. */
function writeGuard(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new DyadError("E_READ_ONLY");
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameToken(match[1].trim(), token)) {
      c.header("WWW-Authenticate", 'Bearer realm="dyad"');
      throw new DyadError("E_AUTH");
    }
    await next();
  };
}

/** Parses a POST body: one article (its error is the response) or a list (each failure reported, the rest stored). */
function readArticles(body: unknown): { articles: Article[]; failed: FailedItem[]; single: boolean } {
  const single = !Array.isArray(body);
  const list = single ? [body] : (body as unknown[]);
  const articles: Article[] = [];
  const failed: FailedItem[] = [];
  list.forEach((item, index) => {
    const origin = `request[${index}]`;
    try {
      articles.push(parseRecord(JSON.stringify(item), origin, { maxBytes: Number.MAX_SAFE_INTEGER }));
    } catch (e) {
      const error = toDyadError(e, "E_FIELD", origin);
      if (single) throw error;
      failed.push({ origin, code: error.code, message: error.message });
    }
  });
  return { articles, failed, single };
}

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const webRoot = options.webRoot ?? WEB_ROOT;
  const code = options.code ?? defaultCoder();
  // The knowledge base's names of countries and bodies, read on the first request with an actor term.
  let names: ActorNames | undefined;
  const namesFor = (values: object): ActorNames | undefined =>
    hasActorTerm(values) ? (names ??= loadActorNames()) : undefined;
  const app = new Hono();

  app.onError((e, c) => {
    const problem = toProblem(e);
    return c.body(JSON.stringify(problem), problem.status as 400, {
      "content-type": "application/problem+json",
    });
  });
  app.notFound((c) => {
    const problem = toProblem(new DyadError("E_NOT_ROUTE", `${c.req.method} ${c.req.path}`));
    return c.body(JSON.stringify(problem), 404, { "content-type": "application/problem+json" });
  });

  if (options.corsOrigin) app.use("/api/*", cors({ origin: options.corsOrigin }));

  // The SQLite store answers synchronously. Requests let in together would run their queries back to back in
  // one turn of the event loop, and the sockets waiting meanwhile would hit their keep-alive timeout (reset
  // connections under load). On SQLite, requests take turns, and each turn starts after the loop has read the
  // sockets; PostgreSQL answers asynchronously and needs no turns.
  if (store.kind === "sqlite") {
    let last: Promise<unknown> = Promise.resolve();
    app.use("/api/*", async (_c, next) => {
      const previous = last;
      let done = () => {};
      last = new Promise<void>((resolve) => {
        done = resolve;
      });
      await previous;
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await next();
      } finally {
        done();
      }
    });
  }

  app.get("/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/api/counts", async (c) => c.json(await store.counts()));

  app.get("/api/events", async (c) => {
    const values = c.req.query();
    const { limit, cursor, ...rest } = query(EventsQuery, values);
    const size = limit ?? DEFAULT_PAGE;
    const offset = cursor ?? 0;
    const filter = toEventFilter(rest, namesFor(values));
    const rows = await store.events({ ...filter, limit: size + 1, offset });
    return c.json(await withMatched(store, page(rows, offset, size), eventTerms(filter)));
  });

  app.get("/api/quotes", async (c) => {
    const values = c.req.query();
    const { limit, cursor, ...rest } = query(QuotesQuery, values);
    const size = limit ?? DEFAULT_PAGE;
    const offset = cursor ?? 0;
    const filter = toQuoteFilter(rest, namesFor(values));
    // The store's quote query has no offset: a page is cut from the quotes up to its end.
    const rows = await store.quotes({ ...filter, limit: offset + size + 1 });
    const terms: Array<[string, ActorTerm, { speakers?: boolean }?]> = [];
    if (filter.speaker) terms.push(["speaker", filter.speaker, { speakers: true }]);
    if (filter.about) terms.push(["about", filter.about]);
    return c.json(await withMatched(store, page(rows.slice(offset), offset, size), terms));
  });

  app.get("/api/articles/:id", async (c) => {
    const id = c.req.param("id");
    const stored = await store.article(id);
    if (!stored) throw new DyadError("E_NO_ARTICLE", undefined, id);
    return c.json(stored);
  });

  app.post(
    "/api/articles",
    writeGuard(options.token),
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new DyadError("E_BODY_TOO_LARGE", `limit ${maxBody} bytes`);
      },
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch (e) {
        throw new DyadError("E_JSONL", e instanceof Error ? e.message : String(e), "request body");
      }
      const { articles, failed, single } = readArticles(body);
      const results = articles.length > 0 ? await code(articles) : [];
      const coded: IngestItem[] = [];
      results.forEach((result, k) => {
        const article = articles[k];
        if (result.ok) coded.push({ article, record: result.record });
        else {
          if (single) throw result.error;
          failed.push({
            articleId: article.id,
            origin: article.origin,
            code: result.error.code,
            message: result.error.message,
          });
        }
      });
      const written = await writeBatch(store, coded, failed);
      return c.json({
        new: written.new,
        updated: written.updated,
        unchanged: written.unchanged,
        duplicate: written.duplicate,
        failed: failed.map((f) => ({
          article: f.articleId ?? null,
          origin: f.origin ?? null,
          code: f.code,
          message: f.message,
        })),
        events: written.events,
        quotes: written.quotes,
        outcomes: written.outcomes,
      });
    },
  );

  app.get("/api/actors/top", async (c) => {
    const values = c.req.query();
    const { limit, ...rest } = query(ActorsQuery, values);
    const filter = toEventFilter(rest, namesFor(values));
    const items = await store.topActors(limit ?? 20, filter);
    return c.json(await withMatched(store, { items }, eventTerms(filter)));
  });

  app.get("/api/actors/network", async (c) => {
    const values = c.req.query();
    const { limit, ...rest } = query(NetworkQuery, values);
    const filter = toEventFilter(rest, namesFor(values));
    return c.json(await withMatched(store, await network(store, filter, limit ?? 25), eventTerms(filter)));
  });

  app.get("/api/places", async (c) => {
    const values = c.req.query();
    const filter = toEventFilter(query(PlacesQuery, values), namesFor(values));
    return c.json(await withMatched(store, await places(store, filter), eventTerms(filter)));
  });

  app.get("/api/series", async (c) => {
    const values = c.req.query();
    const parsed = query(SeriesQuery, values);
    const options = toSeriesOptions(parsed, namesFor(values));
    const items = await store.series(options);
    const body = {
      ...(parsed.dyad ? { dyad: parsed.dyad } : { actor: parsed.actor }),
      by: options.by,
      directed: options.directed === true,
      modality: options.filter?.modality ?? "all",
      items,
    };
    return c.json(await withMatched(store, body, eventTerms(options)));
  });

  app.get("/api/errors", async (c) => {
    const { limit } = query(ErrorsQuery, c.req.query());
    return c.json({ items: await store.errors(limit ?? DEFAULT_PAGE) });
  });

  app.get("/api/export/:format", async (c) => {
    const format = parseWith(ExportFormatParam, c.req.param("format"), () => "format");
    const values = c.req.query();
    const { header, ...rest } = query(ExportQuery, values);
    const filter = toEventFilter(rest, namesFor(values));
    const events: AsyncIterable<StoredEvent> = store.iterateEvents(filter);
    const name = `dyad-events.${format === "gdelt" ? "tsv" : format === "plover" ? "jsonl" : format}`;
    c.header("Content-Disposition", `attachment; filename="${name}"`);
    if (format === "parquet") {
      const dir = await mkdtemp(join(tmpdir(), "dyad-export-"));
      try {
        const file = join(dir, name);
        await exportParquet(events, file);
        const bytes = await readFile(file);
        return c.body(bytes, 200, { "content-type": "application/vnd.apache.parquet" });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const types = {
      csv: "text/csv; charset=utf-8",
      gdelt: "text/tab-separated-values; charset=utf-8",
      plover: "application/x-ndjson; charset=utf-8",
      jsonl: "application/x-ndjson; charset=utf-8",
    };
    c.header("content-type", types[format]);
    const ontology = format === "plover" ? compileOntology(readDataFile("cameo.tsv").text) : undefined;
    return stream(c, async (out) => {
      await exportText(events, format, (chunk) => out.write(chunk).then(() => undefined), {
        header: header === "true",
        context: (code: string) => ontology?.get(code)?.plover.context,
      });
    });
  });

  app.get("/*", async (c) => {
    const path = c.req.path === "/" ? "/index.html" : c.req.path;
    const file = join(webRoot, decodeURIComponent(path));
    if (!file.startsWith(webRoot) || path.includes("\u0000")) throw new DyadError("E_NOT_ROUTE", path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (path === "/index.html") {
        return c.text("The dashboard is not built: run `npm run build:web` (npm install does it).\n", 404);
      }
      throw new DyadError("E_NOT_ROUTE", path);
    }
    const ext = file.slice(file.lastIndexOf(".") + 1);
    const type = MIME[ext] ?? "application/octet-stream";
    return c.body(await readFile(file), 200, { "content-type": type });
  });

  return app;
}

const MIME: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
};
