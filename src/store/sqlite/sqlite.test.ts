import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { storeContract } from "../contract.js";
import { fixtureItems } from "../fixtures.js";
import { eventsPageQuery, eventsQuery, quotesQuery, seriesQuery, topActorsQuery } from "../sql.js";
import { sqliteDialect } from "./dialect.js";
import { openSqliteStore } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-sqlite-"));
after(() => rmSync(dir, { recursive: true, force: true }));

storeContract("sqlite", async () => `sqlite:${join(dir, `${randomUUID()}.db`)}`);

describe("sqlite store", () => {
  it("opens a plain path, in WAL mode", async () => {
    const store = openSqliteStore(join(dir, "plain.db"));
    await store.write({ coded: fixtureItems() });
    assert.equal((await store.counts()).articles, 4);
    await store.close();
  });

  it("refuses a folder that does not exist, naming it", () => {
    assert.throws(
      () => openSqliteStore(join(dir, "missing", "x.db")),
      (e: unknown) => e instanceof Error && /E_STORE_OPEN/.test(e.message) && /missing/.test(e.message),
    );
  });

  // The main queries must use their indexes, not scan the big tables (query plans checked with
  // EXPLAIN QUERY PLAN). "SCAN e" would mean reading every event.
  it("keeps the main queries on their indexes", async () => {
    const store = openSqliteStore(join(dir, "plans.db"));
    await store.write({ coded: fixtureItems() });
    const plan = (q: Parameters<typeof store.explain>[0]) => store.explain(q).join("\n");
    const noEventScan = (text: string, what: string) => {
      assert.doesNotMatch(text, /SCAN e\b(?! USING)/, `${what} scans events:\n${text}`);
      assert.doesNotMatch(text, /SCAN x\b(?! USING)/, `${what} scans event_actors:\n${text}`);
    };
    const actor = plan(eventsQuery({ actor: "IRN" }, sqliteDialect));
    noEventScan(actor, "--actor");
    assert.match(actor, /event_actors_(code|country|org|name)/);
    const dyad = plan(eventsQuery({ dyad: { a: "IRN", b: "PAK" } }, sqliteDialect));
    noEventScan(dyad, "--dyad");
    assert.match(plan(eventsQuery({ root: "11" }, sqliteDialect)), /events_root_day/);
    assert.match(
      plan(eventsQuery({ since: "2025-05-01", until: "2025-05-31" }, sqliteDialect)),
      /events_day/,
    );
    assert.match(plan(eventsQuery({ code: "043" }, sqliteDialect)), /events_code/);
    assert.match(plan(eventsQuery({ text: "sanctions" }, sqliteDialect)), /VIRTUAL TABLE INDEX/);
    assert.match(plan(eventsQuery({ place: "Tehran" }, sqliteDialect)), /places_(name|country)/);
    noEventScan(plan(seriesQuery({ dyad: { a: "IRN", b: "PAK" }, by: "month" }, sqliteDialect)), "series");
    noEventScan(plan(eventsPageQuery({}, 0, 1000, sqliteDialect)), "export page");
    assert.match(plan(quotesQuery({ speaker: "PAK" }, sqliteDialect)), /quotes_speaker/);
    assert.match(plan(quotesQuery({ text: "peace" }, sqliteDialect)), /VIRTUAL TABLE INDEX/);
    assert.ok(plan(topActorsQuery(10, {}, sqliteDialect)).length > 0);
    await store.close();
  });
});
