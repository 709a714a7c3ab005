// The dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with the root at the end of the buffer,
// one perceptron choosing among SHIFT, LEFT and RIGHT and a second choosing the relation of each new arc.

import { h1, h2, h3, h4 } from "./perceptron.js";
import type { Lexed } from "./tagger.js";

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

/** Most features a configuration has; the buffers that hold them are this long. */
export const MAX_FEATURES = 112;

const NONE = 0x3f1;
const ROOT_WORD = 0x7a2b;

/**
 * A parser configuration over one sentence of n words; index n is the root, at the end of the buffer.
 * One State serves sentence after sentence (init), so that parsing allocates nothing per sentence.
 */
export class State {
  n = 0;
  word = new Int32Array(0);
  tag = new Int32Array(0);
  /** Fine and coarse word clusters (Lexed.cfine, Lexed.ccoarse). */
  cf = new Int32Array(0);
  cc = new Int32Array(0);
  clustered = false;
  stack = new Int32Array(0);
  sp = 0;
  b = 0;
  head = new Int32Array(0);
  label = new Int32Array(0);
  /** Leftmost and second-leftmost, rightmost and second-rightmost children; -1 when absent. */
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  /** Bit sets of the relations of the left and right children (two words of 32 bits each). */
  lset = new Int32Array(0);
  rset = new Int32Array(0);
  done = new Uint8Array(0);

  init(x: Lexed, tags: Int32Array, rootTag: number): this {
    const n = x.n;
    const size = n + 1;
    if (this.word.length < size) {
      const cap = Math.max(size, 2 * this.word.length, 64);
      this.word = new Int32Array(cap);
      this.tag = new Int32Array(cap);
      this.cf = new Int32Array(cap);
      this.cc = new Int32Array(cap);
      this.stack = new Int32Array(cap);
      this.head = new Int32Array(cap);
      this.label = new Int32Array(cap);
      this.lc1 = new Int32Array(cap);
      this.lc2 = new Int32Array(cap);
      this.rc1 = new Int32Array(cap);
      this.rc2 = new Int32Array(cap);
      this.nl = new Int32Array(cap);
      this.nr = new Int32Array(cap);
      this.lset = new Int32Array(2 * cap);
      this.rset = new Int32Array(2 * cap);
      this.done = new Uint8Array(cap);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    // x and tags may be longer than the sentence (buffers reused sentence after sentence): n words count.
    this.word.set(x.lower.subarray(0, n));
    this.word[n] = ROOT_WORD;
    this.tag.set(tags.subarray(0, n));
    this.tag[n] = rootTag;
    this.clustered = x.clustered;
    this.cf.set(x.cfine.subarray(0, n));
    this.cf[n] = ROOT_WORD;
    this.cc.set(x.ccoarse.subarray(0, n));
    this.cc[n] = ROOT_WORD;
    this.head.fill(-1, 0, size);
    this.label.fill(-1, 0, size);
    this.lc1.fill(-1, 0, size);
    this.lc2.fill(-1, 0, size);
    this.rc1.fill(-1, 0, size);
    this.rc2.fill(-1, 0, size);
    this.nl.fill(0, 0, size);
    this.nr.fill(0, 0, size);
    this.lset.fill(0, 0, 2 * size);
    this.rset.fill(0, 0, 2 * size);
    this.done.fill(0, 0, size);
    return this;
  }

  terminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  /** Which transitions are legal: bit t set for transition t. The root takes a LEFT arc only from the last word. */
  legal(): number {
    let m = 0;
    if (this.b < this.n) m |= 1 << SHIFT;
    if (this.sp > 0 && (this.b < this.n || this.sp === 1)) m |= 1 << LEFT;
    if (this.sp > 1) m |= 1 << RIGHT;
    return m;
  }

  /** The dependent of the arc that LEFT or RIGHT would add: the top of the stack. */
  dependent(): number {
    return this.stack[this.sp - 1];
  }

  /** The head of the arc that LEFT (the front of the buffer) or RIGHT (the second on the stack) would add. */
  headOf(t: number): number {
    return t === LEFT ? this.b : this.stack[this.sp - 2];
  }

  apply(t: number, lab: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[this.sp - 1];
    const h = this.headOf(t);
    this.sp--;
    this.done[d] = 1;
    this.head[d] = h;
    this.label[d] = lab;
    const word = lab >> 5;
    const bit = 1 << (lab & 31);
    if (d < h) {
      this.lc2[h] = this.lc1[h];
      this.lc1[h] = d;
      this.nl[h]++;
      this.lset[2 * h + word] |= bit;
    } else {
      this.rc2[h] = this.rc1[h];
      this.rc1[h] = d;
      this.nr[h]++;
      this.rset[2 * h + word] |= bit;
    }
  }

  /** Dynamic-oracle costs (Goldberg and Nivre 2013): gold arcs a transition makes unreachable. */
  costs(gold: Int32Array, out: Int32Array): void {
    const { b, n, sp, stack, done } = this;
    const s0 = sp > 0 ? stack[sp - 1] : -1;
    const s1 = sp > 1 ? stack[sp - 2] : -1;
    let s0deps = 0;
    if (s0 >= 0) for (let d = b; d < n; d++) if (gold[d] === s0) s0deps++;
    out[LEFT] = s0 >= 0 ? s0deps + (gold[s0] !== b && (gold[s0] === s1 || gold[s0] > b) ? 1 : 0) : 99;
    out[RIGHT] = s1 >= 0 ? s0deps + (gold[s0] >= b ? 1 : 0) : 99;
    if (b < n) {
      let c = 0;
      for (let k = 0; k < sp; k++) if (gold[stack[k]] === b) c++;
      const g = gold[b];
      if (g < b && g !== s0 && g >= 0 && !done[g]) c++;
      out[SHIFT] = c;
    } else out[SHIFT] = 99;
  }
}

function val(arr: Int32Array, k: number): number {
  return k >= 0 ? arr[k] : NONE;
}

/** The features of a configuration for the transition classifier (after Zhang and Nivre 2011). */
export function transitionFeatures(s: State, out: Int32Array): number {
  const { sp, stack, b, n, word: W, tag: T, label: Lb } = s;
  const s0 = sp > 0 ? stack[sp - 1] : -1;
  const s1 = sp > 1 ? stack[sp - 2] : -1;
  const s2 = sp > 2 ? stack[sp - 3] : -1;
  const b0 = b;
  const b1 = b + 1 <= n ? b + 1 : -1;
  const b2 = b + 2 <= n ? b + 2 : -1;
  const s0w = val(W, s0);
  const s0p = val(T, s0);
  const s1w = val(W, s1);
  const s1p = val(T, s1);
  const b0w = val(W, b0);
  const b0p = val(T, b0);
  const b1w = val(W, b1);
  const b1p = val(T, b1);
  const b2p = val(T, b2);
  const s2p = val(T, s2);
  const s0l1 = s0 >= 0 ? s.lc1[s0] : -1;
  const s0l2 = s0 >= 0 ? s.lc2[s0] : -1;
  const s0r1 = s0 >= 0 ? s.rc1[s0] : -1;
  const s0r2 = s0 >= 0 ? s.rc2[s0] : -1;
  const s1r1 = s1 >= 0 ? s.rc1[s1] : -1;
  const s1l1 = s1 >= 0 ? s.lc1[s1] : -1;
  const b0l1 = s.lc1[b0];
  const b0l2 = s.lc2[b0];
  const d = s0 >= 0 ? Math.min(b0 - s0, 6) : 0;
  const d2 = s1 >= 0 ? Math.min(s0 - s1, 6) : 0;
  const s0vl = s0 >= 0 ? s.nl[s0] : 0;
  const s0vr = s0 >= 0 ? s.nr[s0] : 0;
  const b0vl = s.nl[b0];
  const s1vr = s1 >= 0 ? s.nr[s1] : 0;
  let k = 0;
  out[k++] = h1(1, 0);
  out[k++] = h1(2, s0w);
  out[k++] = h1(3, s0p);
  out[k++] = h2(4, s0w, s0p);
  out[k++] = h1(5, s1w);
  out[k++] = h1(6, s1p);
  out[k++] = h2(7, s1w, s1p);
  out[k++] = h1(8, b0w);
  out[k++] = h1(9, b0p);
  out[k++] = h2(10, b0w, b0p);
  out[k++] = h1(11, b1w);
  out[k++] = h1(12, b1p);
  out[k++] = h2(13, b1w, b1p);
  out[k++] = h1(14, b2p);
  out[k++] = h1(15, val(W, b2));
  out[k++] = h1(16, s2p);
  out[k++] = h4(17, s0w, s0p, b0w, b0p);
  out[k++] = h3(18, s0w, s0p, b0w);
  out[k++] = h3(19, s0w, b0w, b0p);
  out[k++] = h3(20, s0w, s0p, b0p);
  out[k++] = h3(21, s0p, b0w, b0p);
  out[k++] = h2(22, s0w, b0w);
  out[k++] = h2(23, s0p, b0p);
  out[k++] = h2(24, b0p, b1p);
  out[k++] = h4(25, s1w, s1p, s0w, s0p);
  out[k++] = h2(26, s1w, s0w);
  out[k++] = h2(27, s1p, s0p);
  out[k++] = h2(28, s1p, s0w);
  out[k++] = h2(29, s1w, s0p);
  out[k++] = h3(30, b0p, b1p, b2p);
  out[k++] = h3(31, s0p, b0p, b1p);
  out[k++] = h3(32, s1p, s0p, b0p);
  out[k++] = h3(33, s0p, val(T, s0l1), b0p);
  out[k++] = h3(34, s0p, val(T, s0r1), b0p);
  out[k++] = h3(35, s0p, b0p, val(T, b0l1));
  out[k++] = h3(36, s1p, val(T, s1r1), s0p);
  out[k++] = h3(37, s2p, s1p, s0p);
  out[k++] = h2(38, s0w, d);
  out[k++] = h2(39, s0p, d);
  out[k++] = h2(40, b0w, d);
  out[k++] = h2(41, b0p, d);
  out[k++] = h3(42, s0p, b0p, d);
  out[k++] = h3(43, s1p, s0p, d2);
  out[k++] = h2(44, s1w, d2);
  out[k++] = h2(45, s0w, d2);
  out[k++] = h2(46, s0w, s0vr);
  out[k++] = h2(47, s0p, s0vr);
  out[k++] = h2(48, s0w, s0vl);
  out[k++] = h2(49, s0p, s0vl);
  out[k++] = h2(50, b0w, b0vl);
  out[k++] = h2(51, b0p, b0vl);
  out[k++] = h2(52, s1p, s1vr);
  out[k++] = h1(53, val(W, s0l1));
  out[k++] = h1(54, val(T, s0l1));
  out[k++] = h1(55, val(Lb, s0l1));
  out[k++] = h1(56, val(W, s0r1));
  out[k++] = h1(57, val(T, s0r1));
  out[k++] = h1(58, val(Lb, s0r1));
  out[k++] = h1(59, val(T, s0l2));
  out[k++] = h1(60, val(Lb, s0l2));
  out[k++] = h1(61, val(T, s0r2));
  out[k++] = h1(62, val(Lb, s0r2));
  out[k++] = h1(63, val(W, b0l1));
  out[k++] = h1(64, val(T, b0l1));
  out[k++] = h1(65, val(Lb, b0l1));
  out[k++] = h1(66, val(T, b0l2));
  out[k++] = h1(67, val(Lb, b0l2));
  out[k++] = h1(68, val(W, s1r1));
  out[k++] = h1(69, val(T, s1r1));
  out[k++] = h1(70, val(Lb, s1r1));
  out[k++] = h1(71, val(T, s1l1));
  out[k++] = h1(72, val(Lb, s1l1));
  out[k++] = h3(73, s0p, val(Lb, s0l1), val(Lb, s0l2));
  out[k++] = h3(74, s0p, val(Lb, s0r1), val(Lb, s0r2));
  out[k++] = h3(75, b0p, val(Lb, b0l1), val(Lb, b0l2));
  out[k++] = h3(76, s1p, val(Lb, s1r1), val(Lb, s1l1));
  if (s0 >= 0) {
    out[k++] = h4(77, s0w, s.lset[2 * s0], s.lset[2 * s0 + 1], 0);
    out[k++] = h4(78, s0p, s.lset[2 * s0], s.lset[2 * s0 + 1], 0);
    out[k++] = h4(79, s0w, s.rset[2 * s0], s.rset[2 * s0 + 1], 0);
    out[k++] = h4(80, s0p, s.rset[2 * s0], s.rset[2 * s0 + 1], 0);
  }
  out[k++] = h4(81, b0w, s.lset[2 * b0], s.lset[2 * b0 + 1], 0);
  out[k++] = h4(82, b0p, s.lset[2 * b0], s.lset[2 * b0 + 1], 0);
  if (s1 >= 0) out[k++] = h4(83, s1p, s.rset[2 * s1], s.rset[2 * s1 + 1], 0);
  out[k++] = h3(84, s0w, s0p, b1p);
  out[k++] = h3(85, b0w, b0p, b1p);
  out[k++] = h3(86, s1p, s0p, b1p);
  out[k++] = h2(87, s0p, s0 >= 0 && s0 > 0 ? T[s0 - 1] : NONE);
  out[k++] = h2(88, b0p, b0 > 0 ? T[b0 - 1] : NONE);
  out[k++] = h3(89, s0p, b0p, s0 >= 0 && s0 + 1 < b0 ? T[s0 + 1] : NONE);
  if (!s.clustered) return k;
  // Word clusters: a backoff for the word features, shared by the words of one cluster.
  const { cf: CF, cc: CC } = s;
  const s0c = val(CF, s0);
  const s1c = val(CF, s1);
  const b0c = val(CF, b0);
  const b1c = val(CF, b1);
  out[k++] = h2(90, s0c, s0p);
  out[k++] = h2(91, s1c, s1p);
  out[k++] = h2(92, b0c, b0p);
  out[k++] = h2(93, b1c, b1p);
  out[k++] = h2(94, s0c, b0c);
  out[k++] = h3(95, s0c, s0p, b0p);
  out[k++] = h3(96, s0p, b0c, b0p);
  out[k++] = h3(97, s1c, s0c, s0p);
  out[k++] = h3(98, s1p, s0c, s0p);
  out[k++] = h3(99, val(CC, s0), val(CC, b0), d);
  out[k++] = h3(100, val(CC, s1), val(CC, s0), d2);
  out[k++] = h2(101, val(CF, s0r1), s0p);
  out[k++] = h2(102, val(CF, b0l1), b0p);
  out[k++] = h3(103, s0c, b0c, b1p);
  return k;
}

/** The features of a new arc (dependent d, head h) for the relation classifier. */
export function labelFeatures(s: State, x: Lexed, d: number, h: number, out: Int32Array): number {
  const { n, word: W, tag: T, label: Lb } = s;
  const dir = d < h ? 1 : 2;
  const dw = W[d];
  const dp = T[d];
  const hw = W[h];
  const hp = T[h];
  const dist = Math.min(Math.abs(h - d), 8);
  let k = 0;
  out[k++] = h2(1, dir, 0);
  out[k++] = h2(2, dir, dw);
  out[k++] = h2(3, dir, dp);
  out[k++] = h3(4, dir, dw, dp);
  out[k++] = h2(5, dir, hw);
  out[k++] = h2(6, dir, hp);
  out[k++] = h3(7, dir, hw, hp);
  out[k++] = h3(8, dir, dp, hp);
  out[k++] = h3(9, dir, dw, hp);
  out[k++] = h3(10, dir, dp, hw);
  out[k++] = h3(11, dir, dw, hw);
  out[k++] = h4(12, dir, dp, hp, dist);
  out[k++] = h3(13, dp, val(Lb, s.lc1[d]), val(W, s.lc1[d]));
  out[k++] = h3(14, dp, val(Lb, s.rc1[d]), val(T, s.rc1[d]));
  out[k++] = h4(15, dp, s.lset[2 * d], s.lset[2 * d + 1], dir);
  out[k++] = h4(16, dp, s.rset[2 * d], s.rset[2 * d + 1], dir);
  out[k++] = h4(17, hp, s.lset[2 * h], s.lset[2 * h + 1], dir);
  out[k++] = h4(18, hp, s.rset[2 * h], s.rset[2 * h + 1], dir);
  out[k++] = h3(19, dp, val(T, d + 1), dir);
  out[k++] = h3(20, dp, val(T, d - 1), dir);
  out[k++] = h3(21, hp, h + 1 <= n ? T[h + 1] : NONE, dir);
  out[k++] = h3(22, hp, val(T, h - 1), dir);
  out[k++] = h4(23, dp, hp, val(W, s.lc1[d]), dir);
  out[k++] = h3(24, dir, x.suf3[d], hp);
  out[k++] = h3(25, dir, h === n ? 1 : 0, dp);
  out[k++] = h4(26, dp, hp, val(Lb, s.lc1[h]), dir);
  out[k++] = h4(27, dp, hp, val(Lb, s.rc1[h]), dir);
  out[k++] = h4(28, dw, hp, s.lset[2 * h], dir);
  out[k++] = h3(29, dp, s.nl[d], s.nr[d]);
  out[k++] = h4(30, dp, val(W, s.lc2[d]), val(Lb, s.lc1[d]), dir);
  if (!s.clustered) return k;
  const dc = s.cf[d];
  const hc = s.cf[h];
  out[k++] = h3(31, dir, dc, dp);
  out[k++] = h3(32, dir, hc, hp);
  out[k++] = h4(33, dir, dc, hc, dp);
  out[k++] = h4(34, dir, dc, hp, dist);
  out[k++] = h4(35, dir, dp, hc, s.cc[d]);
  return k;
}
