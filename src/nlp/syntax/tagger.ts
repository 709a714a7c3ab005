// The part-of-speech tagger: greedy left to right, one class per (UPOS, Penn tag) pair.

import { h1, h2, h3, hashString, type SparseTable, scoreSparse } from "./perceptron.js";

/** The hashes of one word that the tagger's and the parser's features use. */
export interface Lexed {
  n: number;
  form: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre3: Int32Array;
  /** Word cluster of the lower-case spelling, fine (1..K) and coarse (1..G); 0 for a word without one. */
  cfine: Int32Array;
  ccoarse: Int32Array;
  /** Whether the model has clusters: a model without them (format version 1) scores none of their features. */
  clustered: boolean;
  /** Whether the tagger scores them too (a model may keep them to the parser). */
  tagClustered: boolean;
}

function hashRange(s: string, start: number, end: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Upper-case letters become X, lower-case x, digits d; runs of one class collapse ("McCain" -> XxXx). */
function shapeOf(s: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88;
    else if (c >= 97 && c <= 122) k = 120;
    else if (c >= 48 && c <= 57) k = 100;
    else if (c > 127) k = s[i] === s[i].toLowerCase() ? (s[i] === s[i].toUpperCase() ? 111 : 120) : 88;
    else k = c;
    if (k === last) continue;
    last = k;
    h = Math.imul(h ^ k, 0x01000193);
  }
  return h | 0;
}

/**
 * Computes the word hashes of a sentence once, for the tagger and then the parser. `clusters` maps the hash
 * of a lower-case spelling to its clusters, (fine + 1) | ((coarse + 1) << 16).
 */
export function lex(
  words: readonly string[],
  lowers?: readonly string[],
  clusters?: ReadonlyMap<number, number>,
  tagClusters = true,
): Lexed {
  const n = words.length;
  const x: Lexed = {
    n,
    form: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    suf1: new Int32Array(n),
    suf2: new Int32Array(n),
    suf3: new Int32Array(n),
    suf4: new Int32Array(n),
    pre1: new Int32Array(n),
    pre3: new Int32Array(n),
    cfine: new Int32Array(n),
    ccoarse: new Int32Array(n),
    clustered: clusters !== undefined && clusters.size > 0,
    tagClustered: tagClusters && clusters !== undefined && clusters.size > 0,
  };
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const l = lowers ? lowers[i] : w.toLowerCase();
    const len = l.length;
    x.form[i] = hashString(w);
    x.lower[i] = hashString(l);
    x.shape[i] = shapeOf(w);
    x.suf1[i] = hashRange(l, Math.max(0, len - 1), len, 1);
    x.suf2[i] = hashRange(l, Math.max(0, len - 2), len, 2);
    x.suf3[i] = hashRange(l, Math.max(0, len - 3), len, 3);
    x.suf4[i] = hashRange(l, Math.max(0, len - 4), len, 4);
    x.pre1[i] = hashRange(w, 0, Math.min(1, len), 5);
    x.pre3[i] = hashRange(l, 0, Math.min(3, len), 6);
    const c = clusters?.get(x.lower[i]);
    if (c !== undefined) {
      x.cfine[i] = c & 0xffff;
      x.ccoarse[i] = c >>> 16;
    }
  }
  return x;
}

const START = 0x5a17;
const END = 0x0e4d;
/** Most features a token has; the buffer that holds them is this long. */
export const TAG_FEATURES = 40;

/** Fills out with the features of token i given the two previous tags; returns how many. */
export function tagFeatures(x: Lexed, i: number, p1: number, p2: number, out: Int32Array): number {
  const n = x.n;
  const L = x.lower;
  const wm1 = i > 0 ? L[i - 1] : START;
  const wm2 = i > 1 ? L[i - 2] : START;
  const wp1 = i + 1 < n ? L[i + 1] : END;
  const wp2 = i + 2 < n ? L[i + 2] : END;
  const w = L[i];
  let k = 0;
  out[k++] = h1(1, 0);
  out[k++] = h1(2, w);
  out[k++] = h1(3, x.suf3[i]);
  out[k++] = h1(4, x.suf2[i]);
  out[k++] = h1(5, x.suf1[i]);
  out[k++] = h1(6, x.suf4[i]);
  out[k++] = h1(7, x.pre1[i]);
  out[k++] = h1(8, x.pre3[i]);
  out[k++] = h1(9, x.shape[i]);
  out[k++] = h1(10, p1);
  out[k++] = h2(11, p1, p2);
  out[k++] = h2(12, p1, w);
  out[k++] = h1(13, wm1);
  out[k++] = h1(14, i > 0 ? x.suf3[i - 1] : START);
  out[k++] = h1(15, wm2);
  out[k++] = h1(16, wp1);
  out[k++] = h1(17, i + 1 < n ? x.suf3[i + 1] : END);
  out[k++] = h1(18, wp2);
  out[k++] = h2(19, wm1, w);
  out[k++] = h2(20, w, wp1);
  out[k++] = h1(21, x.form[i]);
  out[k++] = h2(22, x.shape[i], i === 0 ? 1 : 0);
  out[k++] = h2(23, p1, x.suf3[i]);
  out[k++] = h1(24, i + 1 < n ? x.shape[i + 1] : END);
  out[k++] = h1(25, i > 0 ? x.shape[i - 1] : START);
  out[k++] = h2(26, p1, wp1);
  out[k++] = h3(27, wm1, w, wp1);
  if (!x.tagClustered) return k;
  // Clusters back off for words rare or unseen in the treebank: words of one cluster share their weights.
  const c = x.cfine[i];
  out[k++] = h1(28, c);
  out[k++] = h1(29, x.ccoarse[i]);
  out[k++] = h2(30, p1, c);
  out[k++] = h1(31, i > 0 ? x.cfine[i - 1] : START);
  out[k++] = h1(32, i + 1 < n ? x.cfine[i + 1] : END);
  out[k++] = h2(33, c, x.suf3[i]);
  return k;
}

/** Previous-tag values for the first words of a sentence. */
export const TAG_START = 1000;

/**
 * Tags a sentence with the shipped table: one class index per word. A spelling in `known` (frequent in the
 * treebank and nearly always one tag there) takes that tag without scoring: half the words of running text.
 */
export function tagSentence(
  table: SparseTable,
  x: Lexed,
  feats: Int32Array,
  scores: Int32Array | Float64Array,
  known?: ReadonlyMap<number, number>,
): Int32Array {
  const tags = new Int32Array(x.n);
  const C = table.classes;
  let p1 = TAG_START;
  let p2 = TAG_START;
  for (let i = 0; i < x.n; i++) {
    const fixed = known?.get(x.form[i]);
    if (fixed !== undefined) {
      tags[i] = fixed;
      p2 = p1;
      p1 = fixed;
      continue;
    }
    const nf = tagFeatures(x, i, p1, p2, feats);
    scores.fill(0, 0, C);
    scoreSparse(table, feats, nf, scores);
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best;
    p2 = p1;
    p1 = best;
  }
  return tags;
}

/**
 * The spellings the tagger looks up instead of scoring: seen at least minCount times in training, with one
 * tag at least minRatio of the time. Returned as flattened pairs (hash of the spelling, tag class), sorted.
 */
export function knownSpellings(
  sentences: readonly { form: readonly string[] }[],
  tagOf: (sentence: number, word: number) => number,
  minCount: number,
  minRatio: number,
): number[] {
  const counts = new Map<string, Map<number, number>>();
  sentences.forEach((s, k) => {
    for (let i = 0; i < s.form.length; i++) {
      const m = counts.get(s.form[i]) ?? new Map<number, number>();
      const g = tagOf(k, i);
      m.set(g, (m.get(g) ?? 0) + 1);
      counts.set(s.form[i], m);
    }
  });
  const known: number[] = [];
  for (const form of [...counts.keys()].sort()) {
    const m = counts.get(form) as Map<number, number>;
    let total = 0;
    let best = -1;
    let most = 0;
    for (const [tag, n] of m) {
      total += n;
      if (n > most) {
        most = n;
        best = tag;
      }
    }
    if (total >= minCount && most / total >= minRatio) known.push(hashString(form), best);
  }
  return known;
}
