// Scoring coded articles against gold items: events at (source key, target key, CAMEO root or PLOVER type),
// forbidden events, quotes, a confusion table and a confidence calibration table. Pure.
import type { ArticleError, CodedArticle, Event } from "../core/types.js";
import type { GoldEvent, GoldItem, GoldQuote } from "./gold.js";
import {
  actorsMatch,
  expandPairs,
  type PredictedPair,
  pairKey,
  pairMatches,
  quoteMatches,
  selfPairKeys,
  UNCOUNTED_MODALITIES,
} from "./match.js";

/** The labels of the confusion table: CAMEO roots or PLOVER types. */
export type Scheme = "cameo" | "plover";

export interface Counts {
  /** Required gold events matched. */
  tp: number;
  /** Predicted pairs that match nothing, each pair key once per item. */
  fp: number;
  /** Required gold events not matched. */
  fn: number;
  /** Optional gold events matched: neither TP nor FN. */
  optional: number;
  /** Predicted events left out for their modality (negated, hypothetical, historical). */
  uncounted: number;
  /** Predicted statements (root 01) left out because the scoring is without statements. */
  statements: number;
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * What became of a counted predicted pair: it matched a required or an optional gold event, it repeats a
 * pair already scored in the item, or it is a false positive.
 */
export type Outcome = "match" | "optional" | "duplicate" | "false";

export interface ScoredPair {
  pair: PredictedPair;
  outcome: Outcome;
  /** Matched, or a repeat of a matched pair. */
  right: boolean;
}

export interface GoldRef {
  /** Index in the item's `events` (or `forbid`) list. */
  index: number;
  event: GoldEvent;
}

export interface Match {
  gold: GoldRef;
  pair: PredictedPair;
}

export interface ForbiddenHit {
  forbid: GoldRef;
  pair: PredictedPair;
}

export interface QuoteScore {
  /** Required gold quotes. */
  total: number;
  found: number;
  /** found / total; null when the gold has no required quote. */
  recall: number | null;
  missed: GoldQuote[];
}

/** Counts by label (CAMEO root or PLOVER type). */
export interface Confusion {
  scheme: Scheme;
  /** Gold events matched, by label. */
  right: Record<string, number>;
  /** Gold label -> predicted label, for a required event missed while a false positive had its actors. */
  confused: Record<string, Record<string, number>>;
  /** Required events with no prediction for their actors, by gold label. */
  misses: Record<string, number>;
  /** False positives with no gold event for their actors, by predicted label. */
  falseAlarms: Record<string, number>;
}

export interface CalibrationBucket {
  label: string;
  /** Confidence in [min, max); the last bucket includes 1; null bounds for predictions without one. */
  min: number | null;
  max: number | null;
  predictions: number;
  right: number;
  /** right / predictions; null when empty. */
  precision: number | null;
}

export interface ItemScore {
  id: string;
  origin: string;
  scheme: Scheme;
  counts: Counts;
  metrics: Metrics;
  /** Matches of required and optional gold events (see `gold.event.optional`). */
  matched: Match[];
  /** Required gold events nothing matched. */
  missed: GoldRef[];
  /** The false positives, one per pair key. */
  unmatched: PredictedPair[];
  /** Every counted pair with its outcome. */
  pairs: ScoredPair[];
  /** Counted predictions matching a forbid entry, each pair key once. */
  forbidden: ForbiddenHit[];
  quotes: QuoteScore;
  confusion: Confusion;
  calibration: CalibrationBucket[];
  errors: ArticleError[];
}

/** The headline figures of a set scored again with statements removed from gold and predictions. */
export interface StatementFigures {
  counts: Counts;
  metrics: Metrics;
  forbidden: number;
}

export interface SetScore {
  scheme: Scheme;
  items: ItemScore[];
  counts: Counts;
  metrics: Metrics;
  /**
   * Whether the gold codes statements (some event lists root 01). When it does not, the headline figures
   * are already without statements: a predicted statement is neither right nor wrong.
   */
  statementsCoded: boolean;
  /** The figures with statements removed from gold and predictions; equal to the headline when not coded. */
  withoutStatements: StatementFigures;
  forbidden: { id: string; hit: ForbiddenHit }[];
  quotes: Omit<QuoteScore, "missed">;
  confusion: Confusion;
  calibration: CalibrationBucket[];
  /** Items whose coding reported errors. */
  failed: number;
}

export interface ScoreOptions {
  /** Labels of the confusion table; by default from the gold events. */
  scheme?: Scheme;
  /**
   * Score statements (root 01). By default, when the gold codes them. Without statements, predicted
   * statements are left out and the gold is read by `withoutStatementsGold`.
   */
  statements?: boolean;
}

/** CAMEO's root for public statements, which only some annotations code. */
export const STATEMENT_ROOT = "01";

/** Whether a gold set codes statements: some event (required or optional) accepts root 01. */
export function codesStatements(items: readonly Pick<GoldItem, "events">[]): boolean {
  return items.some((item) => item.events.some((e) => e.root?.includes(STATEMENT_ROOT) === true));
}

/**
 * A gold event is a statement when 01 is its first listed root, the annotator's main code ("01", "01|03");
 * where 01 is only an alternative ("05|01": praise, or at least a statement) the event is the other code.
 */
export function isStatementGold(event: GoldEvent): boolean {
  return event.root?.[0] === STATEMENT_ROOT;
}

/** 01 struck from the root list; null when nothing else is left. */
function strikeStatementRoot(event: GoldEvent): GoldEvent | null {
  if (!event.root?.includes(STATEMENT_ROOT)) return event;
  const root = event.root.filter((r) => r !== STATEMENT_ROOT);
  if (root.length === 0 && event.plover === undefined) return null;
  return { ...event, root: root.length > 0 ? root : undefined };
}

/**
 * The gold item with statements removed: 01 is struck from every root list, so "05|01" then needs the
 * praise itself. A statement whose other roots are only alternatives ("01|03") becomes optional: coding
 * the intent is not wrong, missing it is not a miss. A statement with nothing else is dropped.
 */
export function withoutStatementsGold(gold: GoldItem): GoldItem {
  const events: GoldEvent[] = [];
  for (const event of gold.events) {
    const rest = strikeStatementRoot(event);
    if (rest !== null) events.push(isStatementGold(event) ? { ...rest, optional: true } : rest);
  }
  const forbid = gold.forbid.flatMap((entry) => strikeStatementRoot(entry) ?? []);
  return { ...gold, events, forbid };
}

/** Lower bounds of the confidence buckets. */
export const CONFIDENCE_BOUNDS = [0, 0.5, 0.7, 0.85] as const;

export function metrics(counts: Pick<Counts, "tp" | "fp" | "fn">): Metrics {
  const { tp, fp, fn } = counts;
  // Nothing predicted and nothing to find is a perfect answer; nothing predicted with events to find is 0.
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** PLOVER when the gold events name PLOVER types rather than roots, else CAMEO. */
export function schemeOf(events: readonly GoldEvent[]): Scheme {
  const plover = events.filter((e) => e.plover !== undefined && e.root === undefined).length;
  return plover > events.length - plover ? "plover" : "cameo";
}

function goldLabel(event: GoldEvent, scheme: Scheme): string {
  const first = scheme === "plover" ? (event.plover?.[0] ?? event.root?.[0]) : event.root?.[0];
  return first ?? event.plover?.[0] ?? "?";
}

export function predictedLabel(event: Event, scheme: Scheme): string {
  return scheme === "plover" ? (event.plover.type ?? "none") : event.root;
}

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths). Gold events are tried in the order given, and an
 * augmenting path never unmatches a gold event, so listing required events first maximises them first.
 * Returns, per pair, the index of its gold event or -1.
 */
function matchOneToOne(
  goldOrder: readonly number[],
  candidates: (g: number) => number[],
  n: number,
): number[] {
  const goldOf = new Array<number>(n).fill(-1);
  const adjacent = new Map(goldOrder.map((g) => [g, candidates(g)]));
  const tryGold = (g: number, visited: Set<number>): boolean => {
    for (const p of adjacent.get(g) ?? []) {
      if (visited.has(p)) continue;
      visited.add(p);
      if (goldOf[p] === -1 || tryGold(goldOf[p], visited)) {
        goldOf[p] = g;
        return true;
      }
    }
    return false;
  };
  for (const g of goldOrder) tryGold(g, new Set());
  return goldOf;
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

function emptyConfusion(scheme: Scheme): Confusion {
  return { scheme, right: {}, confused: {}, misses: {}, falseAlarms: {} };
}

export function emptyCalibration(): CalibrationBucket[] {
  const buckets: CalibrationBucket[] = CONFIDENCE_BOUNDS.map((min, i) => {
    const max = i + 1 < CONFIDENCE_BOUNDS.length ? CONFIDENCE_BOUNDS[i + 1] : 1;
    const label = i === 0 ? `<${max}` : i + 1 < CONFIDENCE_BOUNDS.length ? `${min}-${max}` : `>=${min}`;
    return { label, min, max, predictions: 0, right: 0, precision: null };
  });
  buckets.push({ label: "none", min: null, max: null, predictions: 0, right: 0, precision: null });
  return buckets;
}

function bucketOf(buckets: readonly CalibrationBucket[], confidence: number | null): CalibrationBucket {
  if (confidence === null) return buckets[buckets.length - 1];
  let found = buckets[0];
  for (const b of buckets.slice(0, CONFIDENCE_BOUNDS.length))
    if (b.min !== null && confidence >= b.min) found = b;
  return found;
}

function withPrecision(buckets: CalibrationBucket[]): CalibrationBucket[] {
  for (const b of buckets) b.precision = b.predictions > 0 ? b.right / b.predictions : null;
  return buckets;
}

/** Scores one coded article against its gold item. */
export function scoreItem(
  annotated: GoldItem,
  predicted: CodedArticle,
  options: ScoreOptions = {},
): ItemScore {
  const scheme = options.scheme ?? schemeOf(annotated.events);
  const statements = options.statements ?? codesStatements([annotated]);
  const gold = statements ? annotated : withoutStatementsGold(annotated);
  const current = predicted.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => !UNCOUNTED_MODALITIES.has(event.modality));
  const counted = statements ? current : current.filter(({ event }) => event.root !== STATEMENT_ROOT);
  const keepSelf = selfPairKeys(gold.events);
  const pairs = counted.flatMap(({ event, index }) => expandPairs(event, index, keepSelf));

  // Required events first, so that optional ones only take predictions the required ones leave.
  const order = gold.events.map((_, i) => i);
  order.sort((a, b) => Number(gold.events[a].optional === true) - Number(gold.events[b].optional === true));
  const goldOf = matchOneToOne(
    order,
    (g) => pairs.flatMap((pair, p) => (pairMatches(pair, gold.events[g]) ? [p] : [])),
    pairs.length,
  );

  const matched: Match[] = [];
  const matchedKeys = new Set<string>();
  pairs.forEach((pair, p) => {
    if (goldOf[p] === -1) return;
    matched.push({ gold: { index: goldOf[p], event: gold.events[goldOf[p]] }, pair });
    matchedKeys.add(pairKey(pair));
  });
  matched.sort((a, b) => a.gold.index - b.gold.index);

  const scored: ScoredPair[] = [];
  const unmatched: PredictedPair[] = [];
  const falseKeys = new Set<string>();
  pairs.forEach((pair, p) => {
    if (goldOf[p] !== -1) {
      const optional = gold.events[goldOf[p]].optional === true;
      scored.push({ pair, outcome: optional ? "optional" : "match", right: true });
      return;
    }
    const key = pairKey(pair);
    if (matchedKeys.has(key)) scored.push({ pair, outcome: "duplicate", right: true });
    else if (falseKeys.has(key)) scored.push({ pair, outcome: "duplicate", right: false });
    else {
      falseKeys.add(key);
      unmatched.push(pair);
      scored.push({ pair, outcome: "false", right: false });
    }
  });

  const hit = new Set(goldOf);
  const missed: GoldRef[] = gold.events
    .map((event, index) => ({ index, event }))
    .filter(({ event, index }) => event.optional !== true && !hit.has(index));

  const tp = matched.filter((m) => m.gold.event.optional !== true).length;
  const counts: Counts = {
    tp,
    fp: unmatched.length,
    fn: missed.length,
    optional: matched.length - tp,
    uncounted: predicted.events.length - current.length,
    statements: current.length - counted.length,
  };

  return {
    id: gold.id,
    origin: gold.origin,
    scheme,
    counts,
    metrics: metrics(counts),
    matched,
    missed,
    unmatched,
    pairs: scored,
    forbidden: forbiddenHits(gold, counted),
    quotes: scoreQuotes(gold.quotes, predicted),
    confusion: confusionOf(matched, missed, unmatched, scheme),
    calibration: calibrationOf(scored),
    errors: predicted.errors,
  };
}

/** Counted predictions (self-pairs included) that a forbid entry matches, each pair key once. */
function forbiddenHits(gold: GoldItem, counted: readonly { event: Event; index: number }[]): ForbiddenHit[] {
  if (gold.forbid.length === 0) return [];
  const hits: ForbiddenHit[] = [];
  const seen = new Set<string>();
  for (const { event, index } of counted) {
    for (const pair of expandPairs(event, index, "all")) {
      const f = gold.forbid.findIndex((entry) => pairMatches(pair, entry));
      const key = pairKey(pair);
      if (f === -1 || seen.has(key)) continue;
      seen.add(key);
      hits.push({ forbid: { index: f, event: gold.forbid[f] }, pair });
    }
  }
  return hits;
}

function scoreQuotes(goldQuotes: readonly GoldQuote[], predicted: CodedArticle): QuoteScore {
  const required = goldQuotes.filter((q) => q.optional !== true);
  const missed = required.filter((g) => !predicted.quotes.some((q) => quoteMatches(q, g)));
  const found = required.length - missed.length;
  return {
    total: required.length,
    found,
    recall: required.length > 0 ? found / required.length : null,
    missed,
  };
}

/**
 * Right answers by label; then each missed required event is paired one-to-one with a false positive that
 * has its actors (a wrong code); what remains are plain misses and false alarms.
 */
function confusionOf(
  matched: readonly Match[],
  missed: readonly GoldRef[],
  unmatched: readonly PredictedPair[],
  scheme: Scheme,
): Confusion {
  const confusion = emptyConfusion(scheme);
  for (const m of matched) {
    if (m.gold.event.optional !== true) bump(confusion.right, predictedLabel(m.pair.event, scheme));
  }
  const goldOf = matchOneToOne(
    missed.map((_, i) => i),
    (g) => unmatched.flatMap((pair, p) => (actorsMatch(pair, missed[g].event) ? [p] : [])),
    unmatched.length,
  );
  const confusedGold = new Set<number>();
  unmatched.forEach((pair, p) => {
    const label = predictedLabel(pair.event, scheme);
    if (goldOf[p] === -1) {
      bump(confusion.falseAlarms, label);
      return;
    }
    confusedGold.add(goldOf[p]);
    const from = goldLabel(missed[goldOf[p]].event, scheme);
    confusion.confused[from] ??= {};
    bump(confusion.confused[from], label);
  });
  missed.forEach((ref, g) => {
    if (!confusedGold.has(g)) bump(confusion.misses, goldLabel(ref.event, scheme));
  });
  return confusion;
}

function calibrationOf(scored: readonly ScoredPair[]): CalibrationBucket[] {
  const buckets = emptyCalibration();
  for (const s of scored) {
    const bucket = bucketOf(buckets, s.pair.event.confidence);
    bucket.predictions++;
    if (s.right) bucket.right++;
  }
  return withPrecision(buckets);
}

export function mergeConfusion(scheme: Scheme, parts: readonly Confusion[]): Confusion {
  const total = emptyConfusion(scheme);
  for (const c of parts) {
    for (const [k, n] of Object.entries(c.right)) bump(total.right, k, n);
    for (const [k, n] of Object.entries(c.misses)) bump(total.misses, k, n);
    for (const [k, n] of Object.entries(c.falseAlarms)) bump(total.falseAlarms, k, n);
    for (const [from, row] of Object.entries(c.confused)) {
      total.confused[from] ??= {};
      for (const [to, n] of Object.entries(row)) bump(total.confused[from], to, n);
    }
  }
  return total;
}

export function mergeCalibration(parts: readonly CalibrationBucket[][]): CalibrationBucket[] {
  const total = emptyCalibration();
  for (const buckets of parts) {
    buckets.forEach((b, i) => {
      total[i].predictions += b.predictions;
      total[i].right += b.right;
    });
  }
  return withPrecision(total);
}

function sumCounts(items: readonly ItemScore[]): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, optional: 0, uncounted: 0, statements: 0 };
  for (const item of items) {
    counts.tp += item.counts.tp;
    counts.fp += item.counts.fp;
    counts.fn += item.counts.fn;
    counts.optional += item.counts.optional;
    counts.uncounted += item.counts.uncounted;
    counts.statements += item.counts.statements;
  }
  return counts;
}

/**
 * Scores a gold set: every item, then micro-averaged totals. A set that codes statements is also scored
 * without them; a set that does not is scored without them only (`statements` overrides the choice).
 */
export function scoreSet(
  entries: readonly { gold: GoldItem; predicted: CodedArticle }[],
  options: ScoreOptions = {},
): SetScore {
  const scheme = options.scheme ?? schemeOf(entries.flatMap((e) => e.gold.events));
  const statementsCoded = codesStatements(entries.map((e) => e.gold));
  const statements = options.statements ?? statementsCoded;
  const items = entries.map(({ gold, predicted }) => scoreItem(gold, predicted, { scheme, statements }));
  const counts = sumCounts(items);
  let quotesTotal = 0;
  let quotesFound = 0;
  for (const item of items) {
    quotesTotal += item.quotes.total;
    quotesFound += item.quotes.found;
  }
  const forbidden = items.flatMap((item) => item.forbidden.map((hit) => ({ id: item.id, hit })));
  let withoutStatements: StatementFigures = { counts, metrics: metrics(counts), forbidden: forbidden.length };
  if (statements) {
    const plain = entries.map(({ gold, predicted }) =>
      scoreItem(gold, predicted, { scheme, statements: false }),
    );
    const plainCounts = sumCounts(plain);
    withoutStatements = {
      counts: plainCounts,
      metrics: metrics(plainCounts),
      forbidden: plain.reduce((n, item) => n + item.forbidden.length, 0),
    };
  }
  return {
    scheme,
    items,
    counts,
    metrics: metrics(counts),
    statementsCoded,
    withoutStatements,
    forbidden,
    quotes: {
      total: quotesTotal,
      found: quotesFound,
      recall: quotesTotal > 0 ? quotesFound / quotesTotal : null,
    },
    confusion: mergeConfusion(
      scheme,
      items.map((i) => i.confusion),
    ),
    calibration: mergeCalibration(items.map((i) => i.calibration)),
    failed: items.filter((i) => i.errors.length > 0).length,
  };
}
