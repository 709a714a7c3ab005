// Issue 18, point 3: the same story from many outlets. 30 articles written for this test report 8 real-world
// events (test/fixtures/outlets/articles.jsonl; the "event" field names each article's event), some of them
// the same wire copy carried by several outlets, one outlet reporting an event twice, and the same dyad and
// code again two weeks later: 8 clustered events with their counts.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { storedClusters } from "../src/cluster/index.js";
import { parseRecord } from "../src/ingest/parse.js";
import { createDyad } from "../src/pipeline/dyad.js";
import { openStore } from "../src/store/index.js";

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
