// issue 16: the HTTP API, called in process (app.request, no socket) on SQLite and, with DYAD_TEST_PG, PostgreSQL.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createApp } from "../src/api/app.js";
import { gdeltLines } from "../src/export/index.js";
import { loadActorNames } from "../src/knowledge/names.js";
import { actorQuery } from "../src/store/actors.js";
import { fixtureItems } from "../src/store/fixtures.js";
import { openStore, type Store, type StoredEvent } from "../src/store/index.js";

type App = ReturnType<typeof createApp>;

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function problemOf(res: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/);
  const p = await body(res);
  assert.equal(p.status, status);
  return p;
}

const ids = (events: readonly { gid: number }[]) => events.map((e) => e.gid);

/** What the API counts without a modality parameter, as the CLI does: the events that happened (issue 19). */
const HAPPENED = { modality: "happened" } as const;

/** Fills a store with the store fixtures and one failed article. */
async function filled(url: string): Promise<Store> {
  const store = await openStore(url);
  await store.write({
    coded: fixtureItems(),
    failed: [{ origin: "feed.jsonl:7", code: "E_BAD_DATE", message: "feed.jsonl:7: impossible date" }],
  });
  return store;
}

function apiSuite(name: string, storeUrl: () => Promise<string>, skip?: string): void {
  describe(`API on ${name}`, { skip }, () => {
    let store: Store;
    let app: App;
    const get = (path: string) => app.request(path);
    before(async () => {
      store = await filled(await storeUrl());
      app = createApp({ store, token: "s3cret" });
    });
    after(() => store?.close());

    it("GET /api/events applies the filters of dyad events and returns what the store returns", async () => {
      const res = await get("/api/events?dyad=IRN:PAK&modality=asserted");
      assert.equal(res.status, 200);
      const page = (await body(res)) as { items: StoredEvent[]; next: string | null };
      const expected = await store.events({ dyad: { a: "IRN", b: "PAK" }, modality: ["asserted"] });
      assert.ok(expected.length >= 3);
      assert.deepEqual(ids(page.items), ids(expected));
      assert.equal(page.next, null);
      const directed = (await body(await get("/api/events?dyad=PAK:IRN&directed"))) as {
        items: StoredEvent[];
      };
      assert.ok(directed.items.length > 0);
      for (const e of directed.items) assert.ok(e.source.some((a) => a.country === "PAK"));
    });

    it("pages through events with a cursor: every event once, in order, then next is null", async () => {
      const all = await store.events(HAPPENED);
      const seen: number[] = [];
      let next: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/events?limit=3${next ? `&cursor=${next}` : ""}`;
        const page = (await body(await get(url))) as { items: StoredEvent[]; next: string | null };
        assert.ok(page.items.length <= 3);
        seen.push(...ids(page.items));
        next = page.next;
        pages++;
      } while (next && pages < 50);
      assert.deepEqual(seen, ids(all));
      assert.equal(pages, Math.ceil(all.length / 3));
    });

    it("GET /api/quotes finds quotes by speaker, subject and words, paged", async () => {
      const page = (await body(await get("/api/quotes?speaker=PAK"))) as {
        items: { article: { id: string } }[];
      };
      assert.deepEqual(page.items.map((q) => q.article.id).sort(), ["fx-001", "fx-002"]);
      const words = (await body(await get("/api/quotes?text=sanctions"))) as { items: { text: string }[] };
      assert.ok(words.items.length > 0);
      for (const q of words.items) assert.match(q.text, /sanction/i);
      const first = (await body(await get("/api/quotes?limit=1"))) as { items: unknown[]; next: string };
      assert.equal(first.items.length, 1);
      const second = (await body(await get(`/api/quotes?limit=1&cursor=${first.next}`))) as {
        items: unknown[];
      };
      assert.equal(second.items.length, 1);
      assert.notDeepEqual(second.items[0], first.items[0]);
    });

    it("GET /api/articles/:id gives the text with its events and quotes; an unknown id is a 404 problem", async () => {
      const a = (await body(await get("/api/articles/fx-001"))) as {
        article: { id: string; text: string };
        record: { events: unknown[]; quotes: unknown[] };
      };
      assert.equal(a.article.id, "fx-001");
      assert.equal(a.record.events.length, 3);
      assert.equal(a.record.quotes.length, 1);
      assert.ok(a.article.text.length > 50);
      const p = await problemOf(await get("/api/articles/no-such-id"), 404);
      assert.equal(p.code, "E_NO_ARTICLE");
      assert.match(String(p.detail), /no-such-id/);
    });

    it("GET /api/actors/top and /api/actors/network count who acts on whom", async () => {
      const top = (await body(await get("/api/actors/top?limit=3"))) as { items: { code: string }[] };
      assert.deepEqual(top.items, await store.topActors(3, HAPPENED));
      const net = (await body(await get("/api/actors/network"))) as {
        nodes: { code: string; events: number }[];
        edges: { source: string; target: string; events: number; goldsteinMean: number }[];
      };
      const irnToPak = net.edges.filter((e) => e.source === "IRNGOV" && e.target === "PAK");
      assert.equal(irnToPak.length, 1);
      const codes = new Set(net.nodes.map((n) => n.code));
      for (const e of net.edges) assert.ok(codes.has(e.source) && codes.has(e.target));
      const irngov = net.nodes.find((n) => n.code === "IRNGOV");
      assert.equal(irngov?.events, (await store.events({ actor: "IRNGOV", ...HAPPENED })).length);
    });

    it("GET /api/places counts event places that have coordinates", async () => {
      const res = (await body(await get("/api/places"))) as {
        items: { name: string; lat: number; lon: number; events: number }[];
      };
      const events = await store.events(HAPPENED);
      const located = events.filter((e) => e.place && e.place.lat !== null);
      assert.equal(
        res.items.reduce((n, p) => n + p.events, 0),
        located.length,
      );
      for (const p of res.items) assert.ok(Number.isFinite(p.lat) && Number.isFinite(p.lon));
    });

    it("GET /api/series returns the store's dyad series", async () => {
      const res = (await body(await get("/api/series?dyad=IRN:PAK&by=week"))) as {
        items: unknown[];
        by: string;
      };
      assert.equal(res.by, "week");
      assert.deepEqual(
        res.items,
        await store.series({ dyad: { a: "IRN", b: "PAK" }, by: "week", filter: HAPPENED }),
      );
      assert.ok(res.items.length >= 2);
      const p = await problemOf(await get("/api/series?by=week"), 400);
      assert.equal(p.field, "dyad");
    });

    it("counts what happened unless modality=all, as the CLI does (issue 19)", async () => {
      const plain = (await body(await get("/api/events?limit=1000"))) as { items: StoredEvent[] };
      assert.deepEqual(ids(plain.items), ids(await store.events(HAPPENED)));
      assert.ok(plain.items.every((e) => e.modality !== "future" || e.code.startsWith("03")));
      const all = (await body(await get("/api/events?limit=1000&modality=all"))) as { items: StoredEvent[] };
      assert.deepEqual(ids(all.items), ids(await store.events({})));
      assert.ok(all.items.length > plain.items.length);
      const series = (await body(await get("/api/series?dyad=IRN:PAK&modality=all"))) as { modality: string };
      assert.equal(series.modality, "all");
    });

    it("reads actor names as the CLI does and says in `matched` which stored actors a term matched (issue 19)", async () => {
      const byName = (await body(await get("/api/events?actor=Pakistan&limit=1000"))) as {
        items: StoredEvent[];
        matched: { field: string; term: string; actors: { code: string }[]; more: number }[];
      };
      assert.deepEqual(ids(byName.items), ids(await store.events({ actor: "PAK", ...HAPPENED })));
      assert.equal(byName.matched.length, 1);
      assert.equal(byName.matched[0].field, "actor");
      assert.equal(byName.matched[0].term, "Pakistan");
      assert.deepEqual(
        byName.matched[0].actors,
        await store.matchActors({ ...actorQuery("Pakistan", loadActorNames()) }),
      );
      assert.deepEqual([...new Set(byName.matched[0].actors.map((a) => a.code))].sort(), ["PAK", "PAKGOV"]);
      const person = (await body(await get("/api/events?actor=Araghchi"))) as {
        items: StoredEvent[];
        matched: { actors: { name: string }[] }[];
      };
      assert.ok(person.items.length > 0);
      assert.deepEqual(
        person.matched[0].actors.map((a) => a.name),
        ["Abbas Araghchi"],
      );
      const none = (await body(await get("/api/events?actor=Narnia"))) as {
        items: unknown[];
        matched: { actors: unknown[] }[];
      };
      assert.deepEqual(none.items, []);
      assert.deepEqual(none.matched[0].actors, []);
      const plain = await body(await get("/api/events?root=04"));
      assert.equal("matched" in plain, false);
      const speakers = (await body(await get("/api/quotes?speaker=Pakistan"))) as {
        matched: { field: string; actors: { code: string }[] }[];
      };
      assert.equal(speakers.matched[0].field, "speaker");
      assert.ok(speakers.matched[0].actors.every((a) => a.code.startsWith("PAK")));
    });

    it("GET /api/series of one actor by year, with zeros; text queries and export limit as the CLI's (issue 19)", async () => {
      const res = (await body(await get("/api/series?actor=Iran&by=year"))) as {
        actor: string;
        by: string;
        items: { period: string }[];
        matched: unknown[];
      };
      assert.equal(res.actor, "Iran");
      assert.equal(res.by, "year");
      assert.ok(res.items.length >= 1);
      for (const r of res.items) assert.match(r.period, /^\d{4}$/);
      assert.equal(res.matched.length, 1);
      const both = await problemOf(await get("/api/series?actor=IRN&dyad=IRN:PAK"), 400);
      assert.equal(both.field, "actor");
      const phrase = (await body(
        await get(`/api/events?text=${encodeURIComponent('"no such phrase" OR sanction*')}`),
      )) as {
        items: StoredEvent[];
      };
      assert.deepEqual(ids(phrase.items), ids(await store.events({ text: "sanction*", ...HAPPENED })));
      const stop = await problemOf(await get("/api/events?text=the"), 400);
      assert.equal(stop.field, "text");
      const two = (await (await get("/api/export/jsonl?limit=2&modality=all")).text()).trim().split("\n");
      assert.equal(two.length, 2);
    });

    it("GET /api/errors lists failed articles", async () => {
      const res = (await body(await get("/api/errors"))) as { items: { code: string; origin: string }[] };
      assert.deepEqual(
        res.items.map((e) => [e.code, e.origin]),
        [["E_BAD_DATE", "feed.jsonl:7"]],
      );
    });

    it("GET /api/export/FORMAT downloads the matching events in each format", async () => {
      const n = (await store.events({ actor: "IRN", ...HAPPENED })).length;
      const csv = await get("/api/export/csv?actor=IRN");
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-disposition") ?? "", /attachment; filename="dyad-events\.csv"/);
      assert.equal((await csv.text()).trim().split("\n").length, n + 1);
      const jsonl = (await (await get("/api/export/jsonl?actor=IRN")).text()).trim().split("\n");
      assert.equal(jsonl.length, n);
      assert.match(JSON.parse(jsonl[0]).code, /^\d{2,4}$/);
      const gdelt = await (await get("/api/export/gdelt?actor=IRN")).text();
      // GDELT has one row per source-target pair of an event.
      assert.equal(
        gdelt,
        (await store.events({ actor: "IRN", ...HAPPENED }))
          .sort((a, b) => a.gid - b.gid)
          .map((e) => gdeltLines(e))
          .join(""),
      );
      for (const line of gdelt.trim().split("\n")) assert.equal(line.split("\t").length, 61);
      const plover = (await (await get("/api/export/plover?actor=IRN")).text()).trim().split("\n");
      assert.equal(plover.length, n);
      assert.deepEqual(
        plover.map((line) => JSON.parse(line).id),
        (await store.events({ actor: "IRN", ...HAPPENED })).sort((a, b) => a.gid - b.gid).map((e) => e.id),
      );
      const parquet = await get("/api/export/parquet?actor=IRN");
      assert.equal(parquet.status, 200);
      const bytes = Buffer.from(await parquet.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString(), "PAR1");
      const p = await problemOf(await get("/api/export/xlsx"), 400);
      assert.equal(p.field, "format");
    });

    it("POST /api/articles codes and stores an article through the pipeline, idempotently", async () => {
      const article = {
        id: `api-${randomUUID()}`,
        date: "2025-07-01",
        title: "Talks",
        text: "Iran condemned Israel on Tuesday. Pakistan praised Turkey for its mediation.",
      };
      const post = () =>
        app.request("/api/articles", {
          method: "POST",
          headers: { authorization: "Bearer s3cret", "content-type": "application/json" },
          body: JSON.stringify(article),
        });
      const first = await body(await post());
      assert.equal(first.new, 1);
      assert.ok(Number(first.events) >= 1);
      const stored = (await body(await get(`/api/articles/${article.id}`))) as {
        record: { events: unknown[] };
      };
      assert.equal(stored.record.events.length, first.events);
      const again = await body(await post());
      assert.equal(again.unchanged, 1);
      assert.equal(again.new, 0);
    });

    it("POST /api/articles reports a bad article of a list and stores the others; a bad single article is a 400", async () => {
      const res = await app.request("/api/articles", {
        method: "POST",
        headers: { authorization: "Bearer s3cret" },
        body: JSON.stringify([
          { id: `ok-${randomUUID()}`, date: "2025-07-02", text: "Egypt hosted Qatar for talks." },
          { id: "bad", date: "2025-02-30", text: "Something." },
        ]),
      });
      const result = (await body(res)) as { new: number; failed: { code: string; origin: string }[] };
      assert.equal(result.new, 1);
      assert.deepEqual(
        result.failed.map((f) => [f.code, f.origin]),
        [["E_BAD_DATE", "request[1]"]],
      );
      const single = await app.request("/api/articles", {
        method: "POST",
        headers: { authorization: "Bearer s3cret" },
        body: JSON.stringify({ date: "2025-07-02" }),
      });
      assert.equal((await problemOf(single, 400)).code, "E_FIELD");
      const notJson = await app.request("/api/articles", {
        method: "POST",
        headers: { authorization: "Bearer s3cret" },
        body: "{not json",
      });
      assert.equal((await problemOf(notJson, 400)).code, "E_JSONL");
    });

    it("GET /openapi.json documents every API route, with the filter parameters from the zod schemas", async () => {
      const doc = (await body(await get("/openapi.json"))) as {
        openapi: string;
        paths: Record<string, Record<string, { parameters?: { name: string; description?: string }[] }>>;
      };
      assert.equal(doc.openapi, "3.1.0");
      const routes = app.routes
        .filter((r) => r.method !== "ALL" && (r.path.startsWith("/api/") || r.path === "/openapi.json"))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
      for (const route of routes) {
        const [method, path] = route.split(" ");
        assert.ok(doc.paths[path]?.[method], `${route} is documented`);
      }
      const params = doc.paths["/api/events"].get.parameters ?? [];
      const names = params.map((p) => p.name);
      for (const n of [
        "actor",
        "dyad",
        "directed",
        "root",
        "code",
        "quad",
        "since",
        "until",
        "modality",
        "place",
        "text",
        "limit",
        "cursor",
      ]) {
        assert.ok(names.includes(n), `events parameter ${n}`);
      }
      assert.match(params.find((p) => p.name === "root")?.description ?? "", /CAMEO root/);
    });
  });
}

apiSuite("SQLite", async () => join(mkdtempSync(join(tmpdir(), "dyad-api-")), "api.db"));

const pgServer = process.env.DYAD_TEST_PG;
const pgDatabase = `dyad_api_${process.pid}_${Date.now()}`;
async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgServer });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
if (pgServer) {
  before(() => pgAdmin(`CREATE DATABASE ${pgDatabase}`));
  after(() => pgAdmin(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`));
}
apiSuite(
  "PostgreSQL",
  async () => {
    const url = new URL(pgServer ?? "postgres://localhost/postgres");
    url.pathname = `/${pgDatabase}`;
    return `${url.toString()}?schema=t_${randomUUID().replaceAll("-", "")}`;
  },
  pgServer ? undefined : "DYAD_TEST_PG is not set (.ci/run sets it)",
);

describe("API safety (issue 16)", () => {
  let store: Store;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "dyad-api-safety-"));
    store = await filled(join(dir, "safety.db"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const article = JSON.stringify({ id: "x1", date: "2025-07-01", text: "Iran condemned Israel." });
  const noCoding = async () => assert.fail("nothing may be coded");

  it("is read-only without a token: writes are refused with 403", async () => {
    const app = createApp({ store, code: noCoding });
    const p = await problemOf(await app.request("/api/articles", { method: "POST", body: article }), 403);
    assert.equal(p.code, "E_READ_ONLY");
  });

  it("with a token, writes need Authorization: Bearer with that token", async () => {
    const app = createApp({ store, token: "right", code: noCoding });
    const none = await app.request("/api/articles", { method: "POST", body: article });
    assert.equal((await problemOf(none, 401)).code, "E_AUTH");
    assert.match(none.headers.get("www-authenticate") ?? "", /Bearer/);
    const wrong = await app.request("/api/articles", {
      method: "POST",
      body: article,
      headers: { authorization: "Bearer wrong" },
    });
    assert.equal((await problemOf(wrong, 401)).code, "E_AUTH");
    const reads = await app.request("/api/events");
    assert.equal(reads.status, 200);
  });

  it("refuses a body over the limit with 413", async () => {
    const app = createApp({ store, token: "t", maxBodyBytes: 1000, code: noCoding });
    const big = JSON.stringify({ date: "2025-07-01", text: "x".repeat(2000) });
    const res = await app.request("/api/articles", {
      method: "POST",
      body: big,
      headers: { authorization: "Bearer t", "content-length": String(big.length) },
    });
    assert.equal((await problemOf(res, 413)).code, "E_BODY_TOO_LARGE");
  });

  it("validates filters: a 400 problem names the field", async () => {
    const app = createApp({ store });
    const cases: Array<[string, string]> = [
      ["/api/events?root=4", "root"],
      ["/api/events?since=2025-02-30", "since"],
      ["/api/events?quad=7", "quad"],
      ["/api/events?modality=maybe", "modality"],
      ["/api/events?directed=true", "directed"],
      ["/api/events?limit=5000", "limit"],
      ["/api/events?cursor=nonsense", "cursor"],
      ["/api/events?roots=04", "roots"],
      ["/api/quotes?until=soon", "until"],
      ["/api/series?dyad=IRN", "dyad"],
      ["/api/actors/top?limit=0", "limit"],
    ];
    for (const [url, field] of cases) {
      const p = await problemOf(await app.request(url), 400);
      assert.equal(p.code, "E_FILTER", url);
      assert.equal(p.field, field, url);
      assert.match(String(p.detail), new RegExp(field), url);
    }
  });

  it("builds no SQL from request text: quotes and SQL in filters are matched as values", async () => {
    const app = createApp({ store });
    const before = await store.counts();
    for (const value of ["IRN' OR '1'='1", "x'); DROP TABLE events; --", "%", 'IRN" OR 1=1 --']) {
      for (const key of ["actor", "place", "text"]) {
        const res = await app.request(`/api/events?${key}=${encodeURIComponent(value)}`);
        assert.ok(res.status === 200 || res.status === 400, `${key}=${value}: ${res.status}`);
        if (res.status === 200) assert.deepEqual((await body(res)).items, [], `${key}=${value}`);
      }
    }
    assert.deepEqual(await store.counts(), before);
  });

  it("sends no CORS headers unless an origin is allowed", async () => {
    const closed = await createApp({ store }).request("/api/events", {
      headers: { origin: "https://elsewhere.example" },
    });
    assert.equal(closed.headers.get("access-control-allow-origin"), null);
    const open = await createApp({ store, corsOrigin: "https://dash.example" }).request("/api/events", {
      headers: { origin: "https://dash.example" },
    });
    assert.equal(open.headers.get("access-control-allow-origin"), "https://dash.example");
  });

  it("serves the dashboard's files and nothing outside them", async () => {
    const web = mkdtempSync(join(tmpdir(), "dyad-web-"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Dyad</title>");
    const app = createApp({ store, webRoot: `${web}/` });
    const index = await app.request("/");
    assert.equal(index.status, 200);
    assert.match(index.headers.get("content-type") ?? "", /text\/html/);
    assert.match(await index.text(), /<title>Dyad/);
    const outside = await app.request("/..%2fsafety.db");
    assert.equal(outside.status, 404);
    const missing = await problemOf(await app.request("/api/nothing"), 404);
    assert.equal(missing.code, "E_NOT_ROUTE");
    rmSync(web, { recursive: true, force: true });
  });

  it("dyad serve binds to 127.0.0.1 by default and prints the address", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli/bin.ts", "serve", "--db", join(dir, "safety.db"), "--port", "0"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += String(d);
          if (out.includes("\n")) resolve(out);
        });
        child.on("exit", (code) => reject(new Error(`dyad serve exited with ${code}`)));
      });
      const match = /at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(line);
      assert.ok(match, line);
      const res = await fetch(`${match[1]}api/counts`);
      assert.deepEqual(await res.json(), await store.counts());
    } finally {
      child.kill("SIGTERM");
    }
  });
});
