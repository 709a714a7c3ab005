// The GDELT 2.0 event table layout: 61 tab-separated columns, filled from our fields where we have them.
import type { Actor } from "../core/types.js";
import type { StoredEvent } from "../store/index.js";
import { actorPairs } from "../store/rows.js";

/** The 61 columns of the GDELT 2.0 event table, in order (reference: gdelt2_events_schema.csv). */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  "DATEADDED",
  "SOURCEURL",
] as const;

function actorColumns(p: string): string[] {
  return [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
  ].map((c) => `${p}${c}`);
}

function geoColumns(p: string): string[] {
  return ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map(
    (c) => `${p}_${c}`,
  );
}

/** NumMentions, NumSources, NumArticles and AvgTone of an event (src/cluster): one article's event alone is 1, 1, 1. */
export interface GdeltCounts {
  mentions: number;
  sources: number;
  articles: number;
  tone?: number | null;
}

const ONE: GdeltCounts = { mentions: 1, sources: 1, articles: 1 };

/** Rows of one event never exceed this many source-target pairs, so GLOBALEVENTIDs stay unique. */
export const PAIRS_PER_EVENT = 100;

type Cell = string | number | null;

function actorCells(a: Actor | undefined): Cell[] {
  if (!a) return Array(10).fill(null);
  const group = /^(IGO|NGO|IMG|MNC)([A-Z]{3})/.exec(a.code)?.[2] ?? a.org;
  return [a.code, a.name.toUpperCase(), a.country, group ?? null, null, null, null, a.sector, null, null];
}

function actionGeo(e: StoredEvent): Cell[] {
  const p = e.place;
  if (!p) return Array(8).fill(null);
  // Resolution: a point is a city or landmark (3 in the US, 4 elsewhere); without coordinates, the country.
  const type = p.lat !== null && p.lon !== null ? (p.country === "USA" ? 3 : 4) : p.country ? 1 : null;
  // GDELT's geo country codes are FIPS 10-4, which we do not have: left empty rather than filled wrongly.
  return [type, p.name, null, null, null, p.lat, p.lon, null];
}

/** YYYY.FFFF with FFFF = (month * 30 + day) / 365, as GDELT computes it. */
export function fractionDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return (y + (m * 30 + d) / 365).toFixed(4);
}

function dateAdded(iso: string): string {
  return iso.replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * One row per source-target pair of the event (GDELT events have one Actor1 and one Actor2): a compound
 * "Iran and Pakistan" target gives two rows; an actor is never paired with itself (rows.ts, actorPairs).
 * GLOBALEVENTID = gid * 100 + pair index.
 */
export function gdeltRows(e: StoredEvent, counts: GdeltCounts = ONE): Cell[][] {
  const rows: Cell[][] = [];
  const day = e.date.replaceAll("-", "");
  const eventCode = e.code.length === 2 ? `${e.code}0` : e.code;
  for (const [s, t] of actorPairs(e.source, e.target)) {
    if (rows.length >= PAIRS_PER_EVENT) return rows;
    rows.push([
      e.gid * PAIRS_PER_EVENT + rows.length,
      day,
      day.slice(0, 6),
      day.slice(0, 4),
      fractionDate(e.date),
      ...actorCells(s),
      ...actorCells(t),
      e.sentence === 1 ? 1 : 0,
      eventCode,
      eventCode.slice(0, 3),
      e.root,
      e.quad,
      e.goldstein,
      counts.mentions,
      counts.sources,
      counts.articles,
      counts.tone ?? null,
      ...Array(8).fill(null),
      ...Array(8).fill(null),
      ...actionGeo(e),
      dateAdded(e.codedAt),
      e.article.url ?? e.article.id,
    ]);
  }
  return rows;
}

const cell = (v: Cell): string => (v === null ? "" : String(v).replace(/[\t\r\n]+/g, " "));

/** The event's rows as tab-separated lines. */
export function gdeltLines(e: StoredEvent, counts: GdeltCounts = ONE): string {
  return gdeltRows(e, counts)
    .map((r) => `${r.map(cell).join("\t")}\n`)
    .join("");
}

/** The 16 columns of the GDELT 2.0 mentions table, in order. */
export const GDELT_MENTION_COLUMNS = [
  "GLOBALEVENTID",
  "EventTimeDate",
  "MentionTimeDate",
  "MentionType",
  "MentionSourceName",
  "MentionIdentifier",
  "SentenceID",
  "Actor1CharOffset",
  "Actor2CharOffset",
  "ActionCharOffset",
  "InRawText",
  "Confidence",
  "MentionDocLen",
  "MentionDocTone",
  "MentionDocTranslationInfo",
  "Extras",
] as const;

/**
 * One mention of an event: the event is named by the GLOBALEVENTID of its first row (its first mention's gid
 * times 100); the mention by its article's address (MentionType 1, the web) or id, its sentence, the
 * character offsets of the first source, first target and trigger in the article body, and its confidence
 * as a percentage.
 */
export function gdeltMentionRow(
  event: StoredEvent,
  mention: StoredEvent,
  outlet: string,
  tone: number | null = null,
): Cell[] {
  const day = (d: string) => `${d.replaceAll("-", "")}000000`;
  return [
    event.gid * PAIRS_PER_EVENT,
    day(event.date.slice(0, 10)),
    day(mention.article.date),
    mention.article.url ? 1 : 6,
    outlet,
    mention.article.url ?? mention.article.id,
    mention.sentence,
    mention.source[0]?.start ?? -1,
    mention.target[0]?.start ?? -1,
    mention.evidence.start,
    1,
    mention.confidence === null ? null : Math.round(mention.confidence * 100),
    null,
    tone,
    null,
    null,
  ];
}

export function gdeltMentionLine(
  event: StoredEvent,
  mention: StoredEvent,
  outlet: string,
  tone: number | null = null,
): string {
  return `${gdeltMentionRow(event, mention, outlet, tone).map(cell).join("\t")}\n`;
}

export function gdeltMentionHeader(): string {
  return `${GDELT_MENTION_COLUMNS.join("\t")}\n`;
}

export function gdeltHeader(): string {
  return `${GDELT_COLUMNS.join("\t")}\n`;
}
