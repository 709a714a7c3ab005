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
import { openStore, type Store } from "../src/store/index.js";
import { runDyadProcess, spawnDyad } from "./store-cli.js";

const ARTICLES = 1500;
const BATCH = "40";
const dir = mkdtempSync(join(tmpdir(), "dyad-crash-"));
const corpus = join(dir, "corpus.jsonl");
const server = process.env.DYAD_TEST_PG;
const database = `dyad_crash_${process.pid}_${Date.now()}`;

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

/**
 * An uninterrupted run into one store, then a run killed halfway and run again into another: the two stores
 * must hold the same. (Both on the same backend, one right after the other.)
 */
async function crashAndResume(reference: string, killed: string): Promise<void> {
  const first = await ingest(reference);
  assert.equal(first.new, ARTICLES);
  assert.equal(first.failed, 0);
  const expected = await snapshot(reference);
  assert.equal(expected.counts.articles, ARTICLES);
  process.stdout.write(`# uninterrupted: ${JSON.stringify(expected.counts)}\n`);
  const stored = await killHalfway(killed);
  const resumed = await ingest(killed);
  assert.equal(resumed.unchanged, stored, "what was committed before the kill is recognised");
  assert.equal(resumed.new, ARTICLES - stored);
  assert.equal(resumed.updated + resumed.failed + resumed.duplicate, 0);
  const after = await snapshot(killed);
  assert.deepEqual(after.counts, expected.counts);
  assert.deepEqual(after.fingerprint, expected.fingerprint);
}

before(() => {
  writeFileSync(corpus, generateCorpus({ articles: ARTICLES, seed: 20250526 }).map(toJsonl).join(""));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("ingest killed with SIGKILL and run again", { concurrency: false }, () => {
  it("SQLite: the final store equals that of an uninterrupted run", async () => {
    await crashAndResume(`sqlite:${join(dir, "reference.db")}`, `sqlite:${join(dir, "killed.db")}`);
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
    it("the final store equals that of an uninterrupted run", { skip }, async () => {
      const url = (name: string) => {
        const u = new URL(server ?? "postgres://localhost/postgres");
        u.pathname = `/${database}`;
        u.searchParams.set("schema", `${name}_${randomUUID().replaceAll("-", "")}`);
        return u.toString();
      };
      await crashAndResume(url("reference"), url("killed"));
    });
  });
});
