// Reader for PETRARCH/TABARI actor dictionaries: phrases, +synonyms, codes with date restrictions.
import type { DyadError } from "../../core/errors.js";
import { ErrorSink, phraseWordsOf, type ReadOptions, sourceLines } from "./lines.js";

export interface ActorCode {
  /** Upper-case actor code (`ARN`, `HOBGOV`); `---` where the dictionary says the phrase gives no actor. */
  code: string;
  /** First day the code holds, YYYY-MM-DD, or null. */
  from: string | null;
  /** Last day the code holds, YYYY-MM-DD, or null. */
  to: string | null;
  line: number;
}

export interface ActorEntry {
  /** The phrase and its synonyms, lower-case words, the main phrase first. */
  phrases: { words: string[]; line: number }[];
  codes: ActorCode[];
  line: number;
}

export interface ActorDictionary {
  file: string;
  entries: ActorEntry[];
  errors: DyadError[];
}

/** YYYYMMDD or TABARI's YYMMDD (years before 30 are 20YY) as YYYY-MM-DD; null when impossible. */
export function dictDate(s: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    rest = s.slice(4);
  } else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy < 30 ? 2000 + yy : 1900 + yy;
    rest = s.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2));
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

function shift(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const CODE = /^(?:[A-Za-z0-9]+|---|\+\+\+|###)$/;

/** Reads `CODE`, `CODE <DATE`, `CODE >DATE`, `CODE DATE-DATE` (inside the brackets); a string is an error. */
export function parseActorCode(inner: string, line: number): ActorCode[] | string {
  const m = /^\s*(\S+?)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$/.exec(inner);
  if (!m) return `cannot read the code '[${inner}]'`;
  const codes = m[1].split("/");
  if (codes.some((c) => !CODE.test(c))) return `bad actor code '${m[1]}'`;
  let from: string | null = null;
  let to: string | null = null;
  if (m[2]) {
    const d = dictDate(m[3]);
    if (!d) return `bad date '${m[3]}' (YYYYMMDD or YYMMDD)`;
    // `<D`: before D; `>D`: after D.
    if (m[2] === "<") to = shift(d, -1);
    else from = shift(d, 1);
  } else if (m[4]) {
    from = dictDate(m[4]);
    to = dictDate(m[5]);
    if (!from || !to) return `bad date range '${m[4]}-${m[5]}' (YYYYMMDD or YYMMDD)`;
    if (to < from) return `the range ${m[4]}-${m[5]} ends before it starts`;
  }
  return codes.map((c) => ({ code: c.toUpperCase(), from, to, line }));
}

const PHRASE = /^[A-Za-z0-9'.,&/_ -]+$/;

/** Reads an actor dictionary. Errors name the file and line; with `lenient`, bad lines are skipped and listed. */
export function readActorDictionary(text: string, file: string, options: ReadOptions = {}): ActorDictionary {
  const sink = new ErrorSink(file, options);
  const entries: ActorEntry[] = [];
  let current: ActorEntry | null = null;
  const finish = () => {
    if (current && current.codes.length === 0) sink.report(current.line, `the actor has no [code]`);
    else if (current) entries.push(current);
    current = null;
  };
  for (const { line, text: s, indented } of sourceLines(text)) {
    const t = s.trim();
    if (t === "" || t.startsWith("<")) continue;
    const codeParts = [...t.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const before = t.replace(/\[[^\]]*\].*$/, "").trim();
    if (/[[\]]/.test(t.replace(/\[[^\]]*\]/g, ""))) {
      sink.report(line, `unbalanced '[' or ']' in '${t}'`);
      continue;
    }
    const readCodes = (entry: ActorEntry): boolean => {
      for (const inner of codeParts) {
        const c = parseActorCode(inner, line);
        if (typeof c === "string") {
          sink.report(line, c);
          return false;
        }
        entry.codes.push(...c);
      }
      return true;
    };
    if (before === "") {
      // A continuation line: more codes for the phrase above.
      if (!current) {
        sink.report(line, `a code line with no actor phrase above it`);
        continue;
      }
      readCodes(current);
      continue;
    }
    if (before.startsWith("+")) {
      const words = phraseWordsOf(before.slice(1));
      if (!current) sink.report(line, `a synonym with no actor phrase above it`);
      else if (words.length === 0 || !PHRASE.test(before.slice(1)))
        sink.report(line, `bad synonym '${before}'`);
      else {
        current.phrases.push({ words, line });
        readCodes(current);
      }
      continue;
    }
    if (indented && current && codeParts.length === 0) {
      sink.report(line, `an indented line holds codes only, got '${t}'`);
      continue;
    }
    finish();
    if (!PHRASE.test(before)) {
      sink.report(line, `bad actor phrase '${before}'`);
      continue;
    }
    const entry: ActorEntry = { phrases: [{ words: phraseWordsOf(before), line }], codes: [], line };
    if (readCodes(entry)) current = entry;
  }
  finish();
  return { file, entries, errors: sink.errors };
}
