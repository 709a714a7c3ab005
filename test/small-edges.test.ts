// Small edges of the command line (issue 19, item 7).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, test } from "node:test";
import { createProgress } from "../src/cli/progress.js";
import { DyadError } from "../src/core/errors.js";
import type { Doc } from "../src/core/types.js";
import { createPipeline } from "../src/pipeline/index.js";
import { dyad, ROOT } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-issue19-edges-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("issue 19: dyad with no arguments prints its help to standard output and exits 0", async () => {
  const { code, out, err } = await dyad([]);
  assert.equal(code, 0);
  assert.match(out, /^Usage: dyad /);
  assert.match(out, /ingest/);
  assert.equal(err, "");
});

test("issue 19: an error wrapping another carries one tag", () => {
  const pipeline = createPipeline([
    {
      name: "failing",
      reads: [],
      writes: [],
      run(doc: Doc): Doc {
        throw new DyadError("E_BAD_DATE", "day 0", doc.article.id);
      },
    },
  ]);
  const doc = { article: { id: "a1", date: "2025-05-26", text: "x" }, errors: [] } as unknown as Doc;
  const [result] = pipeline.runBatch([doc], {});
  assert.ok(result instanceof DyadError);
  assert.equal(result.message.match(/\[E_[A-Z_]+\]/g)?.length, 1, result.message);
  assert.match(result.message, /\[E_PIPELINE_RUN\]$/);
});

test("issue 19: a missing file gives exit code 1 in every command that reads files", async () => {
  const missing = join(dir, "no-such-file.txt");
  const commands = [
    ["code", missing],
    ["ingest", "--db", join(dir, "m.db"), missing],
    ["quotes", missing],
    ["actors", missing],
    ["eval", missing],
    ["kb", "import", "wikidata", missing],
  ];
  for (const args of commands) {
    const { code, err } = await dyad(args);
    assert.equal(code, 1, `dyad ${args.join(" ")}: ${err}`);
    assert.match(err, /no such file or directory.*\[E_NOT_FOUND\]/, `dyad ${args.join(" ")}`);
  }
});

test("issue 19: kb check names the files it read, and a missing --data folder is an error, not a stack trace", async () => {
  const checked = await dyad(["kb", "check", "--data", join(ROOT, "data")]);
  assert.equal(checked.code, 0, checked.err);
  assert.match(checked.out, /^\d+ data files read from /);
  assert.ok(checked.out.includes(join(ROOT, "data", "cameo.tsv")));
  assert.ok(checked.out.includes(join(ROOT, "data", "actors", "countries.tsv")));
  const missing = await dyad(["kb", "check", "--data", join(dir, "no-data")]);
  assert.equal(missing.code, 1);
  assert.equal(missing.out, "");
  assert.match(missing.err, /^error: .*no-data: .*\[E_NOT_FOUND\]\n$/);
  assert.doesNotMatch(missing.err, /\n\s+at /);
});

test("issue 19: an unsupported store URL is reported without its password", async () => {
  for (const url of ["mysql://analyst:s3cret@db.example/events", "mongodb://me:p@ss/w:rd@host:27017/x"]) {
    const { code, err } = await dyad(["events", "--db", url]);
    assert.equal(code, 3);
    assert.match(err, /\[E_STORE_URL\]/);
    for (const secret of ["s3cret", "p@ss", "w:rd"]) assert.ok(!err.includes(secret), err);
    assert.match(err, /:\*\*\*@/);
  }
});

test("issue 19: progress shows the total and an ETA when the input size is known", () => {
  const stream = Object.assign(new PassThrough(), { isTTY: false });
  let written = "";
  stream.on("data", (d: Buffer) => (written += d.toString()));
  const progress = createProgress("coding", { enabled: true, totalBytes: 4_000_000, stream });
  progress.tick(10, 25, 1_000_000);
  progress.tick(10, 25, 1_000_000);
  progress.stop();
  assert.match(written, /of 4\.0 MB/);
  assert.match(written, /50%/);
  assert.match(written, /ETA \S+/);
  assert.match(written, /20 articles/);
});

test("issue 19: messages say '1 article', not '1 articles'", async () => {
  const input = join(dir, "one.txt");
  writeFileSync(input, "date 2025-05-26\nIran praised Pakistan on Monday.");
  const { code, out } = await dyad(["ingest", "--workers", "1", "--db", join(dir, "one.db"), input]);
  assert.equal(code, 0);
  assert.match(out, /^ingested 1 article into /);
});

test("issue 19: code --format table shows the place and the date like dyad events", async () => {
  const folder = join(dir, "table");
  mkdirSync(folder);
  writeFileSync(
    join(folder, "a.txt"),
    "date 2025-05-26\nIsraeli forces arrested ten protesters in Hebron on Sunday.",
  );
  const records = (await dyad(["code", "--workers", "1", folder])).out;
  const event = JSON.parse(records).events[0];
  assert.ok(event.place, "the sentence names where it happened");
  const { code, out } = await dyad(["code", "--workers", "1", "--format", "table", folder]);
  assert.equal(code, 0);
  const [header, , row] = out.split("\n");
  assert.match(header, /^date\s+source\s+event\s+target\s+place\s+trigger\s+article$/);
  assert.ok(row.startsWith(event.date));
  assert.ok(row.includes(event.place.name), row);
});

test("issue 19: engines accepts every Node release from 20 on", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  assert.equal(pkg.engines.node, ">=20");
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  assert.match(readme, /[Tt]ested on Node 20\.20/);
});
