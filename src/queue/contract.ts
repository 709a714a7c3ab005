// The contract of the Queue interface: what `dyad enqueue` and `dyad worker` rely on. Every implementation
// runs it (postgres.test.ts on the server named by DYAD_TEST_PG).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isDyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { fixtureItems } from "../store/fixtures.js";
import { openStore } from "../store/index.js";
import { jobArticles } from "./payload.js";
import type { Queue, QueueOptions } from "./types.js";

export interface QueueContractOptions {
  /** Why the suite cannot run here; the tests are then reported as skipped with this reason. */
  skip?: string;
}

/** A fresh, empty store URL for each test (the queue lives in the store). */
export type FreshUrl = () => Promise<string>;

const article = (n: number, text = `Article ${n} says something.`): Article => ({
  id: `a${n}`,
  date: "2025-05-01",
  text,
});

const articles = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => article(from + i));

export function queueContract(
  name: string,
  fresh: FreshUrl,
  open: (url: string, options?: QueueOptions) => Promise<Queue>,
  options: QueueContractOptions = {},
): void {
  const { skip } = options;
  const withQueue = async (queueOptions: QueueOptions, fn: (q: Queue, url: string) => Promise<void>) => {
    const url = await fresh();
    const q = await open(url, queueOptions);
    try {
      await fn(q, url);
    } finally {
      await q.close();
    }
  };

  describe(`queue contract: ${name}`, { skip }, () => {
    it("splits articles into batches of the size asked for, taken oldest first", () =>
      withQueue({}, async (q) => {
        const r = await q.enqueue(articles(1, 7), 3);
        assert.deepEqual(r, { batches: 3, articles: 7, skipped: 0 });
        const [first] = await q.claim("w1");
        assert.deepEqual(
          jobArticles(first).map((a) => a.id),
          ["a1", "a2", "a3"],
        );
        assert.equal(first.attempts, 1);
        const rest = await q.claim("w1", 5);
        assert.deepEqual(
          rest.map((j) => j.size),
          [3, 1],
        );
        assert.deepEqual(await q.claim("w1"), []);
      }));

    it("enqueues an article once: again, twice in one call, or in another batch size", () =>
      withQueue({}, async (q) => {
        await q.enqueue(articles(1, 4), 2);
        const again = await q.enqueue([...articles(3, 6), article(6)], 10);
        assert.deepEqual(again, { batches: 1, articles: 2, skipped: 3 });
        const jobs = await q.claim("w", 10);
        assert.deepEqual(
          jobs.flatMap((j) => jobArticles(j).map((a) => a.id)),
          ["a1", "a2", "a3", "a4", "a5", "a6"],
        );
      }));

    it("enqueues an article again when its text changed (it must be coded again)", () =>
      withQueue({}, async (q) => {
        await q.enqueue([article(1)], 5);
        const r = await q.enqueue([article(1, "Article 1, corrected.")], 5);
        assert.equal(r.articles, 1);
      }));

    it("gives each batch to one worker, however many ask at once", () =>
      withQueue({}, async (q) => {
        await q.enqueue(articles(1, 10), 1);
        const taken = (await Promise.all(Array.from({ length: 12 }, (_, i) => q.claim(`w${i}`, 2)))).flat();
        const ids = taken.map((j) => j.id);
        assert.equal(ids.length, 10);
        assert.equal(new Set(ids).size, 10);
      }));

    it("marks a batch done with its lease only, once", () =>
      withQueue({}, async (q) => {
        await q.enqueue(articles(1, 2), 1);
        const [job] = await q.claim("w");
        assert.equal(await q.complete({ ...job, lease: "00000000-0000-0000-0000-000000000000" }), false);
        assert.equal(await q.complete(job), true);
        assert.equal(await q.complete(job), false);
        const s = await q.status();
        assert.equal(s.done, 1);
        assert.equal(s.pending, 1);
        assert.equal(s.articles.done, 1);
        assert.equal(await q.open(), 1);
      }));

    it("returns a batch whose worker went silent after the visibility timeout; the old lease is void", () =>
      withQueue({ visibilityMs: 150 }, async (q) => {
        await q.enqueue(articles(1, 1), 5);
        const [job] = await q.claim("dead");
        assert.deepEqual(await q.claim("alive"), []);
        await sleep(250);
        const [again] = await q.claim("alive");
        assert.equal(again.id, job.id);
        assert.equal(again.attempts, 2);
        assert.equal(await q.complete(job), false);
        assert.equal(await q.complete(again), true);
        assert.equal((await q.status()).retried, 1);
      }));

    it("keeps a batch while its worker extends the lease", () =>
      withQueue({ visibilityMs: 300 }, async (q) => {
        await q.enqueue(articles(1, 1), 5);
        const [job] = await q.claim("w");
        for (let i = 0; i < 4; i++) {
          await sleep(120);
          assert.equal(await q.extend([job]), 1);
        }
        assert.deepEqual(await q.claim("other"), []);
      }));

    it("tries a failed batch again and parks it with its error after the last try", () =>
      withQueue({ maxAttempts: 3, retryDelayMs: 0 }, async (q) => {
        await q.enqueue(articles(1, 2), 2);
        const outcomes: string[] = [];
        for (let i = 1; i <= 3; i++) {
          const [job] = await q.claim("w");
          assert.equal(job.attempts, i);
          outcomes.push(await q.fail(job, `broken ${i}`));
        }
        assert.deepEqual(outcomes, ["retry", "retry", "parked"]);
        assert.deepEqual(await q.claim("w"), []);
        const s = await q.status();
        assert.equal(s.failed, 1);
        assert.equal(s.retried, 1);
        assert.equal(s.articles.failed, 2);
        assert.deepEqual(
          s.parked.map((p) => [p.attempts, p.error, p.first, p.last]),
          [[3, "broken 3", "a1", "a2"]],
        );
        assert.equal(await q.open(), 0);
      }));

    it("waits before trying a failed batch again", () =>
      withQueue({ retryDelayMs: 300 }, async (q) => {
        await q.enqueue(articles(1, 1), 1);
        const [job] = await q.claim("w");
        assert.equal(await q.fail(job, "once"), "retry");
        assert.deepEqual(await q.claim("w"), []);
        await sleep(400);
        assert.equal((await q.claim("w")).length, 1);
      }));

    it("parks a batch whose lease ran out on its last try", () =>
      withQueue({ visibilityMs: 100, maxAttempts: 2 }, async (q) => {
        await q.enqueue(articles(1, 1), 1);
        await q.claim("dies");
        await sleep(150);
        assert.equal((await q.claim("dies too")).length, 1);
        await sleep(150);
        assert.deepEqual(await q.claim("w"), []);
        const s = await q.status();
        assert.equal(s.failed, 1);
        assert.match(s.parked[0].error, /lease ran out/);
      }));

    it("takes a released batch back without counting the try", () =>
      withQueue({}, async (q) => {
        await q.enqueue(articles(1, 1), 1);
        const [job] = await q.claim("w");
        await q.release(job);
        const [again] = await q.claim("w");
        assert.equal(again.attempts, 1);
      }));

    it("stores a batch and marks it done in one transaction, or neither when the lease was lost", () =>
      withQueue({ visibilityMs: 100 }, async (q, url) => {
        const store = await openStore(url);
        try {
          const [a, b] = fixtureItems();
          await q.enqueue([a.article, b.article], 1);
          const [first, second] = await q.claim("w", 2);
          await store.write({ coded: [a], also: [q.completion(first)] });
          await sleep(150);
          const [stolen] = await q.claim("other");
          assert.equal(stolen.id, second.id);
          await assert.rejects(
            store.write({ coded: [b], also: [q.completion(second)] }),
            (e) => isDyadError(e) && e.code === "E_QUEUE_LEASE",
          );
          assert.equal((await store.counts()).articles, 1);
          assert.equal((await q.status()).done, 1);
        } finally {
          await store.close();
        }
      }));
  });
}
