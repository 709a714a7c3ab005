// One measurement in a fresh process: the bench runs each mode here, so that every mode has its own
// start-up time and its own peak memory. Prints one JSON line (ProbeResult) on stdout.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "../src/core/types.js";
import { dayNumber } from "../src/extract/dates/calendar.js";
import { chronoFindings } from "../src/extract/dates/detect.js";
import { loadGazetteer } from "../src/extract/places/index.js";
import { type ReadResult, readInputs } from "../src/ingest/index.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { getNlp } from "../src/nlp/index.js";
import { createSyntaxComponent, loadSyntaxModel } from "../src/nlp/syntax/index.js";
import { createDyad, type RunContext } from "../src/pipeline/dyad.js";
import { tuneHeap } from "../src/pipeline/heap.js";
import { type CodeResult, codeStream, STREAM_BATCH } from "../src/pipeline/stream.js";
import { codeStreamParallel, depthFor } from "../src/pipeline/workers.js";
import { type IngestItem, openStore, type Store } from "../src/store/index.js";

const MODES = ["baseline", "code", "ingest", "stages", "floor", "parse"] as const;
export type ProbeMode = (typeof MODES)[number];

export interface ProbeResult {
  mode: ProbeMode;
  workers: number;
  articles: number;
  /** Counted by the baseline only (the other modes run on the same corpus). */
  sentences: number;
  tokens: number;
  events: number;
  passSeconds: number[];
  /** CPU seconds of the process (all its threads) during each pass. */
  passCpuSeconds?: number[];
  peakRssKb: number;
  firstEventMs: number | null;
  firstEventKind: "event" | "article";
  /** For "stages": seconds per pass spent reading (wink -> Doc) and in each component, pass by pass. */
  stages?: { name: string; passSeconds: number[] }[];
}

/** Articles per store transaction, as `dyad ingest` writes them by default. */
const INGEST_BATCH = 200;

async function readCorpus(path: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of readInputs([path])) {
    if (!item.ok) throw item.error;
    articles.push(item.article);
  }
  return articles;
}

async function* repeat(articles: readonly Article[], passes: number): AsyncGenerator<ReadResult> {
  for (let p = 0; p < passes; p++) for (const article of articles) yield { ok: true, article };
}

/** CPU time of the whole process (every thread, user and system), in seconds. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Times passes over the corpus by the moments their last article comes out, and the CPU time the process
 * spent meanwhile (V8's collector and compiler threads included).
 */
function createClock(perPass: number) {
  const ends: number[] = [];
  const cpuEnds: number[] = [];
  let start = performance.now();
  let cpuStart = cpuNow();
  let done = 0;
  return {
    restart() {
      start = performance.now();
      cpuStart = cpuNow();
    },
    /** Call once per article that comes out; returns true at the end of a pass. */
    tick(): boolean {
      done++;
      if (done % perPass !== 0) return false;
      ends.push(performance.now());
      cpuEnds.push(cpuNow());
      return true;
    },
    seconds(): number[] {
      return ends.map((end, i) => (end - (i === 0 ? start : ends[i - 1])) / 1000);
    },
    cpuSeconds(): number[] {
      return cpuEnds.map((end, i) => end - (i === 0 ? cpuStart : cpuEnds[i - 1]));
    },
  };
}

function baseline(articles: readonly Article[], passes: number): Omit<ProbeResult, "peakRssKb"> {
  const nlp = getNlp();
  const clock = createClock(articles.length);
  let sentences = 0;
  let tokens = 0;
  let first: number | null = null;
  for (let p = 0; p < passes; p++) {
    for (const article of articles) {
      const counts = nlp.count(article.text);
      first ??= performance.now();
      if (p === 0) {
        sentences += counts.sentences;
        tokens += counts.tokens;
      }
      clock.tick();
    }
  }
  return {
    mode: "baseline",
    workers: 0,
    articles: articles.length,
    sentences,
    tokens,
    events: 0,
    passSeconds: clock.seconds(),
    passCpuSeconds: clock.cpuSeconds(),
    firstEventMs: first,
    firstEventKind: "article",
  };
}

/** The figures of a coding run (code or ingest); sentences and tokens are filled in by the caller. */
function codedResult(
  mode: "code" | "ingest",
  workers: number,
  articles: number,
  events: number,
  passSeconds: number[],
  firstEvent: number | null,
  firstArticle: number | null,
): Omit<ProbeResult, "peakRssKb"> {
  return {
    mode,
    workers,
    articles,
    sentences: 0,
    tokens: 0,
    events,
    passSeconds,
    firstEventMs: firstEvent ?? firstArticle,
    firstEventKind: firstEvent === null ? "article" : "event",
  };
}

function stream(
  source: AsyncIterable<ReadResult>,
  workers: number,
  depth?: number,
): AsyncIterable<CodeResult> {
  // The threads start at once (startAfter 0): the first pass warms them up like this thread, and the warm
  // passes measure the pool at its steady speed. (By default they start after 2,000 articles, which is the
  // whole first pass here: the measured passes would then include their start-up and cold code.)
  return workers > 0
    ? codeStreamParallel(source, { workers, depth, startAfter: 0 })
    : codeStream(source, { dyad: createDyad() });
}

async function code(
  articles: readonly Article[],
  passes: number,
  workers: number,
): Promise<Omit<ProbeResult, "peakRssKb">> {
  const clock = createClock(articles.length);
  let events = 0;
  let firstEvent: number | null = null;
  let firstArticle: number | null = null;
  let pass = 0;
  for await (const result of stream(repeat(articles, passes), workers)) {
    if (!result.ok) throw result.error;
    firstArticle ??= performance.now();
    if (result.record.events.length > 0) firstEvent ??= performance.now();
    if (pass === 0) events += result.record.events.length;
    if (clock.tick()) pass++;
  }
  return {
    ...codedResult("code", workers, articles.length, events, clock.seconds(), firstEvent, firstArticle),
    passCpuSeconds: clock.cpuSeconds(),
  };
}

/** The pipeline plus a fresh SQLite store per pass, written through the Store interface in batches. */
async function ingest(
  articles: readonly Article[],
  passes: number,
  workers: number,
): Promise<Omit<ProbeResult, "peakRssKb">> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-"));
  const clock = createClock(articles.length);
  let events = 0;
  let firstEvent: number | null = null;
  let firstArticle: number | null = null;
  let pass = 0;
  let store: Store | null = null;
  let batch: IngestItem[] = [];
  let batchHasEvent = false;
  let seen = 0;
  const flush = async (s: Store) => {
    if (batch.length === 0) return;
    await s.write({ coded: batch });
    batch = [];
    firstArticle ??= performance.now();
    if (batchHasEvent) firstEvent ??= performance.now();
    batchHasEvent = false;
  };
  try {
    // As `dyad ingest` does: a transaction's worth of articles queued per worker thread.
    for await (const result of stream(repeat(articles, passes), workers, depthFor(INGEST_BATCH))) {
      if (!result.ok) throw result.error;
      store ??= await openStore(join(dir, `pass-${pass}.db`));
      batch.push({ article: result.article, record: result.record });
      if (result.record.events.length > 0) batchHasEvent = true;
      if (pass === 0) events += result.record.events.length;
      seen++;
      const endOfPass = seen % articles.length === 0;
      if (batch.length >= INGEST_BATCH || endOfPass) await flush(store);
      if (endOfPass) {
        await store.close();
        store = null;
      }
      if (clock.tick()) pass++;
    }
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    ...codedResult("ingest", workers, articles.length, events, clock.seconds(), firstEvent, firstArticle),
    passCpuSeconds: clock.cpuSeconds(),
  };
}

/**
 * Where the time of `code` goes: the NLP reading and each pipeline component, timed over batches of
 * STREAM_BATCH articles as codeStream codes them (all read, then each component over the batch).
 */
function stages(articles: readonly Article[], passes: number): Omit<ProbeResult, "peakRssKb"> {
  const dyad = createDyad();
  const nlp = getNlp();
  const ctx: RunContext = { knowledge: dyad.knowledge };
  const components = dyad.pipeline.components;
  const names = ["reading", ...components.map((c) => c.name)];
  const seconds = names.map(() => [] as number[]);
  for (let p = 0; p < passes; p++) {
    const spent = new Float64Array(names.length);
    for (let b = 0; b < articles.length; b += STREAM_BATCH) {
      let t = performance.now();
      let docs = articles.slice(b, b + STREAM_BATCH).map((article) => nlp.read(article));
      let u = performance.now();
      spent[0] += u - t;
      for (let c = 0; c < components.length; c++) {
        t = u;
        docs = docs.map((doc) => components[c].run(doc, ctx));
        u = performance.now();
        spent[c + 1] += u - t;
      }
    }
    spent.forEach((ms, i) => {
      seconds[i].push(ms / 1000);
    });
  }
  return {
    mode: "stages",
    workers: 0,
    articles: articles.length,
    sentences: 0,
    tokens: 0,
    events: 0,
    passSeconds: [],
    firstEventMs: null,
    firstEventKind: "article",
    stages: names.map((name, i) => ({ name, passSeconds: seconds[i] })),
  };
}

/**
 * The floor of this design: what any coder built on wink, chrono and the knowledge base's indexes pays
 * before a single rule runs. Per article: wink's reading into Dyad's Doc, chrono on exactly the text the
 * dates component gives it, and one lookup per token in each index a component consults (actor phrases by
 * first word, place names, lexicon anchors by lemma and by form). No mention, date, event or quote is made.
 */
function floor(articles: readonly Article[], passes: number): Omit<ProbeResult, "peakRssKb"> {
  const nlp = getNlp();
  // The knowledge base alone: the pipeline's components (and their own gazetteer) are not built.
  const knowledge = loadKnowledge();
  const actorIndex = knowledge.actors.index;
  const anchors = knowledge.lexicon.byAnchor;
  const gazetteer = loadGazetteer();
  gazetteer.stats();
  const clock = createClock(articles.length);
  let found = 0;
  for (let p = 0; p < passes; p++) {
    for (const article of articles) {
      const doc = nlp.read(article);
      const day = dayNumber(article.date) ?? 0;
      for (const s of doc.sentences) {
        found += chronoFindings(doc, s, doc.text.slice(s.start, s.end), { day })?.results.length ?? 0;
      }
      for (const t of doc.tokens) {
        if (actorIndex.get(t.lower) !== undefined) found++;
        if (gazetteer.lookup(t.lower).length > 0) found++;
        if (anchors.get(t.lemma) !== undefined) found++;
        if (t.lemma !== t.lower && anchors.get(t.lower) !== undefined) found++;
      }
      clock.tick();
    }
  }
  // What was found is counted so that no lookup can be optimised away; it is no figure of the floor.
  if (found === 0) throw new Error("floor: nothing found in the corpus");
  return {
    mode: "floor",
    workers: 0,
    articles: articles.length,
    sentences: 0,
    tokens: 0,
    events: 0,
    passSeconds: clock.seconds(),
    passCpuSeconds: clock.cpuSeconds(),
    firstEventMs: null,
    firstEventKind: "article",
  };
}

/**
 * The syntax component alone (tagger and parser) on one thread: every article is read by wink first, outside
 * the clock, then each pass parses every sentence of every Doc. Counts the sentences it parsed.
 */
function parse(articles: readonly Article[], passes: number): Omit<ProbeResult, "peakRssKb"> {
  const nlp = getNlp();
  const syntax = createSyntaxComponent({ model: loadSyntaxModel() });
  const docs = articles.map((article) => nlp.read(article));
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  const seconds: number[] = [];
  const cpu: number[] = [];
  let first: number | null = null;
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    const c = cpuNow();
    for (const doc of docs) {
      syntax.run(doc, undefined);
      first ??= performance.now();
    }
    seconds.push((performance.now() - t) / 1000);
    cpu.push(cpuNow() - c);
  }
  return {
    mode: "parse",
    workers: 0,
    articles: articles.length,
    sentences,
    tokens,
    events: 0,
    passSeconds: seconds,
    passCpuSeconds: cpu,
    firstEventMs: first,
    firstEventKind: "article",
  };
}

async function main(): Promise<void> {
  tuneHeap();
  const { values } = parseArgs({
    options: {
      mode: { type: "string" },
      input: { type: "string" },
      passes: { type: "string", default: "3" },
      workers: { type: "string", default: "0" },
    },
  });
  const mode = values.mode as ProbeMode;
  if (!MODES.includes(mode) || !values.input) {
    throw new Error(`usage: probe --mode ${MODES.join("|")} --input corpus.jsonl [--passes N] [--workers N]`);
  }
  const passes = Math.max(1, Number(values.passes));
  const workers = Math.max(0, Number(values.workers));
  const articles = await readCorpus(values.input);
  const result =
    mode === "baseline"
      ? baseline(articles, passes)
      : mode === "stages"
        ? stages(articles, passes)
        : mode === "floor"
          ? floor(articles, passes)
          : mode === "parse"
            ? parse(articles, passes)
            : mode === "code"
              ? await code(articles, passes, workers)
              : await ingest(articles, passes, workers);
  const out: ProbeResult = { ...result, peakRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
