// Readers: files, directories, JSONL and standard input -> Articles. The only place that reads input.
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Readable } from "node:stream";
import { DyadError, toDyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { DEFAULT_MAX_PAGE_BYTES, decodeHtml, looksLikeHtml, parseHtml } from "./html.js";
import { charsetOf, fetchBytes, isUrl } from "./http.js";
import { DEFAULT_MAX_BYTES, decodeText, parseRecord, parseText } from "./parse.js";
import { readWarc } from "./warc.js";

export type ReadResult = { ok: true; article: Article } | { ok: false; error: DyadError };

export interface ReadOptions {
  /** Date for plain-text inputs without a header. */
  date?: string;
  maxBytes?: number;
  /** Standard input, for the path "-". */
  stdin?: Readable;
  /** Largest web page read (file, URL or WARC record), before its story is extracted. */
  maxPageBytes?: number;
  /** Time limit for fetching one address, in milliseconds. */
  timeoutMs?: number;
}

const JSONL = new Set([".jsonl", ".ndjson"]);
const HTML = new Set([".html", ".htm", ".xhtml", ".shtml"]);

/**
 * Reads every input (files, directories recursively, "-" for stdin) in order, one result per article.
 * Symbolic links are followed, each directory read once (a link back up the tree is a loop, reported and
 * not followed). Inputs that hold no article at all give one E_NO_INPUT error: a run never reads nothing
 * in silence.
 */
export async function* readInputs(
  inputs: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  let results = 0;
  const seen = new Set<string>();
  for (const input of inputs) {
    if (isUrl(input)) {
      results++;
      yield await readUrl(input, options);
      continue;
    }
    if (input === "-") {
      for await (const r of readStdin(options)) {
        results++;
        yield r;
      }
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch (e) {
      results++;
      yield { ok: false, error: new DyadError("E_NOT_FOUND", undefined, input, { cause: e }) };
      continue;
    }
    const found = info.isDirectory() ? listFiles(input, seen) : [input];
    for await (const file of found) {
      if (typeof file !== "string") {
        results++;
        yield { ok: false, error: file };
        continue;
      }
      for await (const r of readFileInput(file, options)) {
        results++;
        yield r;
      }
    }
  }
  if (results === 0) {
    yield {
      ok: false,
      error: new DyadError("E_NO_INPUT", `nothing to read in ${inputs.join(", ")}`, inputs.join(", ")),
    };
  }
}

/**
 * The bytes the inputs hold, for a progress bar's total; null when it cannot be known in advance (standard
 * input) or an input cannot be read.
 */
export async function inputBytes(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  const seen = new Set<string>();
  try {
    for (const input of inputs) {
      if (input === "-" || isUrl(input)) return null;
      const info = await stat(input);
      if (!info.isDirectory()) {
        total += info.size;
        continue;
      }
      for await (const file of listFiles(input, seen)) {
        if (typeof file === "string") total += (await stat(file)).size;
      }
    }
  } catch {
    // The reading itself reports what cannot be read; the bar just goes without a total.
    return null;
  }
  return total;
}

/** The files under a directory in name order, following links; a link that cannot be followed is an error. */
async function* listFiles(dir: string, seen: Set<string>): AsyncGenerator<string | DyadError> {
  const real = await realpath(dir);
  if (seen.has(real)) {
    yield new DyadError("E_LINK", `${real} is read already (a loop of links, or two links to it)`, dir);
    return;
  }
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    let directory = entry.isDirectory();
    let file = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        directory = target.isDirectory();
        file = target.isFile();
      } catch (e) {
        yield new DyadError("E_LINK", "a symbolic link to nothing (or a loop of links)", path, { cause: e });
        continue;
      }
    }
    if (directory) yield* listFiles(path, seen);
    else if (file) yield path;
  }
}

async function* readFileInput(path: string, options: ReadOptions): AsyncGenerator<ReadResult> {
  const lower = path.toLowerCase();
  if (JSONL.has(extname(lower))) {
    yield* readJsonl(createReadStream(path), path, options);
    return;
  }
  if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
    yield* readWarc(path, options);
    return;
  }
  yield await readTextFile(path, options, HTML.has(extname(lower)));
}

/** One web page at an address: fetched with the time and size limits, then read as a saved page. */
export async function readUrl(url: string, options: ReadOptions): Promise<ReadResult> {
  try {
    const fetched = await fetchBytes(url, {
      maxBytes: options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
      timeoutMs: options.timeoutMs,
    });
    if (fetched.status >= 400) throw new DyadError("E_FETCH", `HTTP ${fetched.status}`, url);
    const html = decodeHtml(fetched.bytes, url, charsetOf(fetched.headers.get("content-type")));
    return { ok: true, article: parseHtml(html, url, { ...htmlOptions(options), url: fetched.url }) };
  } catch (e) {
    return { ok: false, error: toDyadError(e, "E_FETCH", url) };
  }
}

export function htmlOptions(options: ReadOptions) {
  return { date: options.date, maxBytes: options.maxBytes, maxPageBytes: options.maxPageBytes };
}

/** A saved file: a web page by its extension or its first bytes, else the reference format or plain text. */
async function readTextFile(path: string, options: ReadOptions, html: boolean): Promise<ReadResult> {
  const maxPage = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const maxBytes = html ? maxPage : (options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    const info = await stat(path);
    if (info.size === 0) throw new DyadError("E_EMPTY", undefined, path);
    if (info.size > maxBytes)
      throw new DyadError("E_TOO_LARGE", `${info.size} bytes, limit ${maxBytes}`, path);
    const bytes = await readFile(path);
    if (html || looksLikeHtml(bytes.subarray(0, 1024).toString("latin1"))) {
      return { ok: true, article: parseHtml(decodeHtml(bytes, path), path, htmlOptions(options)) };
    }
    const raw = decodeText(bytes, path);
    const article = parseText(raw, path, { date: options.date, fileName: basename(path), maxBytes });
    return { ok: true, article };
  } catch (e) {
    return { ok: false, error: toDyadError(e, "E_READ", path) };
  }
}

async function* readStdin(options: ReadOptions): AsyncGenerator<ReadResult> {
  const stream = options.stdin ?? process.stdin;
  // Sniff: JSONL when the first non-blank character opens an object.
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  const firstByte = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (firstByte === 0x7b) {
    yield* readJsonlLines(splitLines([bytes]), "stdin", options);
    return;
  }
  try {
    if (bytes.length === 0) throw new DyadError("E_EMPTY", undefined, "stdin");
    const raw = decodeText(bytes, "stdin");
    yield { ok: true, article: parseText(raw, "stdin", { date: options.date, maxBytes: options.maxBytes }) };
  } catch (e) {
    yield { ok: false, error: toDyadError(e, "E_READ", "stdin") };
  }
}

/** Streams a JSONL source line by line, so memory does not grow with the file. */
export async function* readJsonl(
  stream: Readable,
  origin: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  try {
    yield* readJsonlLines(splitLines(stream), origin, options);
  } catch (e) {
    yield { ok: false, error: toDyadError(e, "E_READ", origin) };
  }
}

async function* readJsonlLines(
  lines: AsyncIterable<Buffer>,
  origin: string,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  let n = 0;
  for await (const bytes of lines) {
    n++;
    const where = `${origin}:${n}`;
    if (bytes.length === 0 || /^\s*$/.test(bytes.toString("latin1"))) continue;
    try {
      const line = decodeText(bytes, where);
      yield { ok: true, article: parseRecord(line, where, { maxBytes: options.maxBytes }) };
    } catch (e) {
      yield { ok: false, error: toDyadError(e, "E_JSONL", where) };
    }
  }
}

/** Splits a byte stream on "\n" without decoding, so each line's encoding is checked on its own. */
async function* splitLines(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer>,
): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const buf: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let data: Buffer = rest.length ? Buffer.concat([rest, buf]) : buf;
    let nl = data.indexOf(0x0a);
    while (nl !== -1) {
      const end = nl > 0 && data[nl - 1] === 0x0d ? nl - 1 : nl;
      yield data.subarray(0, end);
      data = data.subarray(nl + 1);
      nl = data.indexOf(0x0a);
    }
    rest = Buffer.from(data);
  }
  if (rest.length) yield rest;
}
