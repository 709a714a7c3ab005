// The bench's figures, their table, and the comparison with the committed baseline. Pure: no timing, no I/O.
import { renderTable } from "../src/cli/table.js";
import type { ProbeResult } from "./probe.js";

/** What one probe measured for one mode (baseline, code or ingest, in process or on a worker pool). */
export interface ModeResult {
  /** "baseline", "code", "ingest", "code x2" (two workers), ... */
  mode: string;
  /** Worker threads; 0 when the mode runs in the probe's own thread. */
  workers: number;
  /** Per pass over the corpus. */
  articles: number;
  sentences: number;
  tokens: number;
  events: number;
  /** Time of the fastest warm pass (the cold one when there is a single pass). */
  seconds: number;
  /** The first, cold pass (JIT warm-up, lazy loads). */
  coldSeconds: number;
  articlesPerSecond: number;
  sentencesPerSecond: number;
  tokensPerSecond: number;
  eventsPerSecond: number;
  /** Peak resident set of the probe process (all threads), in MB. */
  peakRssMb: number;
  /**
   * CPU time over wall time in that pass: the cores the process kept busy, its threads and V8's collector
   * and compiler threads together (absent in older baselines).
   */
  cores?: number;
  /** From process start to the first coded event (knowledge compile included), in ms. */
  firstEventMs: number | null;
  /** "event" when an event was seen; "article" when the first pass coded none and the first article is timed. */
  firstEventKind: "event" | "article";
}

/** Time per pass of one stage of `code`: the NLP reading, then each pipeline component. */
export interface StageTime {
  name: string;
  seconds: number;
}

export interface BenchReport {
  version: 1;
  date: string;
  /** load: the 1-minute load average before and after the run (other processes skew every figure). */
  machine: { cpus: number; model: string; node: string; load?: [number, number] };
  corpus: { articles: number; seed: number; sentences: number; tokens: number };
  passes: number;
  /** How many times every probe ran (older baselines: once). */
  rounds?: number;
  /** The one-thread probes ran on one core alone (--pin). */
  pinned?: boolean;
  results: ModeResult[];
  /** Where the time of `code` goes (the fastest warm pass of each stage). */
  stages?: StageTime[];
  /** articles/s of each mode over the baseline's (wink reading alone). */
  ratios: Record<string, number>;
}

export type Verdict = "ok" | "regression" | "better" | "new" | "missing";

export interface Comparison {
  mode: string;
  before: number | null;
  after: number | null;
  /** after / before - 1. */
  change: number | null;
  verdict: Verdict;
}

/** How bench/rss.ts marks the peak RSS of a measured process on its stderr. */
export const RSS_MARK = "DYAD_BENCH_PEAK_RSS_KB=";

/** A regression is a ratio more than this fraction below the baseline's. */
export const REGRESSION_THRESHOLD = 0.15;

/** The warm passes: all but the first, unless there is only one. */
export function warm(passSeconds: readonly number[]): readonly number[] {
  return passSeconds.length > 1 ? passSeconds.slice(1) : passSeconds;
}

/**
 * One probe's rounds as one result: the first round's cold pass, then every round's warm passes (the
 * fastest of them is the figure), the highest peak RSS, the earliest first event. Rounds run the probes in
 * turn, so a slow spell of the machine costs one round of a mode, not the mode.
 */
export function mergeRounds(rounds: readonly ProbeResult[]): ProbeResult {
  if (rounds.length === 0) throw new Error("no round to merge");
  const [first] = rounds;
  const passes = (of: (r: ProbeResult) => readonly number[]) => [
    of(first)[0],
    ...rounds.flatMap((r) => warm(of(r))),
  ];
  const starts = rounds.flatMap((r) => (r.firstEventMs === null ? [] : [r.firstEventMs]));
  return {
    ...first,
    passSeconds: rounds.every((r) => r.passSeconds.length > 0) ? passes((r) => r.passSeconds) : [],
    passCpuSeconds: rounds.every((r) => (r.passCpuSeconds?.length ?? 0) > 0)
      ? passes((r) => r.passCpuSeconds ?? [])
      : undefined,
    peakRssKb: Math.max(...rounds.map((r) => r.peakRssKb)),
    firstEventMs: starts.length > 0 ? Math.min(...starts) : null,
    firstEventKind: first.firstEventKind,
    stages: first.stages?.map((stage, i) => ({
      name: stage.name,
      passSeconds: passes((r) => r.stages?.[i]?.passSeconds ?? []),
    })),
  };
}

export function ratios(results: readonly ModeResult[]): Record<string, number> {
  const base = results.find((r) => r.mode === "baseline");
  const out: Record<string, number> = {};
  if (!base || base.articlesPerSecond <= 0) return out;
  for (const r of results) out[r.mode] = r.articlesPerSecond / base.articlesPerSecond;
  return out;
}

/**
 * Compares each mode's ratio to the baseline's ratio: the ratio cancels the machine's speed, so a drop
 * beyond the threshold is the code's doing (or noise: the threshold is wider than a run's spread).
 */
export function compare(
  current: Record<string, number>,
  baseline: Record<string, number>,
  threshold = REGRESSION_THRESHOLD,
): Comparison[] {
  const modes = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].filter(
    (m) => m !== "baseline",
  );
  return modes.map((mode): Comparison => {
    const before = baseline[mode] ?? null;
    const after = current[mode] ?? null;
    if (before === null) return { mode, before, after, change: null, verdict: "new" };
    if (after === null) return { mode, before, after, change: null, verdict: "missing" };
    const change = before > 0 ? after / before - 1 : 0;
    // The epsilon keeps a drop of exactly the threshold (0.425 against 0.5) on the "ok" side.
    const verdict: Verdict =
      change < -threshold - 1e-9 ? "regression" : change > threshold + 1e-9 ? "better" : "ok";
    return { mode, before, after, change, verdict };
  });
}

export function regressions(comparisons: readonly Comparison[]): Comparison[] {
  return comparisons.filter((c) => c.verdict === "regression");
}

const fixed = (n: number, digits = 0) => n.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const percent = (n: number) => `${n >= 0 ? "+" : ""}${(n * 100).toFixed(1)}%`;

/** Other processes kept half the cores busy in the minute before the run (after it, the load is the bench's). */
export function busy(report: BenchReport): boolean {
  return (report.machine.load?.[0] ?? 0) > report.machine.cpus / 2;
}

export function renderResults(report: BenchReport): string {
  const rows = report.results.map((r) => [
    r.mode,
    fixed(r.articlesPerSecond),
    fixed(r.sentencesPerSecond),
    fixed(r.tokensPerSecond),
    fixed(r.eventsPerSecond),
    fixed(r.peakRssMb),
    r.cores === undefined ? "-" : r.cores.toFixed(2),
    r.firstEventMs === null ? "-" : `${fixed(r.firstEventMs)}${r.firstEventKind === "article" ? "*" : ""}`,
    (report.ratios[r.mode] ?? 0).toFixed(2),
  ]);
  const c = report.corpus;
  const head =
    `corpus: ${fixed(c.articles)} articles (seed ${c.seed}), ${fixed(c.sentences)} sentences, ` +
    `${fixed(c.tokens)} tokens; ${report.passes} passes` +
    (report.rounds && report.rounds > 1 ? ` in each of ${report.rounds} rounds` : "") +
    " (the first is cold; figures are from the fastest warm one)\n" +
    (report.pinned ? "one-thread probes pinned to one core (--pin)\n" : "") +
    `machine: ${report.machine.cpus} cores, ${report.machine.model}, node ${report.machine.node}` +
    (report.machine.load
      ? `, load average ${report.machine.load.map((l) => l.toFixed(2)).join(" -> ")}`
      : "") +
    "\n" +
    (busy(report)
      ? "warning: other processes were running: the figures are low and the ratios unsteady\n"
      : "") +
    "\n";
  const table = renderTable(
    [
      "mode",
      "articles/s",
      "sentences/s",
      "tokens/s",
      "events/s",
      "peak MB",
      "cores",
      "first event ms",
      "ratio",
    ],
    rows,
  );
  const starred = report.results.some((r) => r.firstEventKind === "article")
    ? "* no event in the first pass: the time to the first coded article is shown\n"
    : "";
  return head + table + starred;
}

/**
 * The targets (issue 13): the parse alone and `dyad code` with the parse, in sentences per second on one core,
 * and the peak RSS of `code` with two threads. (The earlier target, code at half of wink's speed, is retired.)
 */
export const TARGETS = { parseSentencesPerSecond: 5000, codeSentencesPerSecond: 3000, twoThreadsPeakMb: 500 };

/** Each target with this run's figure and whether it is met; a mode not measured is said so. */
export function renderTargets(report: BenchReport): string {
  const by = new Map(report.results.map((r) => [r.mode, r]));
  const line = (
    label: string,
    r: ModeResult | undefined,
    figure: (r: ModeResult) => number,
    target: number,
    unit: string,
    atMost = false,
  ) => {
    if (!r) return `  ${label}: not measured in this run\n`;
    const v = figure(r);
    const met = atMost ? v < target : v >= target;
    return `  ${label}: ${fixed(v)} ${unit} (target ${atMost ? "<" : ">="} ${fixed(target)}): ${met ? "met" : "NOT MET"}\n`;
  };
  return (
    "\ntargets:\n" +
    line(
      "parse alone, one thread",
      by.get("parse"),
      (r) => r.sentencesPerSecond,
      TARGETS.parseSentencesPerSecond,
      "sentences/s",
    ) +
    line(
      "code with the parse, one thread",
      by.get("code"),
      (r) => r.sentencesPerSecond,
      TARGETS.codeSentencesPerSecond,
      "sentences/s",
    ) +
    line(
      "code with two threads, peak RSS",
      by.get("code x2"),
      (r) => r.peakRssMb,
      TARGETS.twoThreadsPeakMb,
      "MB",
      true,
    )
  );
}

/**
 * What the design leaves for the rules: the floor probe's time per article (reading, chrono, index lookups,
 * and nothing else) against what `code` takes.
 */
export function renderFloor(report: BenchReport): string {
  const by = new Map(report.results.map((r) => [r.mode, r]));
  const base = by.get("baseline");
  const floor = by.get("floor");
  const code = by.get("code");
  if (!base || !floor || !code) return "";
  const us = (r: ModeResult) => (r.seconds / r.articles) * 1e6;
  return (
    "\nthe design's floor (wink reading into a Doc, chrono on the dates component's text, one lookup per token" +
    " in each index; no rule, no parse):\n" +
    `  floor ${fixed(us(floor))} µs per article, ${(us(base) / us(floor)).toFixed(2)} of the baseline's speed;` +
    ` code takes ${fixed(us(code))}, ${fixed(us(code) - us(floor))} above the floor\n`
  );
}

/** The stages of `code` in ms per 1,000 articles, their share, and each against wink reading alone. */
export function renderStages(report: BenchReport): string {
  const stages = report.stages;
  const base = report.results.find((r) => r.mode === "baseline");
  if (!stages || stages.length === 0 || !base) return "";
  const total = stages.reduce((t, s) => t + s.seconds, 0);
  const per1000 = (seconds: number) => fixed((seconds / report.corpus.articles) * 1e6);
  const rows = [
    ["wink alone (baseline)", per1000(base.seconds), "", "1.00"],
    ...stages.map((s) => [
      s.name,
      per1000(s.seconds),
      `${((s.seconds / total) * 100).toFixed(1)}%`,
      (s.seconds / base.seconds).toFixed(2),
    ]),
    ["code, all stages", per1000(total), "100.0%", (total / base.seconds).toFixed(2)],
  ];
  return `\nwhere the time of code goes (one thread):\n${renderTable(["stage", "ms per 1,000 articles", "share", "x baseline"], rows)}`;
}

export function renderComparison(
  comparisons: readonly Comparison[],
  threshold = REGRESSION_THRESHOLD,
): string {
  if (comparisons.length === 0) return "no ratios to compare\n";
  const rows = comparisons.map((c) => [
    c.mode,
    c.before === null ? "-" : c.before.toFixed(3),
    c.after === null ? "-" : c.after.toFixed(3),
    c.change === null ? "-" : percent(c.change),
    c.verdict === "regression"
      ? `REGRESSION (more than ${(threshold * 100).toFixed(0)}% below the baseline)`
      : c.verdict === "better"
        ? "better: consider --write-baseline"
        : c.verdict === "new"
          ? "not in the baseline"
          : c.verdict === "missing"
            ? "not measured in this run"
            : "ok",
  ]);
  return renderTable(["mode", "baseline ratio", "this run", "change", "verdict"], rows, 80);
}
