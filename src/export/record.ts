// Our own event record, flat: one row per event with fixed, typed columns (CSV, Parquet, `dyad events --format csv`).
import type { Actor } from "../core/types.js";
import type { StoredEvent } from "../store/index.js";
import { baseCode } from "../store/rows.js";

export type ColumnType = "bigint" | "integer" | "double" | "varchar" | "date";

/** The columns of the flat event record, in order, with their Parquet types. */
export const RECORD_COLUMNS = [
  ["gid", "bigint"],
  ["event_id", "varchar"],
  ["article_id", "varchar"],
  ["article_date", "date"],
  ["date", "date"],
  ["date_text", "varchar"],
  ["sentence", "integer"],
  ["code", "varchar"],
  ["base_code", "varchar"],
  ["root", "varchar"],
  ["name", "varchar"],
  ["quad", "integer"],
  ["goldstein", "double"],
  ["plover_type", "varchar"],
  ["plover_mode", "varchar"],
  ["modality", "varchar"],
  ["source_codes", "varchar"],
  ["source_names", "varchar"],
  ["source_countries", "varchar"],
  ["target_codes", "varchar"],
  ["target_names", "varchar"],
  ["target_countries", "varchar"],
  ["place_name", "varchar"],
  ["place_country", "varchar"],
  ["lat", "double"],
  ["lon", "double"],
  ["trigger", "varchar"],
  ["trigger_start", "integer"],
  ["trigger_end", "integer"],
  ["rule", "varchar"],
  ["part", "varchar"],
  ["repeats", "varchar"],
  ["confidence", "double"],
  ["sentence_text", "varchar"],
  ["title", "varchar"],
  ["url", "varchar"],
  ["outlet", "varchar"],
  ["coded_at", "varchar"],
] as const satisfies ReadonlyArray<readonly [string, ColumnType]>;

export type RecordColumn = (typeof RECORD_COLUMNS)[number][0];
export type RecordRow = Record<RecordColumn, string | number | null>;

/** Several actors on one side are joined with ";", in the coder's order. */
const join = (actors: readonly Actor[], pick: (a: Actor) => string | null): string | null =>
  actors.length ? actors.map((a) => pick(a) ?? "").join(";") : null;

/** Projects a stored event onto the flat record. */
export function recordRow(e: StoredEvent): RecordRow {
  return {
    gid: e.gid,
    event_id: e.id,
    article_id: e.article.id,
    article_date: e.article.date,
    date: e.date,
    date_text: e.dateText,
    sentence: e.sentence,
    code: e.code,
    base_code: baseCode(e.code),
    root: e.root,
    name: e.name,
    quad: e.quad,
    goldstein: e.goldstein,
    plover_type: e.plover.type,
    plover_mode: e.plover.mode,
    modality: e.modality,
    source_codes: join(e.source, (a) => a.code),
    source_names: join(e.source, (a) => a.name),
    source_countries: join(e.source, (a) => a.country),
    target_codes: join(e.target, (a) => a.code),
    target_names: join(e.target, (a) => a.name),
    target_countries: join(e.target, (a) => a.country),
    place_name: e.place?.name ?? null,
    place_country: e.place?.country ?? null,
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    trigger: e.evidence.trigger,
    trigger_start: e.evidence.start,
    trigger_end: e.evidence.end,
    rule: e.evidence.rule,
    part: e.evidence.part,
    repeats: e.evidence.repeats,
    confidence: e.confidence,
    sentence_text: e.evidence.text,
    title: e.article.title,
    url: e.article.url,
    outlet: e.article.source,
    coded_at: e.codedAt,
  };
}

/** RFC 4180 field: quoted when it holds a comma, quote, or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function recordCsvHeader(): string {
  return csvLine(RECORD_COLUMNS.map(([name]) => name));
}

export function recordCsvLine(e: StoredEvent): string {
  const row = recordRow(e);
  return csvLine(RECORD_COLUMNS.map(([name]) => row[name]));
}

/** The JSON line of our own record: the coder's event with gid, article and coding time. */
export function recordJsonLine(e: StoredEvent): string {
  return `${JSON.stringify(e)}\n`;
}
