// Builds a one-sentence Doc with a parse written by hand, for the clause layer's tests: one line per token,
// "form lemma UPOS XPOS head deprel" with 1-based heads and 0 for the root, as in CoNLL-U.
import type { Doc, Pos, Token } from "../../core/types.js";

export function handParsed(conllu: string): Doc {
  const rows = conllu
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  const tokens: Token[] = [];
  let text = "";
  for (const [form, lemma, upos] of rows) {
    if (text) text += " ";
    tokens.push({
      i: tokens.length,
      text: form,
      lower: form.toLowerCase(),
      lemma,
      pos: upos as Pos,
      start: text.length,
      end: text.length + form.length,
      sentence: 0,
    });
    text += form;
  }
  return {
    article: { id: "hand", date: "2025-01-01", text },
    text,
    tokens,
    sentences: [{ index: 0, start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }],
    mentions: [],
    dates: [],
    places: [],
    dateline: null,
    parse: {
      head: Int32Array.from(rows.map((r) => Number(r[4]) - 1)),
      deprel: rows.map((r) => r[5]),
      upos: rows.map((r) => r[2] as Pos),
      xpos: rows.map((r) => r[3]),
    },
    clauses: null,
    events: [],
    quotes: [],
    errors: [],
  };
}
