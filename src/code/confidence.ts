// Confidence of a coded event: the chance that the row is right, from what the evidence looks like.
// The factors were measured on the gold sets (`dyad eval --json`, precision of predictions sharing a
// feature); the calibration table of `dyad eval` shows whether higher confidence still means more often right.

export interface EventFeatures {
  /** Words of the lexicon pattern that matched (not counting slots). */
  patternWords: number;
  /** Source taken from a passive's "by" phrase, or a passive without one. */
  passive: boolean;
  /** No source actor at all (agentless passive). */
  sourceless: boolean;
  /** A nominal trigger ("the meeting with", "an air strike on"). */
  nominal: boolean;
  /** The subject was shared from a coordinated verb. */
  sharedSubject: boolean;
  /** Only a speaker claims the event. */
  reported: boolean;
  /** A target is a name Dyad does not know. */
  unknownTarget: boolean;
  /** A target is an international body. */
  orgTarget: boolean;
}

/** Precision of all lexicon events on the gold sets when this was measured. */
const BASE = 0.62;

export function confidenceOf(f: EventFeatures): number {
  let c = BASE;
  if (f.patternWords <= 1) c *= 0.85;
  else if (f.patternWords >= 3) c *= 1.05;
  if (f.passive) c *= 0.5;
  if (f.sourceless) c *= 0.3;
  if (f.nominal) c *= 0.55;
  if (f.sharedSubject) c *= 0.45;
  if (f.reported) c *= 0.8;
  if (f.unknownTarget) c *= 0.6;
  if (f.orgTarget) c *= 1.15;
  return Math.round(Math.max(0.05, Math.min(0.95, c)) * 100) / 100;
}

/** Events of the analysis rules, which have no pattern: their measured precision. */
export const RULE_CONFIDENCE = {
  reportedEvaluation: 0.55,
  reportedDemand: 0.7,
  statement: 0.6,
} as const;
