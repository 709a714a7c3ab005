// Issue 14: public statements (CAMEO 010) are stored like any event; `--no-statements` leaves them out of
// `dyad events`, `dyad series` and `dyad export`, and the PLOVER export, which has no type for them, never
// writes them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Article } from "../src/core/types.js";
import { createDyad } from "../src/pipeline/dyad.js";
import { openStore } from "../src/store/index.js";
import { inlineKnowledge, people, verbs } from "./helpers/knowledge.js";
import { dyad } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-statements-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const coder = createDyad({
  knowledge: inlineKnowledge({
    people: people(`
      ali-khamenei|Ali Khamenei|Ayatollah Ali Khamenei|IRN|LEADER|Supreme Leader|1989-06-04|
    `),
    verbs: verbs(`
      051|praise {T}|
    `),
  }),
});

async function storeWithStatement(): Promise<string> {
  const article: Article = {
    id: "st-1",
    date: "2025-05-26",
    text: "Khamenei said Pakistan is a good neighbour. Pakistan praised Iran on Monday.",
  };
  const record = coder.code(article);
  assert.deepEqual(
    record.events.map((e) => e.code),
    ["010", "051"],
  );
  const db = `sqlite:${join(dir, "statements.db")}`;
  const store = await openStore(db);
  await store.write({ coded: [{ article, record }] });
  await store.close();
  return db;
}

function codes(out: string): string[] {
  return out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { code: string }).code);
}

describe("statements in the store (issue 14)", async () => {
  const db = await storeWithStatement();

  it("dyad events lists statements, and leaves them out with --no-statements", async () => {
    const all = await dyad(["events", "--format", "jsonl", "--db", db]);
    assert.equal(all.code, 0, all.err);
    assert.deepEqual(codes(all.out).sort(), ["010", "051"]);
    const without = await dyad(["events", "--no-statements", "--format", "jsonl", "--db", db]);
    assert.equal(without.code, 0, without.err);
    assert.deepEqual(codes(without.out), ["051"]);
  });

  it("dyad series counts statements unless --no-statements", async () => {
    const count = async (...more: string[]) => {
      const r = await dyad(["series", "--actor", "IRN", "--format", "jsonl", "--db", db, ...more]);
      assert.equal(r.code, 0, r.err);
      const rows = r.out.trim().split("\n").filter(Boolean);
      return rows.map((l) => Number((JSON.parse(l) as { events: number }).events)).reduce((a, b) => a + b, 0);
    };
    assert.equal(await count(), 2);
    assert.equal(await count("--no-statements"), 1);
  });

  it("the PLOVER export leaves statements out; the JSONL export keeps them unless --no-statements", async () => {
    const plover = await dyad(["export", "--format", "plover", "--db", db]);
    assert.equal(plover.code, 0, plover.err);
    const lines = plover.out.trim().split("\n").filter(Boolean);
    assert.equal(lines.length, 1);
    assert.deepEqual((JSON.parse(lines[0]) as { event: string[] }).event, ["SUPPORT"]);
    const jsonl = await dyad(["export", "--format", "jsonl", "--db", db]);
    assert.deepEqual(codes(jsonl.out).sort(), ["010", "051"]);
    const without = await dyad(["export", "--format", "jsonl", "--no-statements", "--db", db]);
    assert.deepEqual(codes(without.out), ["051"]);
  });
});
