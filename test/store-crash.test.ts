// Issue 6: a kill -9 in the middle of an ingest leaves the store consistent, and running the same command
// again gives the same store as an uninterrupted run. On SQLite, and on PostgreSQL when DYAD_TEST_PG is set.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { generateCorpus, toJsonl } from "../bench/corpus.js";
import type { IngestSummary } from "../src/cli/commands/ingest.js";
import { openStore, type Store, type StoreCounts } from "../src/store/index.js";
import { dyadCommand, runDyadProcess, spawnDyad } from "./store-cli.js";

const ARTICLES = 2000;
const BATCH = "40";
const dir = mkdtempSync(join(tmpdir(), "dyad-crash-"));
const corpus = join(dir, "corpus.jsonl");
const server = process.env.DYAD_TEST_PG;
const database = `dyad_crash_${process.pid}_${Date.now()}`;

let reference: { counts: StoreCounts; fingerprint: string[] } | undefined;

/** What the store holds, independent of gids and coding times: one line per event. */
async function fingerprint(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for await (const e of store.iterateEvents({}, 5000)) {
    lines.push(
      [
        e.article.id,
        e.id,
        e.code,
        e.date,
        e.source.map((a) => a.code).join("+"),
        e.target.map((a) => a.code).join("+"),
      ].join("|"),
    );
  }
  return lines.sort();
}

async function snapshot(url: string) {
  const store = await openStore(url);
  try {
    return { counts: await store.counts(), fingerprint: await fingerprint(store) };
  } finally {
    await store.close();
  }
}

async function ingest(url: string): Promise<IngestSummary> {
  const result = await runDyadProcess(["ingest", corpus, "--db", url, "--batch", BATCH, "--json"]);
  assert.equal(result.code, 0, result.err);
  return JSON.parse(result.out) as IngestSummary;
}

/** Starts an ingest, waits until the store holds some articles, and kills it with SIGKILL. */
async function killHalfway(url: string): Promise<number> {
  const watcher = await openStore(url);
  const child = spawnDyad(["ingest", corpus, "--db", url, "--batch", BATCH]);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let done = false;
  child.on("close", () => (done = true));
  try {
    for (;;) {
      const { articles } = await watcher.counts();
      if (articles >= ARTICLES / 5) break;
      assert.ok(!done, `the ingest ended before it could be killed: ${stderr}`);
      await sleep(25);
    }
    child.kill("SIGKILL");
    await exited;
    const { articles } = await watcher.counts();
    assert.ok(
      articles > 0 && articles < ARTICLES,
      `killed halfway: ${articles} of ${ARTICLES} articles stored`,
    );
    process.stdout.write(`# killed with ${articles} of ${ARTICLES} articles stored\n`);
    return articles;
  } finally {
    await watcher.close();
  }
}

async function crashAndResume(url: string): Promise<void> {
  assert.ok(reference, "the uninterrupted run comes first");
  const stored = await killHalfway(url);
  const resumed = await ingest(url);
  assert.equal(resumed.unchanged, stored, "what was committed before the kill is recognised");
  assert.equal(resumed.new, ARTICLES - stored);
  assert.equal(resumed.updated + resumed.failed + resumed.duplicate, 0);
  const after = await snapshot(url);
  assert.deepEqual(after.counts, reference.counts);
  assert.deepEqual(after.fingerprint, reference.fingerprint);
}

before(() => {
  writeFileSync(corpus, generateCorpus({ articles: ARTICLES, seed: 20250526 }).map(toJsonl).join(""));
  const note = dyadCommand().note;
  if (note) process.stdout.write(`# ${note}\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("ingest killed with SIGKILL and run again", { concurrency: false }, () => {
  it("an uninterrupted run, and a second run that stores nothing new (reference)", async () => {
    const url = `sqlite:${join(dir, "reference.db")}`;
    const first = await ingest(url);
    assert.equal(first.new, ARTICLES);
    assert.equal(first.failed, 0);
    const again = await ingest(url);
    assert.equal(again.unchanged, ARTICLES);
    assert.equal(again.new + again.updated + again.events, 0);
    reference = await snapshot(url);
    assert.equal(reference.counts.articles, ARTICLES);
    process.stdout.write(`# uninterrupted: ${JSON.stringify(reference.counts)}\n`);
  });

  it("SQLite: the final store equals the uninterrupted one", async () => {
    await crashAndResume(`sqlite:${join(dir, "killed.db")}`);
  });

  describe("PostgreSQL", () => {
    const skip = server ? undefined : "DYAD_TEST_PG is not set: the PostgreSQL crash test needs a server";
    if (server) {
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      };
      before(() => admin(`CREATE DATABASE ${database}`));
      after(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
    it("the final store equals the uninterrupted one", { skip }, async () => {
      const url = new URL(server ?? "postgres://localhost/postgres");
      url.pathname = `/${database}`;
      url.searchParams.set("schema", `crash_${randomUUID().replaceAll("-", "")}`);
      await crashAndResume(url.toString());
    });
  });
});
