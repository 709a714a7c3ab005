// The syntax component: tags and parses each sentence of Dyad's own tokens and writes doc.parse.
//
// API: loadSyntaxModel(dataDir?) reads data/models/syntax.bin once per process; createParser(model) gives a
// parser for one thread (its buffers are its own); createSyntaxComponent({ model }) is the pipeline step.
// doc.parse.head[i] is an index into doc.tokens (-1 for the root of the sentence), never across sentences;
// each sentence has exactly one root and its heads form a tree.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Doc, Parse, Pos } from "../../core/types.js";
import { DATA_DIR, type DataDirs, dataLayers } from "../../knowledge/files.js";
import type { Component, DocField } from "../../pipeline/index.js";
import { loadModel, type SyntaxModel } from "./model.js";
import { labelFeatures, MAX_FEATURES, RIGHT, SHIFT, State, transitionFeatures } from "./parser.js";
import { scoreSparse } from "./perceptron.js";
import { lex, SpellingTags, TAG_FEATURES, tagSentence } from "./tagger.js";

export { loadModel, modelFromShared, type SyntaxModel } from "./model.js";

/** The model file of this installation. */
export function syntaxModelPath(dataDir: DataDirs = DATA_DIR): string {
  // The model is English, not knowledge: the top knowledge folder that ships one gives it, else the bundled
  // data/ (a folder `dyad kb import petrarch` wrote has none).
  const paths = dataLayers(dataDir).map((d) => join(d, "models", "syntax.bin"));
  return [...paths].reverse().find((p) => existsSync(p)) ?? join(DATA_DIR, "models", "syntax.bin");
}

/** Loads data/models/syntax.bin (checked: a bad file is a DyadError naming it). */
export function loadSyntaxModel(dataDir?: DataDirs): SyntaxModel {
  return loadModel(syntaxModelPath(dataDir));
}

/** The parse of one sentence: heads are indices into its words, -1 for the root. */
export interface SentenceParse {
  head: Int32Array;
  deprel: string[];
  upos: Pos[];
  xpos: string[];
}

export interface Parser {
  parse(words: readonly string[], lowers?: readonly string[]): SentenceParse;
}

/** A parser over a loaded model; keep one per thread (it reuses its scratch buffers). */
export function createParser(model: SyntaxModel): Parser {
  const { tags, labels } = model.meta;
  const upos = tags.map((t) => t.split("|")[0] as Pos);
  const xpos = tags.map((t) => t.split("|")[1]);
  const rootLabel = labels.indexOf("root");
  const feats = new Int32Array(Math.max(MAX_FEATURES, TAG_FEATURES));
  const scores = new Int32Array(Math.max(tags.length, labels.length, 3));
  const L = labels.length;
  const s = new State();
  const known = new SpellingTags(model.meta.known ?? []);
  const clusters = new Map<number, number>();
  const cl = model.meta.clusters ?? [];
  for (let k = 0; k + 1 < cl.length; k += 2) clusters.set(cl[k], cl[k + 1]);
  const tagClusters = model.meta.tagClusters !== false;
  // Scratch reused sentence after sentence: the word hashes and the tags (the State copies them).
  let x = lex([], undefined, clusters, tagClusters);
  let tagged: Int32Array = new Int32Array(64);
  return {
    parse(words, lowers) {
      const n = words.length;
      x = lex(words, lowers, clusters, tagClusters, x);
      tagged = tagSentence(model.tagger, x, feats, scores, known, tagged);
      const t = tagged;
      s.init(x, t, tags.length);
      while (!s.terminal()) {
        const legal = s.legal();
        let best = -1;
        if ((legal & (legal - 1)) === 0) {
          // One legal transition (the first SHIFT, the reductions once the buffer holds only the root):
          // nothing to score.
          best = 31 - Math.clz32(legal);
        } else {
          const nf = transitionFeatures(s, feats);
          scores.fill(0, 0, 3);
          scoreSparse(model.transitions, feats, nf, scores);
          for (let m = SHIFT; m <= RIGHT; m++) {
            if (legal & (1 << m) && (best < 0 || scores[m] > scores[best])) best = m;
          }
        }
        let lab = -1;
        if (best !== SHIFT) {
          const d = s.dependent();
          const h = s.headOf(best);
          // The arc from the root is always labelled root: nothing to score.
          if (h === n) lab = rootLabel;
          else {
            const lf = labelFeatures(s, x, d, h, feats);
            scores.fill(0, 0, L);
            scoreSparse(model.labeler, feats, lf, scores);
            for (let c = 0; c < L; c++) if (c !== rootLabel && (lab < 0 || scores[c] > scores[lab])) lab = c;
          }
        }
        s.apply(best, lab);
      }
      const head = new Int32Array(n);
      const deprel: string[] = new Array(n);
      const up: Pos[] = new Array(n);
      const xp: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        head[i] = s.head[i] === n ? -1 : s.head[i];
        deprel[i] = labels[s.label[i]];
        up[i] = upos[t[i]];
        xp[i] = xpos[t[i]];
      }
      return { head, deprel, upos: up, xpos: xp };
    },
  };
}

/** Parses a whole Doc sentence by sentence into doc-token indices. */
export function parseDoc(parser: Parser, doc: Doc): Parse {
  const N = doc.tokens.length;
  const head = new Int32Array(N).fill(-1);
  const deprel: string[] = new Array(N).fill("root");
  const upos: Pos[] = doc.tokens.map((t) => t.pos);
  const xpos: string[] = new Array(N).fill("_");
  for (const sentence of doc.sentences) {
    const from = sentence.tokenStart;
    const toks = doc.tokens.slice(from, sentence.tokenEnd);
    if (!toks.length) continue;
    const p = parser.parse(
      toks.map((t) => t.text),
      toks.map((t) => t.lower),
    );
    for (let i = 0; i < toks.length; i++) {
      head[from + i] = p.head[i] < 0 ? -1 : p.head[i] + from;
      deprel[from + i] = p.deprel[i];
      upos[from + i] = p.upos[i];
      xpos[from + i] = p.xpos[i];
    }
  }
  return { head, deprel, upos, xpos };
}

const READS: readonly DocField[] = ["tokens", "sentences"];
const WRITES: readonly DocField[] = ["parse"];

/** The pipeline step that writes doc.parse. */
export function createSyntaxComponent<C>(options: { model: SyntaxModel }): Component<C> {
  const parser = createParser(options.model);
  return {
    name: "syntax",
    reads: READS,
    writes: WRITES,
    run(doc: Doc): Doc {
      doc.parse = parseDoc(parser, doc);
      return doc;
    },
  };
}
