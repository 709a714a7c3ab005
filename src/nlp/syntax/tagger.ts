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

function lexArrays(capacity: number): Omit<Lexed, "n" | "clustered" | "tagClustered"> {
  return {
    form: new Int32Array(capacity),
    lower: new Int32Array(capacity),
    shape: new Int32Array(capacity),
    suf1: new Int32Array(capacity),
    suf2: new Int32Array(capacity),
    suf3: new Int32Array(capacity),
    suf4: new Int32Array(capacity),
    pre1: new Int32Array(capacity),
    pre3: new Int32Array(capacity),
    cfine: new Int32Array(capacity),
    ccoarse: new Int32Array(capacity),
  };
}

/**
 * Computes the word hashes of a sentence once, for the tagger and then the parser. `clusters` maps the hash
 * of a lower-case spelling to its clusters, (fine + 1) | ((coarse + 1) << 16). With `into`, its arrays are
 * reused when they are long enough (they may be longer than the sentence: n says how many words count), so
 * that a parser lexes sentence after sentence without allocating.
 */
export function lex(
  words: readonly string[],
  lowers?: readonly string[],
  clusters?: ReadonlyMap<number, number>,
  tagClusters = true,
  into?: Lexed,
): Lexed {
  const n = words.length;
  const clustered = clusters !== undefined && clusters.size > 0;
  const x: Lexed =
    into && into.form.length >= n
      ? into
      : { n, ...lexArrays(Math.max(n, into ? 2 * into.form.length : 0)), clustered, tagClustered: false };
  x.n = n;
  x.clustered = clustered;
  x.tagClustered = tagClusters && clustered;
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
    const c = clustered ? clusters?.get(x.lower[i]) : undefined;
    x.cfine[i] = c === undefined ? 0 : c & 0xffff;
    x.ccoarse[i] = c === undefined ? 0 : c >>> 16;
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
 * The spellings tagged by lookup: an open-addressing table over typed arrays, probed once or twice per word
 * (a Map of int32 keys boxes the half of them that do not fit a small integer).
 */
export class SpellingTags {
  private readonly keys: Int32Array;
  /** The tag class of each slot, -1 for an empty one. */
  private readonly tags: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** `pairs` as knownSpellings returns them: hash of the spelling, tag class. */
  constructor(pairs: readonly number[]) {
    // At least twice as many slots as spellings, so that probes stay short.
    let bits = 4;
    while (1 << bits < pairs.length) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(1 << bits);
    this.tags = new Int32Array(1 << bits).fill(-1);
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      let i = this.slot(pairs[k]);
      while (this.tags[i] >= 0 && this.keys[i] !== pairs[k]) i = (i + 1) & this.mask;
      this.keys[i] = pairs[k];
      this.tags[i] = pairs[k + 1];
    }
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The tag class of a spelling's hash, or -1. */
  get(key: number): number {
    const { keys, tags, mask } = this;
    let i = this.slot(key);
    while (tags[i] >= 0) {
      if (keys[i] === key) return tags[i];
      i = (i + 1) & mask;
    }
    return -1;
  }
}

/**
 * Tags a sentence with the shipped table: one class index per word, written into `out` when it is given and
 * long enough. A spelling in `known` (frequent in the treebank and nearly always one tag there) takes that tag
 * without scoring: half the words of running text.
 */
export function tagSentence(
  table: SparseTable,
  x: Lexed,
  feats: Int32Array,
  scores: Int32Array | Float64Array,
  known?: SpellingTags,
  out?: Int32Array,
): Int32Array {
  const tags = out && out.length >= x.n ? out : new Int32Array(x.n);
  const C = table.classes;
  let p1 = TAG_START;
  let p2 = TAG_START;
  for (let i = 0; i < x.n; i++) {
    const fixed = known ? known.get(x.form[i]) : -1;
    if (fixed >= 0) {
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
