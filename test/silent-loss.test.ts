// Nothing lost in silence (issue 19, item 3): repeated briefs on other days, symbolic links, runs that read
// nothing, read commands on a missing or read-only store.
import assert from "node:assert/strict";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isDyadError } from "../src/core/errors.js";
import { articleA } from "../src/store/fixtures.js";
import { openStore } from "../src/store/index.js";
import { dyad } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-issue19-loss-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const BRIEF = "Iran praised Pakistan for its help. India criticised China over the border.";

test("issue 19: two identical briefs on two dates are stored as two articles, each with its events", async () => {
  const inputs = join(dir, "briefs");
  mkdirSync(inputs);
  writeFileSync(join(inputs, "a.txt"), `date 2025-05-26\n${BRIEF}`);
  writeFileSync(join(inputs, "b.txt"), `date 2025-06-02\n${BRIEF}`);
  // The same text on the same date is still the same article.
  writeFileSync(join(inputs, "c.txt"), `date 2025-06-02\n${BRIEF}\n`);
  const db = join(dir, "briefs.db");
  const first = await dyad(["ingest", "--workers", "1", "--json", "--db", db, inputs]);
  assert.equal(first.code, 0, first.err);
  const summary = JSON.parse(first.out);
  assert.equal(summary.new, 2);
  assert.equal(summary.new + summary.unchanged + summary.duplicate, 3);
  const events = (await dyad(["events", "--db", db, "-f", "jsonl"])).out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const days = new Set(events.map((e) => e.article.date));
  assert.deepEqual([...days].sort(), ["2025-05-26", "2025-06-02"]);
  assert.equal(events.length % 2, 0);
  assert.ok(events.length >= 2);
  // Idempotent: a second run writes nothing.
  const again = JSON.parse((await dyad(["ingest", "--workers", "1", "--json", "--db", db, inputs])).out);
  assert.equal(again.new + again.updated, 0);
});

test("issue 19: symbolic links in an input directory are followed, and a loop is reported, not followed", async () => {
  const outside = join(dir, "outside.txt");
  writeFileSync(outside, "date 2025-05-26\nIran praised Pakistan on Monday.");
  const inputs = join(dir, "links");
  mkdirSync(join(inputs, "sub"), { recursive: true });
  writeFileSync(join(inputs, "real.txt"), "date 2025-05-27\nIndia criticised China on Tuesday.");
  symlinkSync(outside, join(inputs, "linked.txt"));
  symlinkSync(join(dir, "outside-folder"), join(inputs, "dangling"));
  symlinkSync(inputs, join(inputs, "sub", "loop"));
  const { code, out, err } = await dyad(["code", "--workers", "1", inputs]);
  const dates = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).date)
    .sort();
  assert.deepEqual(
    dates,
    ["2025-05-26", "2025-05-27"],
    "the linked file is read once, the loop not followed",
  );
  assert.equal(code, 1);
  assert.match(err, /dangling: .*\[E_LINK\]/);
  assert.match(err, /loop: .*\[E_LINK\]/);
});

test("issue 19: a run that read nothing says so and exits non-zero", async () => {
  const empty = join(dir, "empty");
  mkdirSync(empty);
  writeFileSync(join(empty, ".hidden.txt"), "date 2025-05-26\nIran praised Pakistan.");
  const coded = await dyad(["code", empty]);
  assert.equal(coded.code, 1);
  assert.equal(coded.out, "");
  assert.match(coded.err, /no article was read.*\[E_NO_INPUT\]/);
  const ingested = await dyad(["ingest", "--db", join(dir, "nothing.db"), empty]);
  assert.equal(ingested.code, 1);
  assert.match(ingested.err, /E_NO_INPUT/);
  // The run's failure, not an article's: nothing is recorded in the store's errors.
  assert.equal((await dyad(["errors", "--db", join(dir, "nothing.db"), "-f", "jsonl"])).out, "");
});

test("issue 19: every read command fails with E_STORE_OPEN on a store that does not exist, and creates none", async () => {
  const missing = join(dir, "missing.db");
  const commands = [
    ["events"],
    ["series", "--dyad", "IRN:PAK"],
    ["export", "--format", "csv"],
    ["quotes"],
    ["actors", "--top"],
    ["article", "fx-001"],
    ["errors"],
  ];
  for (const args of commands) {
    const { code, out, err } = await dyad([...args, "--db", missing]);
    assert.equal(code, 3, `dyad ${args.join(" ")}`);
    assert.equal(out, "");
    assert.ok(err.includes(missing) && err.includes("[E_STORE_OPEN]"), `dyad ${args.join(" ")}: ${err}`);
    assert.equal(existsSync(missing), false, `dyad ${args.join(" ")} created the store`);
  }
});

test("issue 19: a read-only store can be queried, and the read commands never write to it", async () => {
  const db = join(dir, "archive.db");
  const made = await dyad(["ingest", "--workers", "1", "--db", db, join(dir, "briefs")]);
  assert.equal(made.code, 0, made.err);
  const folder = join(dir, "readonly");
  mkdirSync(folder);
  const copy = join(folder, "archive.db");
  copyFileSync(db, copy);
  chmodSync(copy, 0o444);
  const before = readFileSync(copy);
  const mtime = statSync(copy).mtimeMs;
  for (const args of [
    ["events", "-f", "jsonl"],
    ["errors"],
    ["actors", "--top"],
    ["export", "--format", "gdelt"],
  ]) {
    const { code, out, err } = await dyad([...args, "--db", copy]);
    assert.equal(code, 0, `dyad ${args.join(" ")}: ${err}`);
    if (args[0] === "events") assert.ok(out.trim().split("\n").length >= 2);
  }
  // Tests run as root, where file modes stop nothing: the store must open the file read-only itself.
  assert.deepEqual(readdirSync(folder), ["archive.db"], "no -wal or -shm file beside a read-only store");
  assert.ok(readFileSync(copy).equals(before));
  assert.equal(statSync(copy).mtimeMs, mtime);
  const store = await openStore(copy, { readonly: true });
  try {
    await assert.rejects(
      store.write({ coded: [articleA()] }),
      (e) => isDyadError(e) && e.code === "E_STORE_WRITE" && /readonly/.test(e.message),
    );
  } finally {
    await store.close();
  }
  assert.ok(readFileSync(copy).equals(before));
});
