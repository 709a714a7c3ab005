// The syntax component (issue 13): the shipped model loads and is checked, bad files are named, core
// relations come out right on hand-built sentences, every sentence is a tree, and threads share one model.
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { DyadError } from "../../core/errors.js";
import type { Doc } from "../../core/types.js";
import { getNlp } from "../index.js";
import { evaluate } from "./evaluate.js";
import { createParser, createSyntaxComponent, loadModel, loadSyntaxModel, syntaxModelPath } from "./index.js";
import { MODEL_VERSION, saveModel } from "./model.js";
import { codeDense, DENSE_STRIDE, hashString, type SparseTable, scoreSparse } from "./perceptron.js";
import { lex, SpellingTags, TAG_FEATURES, TAG_START, tagFeatures } from "./tagger.js";

const model = loadSyntaxModel();
const parser = createParser(model);
const syntax = createSyntaxComponent({ model });
const nlp = getNlp();

function analyse(text: string): Doc {
  return syntax.run(nlp.read({ id: "t", date: "2025-01-01", text }), undefined);
}

/** The relation and head word of the first token spelled `word`. */
function rel(doc: Doc, word: string): string {
  const i = doc.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `no token '${word}'`);
  const parse = doc.parse;
  assert.ok(parse);
  const h = parse.head[i];
  return `${parse.deprel[i]} ${h < 0 ? "ROOT" : doc.tokens[h].text}`;
}

test("the shipped model loads, names its classes and holds the root relation", () => {
  assert.ok(model.meta.tags.includes("NOUN|NN"));
  assert.ok(model.meta.labels.includes("root"));
  assert.ok(model.meta.labels.includes("nsubj:pass"));
  assert.equal(model.tagger.classes, model.meta.tags.length);
});

test("word clusters: lex gives a listed word its fine and coarse clusters, and only a clustered model scores them", () => {
  const clusters = new Map([[hashString("government"), 3 | (2 << 16)]]);
  const x = lex(["The", "government", "zqxwvjk"], undefined, clusters);
  assert.equal(x.clustered, true);
  assert.deepEqual([x.cfine[1], x.ccoarse[1]], [3, 2]);
  assert.deepEqual([x.cfine[2], x.ccoarse[2]], [0, 0]);
  const bare = lex(["The", "government", "zqxwvjk"]);
  assert.equal(bare.clustered, false);
  const out = new Int32Array(TAG_FEATURES);
  const withClusters = tagFeatures(x, 1, TAG_START, TAG_START, out);
  const without = tagFeatures(bare, 1, TAG_START, TAG_START, out);
  assert.ok(withClusters > without, "the cluster features are added only for a clustered model");
});

test("a model file of another format version is an E_MODEL error naming the file and both versions", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-model-"));
  const old = join(dir, "old.bin");
  const bytes = readFileSync(syntaxModelPath());
  bytes.writeUInt32LE(MODEL_VERSION + 1, 8);
  writeFileSync(old, bytes);
  assert.throws(
    () => loadModel(old),
    (e: unknown) =>
      e instanceof DyadError &&
      e.message.includes(old) &&
      e.message.includes(`version ${MODEL_VERSION + 1}`) &&
      e.message.includes(String(MODEL_VERSION)),
  );
});

test("a missing, truncated or corrupt model file is an E_MODEL error naming the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-model-"));
  const missing = join(dir, "none.bin");
  assert.throws(
    () => loadModel(missing),
    (e: unknown) => e instanceof DyadError && e.code === "E_MODEL" && e.message.includes(missing),
  );
  const bytes = readFileSync(syntaxModelPath());
  const truncated = join(dir, "truncated.bin");
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
  assert.throws(
    () => loadModel(truncated),
    (e: unknown) => e instanceof DyadError && e.message.includes(truncated) && /truncated/.test(e.message),
  );
  const corrupt = join(dir, "corrupt.bin");
  copyFileSync(syntaxModelPath(), corrupt);
  const flipped = readFileSync(corrupt);
  flipped[flipped.length >> 1] ^= 0xff;
  writeFileSync(corrupt, flipped);
  assert.throws(
    () => loadModel(corrupt),
    (e: unknown) => e instanceof DyadError && e.message.includes(corrupt) && /checksum/.test(e.message),
  );
  const notModel = join(dir, "text.bin");
  writeFileSync(notModel, "hello, this is not a model at all");
  assert.throws(
    () => loadModel(notModel),
    (e: unknown) => e instanceof DyadError && e.message.includes(notModel),
  );
});

test("subject and object of a transitive clause", () => {
  const doc = analyse("The army attacked the village.");
  assert.equal(rel(doc, "attacked"), "root ROOT");
  assert.equal(rel(doc, "army"), "nsubj attacked");
  assert.equal(rel(doc, "village"), "obj attacked");
  assert.equal(rel(doc, "The"), "det army");
});

test("a passive subject, and the agent of 'by' as obl:agent", () => {
  const doc = analyse("The village was attacked by the army.");
  assert.equal(rel(doc, "village"), "nsubj:pass attacked");
  assert.equal(rel(doc, "was"), "aux:pass attacked");
  assert.equal(rel(doc, "army"), "obl:agent attacked");
  assert.equal(rel(doc, "by"), "case army");
});

test("a passive without an agent", () => {
  const doc = analyse("Three soldiers were killed on Monday.");
  assert.equal(rel(doc, "soldiers"), "nsubj:pass killed");
  assert.equal(rel(doc, "Monday"), "obl killed");
});

test("negation and a control verb", () => {
  const doc = analyse("The minister did not pledge to send troops.");
  assert.equal(rel(doc, "not"), "advmod pledge");
  assert.equal(rel(doc, "send"), "xcomp pledge");
  assert.equal(rel(doc, "troops"), "obj send");
});

test("every sentence of the reference article is one tree within its sentence", () => {
  const text = readFileSync(
    new URL("../../../../shared/corpus/000_2425614ef49acc6e.txt", import.meta.url),
    "utf8",
  );
  const doc = analyse(text);
  const parse = doc.parse;
  assert.ok(parse);
  assert.equal(parse.head.length, doc.tokens.length);
  for (const s of doc.sentences) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const h = parse.head[i];
      if (h < 0) {
        roots++;
        assert.equal(parse.deprel[i], "root");
        continue;
      }
      assert.ok(h >= s.tokenStart && h < s.tokenEnd, `head of token ${i} leaves its sentence`);
      let k = i;
      for (let steps = 0; k >= 0; steps++) {
        assert.ok(steps <= s.tokenEnd - s.tokenStart, `a cycle through token ${i}`);
        k = parse.head[k];
      }
    }
    assert.equal(roots, 1, `sentence ${s.index} has ${roots} roots`);
  }
});

test("evaluate counts UPOS, heads and universal relations over every word", () => {
  const gold = [
    {
      text: "a b c d",
      form: ["a", "b", "c", "d"],
      lemma: ["_", "_", "_", "_"],
      upos: ["DET", "NOUN", "VERB", "PUNCT"],
      xpos: ["_", "_", "_", "_"],
      head: [1, 2, -1, 2],
      deprel: ["det", "nsubj:pass", "root", "punct"],
    },
  ];
  // Right: every head but d's, every tag but b's; b's subtype differs (nsubj vs nsubj:pass), which LAS ignores.
  const r = evaluate(
    () => ({
      head: Int32Array.from([1, 2, -1, 1]),
      deprel: ["det", "nsubj", "root", "punct"],
      upos: ["DET", "PROPN", "VERB", "PUNCT"],
      xpos: ["", "", "", ""],
    }),
    gold,
  );
  assert.deepEqual(r, { sentences: 1, words: 4, upos: 0.75, uas: 0.75, las: 0.75 });
});

test("a worker thread parses with the shared model exactly as this thread does", async () => {
  const sentences = [
    "The army attacked the village .".split(" "),
    "Protesters who gathered outside the embassy were dispersed by police on Sunday .".split(" "),
    "India said it had struck nine sites in Pakistan and that it would respond to any attack .".split(" "),
  ];
  const here = sentences.map((w) => {
    const p = parser.parse(w);
    return { head: Array.from(p.head), deprel: p.deprel, upos: p.upos };
  });
  const tsx = import.meta.resolve("tsx/esm/api");
  const self = new URL("./index.ts", import.meta.url).href;
  const boot = `
    const { workerData, parentPort } = require("node:worker_threads");
    import(${JSON.stringify(tsx)})
      .then((m) => { m.register(); return import(${JSON.stringify(self)}); })
      .then(({ createParser, modelFromShared }) => {
        const p = createParser(modelFromShared(workerData.shared));
        parentPort.postMessage(workerData.sentences.map((w) => {
          const r = p.parse(w);
          return { head: Array.from(r.head), deprel: r.deprel, upos: r.upos };
        }));
      });
  `;
  const there = await new Promise((resolve, reject) => {
    const w = new Worker(boot, { eval: true, workerData: { shared: model.shared, sentences } });
    w.once("message", (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once("error", reject);
  });
  assert.deepEqual(there, here);
});

test("the tagger's spelling table finds every listed spelling and nothing else", () => {
  const words = ["the", "of", "said", "Pakistan", "and", "to"];
  const pairs = words.flatMap((w, i) => [hashString(w), i + 3]);
  const known = new SpellingTags(pairs);
  for (const [i, w] of words.entries()) assert.equal(known.get(hashString(w)), i + 3);
  assert.equal(known.get(hashString("zqxwvjk")), -1);
  assert.equal(new SpellingTags([]).get(hashString("the")), -1);
});

test("a parser reusing its buffers parses a short sentence after a long one as a fresh parser does", () => {
  const long = "Protesters who gathered outside the embassy were dispersed by police on Sunday .".split(" ");
  const short = "The army attacked the village .".split(" ");
  parser.parse(long);
  const reused = parser.parse(short);
  const fresh = createParser(model).parse(short);
  assert.deepEqual(Array.from(reused.head), Array.from(fresh.head));
  assert.deepEqual([reused.deprel, reused.upos], [fresh.deprel, fresh.upos]);
  assert.equal(reused.head.length, short.length);
});

/** A dense table of 3 classes over 2^4 rows holding the given weights, row after row. */
function denseTable(weights: number[]): SparseTable {
  const dense = new Int16Array(16 * DENSE_STRIDE);
  weights.forEach((w, k) => {
    dense[Math.floor(k / 3) * DENSE_STRIDE + (k % 3)] = w;
  });
  const none = new Uint32Array(0);
  return { bits: 4, classes: 3, dense, rowStart: none, cls: new Uint8Array(0), weight: new Int16Array(0) };
}

test("8-bit transition weights keep zero and the largest weight exact and every weight within 5%", () => {
  const weights = [0, 1, -1, 7, -13, 250, -999, 4000, 32767, -32767, 12345, -20000, 3, 0, 86];
  const t = denseTable(weights);
  const coded = codeDense(t);
  assert.equal(coded.dense, null);
  assert.ok(coded.codes && coded.levels);
  weights.forEach((w, k) => {
    const got = coded.levels?.[coded.codes?.[Math.floor(k / 3) * DENSE_STRIDE + (k % 3)] ?? 0] ?? NaN;
    assert.ok(Math.abs(got - w) <= Math.max(0.5, 0.05 * Math.abs(w)), `${w} coded as ${got}`);
    if (w === 0 || Math.abs(w) === 32767) assert.equal(got, w);
  });
  // Scoring the coded table adds the coded weights of each feature's row.
  const feats = Int32Array.from([0, 1 << 28, 2 << 28]);
  const plain = new Int32Array(3);
  const eight = new Int32Array(3);
  scoreSparse(t, feats, 3, plain);
  scoreSparse(coded, feats, 3, eight);
  for (const [c, v] of plain.entries()) assert.ok(Math.abs(v - eight[c]) <= 0.05 * 32767 * 3);
});

test("a model with an 8-bit transition table is saved and read back with the same codes (format version 3)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-model-"));
  const file = join(dir, "coded.bin");
  const transitions = codeDense(denseTable([5, -5, 300, -7000, 32767]));
  saveModel(
    file,
    { tags: model.meta.tags, labels: model.meta.labels, training: {} },
    { tagger: model.tagger, transitions, labeler: model.labeler },
  );
  const back = loadModel(file);
  assert.equal(MODEL_VERSION, 3);
  assert.equal(back.transitions.dense, null);
  assert.deepEqual(Array.from(back.transitions.codes ?? []), Array.from(transitions.codes ?? []));
  assert.deepEqual(Array.from(back.transitions.levels ?? []), Array.from(transitions.levels ?? []));
});
