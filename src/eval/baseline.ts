// The committed evaluation baseline (test/eval-baseline.json): minimum scores and maximum forbidden
// events per gold set. Pure: parsing, comparing and raising; the caller reads and writes the file.
import { z } from "zod";
import { DyadError } from "../core/errors.js";
import type { SetScore } from "./score.js";

/** Slack for floating-point noise when a score is compared with its floor. */
export const BASELINE_TOLERANCE = 1e-9;

const score = z.number().min(0).max(1);

const EntrySchema = z.strictObject({
  min: z.strictObject({
    precision: score,
    recall: score,
    f1: score,
    /** null when the gold set has no quotes. */
    quoteRecall: score.nullable(),
  }),
  max: z.strictObject({ forbidden: z.number().int().nonnegative() }),
});

const BaselineSchema = z.strictObject({
  about: z.string().optional(),
  sets: z.record(z.string().min(1), EntrySchema),
});

export type BaselineEntry = z.infer<typeof EntrySchema>;
export type Baseline = z.infer<typeof BaselineSchema>;

export const BASELINE_ABOUT =
  "Floors of `dyad eval` per gold set, checked by test/gold.test.ts. Raise them after an improvement with " +
  "`dyad eval --write-baseline test/eval-baseline.json ../shared/gold/*.jsonl test/gold/*.jsonl` (docs/eval.md).";

/** The figures a baseline constrains. */
export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  quoteRecall: number | null;
  forbidden: number;
}

export function figuresOf(score: SetScore): Figures {
  return {
    precision: score.metrics.precision,
    recall: score.metrics.recall,
    f1: score.metrics.f1,
    quoteRecall: score.quotes.recall,
    forbidden: score.forbidden.length,
  };
}

export function parseBaseline(text: string, origin: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DyadError(
      "E_DATA",
      `baseline is not JSON: ${e instanceof Error ? e.message : String(e)}`,
      origin,
    );
  }
  const parsed = BaselineSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join(".") || "baseline"}: ${i.message}`)
      .join("; ");
    throw new DyadError("E_DATA", detail, origin);
  }
  return parsed.data;
}

/** Rounds down to 3 decimals, so a floor written today holds for the same figures tomorrow. */
export function floor3(x: number): number {
  return Math.floor(x * 1000 + 1e-9) / 1000;
}

export function entryOf(figures: Figures): BaselineEntry {
  return {
    min: {
      precision: floor3(figures.precision),
      recall: floor3(figures.recall),
      f1: floor3(figures.f1),
      quoteRecall: figures.quoteRecall === null ? null : floor3(figures.quoteRecall),
    },
    max: { forbidden: figures.forbidden },
  };
}

/** A figure that moved when a baseline entry was rewritten. */
export interface BaselineChange {
  set: string;
  figure: string;
  from: number | null;
  to: number | null;
  /** The new floor is lower (or the forbidden ceiling higher) than the old one. */
  worse: boolean;
}

/** Writes the current figures of each set into the baseline; other sets keep their entries. */
export function raiseBaseline(
  baseline: Baseline | null,
  figures: Readonly<Record<string, Figures>>,
): { baseline: Baseline; changes: BaselineChange[] } {
  const sets: Record<string, BaselineEntry> = { ...(baseline?.sets ?? {}) };
  const changes: BaselineChange[] = [];
  for (const [set, f] of Object.entries(figures)) {
    const next = entryOf(f);
    const old = sets[set];
    for (const key of ["precision", "recall", "f1", "quoteRecall"] as const) {
      const from = old ? old.min[key] : null;
      const to = next.min[key];
      if (from !== to) changes.push({ set, figure: key, from, to, worse: from !== null && (to ?? 0) < from });
    }
    const from = old ? old.max.forbidden : null;
    if (from !== next.max.forbidden) {
      changes.push({
        set,
        figure: "forbidden",
        from,
        to: next.max.forbidden,
        worse: from !== null && next.max.forbidden > from,
      });
    }
    sets[set] = next;
  }
  const ordered = Object.fromEntries(Object.entries(sets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { baseline: { about: baseline?.about ?? BASELINE_ABOUT, sets: ordered }, changes };
}

/** The figures that fall below their floor (or above the forbidden ceiling), as readable lines. */
export function checkBaseline(
  figures: Figures,
  entry: BaselineEntry,
  tolerance = BASELINE_TOLERANCE,
): string[] {
  const failures: string[] = [];
  for (const key of ["precision", "recall", "f1", "quoteRecall"] as const) {
    const floor = entry.min[key];
    if (floor === null) continue;
    const value = figures[key];
    if (value === null || value < floor - tolerance) {
      failures.push(`${key} ${value === null ? "none" : value.toFixed(4)} is below the baseline ${floor}`);
    }
  }
  if (figures.forbidden > entry.max.forbidden) {
    failures.push(`${figures.forbidden} forbidden events found, the baseline allows ${entry.max.forbidden}`);
  }
  return failures;
}
