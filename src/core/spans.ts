// Range lookups in lists sorted by position (mentions and places by tokenStart, dates by sentence): a
// component looks at the items of one sentence or clause without scanning the whole article, which kept
// coding quadratic in an article's length (issue 19).

/** The index of the first item whose key is at least `value`, in a list sorted by that key. */
export function firstAtLeast<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
}

const startOf = (x: TokenSpan) => x.tokenStart;

/** Items (sorted by tokenStart) that start in [from, to), in list order. */
export function startingIn<T extends TokenSpan>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = firstAtLeast(list, from, startOf); k < list.length && list[k].tokenStart < to; k++) {
    out.push(list[k]);
  }
  return out;
}

/** Items (sorted by tokenStart) whose tokens lie within [from, to), in list order. */
export function spansWithin<T extends TokenSpan>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = firstAtLeast(list, from, startOf); k < list.length && list[k].tokenStart < to; k++) {
    if (list[k].tokenEnd <= to) out.push(list[k]);
  }
  return out;
}

/** Items (sorted by sentence) of one sentence, in list order. */
export function ofSentence<T extends { sentence: number }>(list: readonly T[], sentence: number): T[] {
  const out: T[] = [];
  for (
    let k = firstAtLeast(list, sentence, (x) => x.sentence);
    k < list.length && list[k].sentence === sentence;
    k++
  ) {
    out.push(list[k]);
  }
  return out;
}
