// Compact, JSON-ready views of scores: what `dyad eval` prints, for people and for machines. Pure.
import type { GoldEvent } from "./gold.js";
import type { PredictedPair } from "./match.js";
import type { CalibrationBucket, Confusion, ItemScore, Metrics, Scheme, SetScore } from "./score.js";

/** A predicted pair as a reader needs it: what was coded, from which words, by which rule. */
export interface PairView {
  source: string;
  target: string;
  /** The actor codes behind each key. */
  sourceActors: string[];
  targetActors: string[];
  code: string;
  root: string;
  name: string;
  plover: string | null;
  modality: string;
  confidence: number | null;
  /** 1-based sentence number. */
  sentence: number;
  trigger: string;
  rule: string;
  text: string;
}

export function pairView(pair: PredictedPair): PairView {
  const e = pair.event;
  return {
    source: pair.source,
    target: pair.target,
    sourceActors: pair.sourceActors.map((a) => a.code),
    targetActors: pair.targetActors.map((a) => a.code),
    code: e.code,
    root: e.root,
    name: e.name,
    plover: e.plover.type,
    modality: e.modality,
    confidence: e.confidence,
    sentence: e.sentence,
    trigger: e.evidence.trigger,
    rule: e.evidence.rule,
    text: e.evidence.text,
  };
}

/** "IRN -> PAK 04" or "HUN -> * AGREE": a gold event on one line. */
export function goldLabelText(event: GoldEvent): string {
  const side = (key: string, sectors: string[] | undefined) =>
    `${key === "" ? "*" : key}${sectors ? `(${sectors.join("|")})` : ""}`;
  const codes = [...(event.root ?? []), ...(event.plover ?? [])].join("|");
  const date = event.date ? ` on ${event.date.join("|")}` : "";
  return `${side(event.source, event.source_sector)} -> ${side(event.target, event.target_sector)} ${codes}${date}`;
}

/** One row of the per-label table. */
export interface LabelRow {
  label: string;
  /** Required gold events with this label. */
  gold: number;
  right: number;
  /** Coded with another label instead: predicted label -> count. */
  asOther: Record<string, number>;
  missed: number;
  /** Counted predictions with this label that were scored: right, wrong code, or false alarm. */
  predicted: number;
  falseAlarms: number;
  precision: number | null;
  recall: number | null;
}

const CAMEO_ORDER = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function labelRows(confusion: Confusion): LabelRow[] {
  const labels = new Set<string>([
    ...Object.keys(confusion.right),
    ...Object.keys(confusion.confused),
    ...Object.keys(confusion.misses),
    ...Object.keys(confusion.falseAlarms),
    ...Object.values(confusion.confused).flatMap((row) => Object.keys(row)),
  ]);
  return [...labels].sort(CAMEO_ORDER).map((label) => {
    const right = confusion.right[label] ?? 0;
    const asOther = confusion.confused[label] ?? {};
    const wrongCode = Object.values(asOther).reduce((s, n) => s + n, 0);
    const missed = confusion.misses[label] ?? 0;
    const intoThis = Object.values(confusion.confused).reduce((s, row) => s + (row[label] ?? 0), 0);
    const falseAlarms = confusion.falseAlarms[label] ?? 0;
    const gold = right + wrongCode + missed;
    const predicted = right + intoThis + falseAlarms;
    return {
      label,
      gold,
      right,
      asOther,
      missed,
      predicted,
      falseAlarms,
      precision: predicted > 0 ? right / predicted : null,
      recall: gold > 0 ? right / gold : null,
    };
  });
}

export interface ItemView {
  id: string;
  origin: string;
  tp: number;
  fp: number;
  fn: number;
  optional: number;
  uncounted: number;
  /** Predicted statements left out (scored without statements). */
  statements: number;
  metrics: Metrics;
  matched: { gold: GoldEvent; optional: boolean; prediction: PairView }[];
  missed: GoldEvent[];
  unmatched: PairView[];
  forbidden: { forbid: GoldEvent; prediction: PairView }[];
  quotes: { total: number; found: number; missed: { name: string; text: string }[] };
  errors: { code: string; message: string }[];
}

export function itemView(item: ItemScore): ItemView {
  return {
    id: item.id,
    origin: item.origin,
    ...item.counts,
    metrics: item.metrics,
    matched: item.matched.map((m) => ({
      gold: m.gold.event,
      optional: m.gold.event.optional === true,
      prediction: pairView(m.pair),
    })),
    missed: item.missed.map((m) => m.event),
    unmatched: item.unmatched.map(pairView),
    forbidden: item.forbidden.map((h) => ({ forbid: h.forbid.event, prediction: pairView(h.pair) })),
    quotes: {
      total: item.quotes.total,
      found: item.quotes.found,
      missed: item.quotes.missed.map((q) => ({ name: q.name, text: q.text })),
    },
    errors: item.errors.map((e) => ({ code: e.code, message: e.message })),
  };
}

/** The whole evaluation of one gold file, as `dyad eval --json` prints it. */
export interface SetView {
  file: string;
  name: string;
  scheme: Scheme;
  items: number;
  /** Malformed gold items left out of the evaluation. */
  skipped: number;
  /** Items whose coding reported errors. */
  failed: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  optional: number;
  uncounted: number;
  /** Predicted statements (root 01) left out of the figures above: only when the gold codes none. */
  statements: number;
  /** Whether the gold codes statements; when not, the figures above are already without them. */
  statementsCoded: boolean;
  /** The figures with statements removed from both gold and predictions. */
  withoutStatements: {
    precision: number;
    recall: number;
    f1: number;
    tp: number;
    fp: number;
    fn: number;
    optional: number;
    /** Predicted statements left out. */
    statements: number;
    forbidden: number;
  };
  forbidden: number;
  quoteRecall: number | null;
  quotes: { total: number; found: number };
  labels: LabelRow[];
  confusion: Confusion;
  calibration: CalibrationBucket[];
  perItem: ItemView[];
}

export function setView(score: SetScore, file: string, name: string, skipped = 0): SetView {
  return {
    file,
    name,
    scheme: score.scheme,
    items: score.items.length,
    skipped,
    failed: score.failed,
    ...score.metrics,
    ...score.counts,
    statementsCoded: score.statementsCoded,
    withoutStatements: {
      ...score.withoutStatements.metrics,
      tp: score.withoutStatements.counts.tp,
      fp: score.withoutStatements.counts.fp,
      fn: score.withoutStatements.counts.fn,
      optional: score.withoutStatements.counts.optional,
      statements: score.withoutStatements.counts.statements,
      forbidden: score.withoutStatements.forbidden,
    },
    forbidden: score.forbidden.length,
    quoteRecall: score.quotes.recall,
    quotes: { total: score.quotes.total, found: score.quotes.found },
    labels: labelRows(score.confusion),
    confusion: score.confusion,
    calibration: score.calibration,
    perItem: score.items.map(itemView),
  };
}
