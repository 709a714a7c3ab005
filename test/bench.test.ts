// The bench's machinery (issue 7): a fixed corpus for a seed, ratios to the baseline, and regression
// detection against bench/baseline.json, on made-up figures. No test here measures or asserts a time.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { generateCorpus, toJsonl } from "../bench/corpus.js";
import type { ProbeResult } from "../bench/probe.js";
import { type CpuProfile, renderProfile, summariseProfile } from "../bench/profile.js";
import {
  type BenchReport,
  compare,
  type ModeResult,
  mergeRounds,
  ratios,
  regressions,
  renderComparison,
  renderFloor,
  renderResults,
  renderTargets,
} from "../bench/report.js";

function result(mode: string, articlesPerSecond: number): ModeResult {
  return {
    mode,
    workers: 0,
    articles: 100,
    sentences: 1000,
    tokens: 15000,
    events: 300,
    seconds: 100 / articlesPerSecond,
    coldSeconds: 200 / articlesPerSecond,
    articlesPerSecond,
    sentencesPerSecond: articlesPerSecond * 10,
    tokensPerSecond: articlesPerSecond * 150,
    eventsPerSecond: articlesPerSecond * 3,
    peakRssMb: 200,
    firstEventMs: 900,
    firstEventKind: "event",
  };
}

test("the corpus is the same for a seed and changes with it", () => {
  const a = generateCorpus({ articles: 50, seed: 1 });
  assert.deepEqual(generateCorpus({ articles: 50, seed: 1 }), a);
  assert.notDeepEqual(generateCorpus({ articles: 50, seed: 2 }), a);
  assert.equal(new Set(a.map((x) => x.id)).size, 50);
  for (const article of a) {
    assert.match(article.date, /^2023-(0[7-9]|1[0-2])-\d\d$|^2024-0[1-6]-\d\d$/);
    assert.ok(article.text.split("\n\n").length >= 2, "articles have paragraphs");
  }
});

test("a ratio is a mode's articles/s over the baseline's", () => {
  const r = ratios([result("baseline", 4000), result("code", 2000), result("ingest", 1000)]);
  assert.deepEqual(r, { baseline: 1, code: 0.5, ingest: 0.25 });
  assert.deepEqual(ratios([result("code", 2000)]), {}, "no baseline, no ratios");
});

test("a ratio more than 15% below the committed one is a regression; less is not", () => {
  const baseline = { baseline: 1, code: 0.5, ingest: 0.4, "code x2": 0.9 };
  const current = { baseline: 1, code: 0.424, ingest: 0.341, "code x2": 1.2 };
  const comparisons = compare(current, baseline);
  const by = new Map(comparisons.map((c) => [c.mode, c]));
  assert.equal(by.get("code")?.verdict, "regression", "-15.2%");
  assert.equal(by.get("ingest")?.verdict, "ok", "-14.75%");
  assert.equal(by.get("code x2")?.verdict, "better");
  assert.equal(by.has("baseline"), false, "the baseline's own ratio is 1 by definition");
  assert.deepEqual(
    regressions(comparisons).map((c) => c.mode),
    ["code"],
  );
  assert.match(renderComparison(comparisons), /code\s+0\.500\s+0\.424\s+-15\.2%\s+REGRESSION/);
});

test("modes measured on one side only are reported, never failed", () => {
  const comparisons = compare(
    { baseline: 1, code: 0.5, "ingest x2": 0.6 },
    { baseline: 1, code: 0.5, ingest: 0.4 },
  );
  const by = new Map(comparisons.map((c) => [c.mode, c.verdict]));
  assert.equal(by.get("ingest"), "missing");
  assert.equal(by.get("ingest x2"), "new");
  assert.deepEqual(regressions(comparisons), []);
});

test("a stricter threshold catches smaller drops", () => {
  const comparisons = compare({ code: 0.45 }, { code: 0.5 }, 0.05);
  assert.equal(comparisons[0].verdict, "regression");
});

test("a CPU profile is summed by function and by folder, packages as one folder", () => {
  const frame = (functionName: string, url: string, lineNumber: number) => ({
    functionName,
    url,
    lineNumber,
  });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", "", -1), children: [2, 3] },
      { id: 2, callFrame: frame("run", "file:///x/bench/out/build/src/code/coder.js", 449), children: [4] },
      { id: 3, callFrame: frame("readDoc", "file:///x/node_modules/wink-nlp/src/wink-nlp.js", 206) },
      { id: 4, callFrame: frame("", "file:///x/bench/out/build/src/code/clauses.js", 9) },
    ],
    // run 3 samples of 1 ms, readDoc 2 of 2 ms, the anonymous function 1 of 1 ms, the root 1 of 1 ms.
    samples: [2, 2, 3, 4, 2, 3, 1],
    timeDeltas: [1000, 1000, 2000, 1000, 1000, 2000, 1000],
  };
  const s = summariseProfile(profile);
  assert.equal(s.totalMs, 9);
  assert.deepEqual(
    s.functions.map((f) => [f.name, f.selfMs]),
    [
      ["readDoc wink-nlp/src/wink-nlp.js:207", 4],
      ["run src/code/coder.js:450", 3],
      ["(anonymous) src/code/clauses.js:10", 1],
      ["(root)", 1],
    ],
  );
  assert.deepEqual(
    s.folders.map((f) => [f.name, f.selfMs]),
    [
      ["src/code", 4],
      ["wink-nlp", 4],
      ["(root)", 1],
    ],
  );
  assert.ok(Math.abs(s.folders[0].share - 4 / 9) < 1e-9);
  assert.match(renderProfile(s, "profile"), /src\/code\n/);
});

test("rounds merge into one result: first cold pass, every warm pass, highest RSS, earliest first event", () => {
  const probe = (passSeconds: number[], peakRssKb: number, firstEventMs: number | null): ProbeResult => ({
    mode: "code",
    workers: 0,
    articles: 100,
    sentences: 0,
    tokens: 0,
    events: 7,
    passSeconds,
    peakRssKb,
    firstEventMs,
    firstEventKind: "event",
    stages: [{ name: "reading", passSeconds: passSeconds.map((x) => x / 2) }],
  });
  const merged = mergeRounds([
    { ...probe([3, 1.2, 1.1], 100, 950), passCpuSeconds: [4, 1.5, 1.4] },
    { ...probe([2.5, 0.9, 1.4], 120, 900), passCpuSeconds: [3, 1.2, 1.6] },
  ]);
  assert.deepEqual(merged.passSeconds, [3, 1.2, 1.1, 0.9, 1.4], "the second round's cold pass is left out");
  assert.deepEqual(merged.passCpuSeconds, [4, 1.5, 1.4, 1.2, 1.6], "CPU times stay beside their passes");
  assert.equal(merged.peakRssKb, 120);
  assert.equal(merged.firstEventMs, 900);
  assert.deepEqual(merged.stages?.[0].passSeconds, [1.5, 0.6, 0.55, 0.45, 0.7]);
  assert.equal(mergeRounds([probe([2], 50, null)]).firstEventMs, null);
  assert.deepEqual(mergeRounds([probe([2], 50, null), probe([1], 60, null)]).passSeconds, [2, 2, 1]);
  assert.throws(() => mergeRounds([]), /no round/);
});

test("the table shows the cores a mode kept busy, and a dash where a baseline did not measure them", () => {
  const report: BenchReport = {
    version: 1,
    date: "2026-11-29T00:00:00.000Z",
    machine: { cpus: 2, model: "test", node: "v20" },
    corpus: { articles: 100, seed: 7, sentences: 1000, tokens: 15000 },
    passes: 4,
    rounds: 2,
    pinned: true,
    results: [result("baseline", 4000), { ...result("code", 1000), cores: 1.314 }],
    ratios: { baseline: 1, code: 0.25 },
  };
  const text = renderResults(report);
  assert.match(text, /4 passes in each of 2 rounds/);
  assert.match(text, /pinned to one core/);
  assert.match(text, /\bcode\s+1,000\s.*\s1\.31\s/);
  assert.match(text, /\bbaseline\s+4,000\s.*\s-\s/);
});

test("the floor line says what code takes above the floor", () => {
  const report = (floor: number): BenchReport => ({
    version: 1,
    date: "2026-11-29T00:00:00.000Z",
    machine: { cpus: 2, model: "test", node: "v20" },
    corpus: { articles: 100, seed: 7, sentences: 1000, tokens: 15000 },
    passes: 4,
    results: [result("baseline", 8000), result("floor", floor), result("code", 2000)],
    ratios: {},
  });
  // Baseline 125 µs per article; a floor of 200 µs; code takes 500 µs, 300 above the floor.
  const text = renderFloor(report(5000));
  assert.match(
    text,
    /floor 200 µs per article, 0\.63 of the baseline's speed; code takes 500, 300 above the floor/,
  );
  assert.equal(renderFloor({ ...report(5000), results: [result("baseline", 8000)] }), "", "no floor probe");
});

test("issue 13: the targets are the parse and code in sentences/s and the peak RSS of two threads", () => {
  const report: BenchReport = {
    version: 1,
    date: "2026-11-29T00:00:00.000Z",
    machine: { cpus: 2, model: "test", node: "v20" },
    corpus: { articles: 100, seed: 7, sentences: 1000, tokens: 15000 },
    passes: 4,
    // result() makes ten sentences an article: 600 articles/s are 6,000 sentences/s.
    results: [result("parse", 600), result("code", 200)],
    ratios: {},
  };
  const text = renderTargets(report);
  assert.match(text, /parse alone, one thread: 6,000 sentences\/s \(target >= 5,000\): met/);
  assert.match(text, /code with the parse, one thread: 2,000 sentences\/s \(target >= 3,000\): NOT MET/);
  assert.match(text, /code with two threads, peak RSS: not measured in this run/);
});

test("the floor probe reads, calls chrono and looks words up on a real corpus, and reports its passes", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-floor-"));
  try {
    const input = join(dir, "corpus.jsonl");
    writeFileSync(input, generateCorpus({ articles: 20, seed: 3 }).map(toJsonl).join(""));
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "bench/probe.ts", "--mode", "floor", "--input", input, "--passes", "2"],
      { encoding: "utf8" },
    );
    const r = JSON.parse(out) as ProbeResult;
    assert.equal(r.mode, "floor");
    assert.equal(r.articles, 20);
    assert.equal(r.passSeconds.length, 2);
    assert.ok(r.passSeconds.every((s) => s > 0));
    assert.equal(r.passCpuSeconds?.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
