// Load check of `dyad serve` (issue 16): many concurrent clients on loopback querying events and the dyad series
// against a store of at least 100,000 events made from the bench corpus. Not a test: run it by hand,
//
//   npm run bench:serve -- [--articles 16000] [--connections 200] [--duration 20] [--timeout 120] [--db URL]
//
// The store is built once (dyad ingest of the corpus) and kept in bench/out/ for later runs; the server runs in
// its own process (`dyad serve`), autocannon in this one. Figures go to standard output and bench/out/.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { openStore } from "../src/store/index.js";
import { DEFAULT_SEED, iterateCorpus, toJsonl } from "./corpus.js";

const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "bench/out");
const BIN = join(ROOT, "bin/dyad.js");

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "16000" },
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "20" },
    timeout: { type: "string", default: "120" },
    db: { type: "string" },
    "min-events": { type: "string", default: "100000" },
  },
});
const articles = Number(values.articles);
const minEvents = Number(values["min-events"]);

function runDyad(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`dyad ${args[0]} exited ${code}`)),
    );
  });
}

async function ensureStore(db: string): Promise<number> {
  const store = await openStore(db);
  let { events } = await store.counts();
  await store.close();
  if (events >= minEvents) return events;
  const corpus = join(OUT, `serve-corpus-${articles}-${DEFAULT_SEED}.jsonl`);
  if (!existsSync(corpus)) {
    const lines: string[] = [];
    for (const article of iterateCorpus({ articles, seed: DEFAULT_SEED })) lines.push(toJsonl(article));
    writeFileSync(corpus, `${lines.join("\n")}\n`);
  }
  process.stderr.write(`serve-load: ingesting ${articles} corpus articles into ${db}...\n`);
  await runDyad(["ingest", "--db", db, corpus, "--json"]);
  const again = await openStore(db);
  events = (await again.counts()).events;
  await again.close();
  if (events < minEvents) throw new Error(`${events} events: give --articles more than ${articles}`);
  return events;
}

/** Starts `dyad serve` on a free loopback port; resolves with its address and a function that stops it. */
function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const match = /at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1], stop: () => child.kill("SIGTERM") });
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new Error(`dyad serve exited ${code}: ${out}`)));
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const db = values.db ?? join(OUT, `serve-load-${articles}.db`);
  const events = await ensureStore(db);
  const store = await openStore(db);
  // The two most active countries: a dyad analysts would chart (the most active codes overall are agents).
  const [a, b] = (await store.topActors(50)).filter((x) => x.country !== null && x.code === x.country);
  await store.close();
  const paths = [
    "/api/events?limit=100",
    `/api/events?actor=${encodeURIComponent(a.code)}&limit=100`,
    `/api/events?dyad=${encodeURIComponent(`${a.code}:${b.code}`)}&limit=50`,
    `/api/series?dyad=${encodeURIComponent(`${a.code}:${b.code}`)}&by=month`,
    `/api/series?dyad=${encodeURIComponent(`${a.code}:${b.code}`)}&by=week`,
  ];
  const server = await startServer(db);
  try {
    const connections = Number(values.connections);
    const duration = Number(values.duration);
    process.stderr.write(
      `serve-load: ${connections} clients for ${duration} s on ${server.url} (${events} events)\n`,
    );
    const errorMessages = new Map<string, number>();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url.replace(/\/$/, ""),
          connections,
          duration,
          // Seconds a request may wait before it counts as an error: with 200 clients queued on one store, a
          // request waits for the ones ahead of it.
          timeout: Number(values.timeout),
          requests: paths.map((path) => ({ method: "GET", path })),
        },
        (e, r) => (e ? reject(e) : resolve(r)),
      );
      instance.on("reqError", (e: Error) => {
        const key = `${(e as { code?: string }).code ?? ""} ${e.message}`;
        errorMessages.set(key, (errorMessages.get(key) ?? 0) + 1);
      });
    });
    const summary = {
      date: new Date().toISOString(),
      events,
      connections,
      duration,
      paths,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      errorMessages: Object.fromEntries(errorMessages),
    };
    writeFileSync(join(OUT, "serve-load.json"), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (summary.errors || summary.timeouts || summary.non2xx) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

await main();
