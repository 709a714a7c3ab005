// The `dyad code` command end to end: formats, schema, bad input in a batch (issue 2).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { run } from "../src/cli/main.js";
import { CodedArticleSchema } from "../src/core/schema.js";
import { getNlp } from "../src/nlp/index.js";

const SHARED = new URL("../../shared/", import.meta.url).pathname;
const REFERENCE = join(SHARED, "corpus/000_2425614ef49acc6e.txt");

async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function records(out: string) {
  return out
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => CodedArticleSchema.parse(JSON.parse(l)));
}

test("every kind of bad input gives one clear error and the good articles are still coded", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-bad-"));
  writeFileSync(join(dir, "a-good.txt"), "date 2025-05-26\nIran praised Pakistan on Monday.");
  writeFileSync(join(dir, "b-empty.txt"), "");
  writeFileSync(join(dir, "c-binary.txt"), Buffer.from([0x64, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, "d-latin1.txt"), Buffer.from([0x64, 0x61, 0x74, 0x65, 0x20, 0xe9, 0xff]));
  writeFileSync(join(dir, "e-nodate.txt"), "Iran praised Pakistan.");
  writeFileSync(join(dir, "f-baddate.txt"), "date 2025-02-30\nIran praised Pakistan.");
  writeFileSync(join(dir, "g-huge.txt"), `date 2025-05-26\n${"Iran praised Pakistan. ".repeat(1_000_000)}`);
  writeFileSync(
    join(dir, "h-batch.jsonl"),
    [
      JSON.stringify({ id: "j1", date: "2025-05-26", text: "Pakistan praised Iran." }),
      "{not json",
      JSON.stringify({ id: "j3", text: "no date here" }),
      JSON.stringify({ id: "j4", date: "2025-05-26", text: "India praised Iran." }),
    ].join("\n"),
  );
  const { code, out, err } = await dyad(["code", "--format", "jsonl", dir]);
  assert.equal(code, 1);
  const ids = records(out).map((r) => r.id);
  assert.equal(ids.length, 3);
  assert.ok(ids.includes("j1") && ids.includes("j4"));
  const expect: [string, string][] = [
    ["b-empty.txt", "E_EMPTY"],
    ["c-binary.txt", "E_BINARY"],
    ["d-latin1.txt", "E_UTF8"],
    ["e-nodate.txt", "E_NO_DATE"],
    ["f-baddate.txt", "E_BAD_DATE"],
    ["g-huge.txt", "E_TOO_LARGE"],
    ["h-batch.jsonl:2", "E_JSONL"],
    ["h-batch.jsonl:3", "E_NO_DATE"],
  ];
  for (const [where, errorCode] of expect) {
    const line = err.split("\n").find((l) => l.includes(where));
    assert.ok(line, `no error line for ${where} in:\n${err}`);
    assert.match(line, new RegExp(`\\[${errorCode}\\]`));
  }
  assert.equal(err.trim().split("\n").length, expect.length);
});

test("plain text takes its date from --date or from the file name", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-date-"));
  writeFileSync(join(dir, "report-2024-01-02.txt"), "Iran praised Pakistan.");
  const fromName = records((await dyad(["code", join(dir, "report-2024-01-02.txt")])).out);
  assert.equal(fromName[0].date, "2024-01-02");
  writeFileSync(join(dir, "plain.txt"), "Iran praised Pakistan.");
  const fromOption = records((await dyad(["code", "--date", "2023-03-03", join(dir, "plain.txt")])).out);
  assert.equal(fromOption[0].date, "2023-03-03");
});

test("the table format prints one aligned row per event", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-table-"));
  writeFileSync(join(dir, "a.txt"), "date 2025-05-26\nIran praised Pakistan on Monday.");
  const { code, out } = await dyad(["code", "--format", "table", dir]);
  assert.equal(code, 0);
  const lines = out.trim().split("\n");
  assert.match(lines[0], /^date\s+source\s+event\s+target\s+place\s+trigger\s+article$/);
  assert.equal(lines.length, 2 + records((await dyad(["code", dir])).out)[0].events.length);
});

test("an unknown format is a usage error", async () => {
  const { code, err } = await dyad(["code", "--format", "xml", "-"]);
  assert.equal(code, 2);
  assert.match(err, /E_USAGE/);
});

test("--help and --version work", async () => {
  assert.equal((await dyad(["--help"])).code, 0);
  const v = await dyad(["--version"]);
  assert.equal(v.code, 0);
  assert.match(v.out, /^\d+\.\d+\.\d+/);
});

test("the reference article: 17 sentences, its date, and records that match the schema", {
  skip: !existsSync(REFERENCE) && "../shared is absent",
}, async () => {
  const { code, out } = await dyad(["code", "--format", "jsonl", REFERENCE]);
  assert.equal(code, 0);
  const [record] = records(out);
  assert.equal(record.date, "2025-05-26");
  const { readFileSync } = await import("node:fs");
  const body = readFileSync(REFERENCE, "utf8").replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, "");
  const doc = getNlp().read({ id: "r", date: "2025-05-26", text: body });
  assert.equal(doc.sentences.length, 17);
  const seed = await dyad(["code", "--format", "jsonl", join(SHARED, "gold/seed.jsonl")]);
  assert.equal(seed.code, 0);
  assert.equal(records(seed.out)[0].id, "000_2425614ef49acc6e.txt");
});
