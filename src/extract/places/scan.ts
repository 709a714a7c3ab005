// Place names in a Doc: capitalised proper-noun spans looked up in the gazetteer, ambiguity resolved
// by the countries the article names.

import type { Doc, PlaceMention, Token } from "../../core/types.js";
import { words } from "../../knowledge/words.js";
import { CALENDAR_WORDS } from "../../nlp/calendar.js";
import { type Gazetteer, type GazetteerEntry, normalizeName, rank } from "./gazetteer.js";

/** Longest place name tried, in tokens ("Bonaire Sint Eustatius and Saba" is left out). */
const MAX_TOKENS = 5;
/** Lower-case words allowed inside a place name: "Deir al-Balah", "Bosnia and Herzegovina", "Strait of Hormuz". */
const CONNECTORS = new Set([
  "-",
  "al",
  "el",
  "ad",
  "an",
  "ar",
  "as",
  "ash",
  "az",
  "de",
  "del",
  "la",
  "of",
  "and",
  "da",
  "do",
]);
/**
 * A city of the package named inside a longer run of proper nouns ("Kyiv Mayor Vitali Klitschko") needs this
 * many people: smaller ones there are mostly given names ("Vladimir Putin", "Hassan Rouhani").
 */
const PARTIAL_MIN_POPULATION = 1_000_000;
/**
 * A one-word city of the package smaller than this, and no national capital, is a place only after a
 * locative word ("in Hassan", "near Van") or before ", Country": elsewhere such words are mostly surnames
 * ("Obama", "Warren"). Countries and our aliases need no such context.
 */
const FREE_MIN_POPULATION = 1_000_000;
/** Words before a place name that make it one. */
const PLACE_CONTEXT: ReadonlySet<string> = words("place-context");

/** What scanning needs of a name as written: its gazetteer candidates and the country it is the demonym of. */
interface Known {
  candidates: readonly GazetteerEntry[];
  demonym: string | null | undefined;
  /** Whether a longer name can start with this one (asked of one-token names only). */
  continues: boolean | undefined;
}

/** Names already looked up, per gazetteer: normalising and searching the big index cost more than a small map. */
const MEMO_MAX = 50_000;
const memos = new WeakMap<Gazetteer, Map<string, Known>>();

function memoOf(gazetteer: Gazetteer): Map<string, Known> {
  let memo = memos.get(gazetteer);
  if (!memo) {
    memo = new Map();
    memos.set(gazetteer, memo);
  }
  return memo;
}

function known(memo: Map<string, Known>, gazetteer: Gazetteer, text: string): Known {
  let k = memo.get(text);
  if (!k) {
    if (memo.size >= MEMO_MAX) memo.clear();
    k = { candidates: gazetteer.lookup(normalizeName(text)), demonym: undefined, continues: undefined };
    memo.set(text, k);
  }
  return k;
}

function demonymOf(memo: Map<string, Known>, gazetteer: Gazetteer, text: string): string | null {
  const k = known(memo, gazetteer, text);
  if (k.demonym === undefined) k.demonym = gazetteer.demonym(normalizeName(text));
  return k.demonym;
}

interface Match {
  tokenStart: number;
  tokenEnd: number;
  candidates: readonly GazetteerEntry[];
}

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** Words that are places somewhere ("August", Georgia; "God", Hungary) and never in news. */
const NEVER_PLACES: ReadonlySet<string> = new Set(["god", "allah", ...CALENDAR_WORDS]);

/** A token that can start or end a place name. */
function nameToken(t: Token): boolean {
  return t.pos === "PROPN" && capitalised(t) && !NEVER_PLACES.has(t.lower);
}

/** An acronym ("UN", "EU", "NATO") names a place only through a country name or one of our aliases. */
function acronym(text: string): boolean {
  return /^[\p{Lu}.]{2,6}$/u.test(text);
}

export function findPlaces(doc: Doc, gazetteer: Gazetteer): PlaceMention[] {
  const matches: Match[] = [];
  const countryCounts = new Map<string, number>();
  const count = (iso3: string | null): void => {
    if (iso3) countryCounts.set(iso3, (countryCounts.get(iso3) ?? 0) + 1);
  };
  const memo = memoOf(gazetteer);
  const names = new Uint8Array(doc.tokens.length);
  for (let i = 0; i < names.length; i++) names[i] = nameToken(doc.tokens[i]) ? 1 : 0;
  for (const sentence of doc.sentences) {
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      const t = doc.tokens[i];
      if (names[i] === 0) {
        i++;
        continue;
      }
      const demonym = demonymOf(memo, gazetteer, t.text);
      const previous = matches[matches.length - 1];
      const found = longestMatch(doc, names, i, sentence.tokenEnd, gazetteer, memo, previous?.tokenEnd ?? -1);
      if (found) {
        matches.push(found);
        const countries = new Set(found.candidates.map((c) => c.country));
        if (found.candidates[0].kind === "country" || countries.size === 1)
          count(found.candidates[0].country);
        i = found.tokenEnd;
        continue;
      }
      if (demonym) count(demonym);
      i++;
    }
  }
  return matches.map((m) => toMention(doc, m, choose(m.candidates, countryCounts)));
}

function longestMatch(
  doc: Doc,
  names: Uint8Array,
  i: number,
  sentenceEnd: number,
  gazetteer: Gazetteer,
  memo: Map<string, Known>,
  previousEnd: number,
): Match | null {
  const sentenceStart = doc.sentences[doc.tokens[i].sentence].tokenStart;
  const freeLeft = i === sentenceStart || names[i - 1] === 0;
  // A span that starts with this token and a space normalises to the token's own name, a space and more: no
  // name of the gazetteer starts so, unless the token's name is one of its prefixes ("new" of "new york").
  const first = doc.tokens[i];
  let longest = Math.min(i + MAX_TOKENS, sentenceEnd);
  if (longest > i + 1 && /\s/.test(doc.text.charAt(first.end))) {
    const k = known(memo, gazetteer, first.text);
    if (k.continues === undefined) {
      const key = normalizeName(first.text);
      k.continues = key === "" || gazetteer.continues(key);
    }
    if (!k.continues) longest = i + 1;
  }
  for (let end = longest; end > i; end--) {
    const last = doc.tokens[end - 1];
    if (names[end - 1] === 0) continue;
    let ok = true;
    for (let k = i + 1; k < end - 1; k++) {
      if (names[k] === 0 && !CONNECTORS.has(doc.tokens[k].lower)) ok = false;
    }
    if (!ok) continue;
    // A one-token name is the token's own text (the same string each time it occurs).
    const text = end - i === 1 ? last.text : doc.text.slice(doc.tokens[i].start, last.end);
    const all = known(memo, gazetteer, text).candidates;
    if (all.length === 0) continue;
    const whole = freeLeft && (end === sentenceEnd || names[end] === 0);
    const candidates = all.filter((e) => {
      if (e.source !== "cities") return true;
      if (acronym(text)) return false;
      if (!whole) return e.population >= PARTIAL_MIN_POPULATION;
      if (e.capital || e.population >= FREE_MIN_POPULATION || end - i > 1) return true;
      return placeContext(doc, i, end, sentenceEnd, gazetteer, memo, previousEnd);
    });
    if (candidates.length > 0) return { tokenStart: i, tokenEnd: end, candidates };
  }
  return null;
}

/** "in X", "near X", "X, Lebanon", and the second of "in X and Y" when X was a place. */
function placeContext(
  doc: Doc,
  i: number,
  end: number,
  sentenceEnd: number,
  gazetteer: Gazetteer,
  memo: Map<string, Known>,
  previousEnd: number,
): boolean {
  const sentenceStart = doc.sentences[doc.tokens[i].sentence].tokenStart;
  let k = i - 1;
  while (k >= sentenceStart && (doc.tokens[k].pos === "DET" || doc.tokens[k].pos === "ADJ")) k--;
  const prev = k >= sentenceStart ? doc.tokens[k] : null;
  if (prev && PLACE_CONTEXT.has(prev.lower)) return true;
  if (prev && (prev.lower === "and" || prev.lower === "or" || prev.text === ",") && previousEnd === k)
    return true;
  const comma = end < sentenceEnd ? doc.tokens[end] : null;
  const next = end + 1 < sentenceEnd ? doc.tokens[end + 1] : null;
  if (comma?.text === "," && next) {
    const country = known(memo, gazetteer, next.text).candidates[0];
    if (country?.kind === "country") return true;
  }
  return false;
}

/**
 * Among the candidates of the best kind (a country, else our aliases, else the package's cities),
 * the one in the country the article names most; else the first (the most populous).
 */
function choose(candidates: readonly GazetteerEntry[], counts: Map<string, number>): GazetteerEntry {
  let best = candidates[0];
  let bestCount = best.country ? (counts.get(best.country) ?? 0) : 0;
  for (const c of candidates) {
    if (rank(c) !== rank(candidates[0])) continue;
    const n = c.country ? (counts.get(c.country) ?? 0) : 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

function toMention(doc: Doc, m: Match, entry: GazetteerEntry): PlaceMention {
  const first = doc.tokens[m.tokenStart];
  const last = doc.tokens[m.tokenEnd - 1];
  return {
    name: entry.name,
    country: entry.country,
    lat: entry.lat,
    lon: entry.lon,
    text: doc.text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    sentence: first.sentence,
    tokenStart: m.tokenStart,
    tokenEnd: m.tokenEnd,
  };
}
