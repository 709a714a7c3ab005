// A shallow clause analysis on POS tags: which clause of its sentence each token belongs to.
// Dates and places attach to the clause they sit in; events ask for the clause around their trigger.
import type { Doc, Sentence, Token } from "../../core/types.js";
import { BARE_COMPLEMENT_CUES, CUE_VERBS } from "../../knowledge/speech.js";

/** Subordinators that open a complement clause running to the end of the sentence. */
const COMPLEMENTIZERS = new Set(["that", "whether", "if"]);
/** Subordinators that open an adverbial clause, which may close again before the main verb. */
const ADVERBIAL = new Set([
  "because",
  "while",
  "although",
  "though",
  "when",
  "whereas",
  "unless",
  "once",
  "as",
  "since",
  "after",
  "before",
  "until",
  "whilst",
]);
const RELATIVES = new Set(["which", "who", "whom", "whose", "where"]);
const OPEN_MARKS = new Set(["“", "«", "„", '"']);
const CLOSE_MARKS = new Set(["”", "»", '"']);

type Kind = "top" | "complement" | "adverbial" | "relative" | "quote";

interface Frame {
  id: number;
  kind: Kind;
  sawVerb: boolean;
}

/** True for a token that can head a finite clause: an auxiliary or a verb that is no gerund or infinitive. */
export function isFiniteVerb(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (t.pos === "AUX") return true;
  if (t.pos !== "VERB") return false;
  if (t.lower.endsWith("ing")) return false;
  const prev = doc.tokens[i - 1];
  return !(prev && prev.sentence === t.sentence && prev.lower === "to");
}

/**
 * Clause ids of the tokens of a sentence, indexed from sentence.tokenStart. Tokens with the same id
 * belong to the same clause; a clause interrupted by a relative clause keeps its id on both sides.
 */
export function clauseIds(doc: Doc, sentence: Sentence): Int32Array {
  // An event's date and its place both ask for the clauses of its sentence, one after the other: the
  // last sentence's are kept. (A WeakMap over all sentences would keep every doc's tokens alive until a
  // full collection, and the heap would grow by a third.)
  if (sentence !== lastSentence || doc.tokens !== lastTokens || doc.text !== lastText) {
    lastIds = computeClauseIds(doc, sentence);
    lastSentence = sentence;
    lastTokens = doc.tokens;
    lastText = doc.text;
  }
  return lastIds;
}

/** The clause ids of the last sentence asked about, with its tokens and text. Callers only read them. */
let lastSentence: Sentence | null = null;
let lastTokens: readonly Token[] | null = null;
let lastText = "";
let lastIds: Int32Array = new Int32Array(0);

function computeClauseIds(doc: Doc, sentence: Sentence): Int32Array {
  const { tokenStart, tokenEnd } = sentence;
  const ids = new Int32Array(tokenEnd - tokenStart);
  const bare = bareComplementStarts(doc, sentence);
  let next = 1;
  const stack: Frame[] = [{ id: 0, kind: "top", sawVerb: false }];
  const top = (): Frame => stack[stack.length - 1];
  const push = (kind: Kind): void => {
    stack.push({ id: next++, kind, sawVerb: false });
  };
  for (let i = tokenStart; i < tokenEnd; i++) {
    const t = doc.tokens[i];
    const prev = i > tokenStart ? doc.tokens[i - 1] : null;
    const frame = top();
    if (t.text === ";" || (t.text === ":" && !isOpenMark(doc, i + 1, tokenEnd))) {
      stack.length = 0;
      stack.push({ id: next++, kind: "top", sawVerb: false });
      ids[i - tokenStart] = top().id;
      continue;
    }
    if (t.text === "," && (frame.kind === "relative" || (frame.kind === "adverbial" && frame.sawVerb))) {
      stack.pop();
    } else if (frame.kind === "adverbial" && frame.sawVerb && isFiniteVerb(doc, i) && prev?.pos !== "AUX") {
      // "Khamenei while referring to Pakistan ... emphasized the need": the main verb closes the adverbial.
      stack.pop();
    } else if (frame.kind === "quote" && CLOSE_MARKS.has(t.text)) {
      ids[i - tokenStart] = frame.id;
      stack.pop();
      continue;
    } else if (frame.kind === "complement" && coordinatedCue(doc, i, tokenEnd)) {
      // "said A and noted that B", "said A, adding that B": the second cue belongs to the main clause.
      stack.pop();
    }
    if (t.pos === "SCONJ" && COMPLEMENTIZERS.has(t.lower)) push("complement");
    else if (t.pos === "SCONJ" && ADVERBIAL.has(t.lower)) {
      push(anyFinite(stack) ? "complement" : "adverbial");
    } else if (RELATIVES.has(t.lower) && prev?.text === ",") push("relative");
    else if (t.lower === "that" && t.pos === "PRON") push("complement");
    else if (isOpenMark(doc, i, tokenEnd) && (prev === null || prev.text === "," || prev.text === ":")) {
      push("quote");
    } else if (bare.has(i)) push("complement");
    const current = top();
    if (t.pos === "VERB" || t.pos === "AUX") current.sawVerb = true;
    ids[i - tokenStart] = current.id;
  }
  return ids;
}

function anyFinite(stack: Frame[]): boolean {
  return stack.some((f) => f.sawVerb);
}

function isOpenMark(doc: Doc, i: number, tokenEnd: number): boolean {
  if (i >= tokenEnd) return false;
  const t = doc.tokens[i];
  if (!OPEN_MARKS.has(t.text)) return false;
  if (t.text !== '"') return true;
  // A straight mark opens when it follows a space (or starts the text) and touches the next word.
  const before = t.start === 0 ? " " : doc.text[t.start - 1];
  const after = doc.text[t.end] ?? " ";
  return /\s|[([{]/.test(before) && !/\s/.test(after);
}

/** "and [also] noted", ", adding": a cue verb coordinated with an earlier one. */
function coordinatedCue(doc: Doc, i: number, tokenEnd: number): boolean {
  const t = doc.tokens[i];
  let j = i + 1;
  if (t.pos === "CCONJ") {
    while (j < tokenEnd && doc.tokens[j].pos === "ADV") j++;
    return j < tokenEnd && isCueVerb(doc.tokens[j]) && isFiniteVerb(doc, j);
  }
  if (t.text === ",") {
    return j < tokenEnd && isCueVerb(doc.tokens[j]) && doc.tokens[j].lower.endsWith("ing");
  }
  return false;
}

export function isCueVerb(t: Token): boolean {
  return t.pos === "VERB" && CUE_VERBS.has(t.lemma);
}

/**
 * Where a complement clause without "that" starts: after a speech verb and its adjuncts,
 * a noun phrase followed by a finite verb ("said [Palestine is ...]", "said on Monday [the army had ...]").
 */
export function bareComplementStarts(doc: Doc, sentence: Sentence): Set<number> {
  const out = new Set<number>();
  const { tokenEnd } = sentence;
  for (let i = sentence.tokenStart; i < tokenEnd; i++) {
    const t = doc.tokens[i];
    if (t.pos !== "VERB" || !BARE_COMPLEMENT_CUES.has(t.lemma)) continue;
    const start = complementAfter(
      doc,
      t.lemma === "tell" ? skipObject(doc, i + 1, tokenEnd) : i + 1,
      tokenEnd,
    );
    if (start !== null) out.add(start);
  }
  return out;
}

/** Skips the indirect object of "tell" ("told reporters", "told him"). */
export function skipObject(doc: Doc, from: number, tokenEnd: number): number {
  let j = from;
  while (j < tokenEnd && (doc.tokens[j].pos === "DET" || doc.tokens[j].pos === "ADJ")) j++;
  const t = doc.tokens[j];
  return t && ["NOUN", "PRON", "PROPN"].includes(t.pos) ? j + 1 : from;
}

const NP_START = new Set(["DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"]);

/** The first token of a bare complement clause after a cue verb ending at `from`, or null. */
export function complementAfter(doc: Doc, from: number, tokenEnd: number): number | null {
  let j = from;
  // Adjuncts of the cue: adverbs and short prepositional phrases ("on Monday", "in a statement").
  for (;;) {
    if (j >= tokenEnd) return null;
    const t = doc.tokens[j];
    if (t.pos === "ADV" && t.lower !== "however") {
      j++;
      continue;
    }
    if (t.pos === "ADP" && t.lower !== "that") {
      let k = j + 1;
      while (k < tokenEnd && k - j <= 4 && ["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(doc.tokens[k].pos))
        k++;
      if (k === j + 1) return null;
      j = k;
      continue;
    }
    break;
  }
  const first = doc.tokens[j];
  if (!NP_START.has(first.pos)) return null;
  if (first.pos === "PRON" && ["it", "this", "so"].includes(first.lower) && doc.tokens[j + 1]?.text === ".") {
    return null;
  }
  // The subject noun phrase, then a finite verb before any punctuation or subordinator.
  for (let k = j + 1; k < tokenEnd && k - j <= 14; k++) {
    const t = doc.tokens[k];
    if (t.pos === "PUNCT" && !OPEN_MARKS.has(t.text) && !CLOSE_MARKS.has(t.text) && t.text !== "-")
      return null;
    if (t.pos === "SCONJ" || t.lower === "that") return null;
    if (t.pos === "AUX") return j;
    if (t.pos === "VERB") {
      if (!isFiniteVerb(doc, k)) return null;
      return t.lower.endsWith("ed") && !pastFinite(doc, k) ? null : j;
    }
  }
  return null;
}

/** A past-tense verb right after its subject ("the army killed"), not a participle modifying a noun. */
function pastFinite(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  const prev = doc.tokens[k - 1];
  return (
    t.pos === "VERB" &&
    prev !== undefined &&
    prev.text !== "-" &&
    ["NOUN", "PROPN", "PRON"].includes(prev.pos)
  );
}

/** The clause ids covered by the token range [tokenStart, tokenEnd) of one sentence. */
export function clausesOf(
  ids: Int32Array,
  sentence: Sentence,
  tokenStart: number,
  tokenEnd: number,
): Set<number> {
  const out = new Set<number>();
  const from = Math.max(tokenStart, sentence.tokenStart);
  const to = Math.min(Math.max(tokenEnd, from + 1), sentence.tokenEnd);
  for (let i = from; i < to; i++) out.add(ids[i - sentence.tokenStart]);
  return out;
}

/** Resolves a sentence given by 0-based index or as an object. */
export function sentenceOf(doc: Doc, sentence: number | Sentence): Sentence {
  return typeof sentence === "number" ? doc.sentences[sentence] : sentence;
}
