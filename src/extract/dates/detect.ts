// Date expressions of one sentence: chrono-node's findings, corrected for news, plus years and periods.
import type { ParsedComponents, ParsedResult } from "chrono-node";
// The English locale alone: the package's root module loads all of its 16 locales (about 85 ms more).
import { casual } from "chrono-node/en";
import type { DateMention, Doc, Sentence } from "../../core/types.js";
import { clauseIds } from "../../nlp/clauses/query.js";
import {
  dayNumber,
  formatDay,
  fromParts,
  lastDayOf,
  monthDayNear,
  monthNear,
  pad2,
  partsOf,
  weekdayOnOrAfter,
  weekdayOnOrBefore,
  weekStart,
} from "./calendar.js";

/**
 * chrono is the slowest step of the pipeline: it runs only on sentences with a word that contains one of
 * these (weekdays, months, casual days, units of time) or with a numeric date ("2025-05-26", "26/5/2025"),
 * and only over the words around them.
 */
const ANCHOR_WORD =
  /\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|today|tonight|yesterday|tomorrow|week|month|year|decade|\bago\b|morning|afternoon|evening|night/i;
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/;
/**
 * Words that chrono reads around its anchors: enough for the longest expression it finds in news ("about
 * two and a half years ago", "on Monday, May 26, 2025 at 3 p.m.").
 */
const CHRONO_REACH = 8;
/** Whether each spelling is an anchor, kept across articles (bounded, like every per-spelling table). */
const anchorWords = new Map<string, boolean>();
const ANCHOR_WORDS_MAX = 50_000;

function anchorWord(text: string): boolean {
  let a = anchorWords.get(text);
  if (a === undefined) {
    if (anchorWords.size >= ANCHOR_WORDS_MAX) anchorWords.clear();
    a = ANCHOR_WORD.test(text);
    anchorWords.set(text, a);
  }
  return a;
}

/** The character range of a sentence that chrono must read, or null when it has nothing to find there. */
function chronoRange(doc: Doc, sentence: Sentence, text: string): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    if (!anchorWord(doc.tokens[i].text)) continue;
    if (first === -1) first = i;
    last = i;
  }
  if (NUMERIC_DATE.test(text)) return [sentence.start, sentence.end];
  if (first === -1) return null;
  const from = Math.max(sentence.tokenStart, first - CHRONO_REACH);
  const to = Math.min(sentence.tokenEnd - 1, last + CHRONO_REACH);
  return [doc.tokens[from].start, doc.tokens[to].end];
}

/**
 * What chrono finds in a sentence (text: the sentence's own), read from the words around its anchors against
 * the article date, with where the text it read starts; null when the sentence has nothing for it. The
 * bench's floor probe calls chrono exactly as the detector does, through this.
 */
export function chronoFindings(
  doc: Doc,
  sentence: Sentence,
  text: string,
  ref: Reference,
): { from: number; results: ParsedResult[] } | null {
  const range = chronoRange(doc, sentence, text);
  if (range === null) return null;
  const results = casual.parse(doc.text.slice(range[0], range[1]), {
    instant: new Date(ref.day * 86_400_000 + 12 * 3_600_000),
    timezone: 0,
  });
  return { from: range[0], results };
}

/** Years and periods need a year in the text. */
const YEAR_ANCHOR = /\b(1[5-9]|20)\d\d/;

/** A period or day lying more than this many days before the article counts as history. */
const HISTORY_DAYS = 366;

export interface Reference {
  /** The article date as a day number. */
  day: number;
}

/** Finds and resolves the date expressions of a sentence against the article date. */
export function datesInSentence(doc: Doc, sentence: Sentence, ref: Reference): DateMention[] {
  const text = doc.text.slice(sentence.start, sentence.end);
  const out: DateMention[] = [];
  let ids: Int32Array | null = null;
  const future = (charStart: number): boolean => {
    ids ??= clauseIds(doc, sentence);
    return futureContext(doc, sentence, ids, tokenAt(doc, sentence, charStart));
  };
  const chrono = chronoFindings(doc, sentence, text, ref);
  if (chrono) {
    for (const r of chrono.results) {
      const mention = fromChrono(doc, sentence, chrono.from, r, ref, future);
      if (mention) out.push(mention);
    }
  }
  if (!YEAR_ANCHOR.test(text)) return out.sort((a, b) => a.start - b.start);
  for (const p of periods(doc, sentence, ref)) {
    if (!out.some((m) => m.start < p.end && p.start < m.end)) out.push(p);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words that may open a date expression before a number ("on 9 June", "some 18 years ago"). */
const DATE_LEADS = new Set([
  "on",
  "in",
  "at",
  "by",
  "since",
  "about",
  "around",
  "some",
  "nearly",
  "almost",
  "over",
  "until",
  "from",
  "the",
  "late",
  "early",
  "mid",
]);

const VAGUE = /\b(past|recent|coming|last|next|few|several|many)\b.*\b(days|weeks|months|years|decades)$/i;
const SMALL_UNITS = /\b(second|seconds|minute|minutes|moment|hour|hours)\b/i;
const ANAPHORIC = /\b(after|later|before|earlier|following|previous|next day)$/i;
const RELATIVE_WORDS = /\b(last|next|this|previous|coming|past)\b/i;
const LOCATIVE_PREPS = new Set([
  "in",
  "since",
  "by",
  "until",
  "till",
  "through",
  "during",
  "from",
  "to",
  "of",
  "before",
  "after",
  "early",
  "late",
  "mid",
  "between",
  "and",
  "throughout",
]);

function fromChrono(
  doc: Doc,
  sentence: Sentence,
  /** Where the text that chrono read starts. */
  origin: number,
  r: ParsedResult,
  ref: Reference,
  future: (charStart: number) => boolean,
): DateMention | null {
  let start = origin + r.index;
  let end = start + r.text.length;
  // chrono's text may carry a trailing comma ("on Saturday,") or a word before a number ("them 18 years ago").
  while (end > start && /[\s,;:.]/.test(doc.text[end - 1])) end--;
  const stray = /^([a-z]+)\s+(?=\d)/.exec(doc.text.slice(start, end));
  if (stray && !DATE_LEADS.has(stray[1])) start += stray[0].length;
  const text = doc.text.slice(start, end);
  const lower = text.toLowerCase();
  const s = r.start;
  const tags = r.tags();
  // chrono's false positives in news prose.
  if (tags.has("casualReference/now") || /^(right )?now$/i.test(text)) return null;
  if (VAGUE.test(lower) || SMALL_UNITS.test(lower)) return null;
  // "for two years", "within a week": durations, not dates.
  if (/^(for|within|over)\b/i.test(lower)) return null;
  if (ANAPHORIC.test(lower) && !/\bago$/i.test(lower)) return null;
  if (/^\d{1,2}[/.]\d{1,2}$/.test(text)) return null;
  const dateKnown = (["day", "weekday", "month", "year"] as const).some((k) => s.isCertain(k));
  const casualDay =
    tags.has("casualReference/today") || /^(today|tonight|this (morning|afternoon|evening))$/i.test(lower);
  const thisWeek = /^this week$/i.test(lower);
  if (!dateKnown && !casualDay && !thisWeek) return null;
  if (s.isCertain("month") && !s.isCertain("day") && !s.isCertain("year") && !s.isCertain("weekday")) {
    if (!monthWordOk(doc, sentence, start, end)) return null;
  }

  // Widen the text to the words that belong to the expression: "on March 3", "earlier this month".
  const before = doc.text.slice(sentence.start, start);
  const lead = /\b(on|earlier|later|early|late|mid-?)\s*$/i.exec(before);
  if (lead && !/^on\b/i.test(text)) start -= lead[0].length;
  const fullText = doc.text.slice(start, end);

  const resolved = resolve(s, r.end ?? null, lower, ref, () => future(start));
  if (!resolved) return null;
  return {
    sentence: sentence.index,
    text: fullText,
    start,
    end,
    ...resolved,
    historical: isHistorical(resolved, ref),
  };
}

/** A bare month name is a date only when capitalised, not a verb, and after a preposition ("in March"). */
function monthWordOk(doc: Doc, sentence: Sentence, start: number, end: number): boolean {
  const i = tokenAt(doc, sentence, start);
  const t = doc.tokens[i];
  if (!/^[A-Z]/.test(t.text) || t.pos === "VERB" || t.pos === "AUX") return false;
  if (t.end < end) return true;
  const prev = i > sentence.tokenStart ? doc.tokens[i - 1] : null;
  return prev !== null && LOCATIVE_PREPS.has(prev.lower);
}

type Resolution = Pick<DateMention, "date" | "from" | "to">;

function resolve(
  s: ParsedComponents,
  end: ParsedComponents | null,
  lower: string,
  ref: Reference,
  isFuture: () => boolean,
): Resolution | null {
  const first = resolveOne(s, lower, ref, isFuture);
  if (!first || !end) return first;
  const last = resolveOne(end, lower, ref, isFuture);
  if (!last) return first;
  const from = first.date ?? first.from;
  const to = last.date ?? last.to;
  if (!from || !to) return first;
  return { date: null, from, to };
}

function resolveOne(
  s: ParsedComponents,
  lower: string,
  ref: Reference,
  isFuture: () => boolean,
): Resolution | null {
  const certain = (k: "day" | "month" | "year" | "weekday"): boolean => s.isCertain(k);
  const year = s.get("year") ?? 0;
  const month = s.get("month") ?? 0;
  const day = s.get("day") ?? 0;
  if (/\b(last|this|next|previous|past) week$/.test(lower) && !certain("weekday")) {
    // A week runs Monday to Sunday; "this week" stops at the article date.
    const monday = weekStart(ref.day);
    if (/\bthis week$/.test(lower)) return { date: null, from: formatDay(monday), to: formatDay(ref.day) };
    const from = /\bnext week$/.test(lower) ? monday + 7 : monday - 7;
    return { date: null, from: formatDay(from), to: formatDay(from + 6) };
  }
  if (certain("day") && certain("month") && certain("year")) {
    const n = fromParts(year, month, day);
    return n === null ? null : { date: formatDay(n) };
  }
  if (certain("day") && certain("month")) {
    const n = monthDayNear(ref.day, month, day, isFuture());
    return n === null ? null : { date: formatDay(n) };
  }
  if (certain("weekday")) {
    const weekday = s.get("weekday") ?? 0;
    if (RELATIVE_WORDS.test(lower)) {
      // "last Monday", "next Friday", "Thursday last week": chrono reads these modifiers right.
      const n = fromParts(year, month, day);
      return n === null ? null : { date: formatDay(n) };
    }
    const n = isFuture() ? weekdayOnOrAfter(ref.day, weekday) : weekdayOnOrBefore(ref.day, weekday);
    return { date: formatDay(n) };
  }
  if (certain("month")) {
    const m = certain("year") ? { year, month } : monthNear(ref.day, month, isFuture());
    const period = `${m.year}-${pad2(m.month)}`;
    return { date: null, from: period, to: period };
  }
  if (certain("year")) return { date: null, from: String(year), to: String(year) };
  // today, tonight, this morning: the article's own day.
  return { date: formatDay(ref.day) };
}

function isHistorical(r: Resolution, ref: Reference): boolean {
  const last = r.date ? dayNumber(r.date) : r.to ? lastDayOf(r.to) : null;
  return last !== null && last < ref.day - HISTORY_DAYS;
}

const YEAR = "(1[5-9]\\d\\d|20\\d\\d)";
const PERIOD_PATTERNS: ReadonlyArray<{ re: RegExp; kind: "range" | "decade" | "year" }> = [
  {
    re: new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|till|through)\\s+${YEAR}\\b`, "g"),
    kind: "range",
  },
  {
    re: new RegExp(
      `(?:\\b(?:in|during|from|of|between|throughout)\\s+)?\\b${YEAR}\\s*(?:-|–|—|to)\\s*(\\d\\d(?:\\d\\d)?)\\b`,
      "g",
    ),
    kind: "range",
  },
  {
    re: /(?:\b(?:in|during|of|since|throughout)\s+)?\bthe\s+(?:(?:early|mid|late)[- ])?(1[5-9]\d0|20\d0)s\b/g,
    kind: "decade",
  },
  {
    re: new RegExp(
      `\\b(?:in|since|during|by|until|till|before|after|from|of|throughout)\\s+(?:(?:early|mid|late)[- ]?)?${YEAR}\\b`,
      "g",
    ),
    kind: "year",
  },
];

/** Years and periods chrono misses: "(in 1980-88)", "in 1980–1988", "in 2019", "during the 1990s". */
export function periods(doc: Doc, sentence: Sentence, ref: Reference): DateMention[] {
  const text = doc.text.slice(sentence.start, sentence.end);
  const out: DateMention[] = [];
  const refYear = partsOf(ref.day).year;
  for (const { re, kind } of PERIOD_PATTERNS) {
    // matchAll works on a copy: the shared pattern's lastIndex is never touched.
    for (const m of text.matchAll(re)) {
      let start = sentence.start + m.index;
      let end = start + m[0].length;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      if (followedByCountNoun(doc, sentence, end)) continue;
      let from: number;
      let to: number;
      if (kind === "range") {
        from = Number(m[1]);
        to = expandYear(from, m[2]);
        if (to < from || to - from > 100) continue;
      } else if (kind === "decade") {
        from = Number(m[1]);
        to = from + 9;
      } else {
        from = Number(m[1]);
        to = /^since\b/i.test(m[0]) ? refYear : from;
      }
      if (from > refYear + 50) continue;
      // "(in 1980-88)": a parenthesis that holds only the period belongs to it.
      if (doc.text[start - 1] === "(" && doc.text[end] === ")") {
        start--;
        end++;
      }
      const r: Resolution = { date: null, from: String(from), to: String(to) };
      out.push({
        sentence: sentence.index,
        text: doc.text.slice(start, end),
        start,
        end,
        ...r,
        historical: isHistorical(r, ref),
      });
    }
  }
  return out;
}

function expandYear(from: number, to: string): number {
  if (to.length === 4) return Number(to);
  const century = Math.floor(from / 100) * 100;
  const candidate = century + Number(to);
  return candidate < from ? candidate + 100 : candidate;
}

/** "by 2000 votes": a number, not a year. */
function followedByCountNoun(doc: Doc, sentence: Sentence, end: number): boolean {
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = doc.tokens[i];
    if (t.start >= end) return t.pos === "NOUN" && t.lemma !== t.lower;
  }
  return false;
}

/** Index of the token that holds (or follows) a character offset, within the sentence. */
export function tokenAt(doc: Doc, sentence: Sentence, charStart: number): number {
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    if (doc.tokens[i].end > charStart) return i;
  }
  return sentence.tokenEnd - 1;
}

const FUTURE_AUX = new Set(["will", "shall", "'ll", "wo", "would"]);
const FUTURE_ADJ = new Set(["next", "upcoming", "coming"]);
const FUTURE_BEFORE_TO = new Set([
  "due",
  "set",
  "expected",
  "scheduled",
  "slated",
  "poised",
  "going",
  "plan",
  "plans",
  "planned",
  "planning",
  "intends",
  "intend",
]);

/** Whether the clause holding a token speaks of the future: will, to be, next, is due to, plans to ... */
export function futureContext(doc: Doc, sentence: Sentence, ids: Int32Array, token: number): boolean {
  const clause = ids[token - sentence.tokenStart];
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    if (ids[i - sentence.tokenStart] !== clause) continue;
    const t = doc.tokens[i];
    const next = doc.tokens[i + 1];
    if (t.pos === "AUX" && FUTURE_AUX.has(t.lower)) {
      if (t.lower === "would" && next?.lower === "have") continue;
      return true;
    }
    if (FUTURE_ADJ.has(t.lower) && t.pos === "ADJ") return true;
    if (next?.lower === "to" && FUTURE_BEFORE_TO.has(t.lower)) return true;
    // "is to visit", "is to be held": be + to + verb.
    const after = doc.tokens[i + 2];
    if (t.lemma === "be" && next?.lower === "to" && (after?.pos === "VERB" || after?.pos === "AUX"))
      return true;
  }
  return false;
}
