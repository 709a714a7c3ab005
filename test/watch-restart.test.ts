// Issue 18: `dyad watch` killed with SIGKILL in the middle of a poll, then started again, fetches no page it
// had stored, and ends with every entry stored once. Real processes, a local server, no network.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../src/store/index.js";
import { startServer, type TestServer } from "./helpers/http-server.js";
import { entries, feedRoute, pageRoutes } from "./helpers/news-site.js";
import { runDyadProcess, spawnDyad } from "./store-cli.js";

const list = entries(20);
let server: TestServer;
before(async () => {
  server = await startServer({ "/feed.xml": feedRoute(() => server.base, list), ...pageRoutes(list) });
});
after(() => server.close());

test("a restart after a kill mid-poll fetches nothing twice and loses nothing (issue 18)", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "dyad-watch-kill-")), "watch.db");
  const feed = `${server.base}/feed.xml`;
  const args = ["watch", feed, "--db", db, "--once", "--delay", "0", "--timeout", "60s"];
  // Page 8 does not answer: the watcher is killed while it waits for it, pages 1 to 7 stored.
  list[7].stall = true;
  const child = spawnDyad(args);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!server.log.includes("/news/8")) {
    assert.ok(Date.now() < deadline, `the watcher never reached page 8: ${stderr}`);
    await sleep(50);
  }
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("close", resolve));
  list[7].stall = false;

  const again = await runDyadProcess([...args, "--json"]);
  assert.equal(again.code, 0, again.err);
  const summary = JSON.parse(again.out);
  assert.deepEqual([summary.seen, summary.fetched, summary.new, summary.failed], [7, 13, 13, 0]);

  // Each page answered once: page 8's first request was never answered.
  const asked = new Map<string, number>();
  for (const p of server.log) asked.set(p, (asked.get(p) ?? 0) + 1);
  for (const e of list) assert.equal(asked.get(`/news/${e.n}`), e.n === 8 ? 2 : 1, `page ${e.n}`);

  const store = await openStore(db);
  try {
    assert.equal((await store.counts()).articles, 20);
    const items = await store.feedItems(feed);
    assert.deepEqual([items.length, items.filter((i) => i.state === "stored").length], [20, 20]);
    assert.deepEqual(await store.errors(), []);
  } finally {
    await store.close();
  }
});
