// `npm run bench -- --queue postgres://...`: coding through the work queue with 1 and then 2 worker processes
// on the same corpus, against `dyad ingest --workers 1` of it; the stores must hold the same (issue 17).
// Throughput is the queue's own: articles done from the first batch taken to the last one done, so that the
// processes' start-up (loading the knowledge base and model) is left out, as it is once per worker and not
// per batch. Each run goes into its own schema, dropped afterwards.
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import pg from "pg";
import type { QueueStatus } from "../src/queue/index.js";
import { openStore, type StoreCounts } from "../src/store/index.js";

export interface QueueBenchOptions {
  /** The server: postgres://user@host:port/db (a schema per run is added). */
  url: string;
  corpus: string;
  articles: number;
  /** Articles per batch (dyad enqueue --batch). */
  batch: number;
  /** The dyad CLI: node arguments then the bin module. */
  cli: string[];
}

export interface QueueBenchRow {
  mode: string;
  processes: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  counts: StoreCounts;
  load: number[];
}

function runCli(cli: string[], args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err = (err + s).slice(-20_000)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out, err }));
  });
}

async function ok(cli: string[], args: string[]): Promise<string> {
  const r = await runCli(cli, args);
  if (r.code !== 0) throw new Error(`dyad ${args.join(" ")} exited ${r.code}: ${r.err}`);
  return r.out;
}

function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
}

async function counts(url: string): Promise<StoreCounts> {
  const store = await openStore(url);
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

export async function queueBench(o: QueueBenchOptions): Promise<QueueBenchRow[]> {
  const tag = `${process.pid}_${Date.now()}`;
  const schemas: string[] = [];
  const fresh = (name: string) => {
    const schema = `bench_${name}_${tag}`;
    schemas.push(schema);
    return schemaUrl(o.url, schema);
  };
  const rows: QueueBenchRow[] = [];
  try {
    const reference = fresh("ingest");
    let load = loadavg();
    process.stderr.write(`bench queue: dyad ingest --workers 1 of ${o.articles} articles...\n`);
    const ingest = JSON.parse(
      await ok(o.cli, ["ingest", o.corpus, "--db", reference, "--workers", "1", "--json", "--batch", "200"]),
    ) as { articles: number; seconds: number };
    rows.push({
      mode: "ingest, 1 thread",
      processes: 1,
      articles: ingest.articles,
      seconds: ingest.seconds,
      articlesPerSecond: ingest.articles / ingest.seconds,
      counts: await counts(reference),
      load: [...load, ...loadavg()].map((x) => Math.round(x * 100) / 100),
    });
    for (const n of [1, 2]) {
      const url = fresh(`workers${n}`);
      await ok(o.cli, ["enqueue", o.corpus, "--db", url, "--batch", String(o.batch)]);
      load = loadavg();
      process.stderr.write(`bench queue: ${n} worker process${n > 1 ? "es" : ""}...\n`);
      const args = ["worker", "--db", url, "--until-empty", "--quiet", "--json", "--poll", "0.2"];
      await Promise.all(Array.from({ length: n }, () => ok(o.cli, args)));
      const status = JSON.parse(await ok(o.cli, ["queue", "status", "--db", url, "--json"])) as QueueStatus;
      rows.push({
        mode: `queue, ${n} worker${n > 1 ? "s" : ""}`,
        processes: n,
        articles: status.articles.done,
        seconds: status.articles.done / status.overallPerSecond,
        articlesPerSecond: status.overallPerSecond,
        counts: await counts(url),
        load: [...load, ...loadavg()].map((x) => Math.round(x * 100) / 100),
      });
    }
  } finally {
    const client = new pg.Client({ connectionString: o.url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  }
  return rows;
}

export function renderQueueBench(rows: readonly QueueBenchRow[]): string {
  const same = (r: QueueBenchRow) => JSON.stringify(r.counts) === JSON.stringify(rows[0].counts);
  const one = rows.find((r) => r.mode.startsWith("queue, 1"));
  const lines = [
    "mode                articles   seconds  articles/s  vs 1 worker  store = ingest's  load (1, 5 min: start; end)",
    ...rows.map(
      (r) =>
        `${r.mode.padEnd(18)} ${String(r.articles).padStart(9)} ${r.seconds.toFixed(1).padStart(9)} ${r.articlesPerSecond
          .toFixed(1)
          .padStart(
            11,
          )} ${(one && r.mode.startsWith("queue") ? `${(r.articlesPerSecond / one.articlesPerSecond).toFixed(2)}x` : "").padStart(12)} ${(same(r) ? "yes" : "NO").padStart(17)}  ${r.load.slice(0, 2).join(", ")}; ${r.load.slice(3, 5).join(", ")}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
