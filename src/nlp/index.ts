// The one wrapper around the NLP library: Article -> Doc. No other module imports wink-nlp.

import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence } from "wink-nlp";
import type { Article, Doc, Pos, Sentence, Token } from "../core/types.js";

type Wink = ReturnType<typeof winkNLP>;

/** Holds the one wink instance of this process (or worker thread): two instances share model state. */
export interface Nlp {
  /** Tokenizes, splits sentences and tags; nothing else. */
  read(article: Article): Doc;
  /**
   * The benchmark baseline: wink reads the text and hands out what any user of it needs at the least (the
   * sentence spans, each token's text and its POS tag), and nothing is built from them.
   */
  count(text: string): { sentences: number; tokens: number };
}

let instance: Nlp | null = null;

/**
 * wink's annotations that Dyad reads: sentence boundaries and POS tags (lemmas are computed on demand).
 * Named entities, negation and sentiment would cost a third of the reading time and nothing reads them.
 */
const PIPE = ["sbd", "pos"];

/** Returns this process's NLP instance, created on first use. */
export function getNlp(): Nlp {
  if (!instance) instance = createNlp(winkNLP(model, PIPE));
  return instance;
}

/** What is kept of a spelling: the string itself, its lower case, and its lemma under each tag. */
interface Spelling {
  text: string;
  lower: string;
  /** The lemma by POS_NUMBER of the tag, filled as the pairs are met. */
  lemmas: string[];
}

const POS_NUMBER: Readonly<Record<Pos, number>> = {
  ADJ: 0,
  ADP: 1,
  ADV: 2,
  AUX: 3,
  CCONJ: 4,
  DET: 5,
  INTJ: 6,
  NOUN: 7,
  NUM: 8,
  PART: 9,
  PRON: 10,
  PROPN: 11,
  PUNCT: 12,
  SCONJ: 13,
  SYM: 14,
  VERB: 15,
  X: 16,
  SPACE: 17,
};

/**
 * Tokens in one sentence at most. Rules look across a sentence (its subject, its clauses, its mentions), so
 * their work grows with the square of its length: run-on text (a list, a transcript, a scrape with no full
 * stops) is cut into pieces of at most this many tokens, after the last comma, semicolon, colon or
 * conjunction of the piece's second half when there is one (README, "Limits").
 */
export const MAX_SENTENCE_TOKENS = 100;

/** Where to cut a run of tokens [from, to) longer than MAX_SENTENCE_TOKENS: the starts of its pieces. */
export function sentencePieces(tokens: readonly Token[], from: number, to: number): number[] {
  const starts = [from];
  let start = from;
  while (to - start > MAX_SENTENCE_TOKENS) {
    let cut = start + MAX_SENTENCE_TOKENS;
    for (let k = cut - 1; k > start + MAX_SENTENCE_TOKENS / 2; k--) {
      const t = tokens[k];
      if (t.text === "," || t.text === ";" || t.text === ":") {
        cut = k + 1;
        break;
      }
      if (t.pos === "CCONJ") {
        cut = k;
        break;
      }
    }
    starts.push(cut);
    start = cut;
  }
  return starts;
}

/** Spellings kept at most; the table starts again when full, so that memory does not grow with the input. */
const SPELLINGS_MAX = 100_000;

function createNlp(nlp: Wink): Nlp {
  const its = nlp.its;
  // wink's typings omit span as an argument of a sentence collection's out().
  const span = its.span as unknown as Parameters<ItemSentence["out"]>[0];
  // One string per spelling (and its lower case), kept across articles: most words recur, and the later
  // stages' lookups by token text hash a string once instead of once per article.
  const spellings = new Map<string, Spelling>();
  const spelling = (value: string): Spelling => {
    let sp = spellings.get(value);
    if (sp === undefined) {
      sp = { text: value, lower: value.toLowerCase(), lemmas: [] };
      spellings.set(value, sp);
    }
    return sp;
  };
  return {
    count(text: string) {
      const doc = nlp.readDoc(text);
      const tokens = doc.tokens();
      const values = tokens.out(its.value) as string[];
      tokens.out(its.pos);
      const spans = doc.sentences().out(span) as unknown as unknown[];
      return { sentences: spans.length, tokens: values.length };
    },
    read(article: Article): Doc {
      const text = article.text;
      const wdoc = nlp.readDoc(text);
      const wtokens = wdoc.tokens();
      // One call per property over all tokens: wink's per-item accessors allocate an object per token.
      const values = wtokens.out(its.value) as string[];
      const spaces = wtokens.out(its.precedingSpaces) as string[];
      const tags = wtokens.out(its.pos) as string[];
      const contracted = wtokens.out(
        its.contractionFlag as unknown as typeof its.value,
      ) as unknown as boolean[];
      const spans = wdoc.sentences().out(span) as unknown as Array<[number, number]>;
      if (spellings.size >= SPELLINGS_MAX) spellings.clear();

      // wink's token indices include whitespace tokens (SPACE); drop them and map offsets.
      const tokens: Token[] = [];
      const winkToOurs = new Int32Array(values.length);
      let offset = 0;
      for (let w = 0; w < values.length; w++) {
        offset += spaces[w].length;
        const value = values[w];
        const start = offset;
        offset += value.length;
        winkToOurs[w] = tokens.length;
        const pos = tags[w] as Pos;
        if (pos === "SPACE" || value.trim() === "") continue;
        const sp = spelling(value);
        const lower = sp.lower;
        // wink's lemma is a function of the spelling and the tag, except for the parts of a contraction
        // ("ca" of "can't"), which carry their own: it is asked of wink once per spelling and tag.
        const p = POS_NUMBER[pos];
        let lemma = contracted[w] ? undefined : sp.lemmas[p];
        if (lemma === undefined) {
          const l = wtokens.itemAt(w).out(its.lemma as unknown as typeof its.value);
          lemma = !l || l === value ? lower : spelling(l).lower;
          if (!contracted[w]) sp.lemmas[p] = lemma;
        }
        tokens.push({
          i: tokens.length,
          text: sp.text,
          lower,
          lemma,
          pos,
          start,
          end: offset,
          sentence: 0,
        });
      }

      const sentences: Sentence[] = [];
      for (const [first, last] of spans) {
        const tokenStart = winkToOurs[first];
        const tokenEnd = last + 1 < values.length ? winkToOurs[last + 1] : tokens.length;
        if (tokenEnd <= tokenStart) continue;
        const starts = sentencePieces(tokens, tokenStart, tokenEnd);
        for (let p = 0; p < starts.length; p++) {
          const pieceStart = starts[p];
          const pieceEnd = p + 1 < starts.length ? starts[p + 1] : tokenEnd;
          const index = sentences.length;
          for (let t = pieceStart; t < pieceEnd; t++) tokens[t].sentence = index;
          sentences.push({
            index,
            start: tokens[pieceStart].start,
            end: tokens[pieceEnd - 1].end,
            tokenStart: pieceStart,
            tokenEnd: pieceEnd,
          });
        }
      }

      return {
        article,
        text,
        tokens,
        sentences,
        mentions: [],
        dates: [],
        places: [],
        dateline: null,
        parse: null,
        clauses: null,
        events: [],
        quotes: [],
        errors: [],
      };
    },
  };
}
