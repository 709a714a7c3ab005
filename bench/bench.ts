// npm run bench: the corpus, then baseline (wink reading alone), code and ingest, each in a fresh process;
// the table, the ratios to the baseline, and the comparison with bench/baseline.json. See docs/bench.md.

import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, iterateCorpus, toJsonl } from "./corpus.js";
import type { ProbeMode, ProbeResult } from "./probe.js";
import { type CpuProfile, renderProfile, summariseProfile } from "./profile.js";
import { queueBench, renderQueueBench } from "./queue.js";
import {
  type BenchReport,
  compare,
  type ModeResult,
  mergeRounds,
  REGRESSION_THRESHOLD,
  RSS_MARK,
  ratios,
  regressions,
  renderComparison,
  renderFloor,
  renderResults,
  renderStages,
  renderTargets,
  warm,
} from "./report.js";
import { renderStoreWrite, storeWriteBench } from "./store-write.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench", "out");
const BUILD = join(OUT, "build");
const STAGES_PROFILE = "stages.cpuprofile";
const BASELINE = join(ROOT, "bench", "baseline.json");

const USAGE = `usage: npm run bench -- [options]
  --articles N        corpus size (default 2000)
  --seed N            corpus seed (default ${DEFAULT_SEED})
  --passes N          passes over the corpus per mode; the first is cold (default 4)
  --rounds N          run every probe N times, in turn; figures from the fastest warm pass of all (default 3)
  --workers N         also bench the worker pool: code with 1 and N workers, ingest with N
  --json              print the report as JSON
  --write-baseline    write bench/baseline.json from this run
  --threshold F       regression threshold on a ratio (default ${REGRESSION_THRESHOLD})
  --memory N[,N...]   instead: stream N generated articles from JSONL through \`dyad code\`, report peak RSS
  --memory-command C  code or ingest, for --memory (default code)
  --no-build          run the TypeScript sources under tsx instead of a compiled copy
  --cpu-prof          write a CPU profile of every probe to bench/out/profiles
  --queue URL         instead: code the corpus through the work queue of the PostgreSQL server at URL
                      with 1 and then 2 worker processes, against dyad ingest --workers 1 (docs/store.md)
  --store-write       instead: code the corpus on one thread, then write the coded articles into an empty
                      store and one holding --preload articles (default 100000), on SQLite and, with
                      --pg URL, on PostgreSQL; writing must be at least 2x as fast as coding
  --queue-batch N     articles per queued batch, for --queue (default 50)
  --pin               run the one-thread probes on one core (taskset): V8's collector and compiler threads
                      then share it, as on a one-core machine; not for --write-baseline
`;

/** How to run a module of this repository: compiled, or from the sources under tsx. */
interface Runner {
  /** node options that must come before the module. */
  node: string[];
  /** The file of a module given its path from the root without extension ("bench/probe"). */
  file(module: string): string;
}

/** Compiles src/ and bench/ into bench/out/build, so that the figures are those of the shipped JavaScript. */
function build(): Runner {
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  rmSync(BUILD, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", "tsconfig.json", "--noEmit", "false", "--outDir", BUILD, "--incremental", "false"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (!existsSync(join(BUILD, "bench", "probe.js"))) {
    throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
  }
  if (result.status !== 0) {
    process.stderr.write(
      "warning: tsc reported type errors (the build was emitted anyway):\n" +
        result.stdout
          .split("\n")
          .slice(0, 5)
          .map((l) => `  ${l}\n`)
          .join(""),
    );
  }
  // The compiled tree finds package.json, data/ and the store's .sql migrations where the sources do.
  // data/ is copied, not linked: every probe of a run reads the same knowledge while others edit it.
  copyFileSync(join(ROOT, "package.json"), join(BUILD, "package.json"));
  cpSync(join(ROOT, "data"), join(BUILD, "data"), { recursive: true });
  copyAssets(join(ROOT, "src"), join(BUILD, "src"));
  return { node: [], file: (module) => join(BUILD, `${module}.js`) };
}

function copyAssets(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copyAssets(source, join(to, entry.name));
    else if (!entry.name.endsWith(".ts")) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, join(to, entry.name));
    }
  }
}

const sourceRunner: Runner = { node: ["--import", "tsx"], file: (module) => join(ROOT, `${module}.ts`) };

/** Writes the corpus as JSONL a few hundred lines at a time, so any size fits in memory. */
function writeCorpus(path: string, articles: number, seed: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  try {
    let chunk = "";
    for (const article of iterateCorpus({ articles, seed })) {
      chunk += toJsonl(article);
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

function run(
  args: string[],
  options: { stdout?: "pipe" | "ignore"; core?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, argv] =
    options.core === undefined
      ? [process.execPath, args]
      : ["taskset", ["--cpu-list", String(options.core), process.execPath, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd: ROOT,
      stdio: ["ignore", options.stdout ?? "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr?.setEncoding("utf8").on("data", (s: string) => {
      // Keep the tail only: a long run may report many article errors.
      stderr = (stderr + s).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

interface Settings {
  runner: Runner;
  corpus: string;
  passes: number;
  profileDir: string | null;
  /** Runs the one-thread probes on core 0 alone (taskset), so that V8's own threads cannot use another. */
  pin: boolean;
}

async function probe(s: Settings, mode: ProbeMode, workers: number): Promise<ProbeResult> {
  // The stages probe's profile gets a known name: the bench summarises it after the run.
  const name = mode === "stages" ? ["--cpu-prof-name", STAGES_PROFILE] : [];
  const prof = s.profileDir ? ["--cpu-prof", "--cpu-prof-dir", s.profileDir, ...name] : [];
  const args = [
    ...prof,
    ...s.runner.node,
    s.runner.file("bench/probe"),
    "--mode",
    mode,
    "--input",
    s.corpus,
    "--passes",
    String(s.passes),
    "--workers",
    String(workers),
  ];
  const label = workers > 0 ? `${mode} with ${workers} worker${workers > 1 ? "s" : ""}` : mode;
  process.stderr.write(`bench: ${label}...\n`);
  const { code, stdout, stderr } = await run(args, { core: s.pin && workers <= 1 ? 0 : undefined });
  const line = stdout.trim().split("\n").pop();
  if (code !== 0 || !line) throw new Error(`the ${label} probe failed (exit ${code}):\n${stderr}`);
  return JSON.parse(line) as ProbeResult;
}

/** The fastest pass: other processes can only slow a pass down, so the fastest is the least disturbed. */
function fastest(xs: readonly number[]): number {
  return Math.min(...xs);
}

function toModeResult(
  name: string,
  p: ProbeResult,
  corpus: { sentences: number; tokens: number },
): ModeResult {
  const seconds = fastest(warm(p.passSeconds));
  // The CPU time of that same pass, when the probe measured it.
  const pass = p.passSeconds.length > 1 ? p.passSeconds.indexOf(seconds, 1) : 0;
  const cpu = p.passCpuSeconds?.[pass];
  return {
    mode: name,
    workers: p.workers,
    articles: p.articles,
    sentences: corpus.sentences,
    tokens: corpus.tokens,
    events: p.events,
    seconds,
    coldSeconds: p.passSeconds[0],
    articlesPerSecond: p.articles / seconds,
    sentencesPerSecond: corpus.sentences / seconds,
    tokensPerSecond: corpus.tokens / seconds,
    eventsPerSecond: p.events / seconds,
    peakRssMb: p.peakRssKb / 1024,
    ...(cpu === undefined ? {} : { cores: cpu / seconds }),
    firstEventMs: p.firstEventMs,
    firstEventKind: p.firstEventKind,
  };
}

function machine(loadBefore: number): BenchReport["machine"] {
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model ?? "unknown",
    node: process.version,
    load: [loadBefore, loadavg()[0]],
  };
}

async function benchmark(
  s: Settings,
  options: { articles: number; seed: number; workers: number | null; rounds: number },
): Promise<BenchReport> {
  const loadBefore = loadavg()[0];
  // The probes of a round, by name: each in a fresh process, in this order.
  const plan: Array<[name: string, mode: ProbeMode, workers: number]> = [
    ["baseline", "baseline", 0],
    ["code", "code", 0],
    ["stages", "stages", 0],
    ["floor", "floor", 0],
    ["parse", "parse", 0],
    ["ingest", "ingest", 0],
  ];
  if (options.workers !== null) {
    const n = options.workers;
    plan.push(["code x1", "code", 1]);
    if (n !== 1) plan.push([`code x${n}`, "code", n]);
    plan.push([`ingest x${n}`, "ingest", n]);
  }
  const rounds = new Map<string, ProbeResult[]>(plan.map(([name]) => [name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) process.stderr.write(`bench: round ${round} of ${options.rounds}\n`);
    for (const [name, mode, workers] of plan) rounds.get(name)?.push(await probe(s, mode, workers));
  }
  const merged = (name: string) => mergeRounds(rounds.get(name) ?? []);
  const base = merged("baseline");
  const corpus = { sentences: base.sentences, tokens: base.tokens };
  const results = plan
    .filter(([name]) => name !== "stages")
    .map(([name]) => toModeResult(name, merged(name), corpus));
  const stages = merged("stages");
  return {
    version: 1,
    date: new Date().toISOString(),
    machine: machine(loadBefore),
    corpus: { articles: options.articles, seed: options.seed, ...corpus },
    passes: s.passes,
    rounds: options.rounds,
    ...(s.pin ? { pinned: true } : {}),
    results,
    stages: (stages.stages ?? []).map((st) => ({ name: st.name, seconds: fastest(warm(st.passSeconds)) })),
    ratios: ratios(results),
  };
}

function speedups(report: BenchReport): string {
  const by = new Map(report.results.map((r) => [r.mode, r]));
  const one = by.get("code x1");
  const inProcess = by.get("code");
  const lines: string[] = [];
  for (const r of report.results) {
    const m = /^code x(\d+)$/.exec(r.mode);
    if (!m || m[1] === "1") continue;
    if (one) lines.push(`${r.mode}: ${(r.articlesPerSecond / one.articlesPerSecond).toFixed(2)}x one worker`);
    if (inProcess) {
      lines.push(
        `${r.mode}: ${(r.articlesPerSecond / inProcess.articlesPerSecond).toFixed(2)}x code in process`,
      );
    }
  }
  return lines.length ? `\n${lines.join("\n")}\n` : "";
}

function readBaseline(): BenchReport | null {
  if (!existsSync(BASELINE)) return null;
  return JSON.parse(readFileSync(BASELINE, "utf8")) as BenchReport;
}

interface MemoryRun {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMb: number;
}

/** Streams N generated articles from a JSONL file through the real CLI and reads its peak RSS. */
async function memoryRun(
  s: Settings,
  n: number,
  seed: number,
  command: "code" | "ingest",
  workers: number | null,
): Promise<MemoryRun> {
  const file = join(OUT, `memory-${n}-${seed}.jsonl`);
  process.stderr.write(`bench: writing ${n} articles to ${relative(ROOT, file)}...\n`);
  writeCorpus(file, n, seed);
  const db = join(OUT, `memory-${n}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
  const args = [
    ...s.runner.node,
    "--import",
    pathToFileURL(s.runner.file("bench/rss")).href,
    s.runner.file("src/cli/bin"),
    command,
    file,
    ...(workers === null ? [] : ["--workers", String(workers)]),
    ...(command === "ingest" ? ["--db", db] : ["--format", "jsonl"]),
  ];
  const threads = workers === null ? "" : ` --workers ${workers}`;
  process.stderr.write(`bench: dyad ${command}${threads} on ${n} articles...\n`);
  const started = performance.now();
  const { code, stderr } = await run(args, { stdout: "ignore" });
  const seconds = (performance.now() - started) / 1000;
  const mark = stderr.split("\n").find((l) => l.startsWith(RSS_MARK));
  if (code !== 0 || !mark) throw new Error(`dyad ${command} failed (exit ${code}):\n${stderr}`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
  rmSync(file, { force: true });
  const kb = Number(mark.slice(RSS_MARK.length));
  return { articles: n, seconds, articlesPerSecond: n / seconds, peakRssMb: kb / 1024 };
}

/** The memory targets: under 500 MB with one coding thread, and no more than 20% above the smallest run. */
export const MEMORY_LIMIT_MB = 500;
export const MEMORY_GROWTH = 0.2;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "2000" },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      passes: { type: "string", default: "4" },
      rounds: { type: "string", default: "3" },
      workers: { type: "string" },
      json: { type: "boolean", default: false },
      "write-baseline": { type: "boolean", default: false },
      threshold: { type: "string", default: String(REGRESSION_THRESHOLD) },
      memory: { type: "string" },
      "memory-command": { type: "string", default: "code" },
      "no-build": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      pin: { type: "boolean", default: false },
      queue: { type: "string" },
      "store-write": { type: "boolean", default: false },
      pg: { type: "string" },
      preload: { type: "string", default: "100000" },
      "queue-batch": { type: "string", default: "50" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const positive = (v: string, name: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer\n${USAGE}`);
    return n;
  };
  const articles = positive(values.articles, "--articles");
  const seed = Number(values.seed);
  const passes = positive(values.passes, "--passes");
  const rounds = positive(values.rounds, "--rounds");
  const workers = values.workers === undefined ? null : positive(values.workers, "--workers");
  const threshold = Number(values.threshold);
  const runner = values["no-build"] ? sourceRunner : build();
  const profileDir = values["cpu-prof"] ? join(OUT, "profiles") : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const corpus = join(OUT, `corpus-${articles}-${seed}.jsonl`);
  if (values.pin && values["write-baseline"])
    throw new Error(`--pin and --write-baseline do not go together\n${USAGE}`);
  if (values.pin && spawnSync("taskset", ["--version"]).status !== 0) {
    throw new Error("--pin needs taskset (Debian package util-linux)");
  }
  const settings: Settings = { runner, corpus, passes, profileDir, pin: values.pin };

  if (values["store-write"]) {
    const report = await storeWriteBench({
      articles,
      seed,
      preload: positive(values.preload, "--preload"),
      pg: values.pg,
    });
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : renderStoreWrite(report));
    return report.rows.every((r) => r.vsCode >= 2) ? 0 : 1;
  }

  if (values.queue !== undefined) {
    process.stderr.write(`bench: writing the corpus (${articles} articles, seed ${seed})...\n`);
    writeCorpus(corpus, articles, seed);
    const rows = await queueBench({
      url: values.queue,
      corpus,
      articles,
      batch: positive(values["queue-batch"], "--queue-batch"),
      cli: [...runner.node, runner.file("src/cli/bin")],
    });
    process.stdout.write(values.json ? `${JSON.stringify(rows)}\n` : renderQueueBench(rows));
    return rows.every((r) => JSON.stringify(r.counts) === JSON.stringify(rows[0].counts)) ? 0 : 1;
  }

  if (values.memory !== undefined) {
    const sizes = values.memory.split(",").map((v) => positive(v, "--memory"));
    const command = values["memory-command"] === "ingest" ? "ingest" : "code";
    const runs: MemoryRun[] = [];
    // One coding thread unless told otherwise, for ingest too: the memory figure is for one core.
    const threads = workers ?? 1;
    for (const n of sizes) runs.push(await memoryRun(settings, n, seed, command, threads));
    const first = runs[0];
    const failures: string[] = [];
    const lines = runs.map((r) => {
      const growth = r.peakRssMb / first.peakRssMb - 1;
      // Each coding thread holds its own knowledge base: the limit is the one-thread target.
      if (threads === 1 && r.peakRssMb > MEMORY_LIMIT_MB) {
        failures.push(`${r.articles} articles: over ${MEMORY_LIMIT_MB} MB`);
      }
      if (growth > MEMORY_GROWTH)
        failures.push(`${r.articles} articles: ${(growth * 100).toFixed(1)}% above ${first.articles}`);
      return { ...r, growth };
    });
    if (values.json) process.stdout.write(`${JSON.stringify({ command, workers: threads, runs: lines })}\n`);
    else {
      for (const r of lines) {
        process.stdout.write(
          `dyad ${command}, ${r.articles} articles: ${r.seconds.toFixed(1)} s, ${r.articlesPerSecond.toFixed(0)} articles/s, ` +
            `peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.growth >= 0 ? "+" : ""}${(r.growth * 100).toFixed(1)}% vs ${first.articles})\n`,
        );
      }
      if (threads > 1) {
        process.stdout.write(
          `(${threads} coding threads: the ${MEMORY_LIMIT_MB} MB limit is for one; growth is checked)\n`,
        );
      }
      for (const f of failures) process.stdout.write(`FAIL ${f}\n`);
    }
    return failures.length ? 1 : 0;
  }

  process.stderr.write(`bench: writing the corpus (${articles} articles, seed ${seed})...\n`);
  writeCorpus(corpus, articles, seed);
  const report = await benchmark(settings, { articles, seed, workers, rounds });
  // The baseline is measured unpinned: a pinned run is not compared with it.
  const previous = settings.pin ? null : readBaseline();
  const comparisons = previous ? compare(report.ratios, previous.ratios, threshold) : [];
  const failed = regressions(comparisons);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, comparison: comparisons }, null, 2)}\n`);
  } else {
    process.stdout.write(renderResults(report));
    process.stdout.write(speedups(report));
    process.stdout.write(renderStages(report));
    process.stdout.write(renderFloor(report));
    process.stdout.write(renderTargets(report));
    const stagesProfile = profileDir ? join(profileDir, STAGES_PROFILE) : null;
    if (stagesProfile && existsSync(stagesProfile)) {
      const profile = JSON.parse(readFileSync(stagesProfile, "utf8")) as CpuProfile;
      process.stdout.write(
        renderProfile(
          summariseProfile(profile),
          `CPU profile of the stages probe (${relative(ROOT, stagesProfile)})`,
        ),
      );
    }
    if (previous) {
      process.stdout.write(
        `\ncompared with bench/baseline.json (${previous.date.slice(0, 10)}, ${previous.corpus.articles} articles):\n`,
      );
      process.stdout.write(renderComparison(comparisons, threshold));
    } else if (settings.pin) process.stdout.write("\npinned run: not compared with bench/baseline.json\n");
    else process.stdout.write("\nno bench/baseline.json yet: write one with --write-baseline\n");
  }
  if (values["write-baseline"]) {
    writeFileSync(BASELINE, `${JSON.stringify(report, null, 2)}\n`);
    // In the project's JSON style, so that the lint passes on the committed file.
    const biome = join(ROOT, "node_modules", ".bin", "biome");
    const formatted = spawnSync(biome, ["format", "--write", BASELINE], { cwd: ROOT, encoding: "utf8" });
    if (formatted.status !== 0)
      process.stderr.write(`bench: biome could not format the baseline: ${formatted.stderr}`);
    process.stderr.write(`bench: wrote ${relative(ROOT, BASELINE)}\n`);
    return 0;
  }
  return failed.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
