// The quotes component: who said what. Direct quotes in quotation marks and indirect speech,
// each with its cue, its speaker (through the actors component's coreference) and its offsets.
import { startingIn } from "../../core/spans.js";
import type { Doc, Mention, Quote, Sentence, Token } from "../../core/types.js";
import { BARE_COMPLEMENT_CUES, EXPRESS_CUES, isCueVerb, PRAISE_CUES } from "../../knowledge/speech.js";
import { clauseAt, clauseOfPredicate, layerOf } from "../../nlp/clauses/query.js";
import type { Component } from "../../pipeline/index.js";
import { mentionOfHead } from "../actors/actor.js";
import { findQuotations, type Quotation, type Segment } from "./marks.js";
import { indexMentions, type MentionIndex, mentionAfter, speakerActor } from "./speaker.js";

export { BARE_COMPLEMENT_CUES, CUE_VERBS, EXPRESS_CUES, PRAISE_CUES } from "../../knowledge/speech.js";
export { findQuotations, type Quotation, type Segment } from "./marks.js";

/** Quotations shorter than this, inside a sentence and away from a cue, are scare quotes. */
const EMBEDDED_MIN_WORDS = 6;
/** A quotation that opens its sentence without a cue of its own continues the last speaker within this many sentences. */
const CONTINUATION_SENTENCES = 2;

/** Builds the `quotes` component: reads tokens, sentences, the parse and clauses, mentions and coreference; writes doc.quotes. */
export function createQuotesComponent<C = unknown>(): Component<C> {
  return {
    name: "quotes",
    reads: ["tokens", "sentences", "parse", "clauses", "mentions", "coref"],
    writes: ["quotes"],
    run(doc: Doc): Doc {
      return { ...doc, quotes: findQuotes(doc) };
    },
  };
}

interface Mentions {
  byEnd: MentionIndex;
  byStart: MentionIndex;
}

interface Found {
  quote: Quote;
  /** Tokens of the cue, so that indirect speech does not claim it again. */
  cueTokens: number[];
  speaker: Mention | null;
}

/**
 * Every quote of a Doc, in text order. start and end point into the article; the text of a direct quote
 * split around its cue or running over paragraphs joins its parts with a space, marks and cue left out.
 */
export function findQuotes(doc: Doc): Quote[] {
  const mentions = indexMentions(doc);
  const tokenAt = tokenLocator(doc);
  const quotations = findQuotations(doc.text);
  const direct = directQuotes(doc, quotations, mentions, tokenAt);
  const usedCues = new Set(direct.flatMap((f) => f.cueTokens));
  // Tokens inside quotation marks (of real quotes) are not searched for indirect speech.
  // Marked once: asking every quote for every token made long articles quadratic (issue 19).
  const inQuote = new Uint8Array(doc.tokens.length);
  for (const f of direct) {
    if (f.quote.kind !== "direct" || doc.tokens.length === 0) continue;
    for (let i = tokenAt(f.quote.start); i < doc.tokens.length && doc.tokens[i].start < f.quote.end; i++) {
      const t = doc.tokens[i];
      if (t.start >= f.quote.start && t.end <= f.quote.end) inQuote[i] = 1;
    }
  }
  const quoted = (i: number): boolean => inQuote[i] === 1;
  const indirect: Found[] = [];
  for (const sentence of doc.sentences) {
    indirect.push(...indirectQuotes(doc, sentence, mentions, usedCues, quoted));
  }
  // Longer quotations inside a sentence that no indirect quote covers: "called it “a cowardly act ...”".
  const embedded = embeddedQuotes(doc, quotations, tokenAt, [...direct, ...indirect]);
  return [...direct, ...indirect, ...embedded]
    .map((f) => f.quote)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Index of the first token ending after a character offset. */
function tokenLocator(doc: Doc): (offset: number) => number {
  return (offset: number): number => {
    let lo = 0;
    let hi = doc.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.tokens[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, doc.tokens.length - 1);
  };
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

function quotationText(doc: Doc, q: Quotation): string {
  return q.parts.map((p) => doc.text.slice(p.start, p.end)).join(" ");
}

interface Cue {
  token: number;
  speaker: Mention | null;
}

/** Direct quotes: quotations attached to a cue, or opening a sentence after a quote of the same speaker. */
function directQuotes(
  doc: Doc,
  quotations: Quotation[],
  mentions: Mentions,
  tokenAt: (offset: number) => number,
): Found[] {
  const out: Found[] = [];
  const joined = joinSplitQuotes(doc, quotations, tokenAt);
  for (const { quotation, gapCue } of joined) {
    const parts = quotation.parts;
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first.end <= first.start) continue;
    const openToken = tokenAt(first.open);
    const sentence = doc.sentences[doc.tokens[openToken].sentence];
    const cue = gapCue ?? cueAfter(doc, last, tokenAt, mentions) ?? cueBefore(doc, openToken);
    const startsSentence = openToken === sentence.tokenStart || paragraphStart(doc.text, first.open);
    const text = quotationText(doc, quotation);
    let speaker: Mention | null = cue?.speaker ?? null;
    let cueText = cue ? doc.tokens[cue.token].text : "";
    if (!cue) {
      if (!startsSentence || words(text) < 3) continue;
      // A quotation standing alone continues the quote just before it.
      const previous = out[out.length - 1];
      if (previous && sentence.index + 1 - previous.quote.sentence <= CONTINUATION_SENTENCES) {
        speaker = previous.speaker;
        cueText = previous.quote.cue;
      }
    }
    out.push({
      quote: {
        speaker: speaker ? speakerActor(doc, speaker) : null,
        cue: cueText,
        kind: "direct",
        text,
        start: first.start,
        end: last.end,
        sentence: doc.tokens[tokenAt(first.start)].sentence + 1,
      },
      cueTokens: cue ? [cue.token] : [],
      speaker,
    });
  }
  return out;
}

function paragraphStart(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 200), offset);
  return /(^|\n)\s*$/.test(before);
}

/**
 * Joins quotations split around their cue into one: "“We will never accept it,” he said, “not now.”"
 * The cue between the parts is kept for the joined quote.
 */
function joinSplitQuotes(
  doc: Doc,
  quotations: Quotation[],
  tokenAt: (offset: number) => number,
): Array<{ quotation: Quotation; gapCue: Cue | null }> {
  const out: Array<{ quotation: Quotation; gapCue: Cue | null }> = [];
  for (const q of quotations) {
    const prev = out[out.length - 1];
    const prevLast = prev?.quotation.parts[prev.quotation.parts.length - 1];
    if (prev && prevLast && prevLast.close !== null) {
      const gap = doc.text.slice(prevLast.close + 1, q.parts[0].open);
      const endsWithComma = /,\s*$/.test(doc.text.slice(prevLast.start, prevLast.end));
      if (endsWithComma && /^\s*[^.!?\n"“”]{1,80},\s*$/.test(gap)) {
        const from = tokenAt(prevLast.close + 1);
        const to = tokenAt(q.parts[0].open);
        const cue = cueInGap(doc, from, to);
        if (cue !== null) {
          prev.quotation = { parts: [...prev.quotation.parts, ...q.parts] };
          prev.gapCue = prev.gapCue ?? cue;
          continue;
        }
      }
    }
    out.push({ quotation: q, gapCue: null });
  }
  return out;

  function cueInGap(d: Doc, from: number, to: number): Cue | null {
    for (let k = from; k < to; k++) {
      if (isCueVerb(d.tokens[k])) {
        const s = d.sentences[d.tokens[k].sentence];
        const after = mentionAfterIn(d, k, to);
        return { token: k, speaker: after ?? mentionBefore(d, s, k, from) };
      }
    }
    return null;
  }
}

/**
 * The cue after a closing mark: "...,” Ayatollah Khamenei stated." or "...,” said Khamenei."
 * The quote must end its clause: a comma (or ! or ?) inside the marks or right after them.
 */
function cueAfter(
  doc: Doc,
  last: Segment,
  tokenAt: (offset: number) => number,
  mentions: Mentions,
): Cue | null {
  if (last.close === null) return null;
  const closeToken = tokenAt(last.close);
  const sentence = doc.sentences[doc.tokens[closeToken].sentence];
  let k = closeToken + 1;
  const commaAfter = k < sentence.tokenEnd && doc.tokens[k].text === ",";
  if (!commaAfter && !/[,!?]$/.test(doc.text.slice(last.start, last.end))) return null;
  if (commaAfter) k++;
  // "said X" or "X [also] said": the speaker's words hold no verb.
  const limit = Math.min(sentence.tokenEnd, k + 8);
  for (let c = k; c < limit; c++) {
    const t = doc.tokens[c];
    if (isCueVerb(t)) {
      const between = mentionBefore(doc, sentence, c, k);
      const after = mentionAfter(sentence, c, mentions);
      return { token: c, speaker: between ?? after };
    }
    if (t.pos === "VERB" || t.pos === "PUNCT" || t.pos === "SCONJ") break;
  }
  return null;
}

/** The cue before an opening mark: "X said, “...", "X told reporters: “...", "and stated, “...". */
function cueBefore(doc: Doc, openToken: number): Cue | null {
  const sentence = doc.sentences[doc.tokens[openToken].sentence];
  const k = openToken - 1;
  if (k < sentence.tokenStart) return null;
  if (doc.tokens[k].text !== "," && doc.tokens[k].text !== ":") return null;
  for (let c = k - 1; c >= sentence.tokenStart && c >= k - 6; c--) {
    const t = doc.tokens[c];
    if (t.text === "”" || t.text === '"') break;
    if (isCueVerb(t)) return { token: c, speaker: subjectOf(doc, c) };
  }
  return null;
}

/** The mention that ends just before a cue, searched back to `from`. */
function mentionBefore(doc: Doc, sentence: Sentence, cue: number, from: number): Mention | null {
  let i = cue - 1;
  while (i >= from && (doc.tokens[i].pos === "ADV" || doc.tokens[i].pos === "AUX")) i--;
  const m = startingIn(doc.mentions, Math.max(from, sentence.tokenStart), i + 1)
    .filter((x) => x.tokenEnd === i + 1)
    .sort((a, b) => a.tokenStart - b.tokenStart)[0];
  return m ?? null;
}

function mentionAfterIn(doc: Doc, cue: number, to: number): Mention | null {
  const m = startingIn(doc.mentions, cue + 1, cue + 2)
    .filter((x) => x.tokenEnd <= to)
    .sort((a, b) => b.tokenEnd - a.tokenEnd)[0];
  return m ?? null;
}

/** Indirect speech in one sentence: "X noted that C", "X said C", "C, X added.", "X expressed regret that C". */
function indirectQuotes(
  doc: Doc,
  sentence: Sentence,
  mentions: Mentions,
  usedCues: Set<number>,
  quoted: (i: number) => boolean,
): Found[] {
  const out: Found[] = [];
  const { tokenStart, tokenEnd } = sentence;
  for (let c = tokenStart; c < tokenEnd; c++) {
    if (usedCues.has(c) || quoted(c)) continue;
    const t = doc.tokens[c];
    let content: [number, number] | null = null;
    let cueEnd = c + 1;
    let inverted = false;
    if (isCueVerb(t)) {
      content = complementOf(doc, sentence, c);
      if (!content) {
        content = invertedContent(doc, sentence, c, mentions);
        inverted = content !== null;
      }
    } else if (t.lemma === "express" && t.pos === "VERB") {
      const noun = doc.tokens[c + 1];
      if (noun && EXPRESS_CUES.has(noun.lemma) && doc.tokens[c + 2]?.lower === "that") {
        cueEnd = c + 2;
        content = clauseContent(doc, sentence, c + 3);
      }
    } else if (t.pos === "VERB" && PRAISE_CUES.has(t.lemma)) {
      content = praisedQuality(doc, sentence, c);
    } else if (t.lower === "according" && doc.tokens[c + 1]?.lower === "to") {
      cueEnd = c + 2;
      content = accordingTo(doc, sentence, c);
    }
    if (!content) continue;
    const [from, to] = content;
    if (to <= from || (from >= c && quoted(from))) continue;
    const speakerMention = inverted
      ? (mentionBefore(doc, sentence, c, tokenStart) ?? mentionAfter(sentence, c, mentions))
      : t.lower === "according"
        ? (mentions.byStart.get(c + 2)?.[0] ?? null)
        : // Quotes of earlier sentences never share this one's speaker: only this sentence's are passed.
          coordinatedSpeaker(doc, sentence, c, out);
    const start = doc.tokens[from].start;
    const end = doc.tokens[to - 1].end;
    out.push({
      quote: {
        speaker: speakerMention ? speakerActor(doc, speakerMention) : null,
        cue: doc.text.slice(t.start, doc.tokens[cueEnd - 1].end),
        kind: "indirect",
        text: doc.text.slice(start, end),
        start,
        end,
        sentence: sentence.index + 1,
      },
      cueTokens: [c],
      speaker: speakerMention,
    });
  }
  return out;
}

/** For "X said A and noted that B", the second cue has the speaker of the first. */
function coordinatedSpeaker(doc: Doc, sentence: Sentence, cue: number, earlier: Found[]): Mention | null {
  let i = cue - 1;
  while (i >= sentence.tokenStart && doc.tokens[i].pos === "ADV") i--;
  const before = doc.tokens[i];
  const coordinated =
    before && (before.pos === "CCONJ" || (before.text === "," && doc.tokens[cue].lower.endsWith("ing")));
  if (coordinated) {
    const previous = earlier
      .filter((f) => f.quote.sentence === sentence.index + 1 && f.speaker !== null)
      .pop();
    if (previous) return previous.speaker;
  }
  return subjectOf(doc, cue);
}

/** The complement clause of a cue verb: after "that", or bare after say-type verbs. [from, to) tokens. */
function complementOf(doc: Doc, sentence: Sentence, cue: number): [number, number] | null {
  const { tokenEnd } = sentence;
  // Adjuncts between the cue and "that": "said on Monday that", "told reporters in Geneva that".
  for (let k = cue + 1; k < tokenEnd && k <= cue + 7; k++) {
    const t = doc.tokens[k];
    if (t.lower === "that" && (t.pos === "SCONJ" || t.pos === "PRON" || t.pos === "DET")) {
      return clauseContent(doc, sentence, k + 1);
    }
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT") break;
  }
  if (!BARE_COMPLEMENT_CUES.has(doc.tokens[cue].lemma)) return null;
  // "said Palestine is ...", "told reporters the army had ...": the clause the parse gives as the cue's
  // complement, when it follows the cue.
  const clause = clauseOfPredicate(doc, cue);
  if (!clause) return null;
  const layer = layerOf(doc);
  for (const k of clause.complements) {
    const c = layer.list[k];
    if (c.relation !== "ccomp" || c.start <= cue) continue;
    // "said: “...”": a complement opened by punctuation is a quotation, found as a direct quote.
    if (doc.tokens[c.start].pos === "PUNCT") continue;
    return clauseContent(doc, sentence, c.start);
  }
  return null;
}

/**
 * The speaker of a cue verb: the subject of the clause it heads (shared with a verb it is coordinated with),
 * or of the clause around it when the parse does not make it a predicate.
 */
function subjectOf(doc: Doc, cue: number): Mention | null {
  const subject = (clauseOfPredicate(doc, cue) ?? clauseAt(doc, cue))?.subject;
  return subject ? mentionOfHead(doc, subject.head) : null;
}

/**
 * A verb that heads a clause of its own: finite in the clause layer, or with its own subject ("the army
 * forced out ..., residents said"), or coordinated with one ("and noted that"); not "to note". A verb form
 * that is finite on its face also counts, for a sentence the parse gets wrong.
 */
function headsClause(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (
    t.pos === "AUX" ||
    (t.pos === "VERB" && !t.lower.endsWith("ing") && doc.tokens[i - 1]?.lower !== "to")
  ) {
    return true;
  }
  const clause = clauseOfPredicate(doc, i);
  return (
    clause !== null &&
    (clause.tense !== null ||
      clause.modal !== -1 ||
      clause.relation === "conj" ||
      clause.subject?.via === "own")
  );
}

/**
 * A complement clause from `from` to the end of its sentence, stopping before a second cue
 * ("... and noted that", ", adding that") and leaving out the final punctuation.
 */
function clauseContent(doc: Doc, sentence: Sentence, from: number): [number, number] | null {
  const { tokenEnd } = sentence;
  let to = tokenEnd;
  for (let k = from + 1; k < tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.text === ";") {
      to = k;
      break;
    }
    const next = nextNonAdverb(doc, k + 1, tokenEnd);
    if (t.pos === "CCONJ" && next !== null && isCueVerb(doc.tokens[next]) && headsClause(doc, next)) {
      to = k;
      break;
    }
    if (
      t.text === "," &&
      next !== null &&
      isCueVerb(doc.tokens[next]) &&
      doc.tokens[next].lower.endsWith("ing")
    ) {
      to = k;
      break;
    }
  }
  while (to > from && isTrailing(doc.tokens[to - 1])) to--;
  return to > from ? [from, to] : null;
}

function nextNonAdverb(doc: Doc, from: number, end: number): number | null {
  let k = from;
  while (k < end && doc.tokens[k].pos === "ADV") k++;
  return k < end ? k : null;
}

function isTrailing(t: Token): boolean {
  return t.pos === "PUNCT" && /^[.,;:!?]$/.test(t.text);
}

/** "C, X added." / "C, said X.": the clause before the comma, when it has a finite verb. */
function invertedContent(
  doc: Doc,
  sentence: Sentence,
  cue: number,
  mentions: Mentions,
): [number, number] | null {
  const { tokenStart, tokenEnd } = sentence;
  // What follows the cue: nothing, or a mention ("said Khamenei"), or short adjuncts, then the end.
  let after = cue + 1;
  const m = mentionAfter(sentence, cue, mentions);
  if (m) after = m.tokenEnd;
  for (let k = after; k < tokenEnd; k++) {
    const t = doc.tokens[k];
    if (
      t.pos === "VERB" ||
      t.pos === "AUX" ||
      t.text === "“" ||
      t.text === "”" ||
      t.text === "," ||
      t.text === '"'
    ) {
      return null;
    }
  }
  // Back from the cue over its subject to the comma.
  let comma = cue - 1;
  while (comma > tokenStart && doc.tokens[comma].text !== ",") {
    const t = doc.tokens[comma];
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "ADP" || t.pos === "PUNCT") return null;
    comma--;
  }
  if (comma <= tokenStart || doc.tokens[comma].text !== ",") return null;
  if (cue - comma > 8) return null;
  let finite = false;
  for (let k = tokenStart; k < comma; k++) {
    if (headsClause(doc, k)) finite = true;
  }
  if (!finite) return null;
  let to = comma;
  while (to > tokenStart && isTrailing(doc.tokens[to - 1])) to--;
  return [tokenStart, to];
}

/** "hailed Iran's positive role in ...": praise of an actor's quality is reported speech. */
function praisedQuality(doc: Doc, sentence: Sentence, cue: number): [number, number] | null {
  let k = cue + 1;
  while (k < sentence.tokenEnd && doc.tokens[k].pos === "PROPN") k++;
  if (k === cue + 1) return null;
  const poss = doc.tokens[k];
  if (!poss || !/^['’]s$/.test(poss.text)) return null;
  return clauseContent(doc, sentence, cue + 1);
}

/** "C, according to X.", "According to X, C." or "C, according to X, D." */
function accordingTo(doc: Doc, sentence: Sentence, cue: number): [number, number] | null {
  const { tokenStart, tokenEnd } = sentence;
  if (cue === tokenStart) {
    for (let k = cue + 2; k < tokenEnd; k++) {
      if (doc.tokens[k].text === ",") return clauseContent(doc, sentence, k + 1);
    }
    return null;
  }
  // "The talks, according to Turkish officials, will resume": the whole sentence is the report.
  for (let k = cue + 2; k < tokenEnd; k++) {
    const t = doc.tokens[k];
    if (t.text === "," && k + 1 < tokenEnd && !isTrailing(doc.tokens[k + 1])) {
      return clauseContent(doc, sentence, tokenStart);
    }
    if (t.pos === "VERB" || t.pos === "AUX") break;
  }
  let to = cue;
  while (to > tokenStart && isTrailing(doc.tokens[to - 1])) to--;
  return to > tokenStart ? [tokenStart, to] : null;
}

/** Quotations of several words inside a sentence that no other quote covers: the sentence subject said them. */
function embeddedQuotes(
  doc: Doc,
  quotations: Quotation[],
  tokenAt: (offset: number) => number,
  found: Found[],
): Found[] {
  const out: Found[] = [];
  for (const q of quotations) {
    const first = q.parts[0];
    const last = q.parts[q.parts.length - 1];
    if (found.some((f) => f.quote.start <= first.start && f.quote.end >= last.end)) continue;
    const text = quotationText(doc, q);
    if (words(text) < EMBEDDED_MIN_WORDS) continue;
    const openToken = tokenAt(first.open);
    const sentence = doc.sentences[doc.tokens[openToken].sentence];
    // The verb that governs the quotation: the last verb before it in the sentence.
    let verb = -1;
    for (let k = openToken - 1; k >= sentence.tokenStart; k--) {
      if (doc.tokens[k].pos === "VERB") {
        verb = k;
        break;
      }
    }
    if (verb < 0) continue;
    const speaker = subjectOf(doc, verb);
    out.push({
      quote: {
        speaker: speaker ? speakerActor(doc, speaker) : null,
        cue: doc.tokens[verb].text,
        kind: "direct",
        text,
        start: first.start,
        end: last.end,
        sentence: sentence.index + 1,
      },
      cueTokens: [verb],
      speaker,
    });
  }
  return out;
}
