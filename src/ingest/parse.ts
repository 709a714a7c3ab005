// Pure parsing of article text and records: no I/O, so every rule here is unit-testable.
import { createHash } from "node:crypto";
import { DyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";

/** Default limit on one article's size in bytes; larger ones are refused with E_TOO_LARGE. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const HEADER = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n)?/;
const DATE_IN_NAME = /(\d{4}-\d{2}-\d{2})/;

/** Checks YYYY-MM-DD and that the day exists (no 2025-02-30). */
export function checkDate(value: unknown, origin?: string): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new DyadError("E_BAD_DATE", `expected YYYY-MM-DD, got ${JSON.stringify(value)}`, origin);
  }
  const [y, m, d] = value.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1800) {
    throw new DyadError("E_BAD_DATE", `${value} is not a day of the calendar`, origin);
  }
  return value;
}

/** A stable id from the content: the same date and text always give the same id. */
export function contentId(date: string, text: string): string {
  return createHash("sha256").update(date).update("\n").update(text).digest("hex").slice(0, 16);
}

/** Hash of the body alone, used by the store to recognise an article already seen. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences. */
export function decodeText(bytes: Uint8Array, origin: string): string {
  if (bytes.includes(0)) throw new DyadError("E_BINARY", "it contains NUL bytes", origin);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch (e) {
    throw new DyadError("E_UTF8", undefined, origin, { cause: e });
  }
}

export interface TextOptions {
  /** Date from the command line; used when the text has no header. */
  date?: string;
  /** File name, searched for a YYYY-MM-DD when neither header nor option gives a date. */
  fileName?: string;
  maxBytes?: number;
  id?: string;
}

/**
 * Reads the reference format ("date YYYY-MM-DD" header, then the body) or plain text.
 * The header is not part of the body.
 */
export function parseText(raw: string, origin: string, options: TextOptions = {}): Article {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (Buffer.byteLength(raw, "utf8") > maxBytes) {
    throw new DyadError("E_TOO_LARGE", `more than ${maxBytes} bytes`, origin);
  }
  let date: string | undefined;
  let text = raw;
  const header = HEADER.exec(raw);
  if (header) {
    date = checkDate(header[1], origin);
    text = raw.slice(header[0].length);
  } else if (options.date) {
    date = checkDate(options.date, origin);
  } else if (options.fileName) {
    const m = DATE_IN_NAME.exec(options.fileName);
    if (m) date = checkDate(m[1], origin);
  }
  text = text.replace(/^\s+/, "").replace(/\s+$/, "");
  if (text === "") throw new DyadError("E_EMPTY", undefined, origin);
  if (!date) throw new DyadError("E_NO_DATE", undefined, origin);
  return { id: options.id ?? contentId(date, text), date, text, origin };
}

/** Reads one JSONL record: id, date and text required; title, url, source optional; the rest ignored. */
export function parseRecord(line: string, origin: string, options: { maxBytes?: number } = {}): Article {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (Buffer.byteLength(line, "utf8") > maxBytes) {
    throw new DyadError("E_TOO_LARGE", `more than ${maxBytes} bytes`, origin);
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new DyadError("E_JSONL", e instanceof Error ? e.message : String(e), origin);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new DyadError("E_JSONL", "the line is not a JSON object", origin);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== "string") throw new DyadError("E_FIELD", "'text' must be a string", origin);
  if (record.date === undefined) throw new DyadError("E_NO_DATE", "the record has no 'date'", origin);
  const date = checkDate(record.date, origin);
  const text = record.text.trim();
  if (text === "") throw new DyadError("E_EMPTY", undefined, origin);
  let id: string;
  if (record.id === undefined || record.id === null || record.id === "") id = contentId(date, text);
  else if (typeof record.id === "string" || typeof record.id === "number") id = String(record.id);
  else throw new DyadError("E_FIELD", "'id' must be a string or a number", origin);
  const article: Article = { id, date, text, origin };
  for (const key of ["title", "url", "source"] as const) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw new DyadError("E_FIELD", `'${key}' must be a string`, origin);
    article[key] = v;
  }
  return article;
}
