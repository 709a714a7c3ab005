// Place names in a Doc: capitalised proper-noun spans looked up in the gazetteer, ambiguity resolved
// by the countries the article names.
import type { Doc, PlaceMention, Token } from "../../core/types.js";
import { type Gazetteer, type GazetteerEntry, normalizeName } from "./gazetteer.js";

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
/** A match inside a longer run of proper nouns ("Kyiv Mayor Vitali Klitschko") needs this many people. */
const PARTIAL_MIN_POPULATION = 100_000;

interface Match {
  tokenStart: number;
  tokenEnd: number;
  candidates: readonly GazetteerEntry[];
}

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** A token that can start or end a place name. */
function nameToken(t: Token): boolean {
  return t.pos === "PROPN" && capitalised(t);
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
  for (const sentence of doc.sentences) {
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      const t = doc.tokens[i];
      if (!nameToken(t)) {
        i++;
        continue;
      }
      const demonym = gazetteer.demonym(normalizeName(t.text));
      const found = longestMatch(doc, i, sentence.tokenEnd, gazetteer);
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

function longestMatch(doc: Doc, i: number, sentenceEnd: number, gazetteer: Gazetteer): Match | null {
  const sentenceStart = doc.sentences[doc.tokens[i].sentence].tokenStart;
  const freeLeft = i === sentenceStart || !nameToken(doc.tokens[i - 1]);
  for (let end = Math.min(i + MAX_TOKENS, sentenceEnd); end > i; end--) {
    const last = doc.tokens[end - 1];
    if (!nameToken(last)) continue;
    let ok = true;
    for (let k = i + 1; k < end - 1; k++) {
      const t = doc.tokens[k];
      if (!nameToken(t) && !CONNECTORS.has(t.lower)) ok = false;
    }
    if (!ok) continue;
    const text = doc.text.slice(doc.tokens[i].start, last.end);
    const all = gazetteer.lookup(normalizeName(text));
    const whole = freeLeft && (end === sentenceEnd || !nameToken(doc.tokens[end]));
    const candidates = all.filter((e) => {
      if (acronym(text) && e.source === "cities") return false;
      if (whole) return true;
      return e.kind !== "city" || e.source === "aliases" || e.population >= PARTIAL_MIN_POPULATION;
    });
    if (candidates.length > 0) return { tokenStart: i, tokenEnd: end, candidates };
  }
  return null;
}

/** The candidate in a country the article names (the most named one), else the first. */
function choose(candidates: readonly GazetteerEntry[], counts: Map<string, number>): GazetteerEntry {
  let best = candidates[0];
  let bestCount = best.country ? (counts.get(best.country) ?? 0) : 0;
  for (const c of candidates) {
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
