// The store's queries, written once and rendered for SQLite or PostgreSQL through a small dialect.
import { DyadError } from "../core/errors.js";
import { type ActorQuery, actorQuery, isCodeTerm } from "./actors.js";
import { parseTextQuery, type TextQuery } from "./textquery.js";
import type { ActorTerm, EventFilter, Period, QuoteFilter, SeriesOptions, SeriesRow } from "./types.js";

/** The CAMEO root of public statements (010-019 in data/cameo.tsv), which `--no-statements` leaves out. */
export const STATEMENT_ROOT = "01";

/** The CAMEO root of the intent codes ("express intent to ...", data/cameo.tsv): future events that count. */
export const INTENT_ROOT = "03";

export interface Dialect {
  readonly kind: "sqlite" | "postgres";
  /** Placeholder of the n-th parameter (1-based). */
  placeholder(n: number): string;
  /** Condition on `ar` (articles) that its text matches a full-text query in parameter p. */
  articleMatches(p: string): string;
  /** Condition on `q` (quotes) that its text matches a full-text query in parameter p. */
  quoteMatches(p: string): string;
  /** The full-text query parameter of a parsed query (textquery.ts). */
  ftsQuery(query: TextQuery): string;
  /** SQL text of a date column, as YYYY-MM-DD. */
  dateText(column: string): string;
  /** The period (day, Monday of the week, month) of a date column, as text. */
  period(by: Period, column: string): string;
  /** Substring test: haystack contains needle (both already lower-cased). */
  contains(haystack: string, needle: string): string;
  /** What an OFFSET without a LIMIT needs before it ("" or " LIMIT -1"). */
  readonly noLimit: string;
}

/** Collects parameters in order and hands out their placeholders. One per query. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: Dialect) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}

export interface Query {
  /** Name used in error messages: "events.list", "series", ... */
  name: string;
  sql: string;
  params: unknown[];
}

/** The smallest string above every string that starts with prefix: code >= p AND code < next(p). */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export interface ActorColumns {
  code: string;
  country: string;
  org: string;
  name: string;
}

function toQuery(term: ActorTerm): ActorQuery {
  return typeof term === "string" ? actorQuery(term) : term;
}

/**
 * Matches an actor term (actors.ts says what it stands for) against actor columns: codes and the codes under
 * them, ISO countries, org keys, and whole words of the name.
 */
export function actorMatch(term: ActorTerm, cols: ActorColumns, d: Dialect, p: Params): string {
  const q = toQuery(term);
  const parts: string[] = [];
  for (const c of q.codePrefixes) {
    parts.push(`(${cols.code} >= ${p.add(c)} AND ${cols.code} < ${p.add(prefixEnd(c))})`);
  }
  for (const c of q.codes) parts.push(`${cols.code} = ${p.add(c)}`);
  for (const c of q.countries) parts.push(`${cols.country} = ${p.add(c)}`);
  for (const o of q.orgs) parts.push(`${cols.org} = ${p.add(o)}`);
  if (q.nameWords !== null) {
    parts.push(d.contains(`' ' || lower(${cols.name}) || ' '`, p.add(` ${q.nameWords} `)));
  }
  return `(${parts.join(" OR ")})`;
}

const X_COLUMNS: ActorColumns = { code: "x.code", country: "x.country", org: "x.org", name: "x.name" };
const SPEAKER_COLUMNS: ActorColumns = {
  code: "q.speaker_code",
  country: "q.speaker_country",
  org: "q.speaker_org",
  name: "q.speaker_name",
};

/** Events (by id) having an actor that matches the term, in the given role or either. */
function eventsWithActor(term: ActorTerm, role: "source" | "target" | null, d: Dialect, p: Params): string {
  const match = actorMatch(term, X_COLUMNS, d, p);
  const roleCond = role ? ` AND x.role = ${p.add(role)}` : "";
  return `e.id IN (SELECT x.event_id FROM event_actors x WHERE ${match}${roleCond})`;
}

/**
 * Events with a source-target pair from A to B. A pair never joins an actor with itself (the same code on both
 * sides, as reciprocal events list both sides on both): the pairs of rows.ts's actorPairs.
 */
function eventsWithPair(a: ActorTerm, b: ActorTerm, d: Dialect, p: Params): string {
  const src = actorMatch(a, X_COLUMNS, d, p);
  const tgt = actorMatch(b, { code: "y.code", country: "y.country", org: "y.org", name: "y.name" }, d, p);
  return `e.id IN (SELECT x.event_id FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id
    WHERE x.role = 'source' AND ${src} AND y.role = 'target' AND ${tgt} AND y.code <> x.code)`;
}

export function dyadCondition(a: ActorTerm, b: ActorTerm, directed: boolean, d: Dialect, p: Params): string {
  const ab = eventsWithPair(a, b, d, p);
  if (directed) return ab;
  return `(${ab} OR ${eventsWithPair(b, a, d, p)})`;
}

/** The modality condition: a list, or "happened" (asserted, reported, and future intent codes). */
function modalityCondition(m: NonNullable<EventFilter["modality"]>, p: Params): string {
  if (m === "happened") {
    return `(e.modality IN (${p.add("asserted")}, ${p.add("reported")}) OR (e.modality = ${p.add("future")} AND e.root = ${p.add(INTENT_ROOT)}))`;
  }
  return `e.modality IN (${m.map((x) => p.add(x)).join(", ")})`;
}

/** WHERE conditions on `e` (events) for a filter; an empty list matches everything. */
export function eventConditions(
  f: EventFilter,
  d: Dialect,
  p: Params,
  options: { actors?: boolean } = {},
): string[] {
  const where: string[] = [];
  if (options.actors !== false) {
    if (f.actor) where.push(eventsWithActor(f.actor, null, d, p));
    if (f.source) where.push(eventsWithActor(f.source, "source", d, p));
    if (f.target) where.push(eventsWithActor(f.target, "target", d, p));
    if (f.dyad) where.push(dyadCondition(f.dyad.a, f.dyad.b, f.directed === true, d, p));
  }
  if (f.root) where.push(`e.root = ${p.add(f.root)}`);
  if (f.noStatements) where.push(`e.root <> ${p.add(STATEMENT_ROOT)}`);
  if (f.code) where.push(`(e.code >= ${p.add(f.code)} AND e.code < ${p.add(prefixEnd(f.code))})`);
  if (f.quad !== undefined) where.push(`e.quad = ${p.add(f.quad)}`);
  if (f.since) where.push(`e.day >= ${p.add(f.since)}`);
  if (f.until) where.push(`e.day <= ${p.add(f.until)}`);
  if (f.modality && f.modality.length > 0) where.push(modalityCondition(f.modality, p));
  if (f.place) {
    const name = p.add(f.place.toLowerCase());
    const country = p.add(f.place.toUpperCase());
    where.push(
      `e.id IN (SELECT pl.event_id FROM places pl WHERE lower(pl.name) = ${name} OR pl.country = ${country})`,
    );
  }
  if (f.text !== undefined) {
    const query = d.ftsQuery(parseTextQuery(f.text));
    where.push(`e.article_id IN (SELECT ar.id FROM articles ar WHERE ${d.articleMatches(p.add(query))})`);
  }
  if (f.articleId) where.push(`e.article_id = ${p.add(f.articleId)}`);
  return where;
}

function whereClause(conds: readonly string[]): string {
  return conds.length ? `WHERE ${conds.join(" AND ")}` : "";
}

function eventColumns(d: Dialect): string {
  return `e.id AS gid, e.n, e.event_key, e.sentence, e.code, e.base_code, e.root, e.name, e.quad, e.goldstein,
  e.plover_type, e.plover_mode, e.modality, e.date, e.date_text, e.trigger,
  e.trigger_start, e.trigger_end, e.rule, e.confidence, e.evidence_text,
  coalesce(s.text, substr(ar.text, s.start_char + 1, s.end_char - s.start_char)) AS sentence_text,
  ar.id AS article_id, ${d.dateText("ar.date")} AS article_date, ar.title, ar.url, ar.source, ar.coded_at`;
}

const EVENT_FROM = `FROM events e
  JOIN articles ar ON ar.id = e.article_id
  LEFT JOIN sentences s ON s.article_id = e.article_id AND s.n = e.sentence`;

function limitClause(limit: number | undefined, offset: number | undefined, d: Dialect, p: Params): string {
  let out = "";
  if (limit !== undefined) out += ` LIMIT ${p.add(limit)}`;
  if (offset) out += `${limit === undefined ? d.noLimit : ""} OFFSET ${p.add(offset)}`;
  return out;
}

/** Events for listing, in date order (or in gid order: an article's events in the order the coder gave them). */
export function eventsQuery(f: EventFilter, d: Dialect, order: "date" | "gid" = "date"): Query {
  const p = new Params(d);
  const where = whereClause(eventConditions(f, d, p));
  const by = order === "date" ? "e.day, e.id" : "e.id";
  const sql = `SELECT ${eventColumns(d)} ${EVENT_FROM} ${where} ORDER BY ${by}${limitClause(f.limit, f.offset, d, p)}`;
  return { name: "events.list", sql, params: p.values };
}

/** One page of events after a gid, in gid order: keyset pagination for exports. */
export function eventsPageQuery(f: EventFilter, after: number, pageSize: number, d: Dialect): Query {
  const p = new Params(d);
  const conds = eventConditions(f, d, p);
  conds.push(`e.id > ${p.add(after)}`);
  const sql = `SELECT ${eventColumns(d)} ${EVENT_FROM} ${whereClause(conds)} ORDER BY e.id LIMIT ${p.add(pageSize)}`;
  return { name: "events.page", sql, params: p.values };
}

export function quotesQuery(f: QuoteFilter, d: Dialect): Query {
  const p = new Params(d);
  const where: string[] = [];
  if (f.speaker) {
    where.push(actorMatch(f.speaker, SPEAKER_COLUMNS, d, p));
  }
  if (f.about) {
    const match = actorMatch(f.about, X_COLUMNS, d, p);
    const inside = `EXISTS (SELECT 1 FROM events e2 JOIN event_actors x ON x.event_id = e2.id
      WHERE e2.article_id = q.article_id AND x.start_char >= q.start_char AND x.end_char <= q.end_char AND ${match})`;
    const term = toQuery(f.about).term;
    const named = isCodeTerm(term) ? "" : ` OR ${d.contains("lower(q.text)", p.add(term.toLowerCase()))}`;
    where.push(`(${inside}${named})`);
  }
  if (f.text !== undefined) where.push(d.quoteMatches(p.add(d.ftsQuery(parseTextQuery(f.text)))));
  if (f.since) where.push(`ar.date >= ${p.add(f.since)}`);
  if (f.until) where.push(`ar.date <= ${p.add(f.until)}`);
  if (f.articleId) where.push(`q.article_id = ${p.add(f.articleId)}`);
  const sql = `SELECT q.n, q.speaker_code, q.speaker_country, q.speaker_org, q.speaker_sector, q.speaker_name,
    q.speaker_kb_id, q.speaker_text, q.speaker_start, q.speaker_end, q.cue, q.kind, q.text, q.start_char,
    q.end_char, q.sentence, ar.id AS article_id, ${d.dateText("ar.date")} AS article_date, ar.title, ar.url, ar.source
    FROM quotes q JOIN articles ar ON ar.id = q.article_id ${whereClause(where)}
    ORDER BY ar.date, q.article_id, q.n${limitClause(f.limit, undefined, d, p)}`;
  return { name: "quotes.list", sql, params: p.values };
}

export function topActorsQuery(limit: number, f: EventFilter, d: Dialect): Query {
  const p = new Params(d);
  const conds = eventConditions(f, d, p);
  const sql = `SELECT x.code, x.name, min(x.country) AS country, min(x.org) AS org,
    count(DISTINCT x.event_id) AS events,
    count(DISTINCT CASE WHEN x.role = 'source' THEN x.event_id END) AS as_source,
    count(DISTINCT CASE WHEN x.role = 'target' THEN x.event_id END) AS as_target,
    count(DISTINCT e.article_id) AS articles
    FROM event_actors x JOIN events e ON e.id = x.event_id ${whereClause(conds)}
    GROUP BY x.code, x.name ORDER BY events DESC, x.code, x.name LIMIT ${p.add(limit)}`;
  return { name: "actors.top", sql, params: p.values };
}

/** The stored actors (code and name) a term matches, most events (or quotes, for speakers) first. */
export function matchActorsQuery(term: ActorTerm, limit: number, d: Dialect, speakers = false): Query {
  const p = new Params(d);
  const sql = speakers
    ? `SELECT q.speaker_code AS code, q.speaker_name AS name, count(*) AS events FROM quotes q
    WHERE ${actorMatch(term, SPEAKER_COLUMNS, d, p)} GROUP BY q.speaker_code, q.speaker_name
    ORDER BY events DESC, code, name LIMIT ${p.add(limit)}`
    : `SELECT x.code, x.name, count(DISTINCT x.event_id) AS events FROM event_actors x
    WHERE ${actorMatch(term, X_COLUMNS, d, p)} GROUP BY x.code, x.name ORDER BY events DESC, x.code, x.name
    LIMIT ${p.add(limit)}`;
  return { name: "actors.match", sql, params: p.values };
}

export function seriesQuery(o: SeriesOptions, d: Dialect): Query {
  const p = new Params(d);
  const conds: string[] = [];
  if (o.dyad) conds.push(dyadCondition(o.dyad.a, o.dyad.b, o.directed === true, d, p));
  else if (o.actor) conds.push(eventsWithActor(o.actor, null, d, p));
  else throw new DyadError("E_USAGE", "a series needs a dyad A:B or an actor");
  conds.push(...eventConditions(o.filter ?? {}, d, p, { actors: false }));
  const period = d.period(o.by, "e.day");
  const quad = (n: number) => `sum(CASE WHEN e.quad = ${n} THEN 1 ELSE 0 END) AS q${n}`;
  const sql = `SELECT ${period} AS period, count(*) AS events, ${[1, 2, 3, 4].map(quad).join(", ")},
    sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean,
    count(DISTINCT e.article_id) AS articles
    FROM events e ${whereClause(conds)} GROUP BY 1 ORDER BY 1`;
  return { name: "series", sql, params: p.values };
}

export interface SeriesReadRow {
  period: string;
  events: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  goldstein_sum: number;
  goldstein_mean: number;
  articles: number;
}

export const COUNT_TABLES = [
  ["articles", "articles"],
  ["sentences", "sentences"],
  ["events", "events"],
  ["actors", "event_actors"],
  ["quotes", "quotes"],
  ["places", "places"],
  ["errors", "errors"],
  ["aliases", "article_aliases"],
] as const;

export function countsQuery(): Query {
  const parts = COUNT_TABLES.map(([key, table]) => `(SELECT count(*) FROM ${table}) AS ${key}`);
  return { name: "counts", sql: `SELECT ${parts.join(", ")}`, params: [] };
}

/** The period a day (YYYY-MM-DD) falls in, as the dialects' `period` names it. */
export function periodOf(day: string, by: Period): string {
  if (by === "day") return day;
  if (by === "month") return day.slice(0, 7);
  if (by === "year") return day.slice(0, 4);
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The period after a period. */
function nextPeriod(period: string, by: Period): string {
  if (by === "year") return String(Number(period) + 1).padStart(4, "0");
  if (by === "month") {
    const [y, m] = period.split("-").map(Number);
    return m === 12
      ? `${String(y + 1).padStart(4, "0")}-01`
      : `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Every period from the first to the last, the empty ones as zeros: a series a plot or a model can read as
 * it is. The range is filter.since to filter.until when given, else the first and last periods with events.
 */
export function fillPeriods(rows: readonly SeriesRow[], by: Period, filter: EventFilter = {}): SeriesRow[] {
  const first = filter.since ? periodOf(filter.since, by) : rows[0]?.period;
  const last = filter.until ? periodOf(filter.until, by) : rows[rows.length - 1]?.period;
  if (first === undefined || last === undefined) return [...rows];
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const out: SeriesRow[] = [];
  for (let period = first; period <= last; period = nextPeriod(period, by)) {
    out.push(
      byPeriod.get(period) ?? {
        period,
        events: 0,
        quad: [0, 0, 0, 0],
        goldsteinSum: 0,
        goldsteinMean: 0,
        articles: 0,
      },
    );
  }
  return out;
}

export function toSeriesRow(r: SeriesReadRow): SeriesRow {
  return {
    period: r.period,
    events: Number(r.events),
    quad: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)],
    goldsteinSum: Number(r.goldstein_sum),
    goldsteinMean: Number(r.goldstein_mean),
    articles: Number(r.articles),
  };
}
