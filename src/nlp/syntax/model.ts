// The syntax model file: a header (magic, version, sizes, CRC-32), a JSON description, then the three tables.
// The loader checks all of it and names the file in any error; the bytes go into one SharedArrayBuffer so that
// worker threads read the same weights instead of loading their own copies.

import { closeSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { DyadError } from "../../core/errors.js";
import { DENSE_STRIDE, type SparseTable } from "./perceptron.js";

const MAGIC = "DYADSYNT";
export const MODEL_VERSION = 3;
/**
 * Version 1 files (no word clusters) and version 2 files (no 8-bit tables) are still read: their features
 * are the features of their version, their tables as they were written.
 */
const READS = [1, 2, 3];
const HEADER = 24;
/** The levels before the codes of an 8-bit table. */
const LEVELS = 256;

/** What the model says of itself: its classes and how it was trained. */
export interface ModelMeta {
  /** The tagger's classes, "UPOS|XPOS". */
  tags: string[];
  /** The relations the labeler chooses among. */
  labels: string[];
  /** Spellings the tagger does not score, flattened pairs: hash of the spelling, tag class. */
  known?: number[];
  /**
   * Word clusters (k-means over word vectors, derived when training), flattened pairs: hash of the lower-case
   * spelling, (fine + 1) | ((coarse + 1) << 16).
   */
  clusters?: number[];
  /** False when only the parser, not the tagger, scores the clusters. */
  tagClusters?: boolean;
  /** Free-form facts of the training run (treebank, commit, seed, figures). */
  training: Record<string, unknown>;
  /**
   * Each table's shape; a dense one has no pairs (nnz 0) but rows of DENSE_STRIDE weights, int16, or 8-bit
   * codes after 256 int16 levels when `coded` (version 3).
   */
  tables: { name: string; bits: number; classes: number; nnz: number; dense: boolean; coded?: boolean }[];
}

export interface SyntaxModel {
  meta: ModelMeta;
  tagger: SparseTable;
  transitions: SparseTable;
  labeler: SparseTable;
  /** The whole file, shared read-only with worker threads (modelFromShared rebuilds the views). */
  shared: SharedArrayBuffer;
}

const TABLES = ["tagger", "transitions", "labeler"] as const;

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Writes a model file; returns its size in bytes. */
export function saveModel(
  path: string,
  meta: Omit<ModelMeta, "tables">,
  tables: { tagger: SparseTable; transitions: SparseTable; labeler: SparseTable },
): number {
  const full: ModelMeta = {
    ...meta,
    tables: TABLES.map((name) => ({
      name,
      bits: tables[name].bits,
      classes: tables[name].classes,
      nnz: tables[name].weight.length,
      dense: tables[name].dense !== null || !!tables[name].codes,
      coded: !!tables[name].codes,
    })),
  };
  const json = Buffer.from(JSON.stringify(full), "utf8");
  let size = HEADER + align4(json.length);
  for (const name of TABLES) {
    const t = tables[name];
    size += t.codes
      ? LEVELS * 2 + t.codes.byteLength
      : t.dense
        ? t.dense.byteLength
        : t.rowStart.byteLength + align4(t.weight.byteLength) + align4(t.cls.byteLength);
  }
  const buf = Buffer.alloc(size);
  buf.write(MAGIC, 0, "latin1");
  buf.writeUInt32LE(MODEL_VERSION, 8);
  buf.writeUInt32LE(json.length, 12);
  buf.writeUInt32LE(size, 20);
  json.copy(buf, HEADER);
  let at = HEADER + align4(json.length);
  for (const name of TABLES) {
    const t = tables[name];
    const levels = new Int16Array(LEVELS);
    if (t.levels) levels.set(t.levels);
    const parts = t.codes ? [levels, t.codes] : t.dense ? [t.dense] : [t.rowStart, t.weight, t.cls];
    for (const part of parts) {
      Buffer.from(part.buffer, part.byteOffset, part.byteLength).copy(buf, at);
      at += align4(part.byteLength);
    }
  }
  buf.writeUInt32LE(crc32(buf.subarray(HEADER)), 16);
  writeFileSync(path, buf);
  return size;
}

/** Reads and checks a model file: a missing, truncated or corrupt file is a DyadError naming it. */
export function loadModel(path: string): SyntaxModel {
  // Read straight into the shared memory that every thread will use: one copy of the file, made once.
  let shared: SharedArrayBuffer;
  let bytes: Buffer;
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      shared = new SharedArrayBuffer(size);
      bytes = Buffer.from(shared);
      let at = 0;
      while (at < size) {
        const n = readSync(fd, bytes, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new DyadError("E_MODEL", "the syntax model cannot be read", path, { cause: e });
  }
  const bad = (why: string) => new DyadError("E_MODEL", why, path);
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 8) !== MAGIC) throw bad("not a Dyad syntax model");
  const version = bytes.readUInt32LE(8);
  if (!READS.includes(version)) throw bad(`model version ${version}, this Dyad reads ${READS.join(" and ")}`);
  const size = bytes.readUInt32LE(20);
  if (bytes.length !== size) throw bad(`truncated or padded: ${bytes.length} bytes, the header says ${size}`);
  if (crc32(bytes.subarray(HEADER)) !== bytes.readUInt32LE(16)) throw bad("checksum mismatch (corrupt file)");
  return modelFromShared(shared, path);
}

/** Rebuilds the views of a model over bytes already checked by loadModel (in a worker thread, say). */
export function modelFromShared(shared: SharedArrayBuffer, origin = "syntax model"): SyntaxModel {
  const view = Buffer.from(shared);
  const jsonLength = view.readUInt32LE(12);
  let meta: ModelMeta;
  try {
    meta = JSON.parse(view.toString("utf8", HEADER, HEADER + jsonLength)) as ModelMeta;
  } catch (e) {
    throw new DyadError("E_MODEL", "its description is not JSON", origin, { cause: e });
  }
  let at = HEADER + align4(jsonLength);
  const out: Partial<Record<(typeof TABLES)[number], SparseTable>> = {};
  for (const name of TABLES) {
    const d = meta.tables.find((t) => t.name === name);
    if (!d) throw new DyadError("E_MODEL", `no ${name} table`, origin);
    if (d.coded) {
      const length = (1 << d.bits) * DENSE_STRIDE;
      if (at + LEVELS * 2 + length > shared.byteLength) {
        throw new DyadError("E_MODEL", `the ${name} table runs past the end of the file`, origin);
      }
      const levels = new Int16Array(shared, at, LEVELS);
      at += LEVELS * 2;
      const codes = new Uint8Array(shared, at, length);
      at += length;
      out[name] = {
        bits: d.bits,
        classes: d.classes,
        dense: null,
        codes,
        levels,
        rowStart: new Uint32Array(0),
        weight: new Int16Array(0),
        cls: new Uint8Array(0),
      };
      continue;
    }
    if (d.dense) {
      const length = (1 << d.bits) * DENSE_STRIDE;
      if (at + length * 2 > shared.byteLength) {
        throw new DyadError("E_MODEL", `the ${name} table runs past the end of the file`, origin);
      }
      const dense = new Int16Array(shared, at, length);
      at += length * 2;
      out[name] = {
        bits: d.bits,
        classes: d.classes,
        dense,
        rowStart: new Uint32Array(0),
        weight: new Int16Array(0),
        cls: new Uint8Array(0),
      };
      continue;
    }
    const rows = (1 << d.bits) + 1;
    if (at + rows * 4 + align4(d.nnz * 2) + align4(d.nnz) > shared.byteLength) {
      throw new DyadError("E_MODEL", `the ${name} table runs past the end of the file`, origin);
    }
    const rowStart = new Uint32Array(shared, at, rows);
    at += rows * 4;
    const weight = new Int16Array(shared, at, d.nnz);
    at += align4(d.nnz * 2);
    const cls = new Uint8Array(shared, at, d.nnz);
    at += align4(d.nnz);
    out[name] = { bits: d.bits, classes: d.classes, dense: null, rowStart, weight, cls };
  }
  return {
    meta,
    tagger: out.tagger as SparseTable,
    transitions: out.transitions as SparseTable,
    labeler: out.labeler as SparseTable,
    shared,
  };
}
