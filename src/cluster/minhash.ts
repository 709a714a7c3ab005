// Near-duplicate articles by MinHash over word shingles (Broder 1997), with LSH banding to find candidates:
// the same wire story carried by several outlets, with a different first line or a trailing credit.

/** Words per shingle: five words keep unrelated reports on one topic apart. */
export const SHINGLE_WORDS = 5;
/** Hash functions of a signature: bands x rows. */
const BANDS = 16;
const ROWS = 4;
const PRIME = 4294967311; // the first prime above 2^32
/** Estimated Jaccard similarity from which two articles are the same story. */
export const DUPLICATE_THRESHOLD = 0.7;

/** The (a, b) pairs of the universal hash functions h(x) = (a x + b) mod p, from a fixed seed: signatures are stable. */
const HASHES: ReadonlyArray<readonly [number, number]> = Object.freeze(
  (() => {
    let seed = 0x9e3779b9;
    const next = () => {
      // xorshift32
      seed ^= seed << 13;
      seed >>>= 0;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      seed >>>= 0;
      return seed;
    };
    return Array.from({ length: BANDS * ROWS }, () => [(next() % (PRIME - 1)) + 1, next()] as const);
  })(),
);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The hashes of a text's word shingles (lower-cased words, punctuation ignored). */
export function shingles(text: string, k = SHINGLE_WORDS): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < k) {
    if (words.length > 0) out.add(fnv1a(words.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(fnv1a(words.slice(i, i + k).join(" ")));
  return out;
}

/** (a x + b) mod p without losing precision: a and x are below 2^32, so split a into 16-bit halves. */
function hashWith(a: number, b: number, x: number): number {
  const hi = Math.floor(a / 65536);
  const lo = a % 65536;
  const part = ((hi * x) % PRIME) * 65536;
  return ((part % PRIME) + lo * x + b) % PRIME;
}

export function signature(set: ReadonlySet<number>): number[] {
  const sig = new Array<number>(HASHES.length).fill(Number.POSITIVE_INFINITY);
  for (const x of set) {
    for (let i = 0; i < HASHES.length; i++) {
      const h = hashWith(HASHES[i][0], HASHES[i][1], x);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Groups near-duplicate texts: id -> the id of its group (the first id of the group in input order). Pairs
 * sharing a band are compared; those at or above the threshold are joined, transitively.
 */
export function nearDuplicateGroups(
  docs: ReadonlyArray<{ id: string; text: string }>,
  threshold = DUPLICATE_THRESHOLD,
): Map<string, string> {
  const sigs = docs.map((d) => signature(shingles(d.text)));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const compared = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < docs.length; i++) {
      const key = sigs[i].slice(band * ROWS, band * ROWS + ROWS).join(",");
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const [i, j] = [bucket[x], bucket[y]];
          const pair = `${i},${j}`;
          if (compared.has(pair)) continue;
          compared.add(pair);
          if (similarity(sigs[i], sigs[j]) >= threshold) {
            const [ri, rj] = [find(i), find(j)];
            if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
          }
        }
      }
    }
  }
  return new Map(docs.map((d, i) => [d.id, docs[find(i)].id]));
}
