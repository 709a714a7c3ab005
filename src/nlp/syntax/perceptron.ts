// Averaged perceptrons over hashed features: a dense table while training, a compact sparse one when shipped.

/** FNV-1a over the UTF-16 code units of a string: the id of a word in every feature. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Scrambles a sum into a well-spread 32-bit hash (the "lowbias32" finaliser): rows come from its top bits. */
function fin(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) | 0;
}

// A feature is its template number t and one to four values, each weighted by its own odd constant and
// summed, then scrambled once: a few multiplications a feature, the hot loop of tagging and parsing.
export function h1(t: number, a: number): number {
  return fin(Math.imul(t, 0x9e3779b1) + a);
}
export function h2(t: number, a: number, b: number): number {
  return fin(Math.imul(t, 0x9e3779b1) + a + Math.imul(b, 0x85ebca77));
}
export function h3(t: number, a: number, b: number, c: number): number {
  return fin(Math.imul(t, 0x9e3779b1) + a + Math.imul(b, 0x85ebca77) + Math.imul(c, 0xc2b2ae3d));
}
export function h4(t: number, a: number, b: number, c: number, d: number): number {
  return fin(
    Math.imul(t, 0x9e3779b1) +
      a +
      Math.imul(b, 0x85ebca77) +
      Math.imul(c, 0xc2b2ae3d) +
      Math.imul(d, 0x27d4eb2f),
  );
}

/**
 * The shipped form of one classifier: a hashed table of 2^bits rows, each row the non-zero weights of the
 * features that hash there, stored as (class, int16 weight) pairs. One scale for the whole table, so sums of
 * the integers rank classes exactly as the float weights would.
 */
export interface SparseTable {
  bits: number;
  classes: number;
  /**
   * Set for a table of few classes: every row's weights side by side (stride DENSE_STRIDE), one memory access
   * per feature instead of two; rowStart, cls and weight are then empty.
   */
  dense: Int16Array | null;
  /**
   * Set instead of `dense` for a dense table stored in 8 bits: each weight is the index of one of 256 levels
   * (`levels`, int16), so that the table takes half the memory and twice as many rows fit the same caches.
   */
  codes?: Uint8Array | null;
  levels?: Int16Array | null;
  /** Row r's pairs are at rowStart[r] .. rowStart[r + 1]. */
  rowStart: Uint32Array;
  cls: Uint8Array;
  weight: Int16Array;
}

/** Row width of a dense table: classes padded to 4 so that a row never straddles two cache lines. */
export const DENSE_STRIDE = 4;

/** Adds the weights of n features to scores (which the caller zeroes). */
export function scoreSparse(
  t: SparseTable,
  feats: Int32Array,
  n: number,
  scores: Int32Array | Float64Array,
): void {
  const shift = 32 - t.bits;
  const codes = t.codes;
  if (codes) {
    const levels = t.levels as Int16Array;
    const C = t.classes;
    for (let f = 0; f < n; f++) {
      const base = (feats[f] >>> shift) * DENSE_STRIDE;
      for (let c = 0; c < C; c++) scores[c] += levels[codes[base + c]];
    }
    return;
  }
  const dense = t.dense;
  if (dense !== null) {
    const C = t.classes;
    for (let f = 0; f < n; f++) {
      const base = (feats[f] >>> shift) * DENSE_STRIDE;
      for (let c = 0; c < C; c++) scores[c] += dense[base + c];
    }
    return;
  }
  const rowStart = t.rowStart;
  const cls = t.cls;
  const weight = t.weight;
  for (let f = 0; f < n; f++) {
    const r = feats[f] >>> shift;
    const end = rowStart[r + 1];
    for (let j = rowStart[r]; j < end; j++) scores[cls[j]] += weight[j];
  }
}

/**
 * Stores a dense table's int16 weights in 8 bits: 255 levels, zero and 127 of each sign growing
 * geometrically from 1 to the largest weight (every integer while the step is below 1), each weight coded as
 * its nearest level, so that every weight keeps the same relative precision.
 */
export function codeDense(t: SparseTable): SparseTable {
  const dense = t.dense;
  if (!dense) return t;
  const C = t.classes;
  const rows = 1 << t.bits;
  let max = 1;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(dense[r * DENSE_STRIDE + c]));
  const ladder = (steps: number, ratio: number): number[] => {
    const out = [1];
    while (out.length < steps)
      out.push(Math.max(out[out.length - 1] + 1, Math.round(out[out.length - 1] * ratio)));
    return out;
  };
  // The ratio whose ladder of 127 steps ends at the largest weight (bisection).
  let lo = 1;
  let hi = 2;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (ladder(127, mid)[126] < max) lo = mid;
    else hi = mid;
  }
  const up = ladder(127, hi).map((v) => Math.min(v, 32767));
  const levels = [...up.map((v) => -v).reverse(), 0, ...up];
  const OFFSET = 32768;
  const near = new Uint8Array(65536);
  let j = 0;
  for (let v = -OFFSET; v < OFFSET; v++) {
    while (j + 1 < levels.length && Math.abs(levels[j + 1] - v) <= Math.abs(levels[j] - v)) j++;
    near[v + OFFSET] = j;
  }
  const codes = new Uint8Array(rows * DENSE_STRIDE).fill(near[OFFSET]);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < C; c++) codes[r * DENSE_STRIDE + c] = near[dense[r * DENSE_STRIDE + c] + OFFSET];
  // 256 levels, the last unused, so that every byte is a level.
  const table = new Int16Array(256);
  table.set(levels);
  return { ...t, dense: null, codes, levels: table };
}

/** A dense hashed table with the running sums that averaging needs; only training builds one. */
export class Trainer {
  readonly bits: number;
  readonly classes: number;
  private readonly w: Float32Array;
  private readonly total: Float64Array;
  private readonly stamp: Int32Array;
  /** Number of examples seen: the clock of the averaging. */
  time = 0;

  constructor(bits: number, classes: number) {
    this.bits = bits;
    this.classes = classes;
    const size = (1 << bits) * classes;
    this.w = new Float32Array(size);
    this.total = new Float64Array(size);
    this.stamp = new Int32Array(size);
  }

  score(feats: Int32Array, n: number, scores: Float64Array): void {
    const shift = 32 - this.bits;
    const C = this.classes;
    const w = this.w;
    scores.fill(0);
    for (let f = 0; f < n; f++) {
      const base = (feats[f] >>> shift) * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }

  /** Adds delta to the weights of class c for the n features. */
  update(feats: Int32Array, n: number, c: number, delta: number): void {
    const shift = 32 - this.bits;
    const C = this.classes;
    const t = this.time;
    for (let f = 0; f < n; f++) {
      const k = (feats[f] >>> shift) * C + c;
      this.total[k] += (t - this.stamp[k]) * this.w[k];
      this.stamp[k] = t;
      this.w[k] += delta;
    }
  }

  /** The averaged weights, quantised to int16, in a dense table (for classes <= DENSE_STRIDE). */
  toDense(): SparseTable {
    const { avg, scale } = this.averaged();
    const rows = 1 << this.bits;
    const C = this.classes;
    const dense = new Int16Array(rows * DENSE_STRIDE);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < C; c++) dense[r * DENSE_STRIDE + c] = Math.round(avg[r * C + c] * scale);
    }
    const none = new Uint32Array(0);
    return {
      bits: this.bits,
      classes: C,
      dense,
      rowStart: none,
      cls: new Uint8Array(0),
      weight: new Int16Array(0),
    };
  }

  private averaged(): { avg: Float32Array; scale: number } {
    const t = this.time || 1;
    const avg = new Float32Array(this.w.length);
    let max = 0;
    for (let k = 0; k < avg.length; k++) {
      const a = (this.total[k] + (t - this.stamp[k]) * this.w[k]) / t;
      avg[k] = a;
      if (Math.abs(a) > max) max = Math.abs(a);
    }
    return { avg, scale: max > 0 ? 32767 / max : 1 };
  }

  /**
   * The averaged weights, quantised to int16 and stored sparsely. Weights below `prune` (a fraction of the
   * largest) are dropped: most of the pairs, and the time to add them, for a hundredth of a point of accuracy.
   */
  toSparse(prune = 0): SparseTable {
    const C = this.classes;
    const rows = 1 << this.bits;
    const { avg, scale } = this.averaged();
    const min = Math.max(1, Math.round(prune * 32767));
    const keep = (q: number) => Math.abs(q) >= min;
    const rowStart = new Uint32Array(rows + 1);
    let nnz = 0;
    for (let k = 0; k < avg.length; k++) if (keep(Math.round(avg[k] * scale))) nnz++;
    const cls = new Uint8Array(nnz);
    const weight = new Int16Array(nnz);
    let j = 0;
    for (let r = 0; r < rows; r++) {
      rowStart[r] = j;
      for (let c = 0; c < C; c++) {
        const q = Math.round(avg[r * C + c] * scale);
        if (keep(q)) {
          cls[j] = c;
          weight[j] = q;
          j++;
        }
      }
    }
    rowStart[rows] = j;
    return { bits: this.bits, classes: C, dense: null, rowStart, cls, weight };
  }
}

/** Drops the pairs of a sparse table whose weight is below `prune` times the largest int16 (see toSparse). */
export function pruneSparse(t: SparseTable, prune: number): SparseTable {
  if (t.dense || t.codes) return t;
  const min = Math.max(1, Math.round(prune * 32767));
  const rows = 1 << t.bits;
  const rowStart = new Uint32Array(rows + 1);
  let nnz = 0;
  for (let j = 0; j < t.weight.length; j++) if (Math.abs(t.weight[j]) >= min) nnz++;
  const cls = new Uint8Array(nnz);
  const weight = new Int16Array(nnz);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    for (let j = t.rowStart[r]; j < t.rowStart[r + 1]; j++) {
      if (Math.abs(t.weight[j]) >= min) {
        cls[k] = t.cls[j];
        weight[k] = t.weight[j];
        k++;
      }
    }
  }
  rowStart[rows] = k;
  return { ...t, rowStart, cls, weight };
}
