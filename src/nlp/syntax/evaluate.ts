// Scores a parser against a treebank with gold tokens: UPOS accuracy, UAS and LAS over every word,
// punctuation included (as the official CoNLL 2018 UD evaluation does).

import type { ConlluSentence } from "./conllu.js";
import type { SentenceParse } from "./index.js";

export interface Scores {
  sentences: number;
  words: number;
  upos: number;
  uas: number;
  las: number;
}

/**
 * LAS compares the universal relation without its subtype ("nsubj:pass" counts as "nsubj"), as the
 * official script does.
 */
export function evaluate(
  parse: (words: readonly string[]) => SentenceParse,
  gold: readonly ConlluSentence[],
): Scores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  for (const g of gold) {
    const p = parse(g.form);
    for (let i = 0; i < g.form.length; i++) {
      words++;
      if (p.upos[i] === g.upos[i]) upos++;
      if (p.head[i] === g.head[i]) {
        uas++;
        if (p.deprel[i].split(":")[0] === g.deprel[i].split(":")[0]) las++;
      }
    }
  }
  const r = (k: number) => (words ? k / words : 0);
  return { sentences: gold.length, words, upos: r(upos), uas: r(uas), las: r(las) };
}
