import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { storeContract } from "../contract.js";
import { articleA, articleWide, fixtureItems, rewritten } from "../fixtures.js";
import { loadMigrations } from "../migrations.js";
import { legacyRecordHash, plainEvent, toRows } from "../rows.js";
import { eventsPageQuery, eventsQuery, quotesQuery, seriesQuery, topActorsQuery } from "../sql.js";
import type { IngestItem, Store } from "../types.js";
import { sqliteDialect } from "./dialect.js";
import { openSqliteStore } from "./index.js";

/**
 * A store as Dyad wrote it at schema version 1: migration 001 only, rows inserted as the writer of that
 * version did (named parameters, full-text rows by the insert triggers, every sentence with its text, the
 * record hashes of that version).
 */
function writeVersion1(path: string, items: readonly IngestItem[]): void {
  const db = new Database(path);
  db.pragma("foreign_keys = ON");
  const first = loadMigrations("sqlite").filter((m) => m.version === 1);
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
    ${first[0].sql}
    INSERT INTO schema_migrations VALUES (1, 'init', '2025-06-01T00:00:00.000Z');`);
  const insert = (table: string, row: object) => {
    const cols = Object.keys(row);
    return db
      .prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`)
      .run(row);
  };
  for (const item of items) {
    const rows = toRows(item, "2025-06-04T10:00:00.000Z");
    insert("articles", { ...rows.article, record_hash: legacyRecordHash(item) });
    for (const s of rows.sentences) {
      const text = s.text ?? item.article.text.slice(s.start_char ?? 0, s.end_char ?? 0);
      insert("sentences", { ...s, text });
    }
    const gids: number[] = [];
    // part and repeats came with migration 5 (issue 14): a version-1 row has neither.
    for (const { part: _part, repeats: _repeats, ...e } of rows.events)
      gids[e.n] = Number(insert("events", e).lastInsertRowid);
    for (const { event_n, ...a } of rows.actors) insert("event_actors", { ...a, event_id: gids[event_n] });
    for (const { event_n, ...p } of rows.places) insert("places", { ...p, event_id: gids[event_n] });
    for (const q of rows.quotes) insert("quotes", q);
  }
  db.close();
}

/** What the queries give back, without the coding times (which differ between two writes). */
async function contents(store: Store) {
  const records = [];
  for (const item of [...fixtureItems(), articleWide()])
    records.push((await store.article(item.article.id))?.record);
  return {
    counts: await store.counts(),
    records,
    events: (await store.events()).map((e) => ({ ...plainEvent(e), gid: e.gid, article: e.article })),
    quotes: await store.quotes(),
    text: (await store.events({ text: "principled stances" })).map((e) => e.id),
    quoteText: (await store.quotes({ text: "peace" })).map((q) => q.text),
    series: await store.series({ dyad: { a: "IRN", b: "PAK" }, by: "month" }),
  };
}

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

  it("migrates a store written at version 1: same contents, and full-text search of new articles", async () => {
    const items = [...fixtureItems(), articleWide()];
    const oldPath = join(dir, "version1.db");
    writeVersion1(oldPath, items);
    const migrated = openSqliteStore(oldPath);
    assert.deepEqual(await migrated.migrations(), [1, 2, 3, 4, 5, 20]);
    const fresh = openSqliteStore(join(dir, "fresh.db"));
    await fresh.write({ coded: items });
    assert.deepEqual(await contents(migrated), await contents(fresh));
    const raw = new Database(oldPath, { readonly: true });
    const texts = raw.prepare("SELECT n, text FROM sentences WHERE article_id = ? ORDER BY n").all("fx-wide");
    assert.deepEqual(
      texts.map((r) => (r as { text: string | null }).text === null),
      [true, false, false],
      "a sentence keeps its text only where the offsets cannot give it back",
    );
    raw.close();
    // The same articles again: nothing changes. New and rewritten articles are searchable.
    assert.equal((await migrated.write({ coded: items })).unchanged, items.length);
    const renamed = articleA();
    renamed.article = {
      ...renamed.article,
      id: "fx-001-again",
      text: `${renamed.article.text} Talks resume.`,
    };
    renamed.record = { ...renamed.record, id: "fx-001-again" };
    await migrated.write({ coded: [renamed, rewritten(articleWide(), "A quiet day in Quetta.")] });
    assert.deepEqual(
      (await migrated.events({ text: "principled stances" })).map((e) => e.article.id).sort(),
      ["fx-001", "fx-001", "fx-001", "fx-001-again", "fx-001-again", "fx-001-again"],
    );
    assert.equal((await migrated.quotes({ text: "pressure" })).length, 2);
    const fts = new Database(oldPath);
    // FTS5 compares its index with the content tables, row by row.
    fts.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');
      INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check');`);
    const hits = (words: string) =>
      fts.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?").pluck().get(words);
    assert.equal(hits("quetta"), 1);
    assert.equal(
      hits("mediation"),
      1,
      "the rewritten article's old text is gone from the index (fx-002 remains)",
    );
    fts.close();
    await migrated.close();
    await fresh.close();
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
    // A code term is looked up in three indexes at once (MULTI-INDEX OR), two of them partial (migration 004);
    // words of a name ("Khamenei") are matched inside names, which no index serves.
    for (const index of ["code", "country", "org"]) assert.match(actor, new RegExp(`event_actors_${index}`));
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
    const speaker = plan(quotesQuery({ speaker: "PAK" }, sqliteDialect));
    for (const index of ["code", "country", "org"])
      assert.match(speaker, new RegExp(`quotes_speaker_${index}`));
    assert.match(plan(quotesQuery({ text: "peace" }, sqliteDialect)), /VIRTUAL TABLE INDEX/);
    assert.ok(plan(topActorsQuery(10, {}, sqliteDialect)).length > 0);
    await store.close();
  });
});
