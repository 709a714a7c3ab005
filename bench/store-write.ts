// `npm run bench -- --store-write [--pg URL]`: is writing coded articles into the store at least twice as fast as
// coding them on one thread (issue 17)? Codes the corpus once on this thread (the speed of `dyad code` on
// one thread), then writes the coded articles through the Store interface in batches of 200 (as `dyad
// ingest` does), into an empty store and into one that already holds `preload` articles, on SQLite and, with
// a URL, on PostgreSQL. The preloaded articles are the corpus's own records under other ids and with a
// marker appended to their text (so that they are neither the same article nor a duplicate), written in
// batches of 1,000 through the same write path.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ReadResult } from "../src/ingest/index.js";
import { createDyad } from "../src/pipeline/dyad.js";
import { codeStream } from "../src/pipeline/stream.js";
import { type IngestItem, openStore } from "../src/store/index.js";
import { generateCorpus } from "./corpus.js";

export interface StoreWriteOptions {
  articles: number;
  seed: number;
  preload: number;
  pg?: string;
}

export interface StoreWriteRow {
  backend: "sqlite" | "postgres";
  preloaded: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Write speed over the speed of coding on one thread. */
  vsCode: number;
}

export interface StoreWriteReport {
  code: { articles: number; seconds: number; articlesPerSecond: number };
  rows: StoreWriteRow[];
  load: number[];
}

async function codeAll(o: StoreWriteOptions): Promise<{ items: IngestItem[]; seconds: number }> {
  const corpus = generateCorpus({ articles: o.articles, seed: o.seed });
  const dyad = createDyad();
  // A first pass warms the code (as the code probe's first, cold, pass does); the second is timed.
  const run = async () => {
    async function* source(): AsyncGenerator<ReadResult> {
      for (const article of corpus) yield { ok: true, article };
    }
    const items: IngestItem[] = [];
    for await (const r of codeStream(source(), { dyad })) {
      if (!r.ok) throw r.error;
      items.push({ article: r.article, record: r.record });
    }
    return items;
  };
  await run();
  const t = performance.now();
  const items = await run();
  return { items, seconds: (performance.now() - t) / 1000 };
}

/** The k-th copy of the corpus's records: other ids, and text that is no other article's. */
function copyOf(items: readonly IngestItem[], k: number): IngestItem[] {
  return items.map(({ article, record }) => {
    const id = `${article.id}~${k}`;
    return {
      article: { ...article, id, text: `${article.text}\n[${k}]` },
      record: { ...record, id },
    };
  });
}

function batches<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export async function storeWriteBench(o: StoreWriteOptions): Promise<StoreWriteReport> {
  const load = loadavg();
  process.stderr.write(`bench store-write: coding ${o.articles} articles on one thread...\n`);
  const { items, seconds } = await codeAll(o);
  const codeRate = items.length / seconds;
  const dir = mkdtempSync(join(tmpdir(), "dyad-store-write-"));
  const schemas: string[] = [];
  const rows: StoreWriteRow[] = [];
  const targets: Array<["sqlite" | "postgres", (name: string) => string]> = [
    ["sqlite", (name) => join(dir, `${name}.db`)],
  ];
  if (o.pg) {
    const base = o.pg;
    targets.push([
      "postgres",
      (name) => {
        const u = new URL(base);
        const schema = `bench_${name}_${process.pid}`;
        schemas.push(schema);
        u.searchParams.set("schema", schema);
        return u.toString();
      },
    ]);
  }
  try {
    for (const [backend, url] of targets) {
      for (const preload of [0, o.preload]) {
        const store = await openStore(url(`w${preload}`));
        try {
          if (preload > 0) {
            process.stderr.write(`bench store-write: ${backend}: preloading ${preload} articles...\n`);
            for (let k = 0, n = 0; n < preload; k++) {
              const copy = copyOf(items, k).slice(0, preload - n);
              for (const b of batches(copy, 1000)) await store.write({ coded: b });
              n += copy.length;
            }
          }
          const t = performance.now();
          for (const b of batches(items, 200)) await store.write({ coded: b });
          const s = (performance.now() - t) / 1000;
          rows.push({
            backend,
            preloaded: preload,
            articles: items.length,
            seconds: s,
            articlesPerSecond: items.length / s,
            vsCode: items.length / s / codeRate,
          });
        } finally {
          await store.close();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (o.pg && schemas.length) {
      const client = new pg.Client({ connectionString: o.pg });
      await client.connect();
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await client.end();
    }
  }
  return {
    code: { articles: items.length, seconds, articlesPerSecond: codeRate },
    rows,
    load: [...load, ...loadavg()].map((x) => Math.round(x * 100) / 100),
  };
}

export function renderStoreWrite(r: StoreWriteReport): string {
  const lines = [
    `coding on one thread: ${r.code.articles} articles in ${r.code.seconds.toFixed(1)} s, ${r.code.articlesPerSecond.toFixed(1)} articles/s`,
    "backend   store holds   articles   seconds  articles/s  vs coding  target (2x)",
    ...r.rows.map(
      (w) =>
        `${w.backend.padEnd(9)} ${String(w.preloaded).padStart(11)} ${String(w.articles).padStart(10)} ${w.seconds.toFixed(2).padStart(9)} ${w.articlesPerSecond.toFixed(0).padStart(11)} ${`${w.vsCode.toFixed(1)}x`.padStart(10)}  ${w.vsCode >= 2 ? "met" : "NOT met"}`,
    ),
    `load average (1, 5, 15 min) at start ${r.load.slice(0, 3).join(", ")}; at end ${r.load.slice(3).join(", ")}`,
  ];
  return `${lines.join("\n")}\n`;
}
