import assert from "node:assert/strict";
import { test } from "node:test";
import { DyadError } from "../core/errors.js";
import type { Doc } from "../core/types.js";
import { getNlp } from "../nlp/index.js";
import { type Component, createPipeline } from "./index.js";

function component(
  name: string,
  reads: Component["reads"],
  writes: Component["writes"],
  run?: Component["run"],
): Component {
  return { name, reads, writes, run: run ?? ((doc) => doc) };
}

test("components run in order, each receiving the doc the previous one returned", () => {
  const order: string[] = [];
  const p = createPipeline<unknown>([
    component("a", ["tokens"], ["mentions"], (doc) => {
      order.push("a");
      return doc;
    }),
    component("b", ["mentions"], ["events"], (doc) => {
      order.push("b");
      return doc;
    }),
  ]);
  p.run(getNlp().read({ id: "x", date: "2025-01-01", text: "Iran spoke." }), {});
  assert.deepEqual(order, ["a", "b"]);
});

test("a component reading what only a later one writes is refused at start-up, naming both", () => {
  assert.throws(
    () =>
      createPipeline([
        component("coder", ["mentions"], ["events"]),
        component("actors", ["tokens"], ["mentions"]),
      ]),
    (e: unknown) =>
      e instanceof DyadError &&
      e.code === "E_PIPELINE" &&
      /'coder' reads 'mentions'.*'actors'/.test(e.message),
  );
});

test("a component reading what nobody writes is refused", () => {
  assert.throws(
    () => createPipeline([component("quotes", ["coref"], ["quotes"])]),
    /no earlier component writes it/,
  );
});

test("two components writing the same field are refused", () => {
  assert.throws(
    () => createPipeline([component("a", ["tokens"], ["events"]), component("b", ["tokens"], ["events"])]),
    /'b' and 'a' both write 'events'/,
  );
});

test("a failing component gives E_PIPELINE_RUN naming the component and the article", () => {
  const p = createPipeline<unknown>([
    component("boom", ["tokens"], ["events"], () => {
      throw new Error("bad token");
    }),
  ]);
  const doc: Doc = getNlp().read({ id: "article-7", date: "2025-01-01", text: "Iran spoke." });
  assert.throws(
    () => p.run(doc, {}),
    (e: unknown) =>
      e instanceof DyadError &&
      e.code === "E_PIPELINE_RUN" &&
      /article-7/.test(e.message) &&
      /boom: bad token/.test(e.message),
  );
});

test("runBatch runs component by component; a doc that fails keeps its error in place, the others go on", () => {
  const order: string[] = [];
  const p = createPipeline<unknown>([
    component("a", ["tokens"], ["mentions"], (doc) => {
      order.push(`a:${doc.article.id}`);
      if (doc.article.id === "bad") throw new Error("no luck");
      return doc;
    }),
    component("b", ["mentions"], ["events"], (doc) => {
      order.push(`b:${doc.article.id}`);
      return doc;
    }),
  ]);
  const nlp = getNlp();
  const docs = ["x", "bad", "y"].map((id) => nlp.read({ id, date: "2025-01-01", text: "Iran spoke." }));
  const out = p.runBatch(docs, {});
  assert.deepEqual(order, ["a:x", "a:bad", "a:y", "b:x", "b:y"]);
  assert.equal(out[0], docs[0]);
  assert.equal(out[2], docs[2]);
  const failed = out[1];
  assert.ok(
    failed instanceof DyadError && failed.code === "E_PIPELINE_RUN" && /a: no luck/.test(failed.message),
  );
  assert.equal(failed.origin, "bad");
});
