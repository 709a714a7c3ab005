// The one contract test suite of the Store interface. Every backend runs it: sqlite.test.ts on a temporary
// file, postgres.test.ts on the server named by DYAD_TEST_PG.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDyadError } from "../core/errors.js";
import type { Event } from "../core/types.js";
import {
  articleA,
  articleB,
  articleC,
  articleCaption,
  articleD,
  articleModal,
  articleReciprocal,
  articleWide,
  fixtureItems,
  recoded,
  rewritten,
} from "./fixtures.js";
import { openStore } from "./index.js";
import { eventDay, plainEvent } from "./rows.js";
import type { EventFilter, IngestItem, Period, SeriesRow, Store, StoredEvent } from "./types.js";

export interface ContractOptions {
  /** Why the suite cannot run here; the tests are then reported as skipped with this reason. */
  skip?: string;
}

/** Expected series rows computed from the events themselves (not from the store's own aggregation). */
export function seriesFromEvents(events: readonly StoredEvent[], by: Period): SeriesRow[] {
  const periodOf = (date: string): string => {
    if (by === "day") return date;
    if (by === "month") return date.slice(0, 7);
    if (by === "year") return date.slice(0, 4);
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const p = periodOf(eventDay(e.date, e.article.date));
    groups.set(p, [...(groups.get(p) ?? []), e]);
  }
  // Every period from the first to the last, the empty ones too: walk day by day and keep each new period.
  const sorted = [...groups.keys()].sort();
  const periods: string[] = [];
  if (sorted.length > 0) {
    const last = sorted[sorted.length - 1];
    const day = new Date(`${[...events].map((e) => eventDay(e.date, e.article.date)).sort()[0]}T00:00:00Z`);
    for (let p = periodOf(day.toISOString().slice(0, 10)); p <= last; ) {
      if (periods[periods.length - 1] !== p) periods.push(p);
      day.setUTCDate(day.getUTCDate() + 1);
      p = periodOf(day.toISOString().slice(0, 10));
    }
  }
  return periods.map((period) => {
    const es = groups.get(period) ?? [];
    const sum = es.reduce((s, e) => s + e.goldstein, 0);
    return {
      period,
      events: es.length,
      quad: [1, 2, 3, 4].map((q) => es.filter((e) => e.quad === q).length) as SeriesRow["quad"],
      goldsteinSum: sum,
      goldsteinMean: es.length ? sum / es.length : 0,
      articles: new Set(es.map((e) => e.article.id)).size,
    };
  });
}

export function assertSeriesEqual(actual: readonly SeriesRow[], expected: readonly SeriesRow[]): void {
  assert.deepEqual(
    actual.map((r) => ({ ...r, goldsteinSum: 0, goldsteinMean: 0 })),
    expected.map((r) => ({ ...r, goldsteinSum: 0, goldsteinMean: 0 })),
  );
  actual.forEach((r, i) => {
    assert.ok(Math.abs(r.goldsteinSum - expected[i].goldsteinSum) < 1e-9, `${r.period} Goldstein sum`);
    assert.ok(Math.abs(r.goldsteinMean - expected[i].goldsteinMean) < 1e-9, `${r.period} Goldstein mean`);
  });
}

const keys = (events: readonly StoredEvent[]) => events.map((e) => e.id).sort();

export function storeContract(
  name: string,
  freshUrl: () => Promise<string>,
  options: ContractOptions = {},
): void {
  const skip = options.skip;

  /** A fresh, migrated store holding the four fixture articles. */
  async function filled(): Promise<Store> {
    const store = await openStore(await freshUrl());
    await store.write({ coded: fixtureItems() });
    return store;
  }

  async function using(fn: (store: Store) => Promise<void>, fill = true): Promise<void> {
    const store = fill ? await filled() : await openStore(await freshUrl());
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }

  if (skip) {
    it(`store contract: ${name}`, { skip }, () => {});
    return;
  }
  describe(`store contract: ${name}`, () => {
    it("applies the migrations on open, once", async () => {
      const url = await freshUrl();
      const first = await openStore(url);
      const versions = await first.migrations();
      assert.ok(versions.length >= 1);
      assert.equal(versions[0], 1);
      await first.close();
      const second = await openStore(url);
      assert.deepEqual(await second.migrations(), versions);
      await second.close();
    });

    it("stores articles with their events, actors, places, sentences and quotes", async () => {
      await using(async (store) => {
        const counts = await store.counts();
        assert.deepEqual(counts, {
          articles: 4,
          sentences: 10,
          events: 10,
          actors: 21,
          quotes: 3,
          places: 3,
          errors: 0,
          aliases: 0,
        });
      });
    });

    it("gives back each article's record exactly as the coder wrote it", async () => {
      await using(async (store) => {
        for (const item of fixtureItems()) {
          const stored = await store.article(item.article.id);
          assert.ok(stored, item.article.id);
          assert.deepEqual(stored.record, item.record);
          assert.equal(stored.article.text, item.article.text);
          assert.equal(stored.article.source, item.article.source ?? null);
        }
        assert.equal(await store.article("no-such-article"), null);
      });
    });

    it("gives back sentences after characters outside the BMP, and sentences not found in the text", async () => {
      await using(async (store) => {
        const wide = articleWide();
        assert.equal((await store.write({ coded: [wide] })).new, 1);
        assert.deepEqual((await store.article(wide.article.id))?.record, wide.record);
        const events = await store.events({ articleId: wide.article.id });
        assert.deepEqual(
          events.map((e) => e.evidence.text),
          wide.record.events.map((e) => e.evidence.text),
        );
        assert.equal((await store.write({ coded: [articleWide()] })).unchanged, 1);
      });
    });

    it("is idempotent: the same batch twice is stored once", async () => {
      await using(async (store) => {
        const before = await store.counts();
        const gids = (await store.events()).map((e) => e.gid);
        const result = await store.write({ coded: fixtureItems() });
        assert.equal(result.unchanged, 4);
        assert.equal(result.new + result.updated + result.duplicate, 0);
        assert.equal(result.events, 0);
        assert.deepEqual(await store.counts(), before);
        assert.deepEqual(
          (await store.events()).map((e) => e.gid),
          gids,
        );
      });
    });

    it("stores an article given twice in one batch once", async () => {
      await using(async (store) => {
        const result = await store.write({ coded: [articleA(), articleA()] });
        assert.equal(result.new, 1);
        assert.equal(result.unchanged, 1);
        assert.equal((await store.counts()).events, 3);
      }, false);
    });

    it("recognises the same text under another id as a duplicate", async () => {
      await using(async (store) => {
        const copy = articleA();
        copy.article = { ...copy.article, id: "copy-of-fx-001" };
        copy.record = { ...copy.record, id: "copy-of-fx-001" };
        const before = await store.counts();
        const result = await store.write({ coded: [copy] });
        assert.deepEqual(result.outcomes, [{ id: "copy-of-fx-001", status: "duplicate", of: "fx-001" }]);
        assert.deepEqual(await store.counts(), { ...before, aliases: 1 });
        const stored = await store.article("copy-of-fx-001");
        assert.equal(stored?.aliasOf, "fx-001");
        assert.equal(stored?.article.id, "fx-001");
        // Ingesting the duplicate again changes nothing.
        await store.write({ coded: [copy] });
        assert.deepEqual(await store.counts(), { ...before, aliases: 1 });
      });
    });

    it("stores the same text on another date as another article (issue 19)", async () => {
      await using(async (store) => {
        const repeat = articleA();
        const date = "2025-07-01";
        repeat.article = { ...repeat.article, id: "fx-001-repeat", date };
        repeat.record = {
          ...repeat.record,
          id: "fx-001-repeat",
          date,
          events: repeat.record.events.map((e) => ({ ...e, id: `${e.id}-repeat`, date })),
        };
        const before = await store.counts();
        const result = await store.write({ coded: [repeat] });
        assert.deepEqual(
          result.outcomes.map((o) => [o.id, o.status]),
          [["fx-001-repeat", "new"]],
        );
        const after = await store.counts();
        assert.equal(after.articles, before.articles + 1);
        assert.equal(after.events, before.events + repeat.record.events.length);
        assert.equal(after.aliases, before.aliases);
        assert.equal(
          (await store.events({ articleId: "fx-001-repeat" })).length,
          repeat.record.events.length,
        );
        // Idempotent: the repeat again, and a copy of it under a third id on its date, write nothing.
        const again = await store.write({ coded: [repeat] });
        assert.equal(again.unchanged, 1);
        const copy = { ...repeat, article: { ...repeat.article, id: "fx-001-repeat-copy" } };
        const dup = await store.write({
          coded: [{ ...copy, record: { ...copy.record, id: "fx-001-repeat-copy" } }],
        });
        assert.deepEqual(dup.outcomes, [
          { id: "fx-001-repeat-copy", status: "duplicate", of: "fx-001-repeat" },
        ]);
        assert.equal((await store.counts()).events, after.events);
      });
    });

    it("replaces an article's old events when its coding changes", async () => {
      await using(async (store) => {
        const oldGids = (await store.events({ articleId: "fx-001" })).map((e) => e.gid);
        const changed = recoded(articleA(), { code: "042", name: "Make a visit", goldstein: 1.9 });
        const result = await store.write({ coded: [changed] });
        assert.equal(result.updated, 1);
        assert.equal(result.events, 3);
        const now = await store.events({ articleId: "fx-001" });
        assert.equal(now.length, 3);
        assert.ok(
          now.every((e) => !oldGids.includes(e.gid)),
          "old events are gone",
        );
        assert.deepEqual((await store.article("fx-001"))?.record, changed.record);
        assert.equal((await store.events({ code: "043" })).length, 0);
        const counts = await store.counts();
        assert.equal(counts.events, 10);
        assert.equal(counts.actors, 21);
        assert.equal(counts.quotes, 3);
      });
    });

    it("replaces an article whose text changed, and searches the new text only", async () => {
      await using(async (store) => {
        const changed = rewritten(articleB(), "Pakistan and Iran signed a fisheries accord in Gwadar.");
        const result = await store.write({ coded: [changed] });
        assert.equal(result.updated, 1);
        const counts = await store.counts();
        assert.equal(counts.articles, 4);
        assert.equal(counts.events, 7);
        assert.equal(counts.quotes, 2);
        assert.equal((await store.events({ text: "water treaty" })).length, 0);
        assert.equal((await store.quotes({ text: "unjust" })).length, 0);
        assert.equal((await store.article("fx-002"))?.article.text, changed.article.text);
        // The old text is free again: an article bringing it is new, not a duplicate.
        const old = articleB();
        old.article = { ...old.article, id: "fx-002-old" };
        old.record = { ...old.record, id: "fx-002-old" };
        assert.equal((await store.write({ coded: [old] })).new, 1);
      });
    });

    const filters: Array<[string, EventFilter, string[]]> = [
      [
        "actor by country code prefix",
        { actor: "IRN" },
        [
          "fx-001-e1",
          "fx-001-e2",
          "fx-001-e3",
          "fx-002-e1",
          "fx-002-e3",
          "fx-003-e1",
          "fx-003-e2",
          "fx-003-e3",
          "fx-004-e1",
        ],
      ],
      ["actor by full code", { actor: "PAKGOV" }, ["fx-001-e1", "fx-002-e1", "fx-002-e2", "fx-002-e3"]],
      ["actor by name, any case", { actor: "shehbaz sharif" }, ["fx-001-e1"]],
      ["actor by org key", { actor: "UN" }, ["fx-004-e1"]],
      ["actor by code prefix", { actor: "IGO" }, ["fx-004-e1"]],
      ["source", { source: "PAK" }, ["fx-002-e1", "fx-002-e2", "fx-002-e3"]],
      ["target", { target: "PAK" }, ["fx-001-e1", "fx-001-e2", "fx-003-e1", "fx-003-e2", "fx-004-e1"]],
      [
        "dyad, both directions",
        { dyad: { a: "IRN", b: "PAK" } },
        ["fx-001-e1", "fx-001-e2", "fx-002-e1", "fx-002-e3", "fx-003-e1", "fx-003-e2"],
      ],
      [
        "dyad, directed",
        { dyad: { a: "IRN", b: "PAK" }, directed: true },
        ["fx-001-e1", "fx-001-e2", "fx-003-e1", "fx-003-e2"],
      ],
      [
        "dyad, directed the other way",
        { dyad: { a: "PAK", b: "IRN" }, directed: true },
        ["fx-002-e1", "fx-002-e3"],
      ],
      ["root", { root: "11" }, ["fx-001-e3", "fx-002-e2", "fx-002-e3", "fx-003-e1"]],
      ["code", { code: "051" }, ["fx-001-e2", "fx-002-e1", "fx-004-e1"]],
      ["code prefix", { code: "04" }, ["fx-001-e1", "fx-003-e2"]],
      ["quad", { quad: 4 }, ["fx-003-e3"]],
      [
        "since",
        { since: "2025-05-28" },
        ["fx-002-e1", "fx-002-e2", "fx-002-e3", "fx-003-e1", "fx-003-e2", "fx-003-e3"],
      ],
      ["until", { until: "2025-05-26" }, ["fx-001-e1", "fx-001-e2", "fx-001-e3", "fx-004-e1"]],
      ["modality", { modality: ["reported", "future"] }, ["fx-001-e3", "fx-003-e2"]],
      ["place by name", { place: "islamabad" }, ["fx-002-e1", "fx-003-e2"]],
      ["place by country", { place: "IRN" }, ["fx-001-e1"]],
      [
        "text (stemmed full-text search)",
        { text: "principled stances" },
        ["fx-001-e1", "fx-001-e2", "fx-001-e3"],
      ],
      ["text that no article has", { text: "xyzzy" }, []],
      ["article", { articleId: "fx-004" }, ["fx-004-e1"]],
      [
        "several filters at once",
        { dyad: { a: "IRN", b: "PAK" }, quad: 1, since: "2025-05-01", until: "2025-05-31" },
        ["fx-001-e1", "fx-001-e2", "fx-002-e1"],
      ],
    ];
    for (const [what, filter, expected] of filters) {
      it(`filters events: ${what}`, async () => {
        await using(async (store) => {
          assert.deepEqual(keys(await store.events(filter)), [...expected].sort());
        });
      });
    }

    it("lists events in date order, with a limit and an offset", async () => {
      await using(async (store) => {
        const all = await store.events();
        assert.deepEqual(
          all.map((e) => e.date),
          all.map((e) => e.date).sort(),
        );
        assert.deepEqual(
          (await store.events({ limit: 2 })).map((e) => e.id),
          ["fx-004-e1", "fx-001-e1"],
        );
        assert.deepEqual(
          (await store.events({ limit: 2, offset: 1 })).map((e) => e.id),
          ["fx-001-e1", "fx-001-e2"],
        );
        const first = all[0];
        assert.deepEqual(first.article, {
          id: "fx-004",
          date: "2025-04-10",
          title: "UN chief welcomes Iran-Pakistan talks",
          url: "https://example.org/news/fx-004",
          source: "Example Wire",
        });
        const expected: Event = articleD().record.events[0];
        assert.deepEqual(plainEvent(first), expected);
      });
    });

    it("iterates every matching event in gid order, page by page", async () => {
      await using(async (store) => {
        const seen: StoredEvent[] = [];
        for await (const e of store.iterateEvents({}, 3)) seen.push(e);
        assert.equal(seen.length, 10);
        const gids = seen.map((e) => e.gid);
        assert.deepEqual(
          gids,
          [...gids].sort((a, b) => a - b),
        );
        assert.equal(new Set(gids).size, 10);
        const filtered: StoredEvent[] = [];
        for await (const e of store.iterateEvents({ root: "11" }, 2)) filtered.push(e);
        assert.deepEqual(keys(filtered), ["fx-001-e3", "fx-002-e2", "fx-002-e3", "fx-003-e1"]);
      });
    });

    it("finds quotes by speaker, by the actor they name, and by their words", async () => {
      await using(async (store) => {
        const texts = async (f: Parameters<Store["quotes"]>[0]) =>
          (await store.quotes(f)).map((q) => q.article.id).sort();
        assert.deepEqual(await texts({}), ["fx-001", "fx-002", "fx-004"]);
        assert.deepEqual(await texts({ speaker: "PAK" }), ["fx-001", "fx-002"]);
        assert.deepEqual(await texts({ speaker: "António Guterres" }), ["fx-004"]);
        assert.deepEqual(await texts({ speaker: "UN" }), ["fx-004"]);
        // IRN: an event actor of Iran is mentioned inside Dar's quote.
        assert.deepEqual(await texts({ about: "IRN" }), ["fx-002"]);
        // "Iran" by name: also the quote whose words name it.
        assert.deepEqual(await texts({ about: "Iran" }), ["fx-001", "fx-002"]);
        assert.deepEqual(await texts({ text: "pressures" }), ["fx-001"]);
        assert.deepEqual(await texts({ text: "road to peace" }), ["fx-004"]);
        assert.deepEqual(await texts({ speaker: "PAK", text: "sanctions" }), ["fx-002"]);
        const [q] = await store.quotes({ speaker: "António Guterres" });
        assert.deepEqual(
          { ...q, article: undefined },
          { ...articleD().record.quotes[0], article: undefined },
        );
      });
    });

    it("ranks the most active actors", async () => {
      await using(async (store) => {
        const events = await store.events();
        const tally = new Map<
          string,
          { events: Set<number>; src: Set<number>; tgt: Set<number>; arts: Set<string> }
        >();
        for (const e of events) {
          for (const [role, actors] of [
            ["source", e.source],
            ["target", e.target],
          ] as const) {
            for (const a of actors) {
              const key = `${a.code}\u0000${a.name}`;
              const t = tally.get(key) ?? {
                events: new Set(),
                src: new Set(),
                tgt: new Set(),
                arts: new Set(),
              };
              t.events.add(e.gid);
              (role === "source" ? t.src : t.tgt).add(e.gid);
              t.arts.add(e.article.id);
              tally.set(key, t);
            }
          }
        }
        const expected = [...tally.entries()]
          .map(([key, t]) => {
            const [code, name] = key.split("\u0000");
            return {
              code,
              name,
              events: t.events.size,
              asSource: t.src.size,
              asTarget: t.tgt.size,
              articles: t.arts.size,
            };
          })
          .sort(
            (a, b) =>
              b.events - a.events || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.name < b.name ? -1 : 1),
          )
          .slice(0, 4);
        const top = await store.topActors(4);
        assert.deepEqual(
          top.map(({ country: _c, org: _o, ...rest }) => rest),
          expected,
        );
        assert.deepEqual(
          top.slice(0, 2).map((a) => a.code),
          ["IRN", "PAK"],
        );
      });
    });

    it("computes the dyad time series: counts per QuadClass, Goldstein sum and mean, articles", async () => {
      await using(async (store) => {
        const month = await store.series({ dyad: { a: "IRN", b: "PAK" }, by: "month" });
        assert.deepEqual(
          month.map((r) => r.period),
          ["2025-05", "2025-06"],
        );
        const may = month[0];
        assert.equal(may.events, 4);
        assert.deepEqual(may.quad, [3, 0, 1, 0]);
        assert.ok(Math.abs(may.goldsteinSum - 7.6) < 1e-9);
        assert.ok(Math.abs(may.goldsteinMean - 1.9) < 1e-9);
        assert.equal(may.articles, 2);
        for (const by of ["day", "week", "month"] as const) {
          for (const directed of [false, true]) {
            const dyad = { a: "IRN", b: "PAK" };
            const expected = seriesFromEvents(await store.events({ dyad, directed }), by);
            assertSeriesEqual(await store.series({ dyad, by, directed }), expected);
          }
        }
        const weeks = await store.series({ dyad: { a: "IRN", b: "PAK" }, by: "week" });
        assert.deepEqual(
          weeks.map((r) => r.period),
          ["2025-05-26", "2025-06-02", "2025-06-09"],
        );
        const directed = await store.series({ dyad: { a: "PAK", b: "IRN" }, by: "month", directed: true });
        assert.deepEqual(
          directed.map((r) => [r.period, r.events, r.quad]),
          [["2025-05", 2, [1, 0, 1, 0]]],
        );
        const current = await store.series({
          dyad: { a: "IRN", b: "PAK" },
          by: "month",
          filter: { modality: ["asserted", "reported"] },
        });
        assert.deepEqual(
          current.map((r) => [r.period, r.events]),
          [
            ["2025-05", 4],
            ["2025-06", 1],
          ],
        );
      });
    });

    it("records failed articles with their error, and clears them once coded", async () => {
      await using(async (store) => {
        const failed = [
          {
            articleId: "fx-005",
            origin: "wire.jsonl:5",
            code: "E_PIPELINE_RUN",
            message: "a component failed",
          },
          { origin: "wire.jsonl:7", code: "E_JSONL", message: "malformed JSONL line" },
        ];
        const result = await store.write({ coded: [], failed });
        assert.equal(result.failed, 2);
        await store.write({ coded: [], failed });
        const errors = await store.errors();
        assert.deepEqual(errors.map((e) => [e.key, e.articleId, e.origin, e.code]).sort(), [
          ["fx-005", "fx-005", "wire.jsonl:5", "E_PIPELINE_RUN"],
          ["wire.jsonl:7", null, "wire.jsonl:7", "E_JSONL"],
        ]);
        const fixed = articleC();
        fixed.article = { ...fixed.article, id: "fx-005", text: `${fixed.article.text} Later.` };
        fixed.record = { ...fixed.record, id: "fx-005", events: [], quotes: [] };
        await store.write({ coded: [fixed] });
        assert.deepEqual(
          (await store.errors()).map((e) => e.key),
          ["wire.jsonl:7"],
        );
      }, false);
    });

    it("stays consistent when a batch fails: nothing of it is written", async () => {
      await using(async (store) => {
        const before = await store.counts();
        const good: IngestItem = articleC();
        good.article = { ...good.article, id: "fx-new", text: `${good.article.text} More.` };
        good.record = { ...good.record, id: "fx-new" };
        const bad = recoded(articleA(), { quad: 9 });
        bad.article = { ...bad.article, id: "fx-bad", text: `${bad.article.text} Bad.` };
        bad.record = { ...bad.record, id: "fx-bad" };
        await assert.rejects(
          () =>
            store.write({ coded: [good, bad], failed: [{ origin: "x:1", code: "E_JSONL", message: "m" }] }),
          (e: unknown) => {
            assert.ok(isDyadError(e));
            assert.equal(e.code, "E_STORE_WRITE");
            assert.match(e.message, /events\.insert/);
            return true;
          },
        );
        assert.deepEqual(await store.counts(), before);
        assert.equal(await store.article("fx-new"), null);
        const retry = await store.write({ coded: [good] });
        assert.equal(retry.new, 1);
        assert.equal((await store.counts()).events, before.events + 3);
      });
    });

    it("keeps an event dated with a period as given, filed under the period's first day", async () => {
      await using(async (store) => {
        const item = recoded(articleB(), { date: "2025-05-19/2025-05-25", dateText: "last week" });
        await store.write({ coded: [item] });
        assert.deepEqual((await store.article("fx-002"))?.record, item.record);
        const [e] = await store.events({ since: "2025-05-19", until: "2025-05-19" });
        assert.equal(e?.date, "2025-05-19/2025-05-25");
        const weeks = await store.series({ dyad: { a: "PAK", b: "IRN" }, by: "week", directed: true });
        assert.deepEqual(
          weeks.map((r) => [r.period, r.events]),
          [
            ["2025-05-19", 1],
            ["2025-05-26", 1],
          ],
        );
      }, false);
    });

    it("counts only what happened when asked: no negated event, future ones only with an intent code (issue 19)", async () => {
      await using(async (store) => {
        await store.write({ coded: [articleModal()] });
        const happened = await store.events({ articleId: "fx-modal", modality: "happened" });
        assert.deepEqual(
          happened.map((e) => [e.code, e.modality]),
          [
            ["190", "asserted"],
            ["036", "future"],
          ],
        );
        assert.equal((await store.events({ articleId: "fx-modal" })).length, 3);
        // A future act that is not an intent code (fx-003's "will visit", 042) is not counted.
        assert.ok(
          !(await store.events({ modality: "happened" })).some(
            (e) => e.modality === "future" && e.root !== "03",
          ),
        );
        const dyad = { a: "ISR", b: "IRN" };
        const july = { since: "2025-07-01" };
        const counted = await store.series({ dyad, by: "month", filter: { ...july, modality: "happened" } });
        assert.deepEqual(
          counted.map((r) => [r.period, r.events, r.quad]),
          [["2025-07", 2, [1, 0, 0, 1]]],
        );
        const all = await store.series({ dyad, by: "month", filter: july });
        assert.deepEqual(
          all.map((r) => [r.period, r.events]),
          [["2025-07", 3]],
        );
        const top = await store.topActors(50, { modality: "happened" });
        assert.equal(top.find((a) => a.code === "ISR")?.asSource, 0);
        assert.equal((await store.topActors(50)).find((a) => a.code === "ISR")?.asSource, 1);
      });
    });

    it("keeps a caption event that repeats a body event, marked, and counts it once (issue 14)", async () => {
      await using(async (store) => {
        await store.write({ coded: [articleCaption()] });
        const events = await store.events({ articleId: "fx-caption" });
        assert.deepEqual(
          events.map((e) => [e.evidence.part, e.evidence.repeats === null]),
          [
            ["body", true],
            ["caption", false],
          ],
        );
        assert.equal(events[1].evidence.repeats, events[0].id);
        const series = await store.series({
          dyad: { a: "IRN", b: "ISR" },
          by: "month",
          filter: { since: "2025-07-09" },
        });
        assert.deepEqual(
          series.map((r) => [r.period, r.events]),
          [["2025-07", 1]],
        );
        const top = await store.topActors(50, { since: "2025-07-09" });
        assert.equal(top.find((a) => a.code === "IRN")?.events, 1);
      });
    });

    it("never pairs an actor with itself in a dyad query: a reciprocal event is RUS-USA, not RUS-RUS (issue 19)", async () => {
      await using(async (store) => {
        await store.write({ coded: [articleReciprocal()] });
        assert.deepEqual(await store.events({ dyad: { a: "RUS", b: "RUS" } }), []);
        assert.deepEqual(await store.events({ dyad: { a: "USA", b: "USA" } }), []);
        const between = await store.events({ dyad: { a: "RUS", b: "USA" }, directed: true });
        assert.deepEqual(
          between.map((e) => e.article.id),
          ["fx-recip"],
        );
      });
    });

    it("matches actors by words of their name and says which actors a term matched (issue 19)", async () => {
      await using(async (store) => {
        const byName = await store.events({ actor: "Araghchi" });
        assert.deepEqual(keys(byName), ["fx-003-e1", "fx-003-e2"]);
        assert.deepEqual(
          keys(await store.events({ source: "masoud" })),
          keys(await store.events({ source: "Masoud Pezeshkian" })),
        );
        assert.deepEqual(await store.matchActors("Araghchi"), [
          { code: "IRNGOV", name: "Abbas Araghchi", events: 2 },
        ]);
        assert.deepEqual(await store.matchActors("Nobody Known"), []);
        assert.deepEqual(await store.events({ actor: "Nobody Known" }), []);
        const pak = await store.matchActors("PAK");
        assert.deepEqual(pak.map((m) => m.code).sort(), ["PAK", "PAKGOV", "PAKGOV"]);
        const speakers = await store.matchActors("Sharif", { speakers: true });
        assert.deepEqual(speakers, [{ code: "PAKGOV", name: "Shehbaz Sharif", events: 1 }]);
        const quotes = await store.quotes({ speaker: "Guterres" });
        assert.deepEqual(
          quotes.map((q) => q.article.id),
          ["fx-004"],
        );
      });
    });

    it("reads --text as one query language, with the same results on every backend (issue 19)", async () => {
      await using(async (store) => {
        const articles = async (text: string) =>
          [...new Set((await store.events({ text })).map((e) => e.article.id))].sort();
        // A possessive is the word itself: "Pakistan's" finds every article naming Pakistan.
        assert.deepEqual(await articles("Pakistan's"), await articles("Pakistan"));
        assert.deepEqual(await articles("Pakistan's"), ["fx-001", "fx-002", "fx-003", "fx-004"]);
        assert.deepEqual(await articles("India OR Washington"), ["fx-002", "fx-003"]);
        assert.deepEqual(await articles("India Washington"), []);
        assert.deepEqual(await articles("Gaza OR India Dar"), ["fx-001", "fx-002"]);
        assert.deepEqual(await articles('"prime minister"'), ["fx-001"]);
        assert.deepEqual(await articles('"minister prime"'), []);
        assert.deepEqual(await articles('"water treaty"'), ["fx-002"]);
        assert.deepEqual(await articles("Islam*"), ["fx-002", "fx-003"]);
        assert.deepEqual(await articles("Isla"), []);
        // A common word inside a phrase is a gap; alone it is not searchable.
        assert.deepEqual(await articles('"suspension of the water treaty"'), ["fx-002"]);
        await assert.rejects(
          () => store.events({ text: "the of" }),
          (e: unknown) => isDyadError(e) && e.code === "E_USAGE" && /common words/.test(e.message),
        );
        // Nothing the user types reaches the backends' own query syntax.
        for (const odd of ['"', "AND", "NEAR(", "a:* & !b", "(Iran", "*", "Iran)"]) {
          await store.events({ text: `${odd} Iran` });
        }
        const quotes = await store.quotes({ text: "pressure OR neighbours" });
        assert.deepEqual(quotes.map((q) => q.article.id).sort(), ["fx-001", "fx-004"]);
      });
    });

    it("fills empty periods with zeros, counts by year, and gives the series of one actor (issue 19)", async () => {
      await using(async (store) => {
        const dyad = { a: "IRN", b: "PAK" };
        const spread = await store.series({
          dyad,
          by: "month",
          filter: { since: "2025-03-15", until: "2025-07-01" },
        });
        assert.deepEqual(
          spread.map((r) => [r.period, r.events]),
          [
            ["2025-03", 0],
            ["2025-04", 0],
            ["2025-05", 4],
            ["2025-06", 2],
            ["2025-07", 0],
          ],
        );
        assert.deepEqual(spread[0], {
          period: "2025-03",
          events: 0,
          quad: [0, 0, 0, 0],
          goldsteinSum: 0,
          goldsteinMean: 0,
          articles: 0,
        });
        const days = await store.series({ dyad, by: "day" });
        assert.equal(days[0].period, "2025-05-26");
        assert.equal(days[1].period, "2025-05-27");
        assert.equal(days[1].events, 0);
        const years = await store.series({ dyad, by: "year" });
        assert.deepEqual(
          years.map((r) => [r.period, r.events]),
          [["2025", 6]],
        );
        const guterres = await store.series({ actor: "Guterres", by: "month" });
        assert.deepEqual(
          guterres.map((r) => [r.period, r.events]),
          [["2025-04", 1]],
        );
        const pakistan = await store.series({ actor: "PAK", by: "year" });
        assert.equal(pakistan[0].events, (await store.events({ actor: "PAK" })).length);
      });
    });

    it("stops an export at its limit (issue 19)", async () => {
      await using(async (store) => {
        const seen: StoredEvent[] = [];
        for await (const e of store.iterateEvents({ limit: 2 }, 1)) seen.push(e);
        assert.equal(seen.length, 2);
        const more: StoredEvent[] = [];
        for await (const e of store.iterateEvents({ limit: 5 })) more.push(e);
        assert.equal(more.length, 5);
      });
    });

    it("gives the bodies of stored articles by id (issue 18)", async () => {
      await using(async (store) => {
        const ids = fixtureItems().map((i) => i.article.id);
        const texts = await store.articleTexts([...ids, "no-such-article"]);
        assert.deepEqual([...texts.keys()].sort(), [...ids].sort());
        assert.equal(texts.get(ids[0]), fixtureItems()[0].article.text);
        assert.equal((await store.articleTexts([])).size, 0);
      });
    });

    it("keeps a watched feed's validators and its entries, replaced on update (issue 18)", async () => {
      await using(async (store) => {
        assert.equal(await store.feed("https://news.example/rss"), null);
        const state = {
          url: "https://news.example/rss",
          etag: '"abc"',
          lastModified: "Mon, 26 May 2025 10:00:00 GMT",
          polledAt: "2025-05-26T10:00:01.000Z",
          status: 200,
          error: null,
        };
        await store.saveFeed(state);
        await store.saveFeed({ ...state, etag: '"def"' });
        assert.deepEqual(await store.feed(state.url), { ...state, etag: '"def"' });
        const item = {
          feedUrl: state.url,
          key: "guid-1",
          fingerprint: "f1",
          pageUrl: "https://news.example/a",
          articleId: null,
          state: "failed" as const,
          attempts: 1,
          error: "HTTP 500",
          seenAt: "2025-05-26T10:00:02.000Z",
        };
        await store.saveFeedItem(item);
        await store.saveFeedItem({ ...item, key: "guid-2", pageUrl: "https://news.example/b" });
        await store.saveFeedItem({ ...item, state: "stored", articleId: "a1", attempts: 2, error: null });
        const items = await store.feedItems(state.url);
        assert.deepEqual(
          items.map((i) => [i.key, i.state, i.articleId, i.attempts]),
          [
            ["guid-1", "stored", "a1", 2],
            ["guid-2", "failed", null, 1],
          ],
        );
        assert.deepEqual(await store.feedItems("https://other.example/rss"), []);
      }, false);
    });

    it("names the query in its errors", async () => {
      await using(async (store) => {
        await assert.rejects(
          () => store.events({ text: "   " }),
          (e: unknown) => isDyadError(e) && e.code === "E_USAGE",
        );
      }, false);
    });
  });
}
