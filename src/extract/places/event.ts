// The place of an event: a locative phrase attached to the event's clause ("met Sharif in Tehran"),
// never a place named in passing ("the situation in Gaza", "a visit to Tehran").

import { spansWithin } from "../../core/spans.js";
import type { Doc, Place, PlaceMention, Sentence, Token } from "../../core/types.js";
import { clauseIds, clausesOf } from "../../nlp/clauses/query.js";
import { sentenceOf } from "../dates/index.js";

/** Prepositions that say where something happens. "to", "from" and "into" give a destination or origin. */
const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "around",
  "across",
  "throughout",
  "within",
  "along",
  "off",
]);
/** "north of Kyiv", "on the outskirts of Kherson", "off the coast of Yemen". */
const RELATIVE_POSITION = new Set([
  "north",
  "south",
  "east",
  "west",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "outskirts",
  "suburbs",
  "coast",
  "vicinity",
  "heart",
  "centre",
  "center",
]);
/** Nouns that name what kind of place follows or precedes: "the city of Kherson", "Borno state". */
const PLACE_TYPES = new Set([
  "city",
  "town",
  "village",
  "province",
  "state",
  "region",
  "district",
  "county",
  "capital",
  "port",
  "area",
  "governorate",
  "camp",
  "neighbourhood",
  "neighborhood",
  "enclave",
  "territory",
  "strip",
  "oblast",
  "island",
]);
/** Heads whose place belongs to them, not to the event: "the situation in Gaza", "the crimes ... in Gaza". */
const PASSING_HEADS = new Set([
  "situation",
  "crisis",
  "crime",
  "war",
  "conflict",
  "issue",
  "question",
  "regime",
  "development",
  "event",
  "policy",
  "role",
  "presence",
  "position",
  "stance",
  "plight",
  "condition",
  "tension",
  "occupation",
  "aggression",
  "atrocity",
  "genocide",
  "cause",
  "struggle",
  "future",
  "interest",
  "affair",
  "problem",
  "matter",
  "peace",
  "security",
  "stability",
  "escalation",
  "violence",
  "catastrophe",
  "massacre",
  "attack",
  "strike",
  "bombing",
  "killing",
  "offensive",
  "operation",
  "fighting",
  "election",
  "protest",
  "embassy",
]);
const BORDERS = new Set(["border", "frontier", "boundary", "frontline", "front"]);
const NP_INNER = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ"]);

/**
 * Where an event whose words are [tokenStart, tokenEnd) of a sentence (0-based index or object)
 * happened, when the text says so; null otherwise.
 */
export function eventPlace(
  doc: Doc,
  sentence: number | Sentence,
  tokenStart: number,
  tokenEnd: number,
): Place | null {
  const s = sentenceOf(doc, sentence);
  if (!s) return null;
  // Most sentences name no place and no border: nothing to attach, and no clauses to work out.
  const places = spansWithin(doc.places, s.tokenStart, s.tokenEnd);
  const borders = borderNouns(doc, s);
  if (places.length === 0 && borders.length === 0) return null;
  const ids = clauseIds(doc, s);
  const clauses = clausesOf(ids, s, tokenStart, tokenEnd);
  const inClause = (i: number): boolean =>
    i >= s.tokenStart && i < s.tokenEnd && clauses.has(ids[i - s.tokenStart]);
  let predicate = tokenStart;
  for (let i = tokenStart; i < tokenEnd; i++) {
    if (doc.tokens[i].pos === "VERB") {
      predicate = i;
      break;
    }
  }
  const ctx: Context = { doc, s, tokenStart, tokenEnd, predicate, inClause };

  const found: Array<{ at: number; place: Place }> = [];
  for (const p of places) {
    if (!inClause(p.tokenStart)) continue;
    const prep = locativeBefore(doc, s, p.tokenStart);
    if (prep === null || !attached(ctx, prep)) continue;
    found.push({ at: prep, place: withType(doc, s, p) });
  }
  for (const i of borders) {
    if (!inClause(i)) continue;
    const prep = locativeBefore(doc, s, i);
    if (prep === null || !attached(ctx, prep)) continue;
    found.push({ at: prep, place: border(doc, s, prep, i) });
  }
  if (found.length === 0) return null;
  // The locative closest after the trigger; a fronted one ("In Tehran, ...") when there is none after it.
  found.sort((a, b) => rankOf(a.at, predicate) - rankOf(b.at, predicate));
  return found[0].place;
}

/** The tokens of the sentence that are the noun "border" or one of its kin, in order. */
function borderNouns(doc: Doc, s: Sentence): number[] {
  const out: number[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (BORDERS.has(doc.tokens[i].lemma) && doc.tokens[i].pos === "NOUN") out.push(i);
  }
  return out;
}

function rankOf(at: number, predicate: number): number {
  return at >= predicate ? at - predicate : 10_000 + (predicate - at);
}

interface Context {
  doc: Doc;
  s: Sentence;
  tokenStart: number;
  tokenEnd: number;
  predicate: number;
  inClause: (i: number) => boolean;
}

/**
 * The index of the locative preposition that governs the phrase ending just before `at`:
 * "in [the northern city of] X", "[20 km] north of X", "on the outskirts of X", "along the border".
 */
function locativeBefore(doc: Doc, s: Sentence, at: number): number | null {
  let i = at - 1;
  const skipModifiers = (): void => {
    while (i >= s.tokenStart && ["DET", "ADJ", "NUM"].includes(doc.tokens[i].pos)) i--;
  };
  // Modifiers of the place itself: "the Pakistan-India border", "the northern".
  while (
    i >= s.tokenStart &&
    (["DET", "ADJ", "NUM", "PROPN"].includes(doc.tokens[i].pos) || doc.tokens[i].text === "-")
  ) {
    if (LOCATIVE.has(doc.tokens[i].lower)) break;
    i--;
  }
  if (i < s.tokenStart) return null;
  let t = doc.tokens[i];
  if (t.lower === "of") {
    i--;
    if (i < s.tokenStart) return null;
    t = doc.tokens[i];
    if (!(PLACE_TYPES.has(t.lemma) || RELATIVE_POSITION.has(t.lower))) return null;
    const positional = RELATIVE_POSITION.has(t.lower);
    i--;
    skipModifiers();
    if (
      i >= s.tokenStart &&
      doc.tokens[i].pos === "NOUN" &&
      ["km", "kilometre", "kilometer", "mile"].includes(doc.tokens[i].lemma)
    ) {
      i--;
      skipModifiers();
    }
    if (i < s.tokenStart) return positional ? i + 1 : null;
    t = doc.tokens[i];
    if (LOCATIVE.has(t.lower) || t.lower === "on") return i;
    // "fighting north of Kyiv": the direction word itself is the locative.
    return positional && t.pos !== "ADP" ? i + 1 : null;
  }
  return LOCATIVE.has(t.lower) && t.pos === "ADP"
    ? i
    : t.lower === "on" && BORDERS.has(doc.tokens[at]?.lemma ?? "")
      ? i
      : null;
}

/** Whether a locative phrase starting at `prep` belongs to the event's clause rather than to a noun. */
function attached(ctx: Context, prep: number): boolean {
  const { doc, s, predicate } = ctx;
  if (!ctx.inClause(prep)) return false;
  const before = prep > s.tokenStart ? doc.tokens[prep - 1] : null;
  if (prep < predicate) {
    // Only a fronted adjunct ("In Tehran, the Leader met ...") places a later predicate.
    return fronted(doc, s, prep);
  }
  if (before === null || before.pos === "VERB" || before.pos === "AUX" || before.pos === "ADV") return true;
  if (before.text === "," || before.pos === "PRON") return true;
  if (before.pos !== "NOUN" && before.pos !== "PROPN" && before.pos !== "NUM") return before.pos !== "ADP";
  // A noun before the preposition: does the phrase modify that noun or the clause?
  const head = prep - 1;
  let npStart = head;
  while (npStart - 1 >= s.tokenStart && NP_INNER.has(doc.tokens[npStart - 1].pos)) npStart--;
  const beforeNp = npStart - 1 >= s.tokenStart ? doc.tokens[npStart - 1] : null;
  if (beforeNp?.lower === "of") return false;
  if (head >= ctx.tokenStart && head < ctx.tokenEnd) return true;
  if (before.pos === "NOUN" && PASSING_HEADS.has(before.lemma)) return false;
  return true;
}

/** A phrase at the start of its sentence (or after an opening subordinator) followed later by a comma. */
function fronted(doc: Doc, s: Sentence, prep: number): boolean {
  const prev = prep > s.tokenStart ? doc.tokens[prep - 1] : null;
  if (prev !== null && prev.pos !== "SCONJ" && prev.text !== ",") return false;
  for (let i = prep + 1; i < s.tokenEnd && i <= prep + 8; i++) {
    const t: Token = doc.tokens[i];
    if (t.text === ",") return true;
    if (t.pos === "VERB" || t.pos === "AUX") return false;
  }
  return false;
}

/** "Borno state": the type noun after a place name belongs to its text. */
function withType(doc: Doc, s: Sentence, p: PlaceMention): Place {
  let end = p.end;
  const next = p.tokenEnd < s.tokenEnd ? doc.tokens[p.tokenEnd] : null;
  if (next && next.pos === "NOUN" && PLACE_TYPES.has(next.lemma)) end = next.end;
  return {
    name: p.name,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    text: doc.text.slice(p.start, end),
    start: p.start,
    end,
  };
}

/** "along the border", "across the border with Lebanon": a place without coordinates. */
function border(doc: Doc, s: Sentence, prep: number, head: number): Place {
  let first = prep + 1;
  let last = head;
  const next = doc.tokens[head + 1];
  if (next && (next.lower === "with" || next.lower === "between") && head + 2 < s.tokenEnd) {
    last = head + 1;
    for (let k = head + 2; k < s.tokenEnd && k <= head + 6; k++) {
      const t = doc.tokens[k];
      if (t.pos === "PROPN" || t.lower === "and" || t.pos === "DET") last = k;
      else break;
    }
  }
  while (doc.tokens[first].pos === "DET" && first < head) first++;
  const text = doc.text.slice(doc.tokens[prep + 1].start, doc.tokens[last].end);
  return {
    name: doc.text.slice(doc.tokens[first].start, doc.tokens[last].end),
    country: null,
    lat: null,
    lon: null,
    text,
    start: doc.tokens[prep + 1].start,
    end: doc.tokens[last].end,
  };
}
