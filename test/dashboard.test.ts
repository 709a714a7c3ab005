// issue 16: the dashboard in a real browser (Debian's chromium through playwright-core) against a store filled
// from examples/, served on loopback. Screenshots of every view go to test/output/dashboard/ for people to look at.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { createApp } from "../src/api/app.js";
import { openStore, type Store } from "../src/store/index.js";
import { dyad, ROOT } from "./store-cli.js";

const CHROMIUM = process.env.DYAD_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SHOTS = join(ROOT, "test/output/dashboard");

const skip = existsSync(CHROMIUM)
  ? undefined
  : `no browser at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium (.ci/run does)`;
// CI sets DYAD_REQUIRE_BROWSER: there a missing browser fails the run instead of skipping the tests.
if (skip && process.env.DYAD_REQUIRE_BROWSER) throw new Error(skip);
if (skip) process.stdout.write(`# skipping the dashboard tests: ${skip}\n`);

/** Text an attacker might put in an article: it must show as text and never run. */
const HOSTILE = {
  id: "hostile-markup",
  date: "2025-06-01",
  title: "<b>Bold</b> claims",
  text: 'Iran condemned Israel. <script>window.__pwned = "script"</script> Pakistan praised Turkey. <img src=x onerror="window.__pwned = \'img\'"> The end.',
};

describe("dashboard in chromium (issue 16)", { skip }, () => {
  let dir: string;
  let store: Store;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  const offsite: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "dyad-dashboard-"));
    mkdirSync(SHOTS, { recursive: true });
    const web = join(dir, "web");
    await build({ configFile: join(ROOT, "web/vite.config.js"), build: { outDir: web, emptyOutDir: true } });
    const db = join(dir, "dashboard.db");
    const ingest = await dyad(["ingest", "--db", db, "--workers", "1", join(ROOT, "examples")]);
    assert.equal(ingest.code, 0, ingest.err);
    store = await openStore(db);
    const app = createApp({ store, webRoot: `${web}/`, token: "t" });
    const posted = await app.request("/api/articles", {
      method: "POST",
      headers: { authorization: "Bearer t" },
      body: JSON.stringify(HOSTILE),
    });
    assert.equal(posted.status, 200);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  after(async () => {
    await browser?.close();
    await close?.();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(offsite, [], "the dashboard asked for nothing beyond loopback");
  });

  /** A page that refuses every request off loopback and records console errors. */
  async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:")) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    await page.goto(`${base}${hash}`);
    await page.waitForSelector('#view[data-ready="true"]');
    return { page, errors };
  }

  for (const [name, hash, selector] of [
    ["dyad", "#/dyad?a=USA&b=RUS&by=month", "#dyad-chart svg"],
    ["events", "#/events", "#events-table tr.row"],
    ["actors", "#/actors", "#actor-network svg"],
    ["map", "#/map", "#map svg"],
    ["quotes", "#/quotes", "#quotes-list li"],
  ] as const) {
    it(`the ${name} view loads without console errors`, async () => {
      const { page, errors } = await open(hash);
      assert.ok(await page.$(selector), `${selector} is shown`);
      assert.equal(await page.$(".error"), null, "no error message");
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it("the dyad chart has one bar segment per period and QuadClass of the pair's series", async () => {
    const rows = await store.series({ dyad: { a: "PAK", b: "TUR" }, by: "week" });
    const expected = rows.reduce((n, r) => n + r.quad.filter((q) => q > 0).length, 0);
    assert.ok(rows.length >= 2, "the examples give PAK:TUR events in two weeks");
    const { page, errors } = await open("#/dyad?a=PAK&b=TUR&by=week");
    const bars = await page.$$('#dyad-chart g[aria-label="bar"] rect');
    assert.equal(bars.length, expected);
    await bars[0].click();
    await page.waitForSelector("#period-events li a");
    await page.screenshot({ path: join(SHOTS, "dyad-clicked.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("clicking an event row opens its article with the trigger highlighted", async () => {
    const { page, errors } = await open("#/events?dyad=PAK:TUR");
    const row = await page.$("#events-table tr.row");
    assert.ok(row);
    const articleId = await row.getAttribute("data-article");
    await row.click();
    await page.waitForSelector('#view[data-view="article"][data-ready="true"]');
    const stored = await store.article(articleId ?? "");
    assert.ok(stored);
    const selected = await page.$("#article-text span.mark-trigger.selected");
    assert.ok(selected, "the event's trigger is marked as selected");
    const eventId = await selected.getAttribute("data-event");
    const event = stored.record.events.find((e) => e.id === eventId);
    assert.ok(event);
    assert.equal(await selected.textContent(), event.evidence.trigger);
    assert.ok((await page.$$("#article-text .mark-actor")).length > 0, "actors are marked");
    await page.screenshot({ path: join(SHOTS, "article.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("an article with <script> and <img onerror> in its text shows them as text and runs nothing", async () => {
    const { page, errors } = await open(`#/article/${HOSTILE.id}`);
    const text = await page.textContent("#article-text");
    assert.equal(text, HOSTILE.text);
    assert.equal(await page.textContent("#article-title"), HOSTILE.title);
    assert.equal(await page.$("#view script, #view img, #view b:text('Bold')"), null);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    await page.screenshot({ path: join(SHOTS, "article-hostile.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
