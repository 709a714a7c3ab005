import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { html, startServer, type TestServer } from "../../test/helpers/http-server.js";
import { entries, feedRoute, feedXml, pageHtml, pageRoutes } from "../../test/helpers/news-site.js";
import type { DyadError } from "../core/errors.js";
import { createDyad, type Dyad } from "../pipeline/dyad.js";
import { openStore, type Store } from "../store/index.js";
import { Watcher, type WatchOptions } from "./watch.js";

let dyad: Dyad;
before(() => {
  dyad = createDyad();
});

async function freshStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), "dyad-watch-")), "watch.db"));
}

function watcher(store: Store, errors: DyadError[], options: WatchOptions = {}): Watcher {
  return new Watcher(
    { store, code: (article) => dyad.codeMany([article])[0], report: (e) => errors.push(e) },
    { delayMs: 0, timeoutMs: 2000, ...options },
  );
}

/** How often each path was asked for. */
function hits(server: TestServer, prefix: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of server.log) if (p.startsWith(prefix)) m.set(p, (m.get(p) ?? 0) + 1);
  return m;
}

let server: TestServer;
const list = entries(20);
list[6].status = 500;
list[12].status = 500;
before(async () => {
  server = await startServer({
    "/feed.xml": feedRoute(() => server.base, list),
    ...pageRoutes(list),
    "/broken.xml": (_req, res) => {
      res.writeHead(500).end();
    },
    "/not-a-feed.xml": html("<html><body><p>Welcome to our homepage</p></body></html>"),
  });
});
after(() => server.close());

test("a feed of 20 entries where 5 change between polls and 2 pages fail: only what is new or changed is fetched (issue 18)", async () => {
  const store = await freshStore();
  const errors: DyadError[] = [];
  const w = watcher(store, errors);
  const feeds = [`${server.base}/feed.xml`, `${server.base}/broken.xml`, `${server.base}/not-a-feed.xml`];

  const first = await w.poll(feeds);
  assert.deepEqual(
    [first.feedsFailed, first.entries, first.fetched, first.new, first.failed, first.seen],
    [2, 20, 20, 18, 2, 0],
    "the two broken feeds fail alone; the good one is read whole",
  );
  assert.deepEqual(errors.map((e) => e.code).sort(), ["E_FEED", "E_FETCH", "E_FETCH", "E_FETCH"]);
  assert.equal((await store.counts()).articles, 18);

  for (const e of list.slice(0, 5)) e.version = 2;
  const second = await w.poll([`${server.base}/feed.xml`]);
  assert.deepEqual(
    [second.fetched, second.updated, second.new, second.failed, second.seen],
    [7, 5, 0, 2, 13],
    "the 5 changed entries and the 2 failing ones are fetched again, nothing else",
  );
  const pages = hits(server, "/news/");
  for (const e of list) {
    const expected = e.n <= 5 || e.status === 500 ? 2 : 1;
    assert.equal(pages.get(`/news/${e.n}`), expected, `page ${e.n}`);
  }
  const first1 = (await store.feedItems(`${server.base}/feed.xml`)).find((i) => i.key === "story-1");
  const stored = await store.article(first1?.articleId ?? "");
  assert.match(stored?.article.text ?? "", /version 2/);

  // A third try gives the failing pages up; from then on the feed answers 304 and nothing is fetched.
  const third = await w.poll([`${server.base}/feed.xml`]);
  assert.deepEqual([third.fetched, third.failed, third.seen], [2, 2, 18]);
  const fourth = await w.poll([`${server.base}/feed.xml`]);
  assert.deepEqual([fourth.notModified, fourth.fetched, fourth.seen], [1, 0, 0]);
  const items = await store.feedItems(`${server.base}/feed.xml`);
  assert.equal(items.filter((i) => i.state === "stored").length, 18);
  assert.deepEqual(
    items
      .filter((i) => i.state === "failed")
      .map((i) => [i.pageUrl.replace(server.base, ""), i.attempts])
      .sort(),
    [
      ["/news/13", 3],
      ["/news/7", 3],
    ],
  );
  assert.equal((await store.counts()).articles, 18);
  assert.ok((await store.errors()).some((e) => e.origin === `${server.base}/news/7`));
  await store.close();
});

test("robots.txt is respected, and requests to one host are spaced by the delay (issue 18)", async () => {
  const site = await startServer({});
  const two = entries(3);
  site.routes.set("/robots.txt", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /news/2\n");
  });
  site.routes.set(
    "/feed.xml",
    feedRoute(() => site.base, two),
  );
  for (const [path, route] of Object.entries(pageRoutes(two))) site.routes.set(path, route);
  const stamps: number[] = [];
  const original = site.routes.get("/news/1");
  site.routes.set("/news/1", (req, res) => {
    stamps.push(Date.now());
    return original?.(req, res);
  });
  const page3 = site.routes.get("/news/3");
  site.routes.set("/news/3", (req, res) => {
    stamps.push(Date.now());
    return page3?.(req, res);
  });
  const store = await freshStore();
  const errors: DyadError[] = [];
  const summary = await watcher(store, errors, { delayMs: 200 }).poll([`${site.base}/feed.xml`]);
  assert.equal(summary.new, 2);
  assert.ok(!site.log.includes("/news/2"), "a disallowed page is never requested");
  assert.deepEqual(
    errors.map((e) => e.code),
    ["E_ROBOTS"],
  );
  assert.ok(stamps[1] - stamps[0] >= 190, `pages 1 and 3 came ${stamps[1] - stamps[0]} ms apart`);
  await store.close();
  await site.close();
});

test("a page without a date takes its feed entry's date", async () => {
  const site = await startServer({});
  const one = entries(1);
  site.routes.set(
    "/feed.xml",
    feedRoute(() => site.base, one),
  );
  site.routes.set(
    "/news/1",
    html(pageHtml(one[0]).replace(/<meta property="article:published_time"[^>]*>/, "")),
  );
  const store = await freshStore();
  await watcher(store, []).poll([`${site.base}/feed.xml`]);
  const [item] = await store.feedItems(`${site.base}/feed.xml`);
  assert.equal((await store.article(item.articleId ?? ""))?.article.date, "2025-05-05");
  await store.close();
  await site.close();
});

test("a feed file is read from disk; its entries' pages are fetched; a missing file fails alone", async () => {
  const site = await startServer({});
  const two = entries(2);
  for (const [path, route] of Object.entries(pageRoutes(two))) site.routes.set(path, route);
  const dir = mkdtempSync(join(tmpdir(), "dyad-feed-file-"));
  const file = join(dir, "feed.xml");
  writeFileSync(file, feedXml(site.base, two));
  const store = await freshStore();
  const errors: DyadError[] = [];
  const summary = await watcher(store, errors).poll([file, join(dir, "missing.xml")]);
  assert.deepEqual([summary.new, summary.feedsFailed], [2, 1]);
  assert.deepEqual(
    errors.map((e) => e.code),
    ["E_NOT_FOUND"],
  );
  assert.equal((await watcher(store, []).poll([file])).seen, 2);
  await store.close();
  await site.close();
});
