// Micro-benchmark of the store's write path: the time of `store.write` alone, per article.
//
//   node --import tsx scripts/bench-store.ts [--articles 2000] [--passes 5] [--batch 200] [--seed 7]
//                                             [--cache FILE] [--db sqlite|postgres://...]
//
// Codes the bench corpus once (bench/corpus.ts; or reads the coded records from --cache, writing them there
// the first time, so that runs compare the same records while the coder changes), then per pass opens a
// fresh store, writes every article through the Store interface in batches, and times only the write calls
// and the closing of the store (its checkpoint finishes what the writes left in the WAL). Each pass also
// writes the same batches again before closing (nothing changes: the idempotent path) and times that apart.
// The first pass is cold; the figures are those of the fastest other pass: wall time, and the process's CPU
// time, which moves less when other processes share the machine. Not run by the tests.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "../bench/corpus.js";
import type { ReadResult } from "../src/ingest/index.js";
import { createDyad } from "../src/pipeline/dyad.js";
import { codeStream } from "../src/pipeline/stream.js";
import { type IngestItem, openStore } from "../src/store/index.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "2000" },
    passes: { type: "string", default: "5" },
    batch: { type: "string", default: "200" },
    seed: { type: "string", default: "7" },
    cache: { type: "string" },
    db: { type: "string", default: "sqlite" },
  },
});
const articles = Number(values.articles);
const passes = Number(values.passes);
const batchSize = Number(values.batch);

async function codeCorpus(): Promise<IngestItem[]> {
  const corpus = generateCorpus({ articles, seed: Number(values.seed) });
  async function* source(): AsyncGenerator<ReadResult> {
    for (const article of corpus) yield { ok: true, article };
  }
  const items: IngestItem[] = [];
  for await (const r of codeStream(source(), { dyad: createDyad() })) {
    if (!r.ok) throw r.error;
    items.push({ article: r.article, record: r.record });
  }
  return items;
}

async function loadItems(): Promise<IngestItem[]> {
  const cache = values.cache;
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as IngestItem[];
  const items = await codeCorpus();
  if (cache) writeFileSync(cache, JSON.stringify(items));
  return items;
}

const items = await loadItems();
const batches: IngestItem[][] = [];
for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
const events = items.reduce((n, it) => n + it.record.events.length, 0);
const quotes = items.reduce((n, it) => n + it.record.quotes.length, 0);

const dir = mkdtempSync(join(tmpdir(), "dyad-store-bench-"));
const fresh = (pass: number): string => {
  if (values.db === "sqlite") return join(dir, `pass-${pass}.db`);
  const url = new URL(values.db as string);
  url.searchParams.set("schema", `bench_${process.pid}_${pass}`);
  return url.toString();
};
const writeMs: number[] = [];
const writeCpuMs: number[] = [];
const againMs: number[] = [];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let counts: unknown = null;
try {
  for (let pass = 0; pass < passes; pass++) {
    const store = await openStore(fresh(pass));
    let t = performance.now();
    const cpu = process.cpuUsage();
    for (const b of batches) await store.write({ coded: b });
    writeMs.push(performance.now() - t);
    writeCpuMs.push(cpuMs(cpu));
    t = performance.now();
    for (const b of batches) {
      const r = await store.write({ coded: b });
      if (r.unchanged !== b.length)
        throw new Error(`second write changed ${b.length - r.unchanged} articles`);
    }
    againMs.push(performance.now() - t);
    counts ??= await store.counts();
    // Closing checkpoints what the writes left in the WAL: part of their cost.
    t = performance.now();
    const closing = process.cpuUsage();
    await store.close();
    writeMs[pass] += performance.now() - t;
    writeCpuMs[pass] += cpuMs(closing);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const perArticle = (ms: number[]) => Math.min(...(ms.length > 1 ? ms.slice(1) : ms)) / items.length;
const fmt = (ms: number[]) => ms.map((m) => (m / items.length).toFixed(3)).join(" ");
console.log(
  `${items.length} articles, ${events} events, ${quotes} quotes, batches of ${batchSize}, ${values.db}`,
);
console.log("rows:", JSON.stringify(counts));
console.log(`write      ms/article by pass: ${fmt(writeMs)}  best warm: ${perArticle(writeMs).toFixed(3)}`);
console.log(
  `write cpu  ms/article by pass: ${fmt(writeCpuMs)}  best warm: ${perArticle(writeCpuMs).toFixed(3)}`,
);
console.log(`unchanged  ms/article by pass: ${fmt(againMs)}  best warm: ${perArticle(againMs).toFixed(3)}`);
