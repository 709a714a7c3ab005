// Issue 17: coding workers on the PostgreSQL queue. A worker killed with SIGKILL mid-batch loses and
// duplicates nothing; SIGTERM finishes the batch; a poisoned batch is parked after three tries and listed;
// two workers never code the same batch. Each store is compared with `dyad ingest` of the same corpus.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { generateCorpus, toJsonl } from "../bench/corpus.js";
import type { QueueStatus } from "../src/queue/index.js";
import type { WorkerSummary } from "../src/queue/worker.js";
import { openStore, type Store } from "../src/store/index.js";
import { dyad, runDyadProcess, spawnDyad } from "./store-cli.js";

const ARTICLES = 40;
const server = process.env.DYAD_TEST_PG;
const skip = server
  ? undefined
  : "DYAD_TEST_PG is not set: the queue's worker tests need a PostgreSQL server";
const database = `dyad_issue17_${process.pid}_${Date.now()}`;
const dir = mkdtempSync(join(tmpdir(), "dyad-queue-"));
const corpus = join(dir, "corpus.jsonl");

/** Short timeouts so that a dead worker's batch comes back within a second. */
const FAST = ["--visibility", "1", "--poll", "0.1", "--retry-delay", "0"];

async function admin(sql: string, url = server): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The test database, without a schema. */
function databaseUrl(): string {
  const u = new URL(server ?? "postgres://localhost/postgres");
  u.pathname = `/${database}`;
  return u.toString();
}

function freshUrl(name: string): string {
  const u = new URL(databaseUrl());
  u.searchParams.set("schema", `${name}_${randomUUID().replaceAll("-", "").slice(0, 12)}`);
  return u.toString();
}

/** What a store holds, independent of gids and coding times. */
async function snapshot(url: string) {
  const store: Store = await openStore(url);
  try {
    const lines: string[] = [];
    for await (const e of store.iterateEvents({}, 5000)) {
      lines.push([e.article.id, e.id, e.code, e.date, e.source.map((a) => a.code).join("+")].join("|"));
    }
    return { counts: await store.counts(), events: lines.sort() };
  } finally {
    await store.close();
  }
}

/** Runs dyad in this process (enqueue, status, ingest): only workers need processes of their own. */
async function dyadOk(args: string[]): Promise<string> {
  const r = await dyad(args);
  assert.equal(r.code, 0, `dyad ${args.join(" ")}: ${r.err}`);
  return r.out;
}

async function status(url: string): Promise<QueueStatus> {
  return JSON.parse(await dyadOk(["queue", "status", "--db", url, "--json"])) as QueueStatus;
}

/** Starts `dyad worker` and resolves once its stderr matches `line`; the child is returned running. */
async function startWorkerUntil(url: string, line: RegExp) {
  const child = spawnDyad(["worker", "--db", url, ...FAST]);
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (line.test(err)) resolve();
    });
    child.on("close", () => reject(new Error(`the worker ended before '${line}': ${err}`)));
  });
  return { child, exited, stderr: () => err };
}

let expected: Awaited<ReturnType<typeof snapshot>>;

describe("issue 17: workers on the queue", { skip, concurrency: false }, () => {
  before(async () => {
    writeFileSync(corpus, generateCorpus({ articles: ARTICLES, seed: 1717 }).map(toJsonl).join(""));
    await admin(`CREATE DATABASE ${database}`);
    const reference = freshUrl("ingest");
    await dyadOk(["ingest", corpus, "--db", reference, "--workers", "1"]);
    expected = await snapshot(reference);
    assert.equal(expected.counts.articles, ARTICLES);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it("enqueues an article once however often it is enqueued", async () => {
    const url = freshUrl("twice");
    const first = JSON.parse(await dyadOk(["enqueue", corpus, "--db", url, "--batch", "8", "--json"]));
    const again = JSON.parse(await dyadOk(["enqueue", corpus, corpus, "--db", url, "--json"]));
    assert.deepEqual(first, { articles: ARTICLES, batches: 5, skipped: 0, failed: 0 });
    assert.deepEqual(again, { articles: 0, batches: 0, skipped: 2 * ARTICLES, failed: 0 });
  });

  it("a worker killed with SIGKILL mid-batch: its batch comes back and the store equals dyad ingest's", async () => {
    const url = freshUrl("killed");
    await dyadOk(["enqueue", corpus, "--db", url, "--batch", "8"]);
    const worker = await startWorkerUntil(url, /batch 2: 8 articles, try 1/);
    worker.child.kill("SIGKILL");
    await worker.exited;
    const killed = await status(url);
    assert.equal(killed.running, 1, "the killed worker's batch is still taken");
    assert.ok(killed.done >= 1 && killed.done < 5, `done before the kill: ${killed.done}`);
    const resumed = await runDyadProcess([
      "worker",
      "--db",
      url,
      ...FAST,
      "--until-empty",
      "--json",
      "--quiet",
    ]);
    assert.equal(resumed.code, 0, resumed.err);
    const summary = JSON.parse(resumed.out) as WorkerSummary;
    assert.equal(summary.batches, 5 - killed.done);
    const s = await status(url);
    assert.deepEqual([s.done, s.running, s.pending, s.failed, s.retried], [5, 0, 0, 0, 1]);
    assert.deepEqual(await snapshot(url), expected);
  });

  it("SIGTERM: the worker finishes its batch, marks it done and exits", async () => {
    const url = freshUrl("term");
    await dyadOk(["enqueue", corpus, "--db", url, "--batch", "8"]);
    const worker = await startWorkerUntil(url, /batch 1: 8 articles, try 1/);
    worker.child.kill("SIGTERM");
    assert.equal(await worker.exited, 0, worker.stderr());
    const s = await status(url);
    assert.deepEqual([s.done, s.running, s.pending], [1, 0, 4]);
    assert.equal((await snapshot(url)).counts.articles, 8);
  });

  it("a poisoned batch is parked after three tries, shown by queue status and dyad errors; the rest is coded", async () => {
    const url = freshUrl("poison");
    await dyadOk(["enqueue", corpus, "--db", url, "--batch", "20"]);
    const schema = new URL(url).searchParams.get("schema");
    // A batch no enqueue would write (a date that is not YYYY-MM-DD), as from an older or foreign producer.
    await admin(
      `INSERT INTO ${schema}.queue_jobs (articles, size) VALUES ('[{"id":"p1","date":"1 May","text":"x"}]', 1)`,
      databaseUrl(),
    );
    const r = await runDyadProcess(["worker", "--db", url, ...FAST, "--until-empty", "--json"]);
    assert.equal(r.code, 1, "a parked batch makes the worker's exit code 1");
    const summary = JSON.parse(r.out) as WorkerSummary;
    assert.deepEqual([summary.batches, summary.failures, summary.parked], [2, 3, 1]);
    const s = await status(url).catch(() => null);
    const shown = await dyad(["queue", "status", "--db", url]);
    assert.equal(shown.code, 1);
    assert.match(shown.out, /parked +batch 3: 1 article \(articles p1\), 3 tries: .*E_QUEUE_PAYLOAD/);
    assert.equal(s, null, "queue status exits 1 while a batch is parked");
    const errors = await dyad(["errors", "--db", url, "--format", "jsonl"]);
    const parked = errors.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { key: string; code: string; message: string });
    assert.deepEqual(
      parked.map((e) => [e.key, e.code]),
      [["queue batch 3", "E_QUEUE_PARKED"]],
    );
    assert.match(parked[0].message, /3 tries.*date/);
    assert.deepEqual((await snapshot(url)).counts.articles, ARTICLES);
  });

  it("two workers share the batches and never code the same one: the store equals dyad ingest's", async () => {
    const url = freshUrl("two");
    await dyadOk(["enqueue", corpus, "--db", url, "--batch", "4"]);
    // A lease long enough that neither worker's batch runs out on a loaded machine: what is tested is that two
    // live workers never take the same batch, not the timeout (the SIGKILL test above covers that).
    const args = [
      "worker",
      "--db",
      url,
      "--poll",
      "0.1",
      "--visibility",
      "60",
      "--until-empty",
      "--json",
      "--quiet",
    ];
    const [a, b] = (await Promise.all([dyadOk(args), dyadOk(args)])).map(
      (out) => JSON.parse(out) as WorkerSummary,
    );
    assert.equal(a.batches + b.batches, 10);
    assert.equal(a.lost + b.lost, 0);
    assert.equal(a.articles + b.articles, ARTICLES);
    const schema = new URL(url).searchParams.get("schema");
    const tries = await admin(
      `SELECT max(attempts) AS most, count(*) AS n FROM ${schema}.queue_jobs WHERE state = 'done'`,
      databaseUrl(),
    );
    assert.deepEqual(tries.rows[0], { most: 1, n: "10" }, "every batch taken exactly once");
    assert.deepEqual(await snapshot(url), expected);
  });
});
