// Calendar days as plain numbers: no clocks, no time zones. A day is counted from 1970-01-01 (UTC).

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD string, or null when it is no valid calendar day. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 for a year, month (1-12) and day, or null when the day does not exist. */
export function fromParts(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Days formatted so far: articles of a corpus span few days, and formatting through a Date is slow. */
const formatted = new Map<number, string>();

export function formatDay(n: number): string {
  let s = formatted.get(n);
  if (s === undefined) {
    if (formatted.size >= 100_000) formatted.clear();
    s = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(n, s);
  }
  return s;
}

export interface Parts {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

export function partsOf(n: number): Parts {
  const d = new Date(n * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/** The most recent day with this weekday on or before the reference day. */
export function weekdayOnOrBefore(ref: number, weekday: number): number {
  return ref - ((partsOf(ref).weekday - weekday + 7) % 7);
}

/** The first day with this weekday on or after the reference day. */
export function weekdayOnOrAfter(ref: number, weekday: number): number {
  return ref + ((weekday - partsOf(ref).weekday + 7) % 7);
}

/**
 * A day of the year given without a year: the most recent one not after the reference day
 * (past), or the first one not before it (future). Null when the day never exists (Feb 30).
 */
export function monthDayNear(ref: number, month: number, day: number, future: boolean): number | null {
  const year = partsOf(ref).year;
  for (const y of future
    ? [year, year + 1, year + 2, year + 3, year + 4]
    : [year, year - 1, year - 2, year - 3, year - 4]) {
    const n = fromParts(y, month, day);
    if (n !== null && (future ? n >= ref : n <= ref)) return n;
  }
  return null;
}

/** A month given without a year ("in March"): the most recent one not after the reference month, or the next. */
export function monthNear(ref: number, month: number, future: boolean): { year: number; month: number } {
  const p = partsOf(ref);
  if (future) return { year: month >= p.month ? p.year : p.year + 1, month };
  return { year: month <= p.month ? p.year : p.year - 1, month };
}

/** The Monday that starts the week of a day (weeks run Monday to Sunday). */
export function weekStart(n: number): number {
  return n - ((partsOf(n).weekday + 6) % 7);
}

/** The last day of a period written as YYYY, YYYY-MM or YYYY-MM-DD. */
export function lastDayOf(period: string): number | null {
  if (/^\d{4}$/.test(period)) return fromParts(Number(period), 12, 31);
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const next = mo === 12 ? fromParts(y + 1, 1, 1) : fromParts(y, mo + 1, 1);
    return next === null ? null : next - 1;
  }
  return dayNumber(period);
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
