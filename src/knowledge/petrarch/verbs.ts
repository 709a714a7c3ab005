// Reader for PETRARCH/TABARI verb dictionaries: synsets, `--- NAME [code] ---` blocks, verb forms, patterns.
import type { DyadError } from "../../core/errors.js";
import {
  type DictCode,
  ErrorSink,
  parseCode,
  phraseWordsOf,
  type ReadOptions,
  sourceLines,
} from "./lines.js";

/** One element of a pattern, in the order written; `joined`: written with `_` to the one before it (adjacent). */
export type PatternToken = { joined?: boolean } & (
  | { kind: "word"; word: string }
  | { kind: "synset"; name: string }
  /** `$`: the source stands here. */
  | { kind: "source" }
  /** `+`: the target stands here. */
  | { kind: "target" }
  /** `%`: a compound actor standing for both sides. */
  | { kind: "both" }
  /** `^`: skip a noun phrase. */
  | { kind: "skip" }
  /** `{A B}`: words that must stand together. */
  | { kind: "phrase"; tokens: PatternToken[] }
  /** `(PREP ...)`: a prepositional phrase headed by its first word. */
  | { kind: "prep"; tokens: PatternToken[] }
);

export interface VerbPattern {
  /** Elements before the verb (`*`), nearest last. */
  before: PatternToken[];
  /** Elements after the verb. */
  after: PatternToken[];
  /** The verb is joined (`IN_*`) to the element before it. */
  verbJoined: boolean;
  code: DictCode;
  line: number;
  /** The pattern as written, without its code and comment. */
  text: string;
}

export interface VerbForm {
  /** Lower-case words; `verb` indexes the inflected one ("break down": 0, "wire tap": 1). */
  words: string[];
  verb: number;
  /** Irregular or listed forms, each as words ("broke down"). */
  forms: string[][];
  /** Own code of this verb, overriding the block's. */
  code: DictCode | null;
  line: number;
}

export interface VerbBlock {
  name: string;
  code: DictCode;
  line: number;
  verbs: VerbForm[];
  patterns: VerbPattern[];
}

export interface Synset {
  name: string;
  line: number;
  /** Each member as tokens: words, or nested synsets. */
  members: { tokens: PatternToken[]; line: number }[];
}

export interface VerbDictionary {
  file: string;
  synsets: Map<string, Synset>;
  blocks: VerbBlock[];
  errors: DyadError[];
}

const HEADER = /^---\s+(.+?)\s+\[([^\]]*)\].*$/;
const WORD = /^[A-Za-z0-9'./-]+$/;

/** Splits pattern text into tokens; throws a string describing the problem. */
export function tokenizePattern(text: string, synsetNames: ReadonlySet<string> = new Set()): PatternToken[] {
  // `&NAME_WORD`: the longest known synset name wins, the rest are words joined to it.
  const joined = text.replace(/&([A-Za-z0-9_]+)/g, (_, name: string) => {
    const parts = name.replace(/_+$/, "").split("_");
    for (let k = parts.length; k > 1; k--) {
      const candidate = parts.slice(0, k).join("_").toUpperCase();
      if (synsetNames.has(candidate)) {
        const rest = parts.slice(k).join("_");
        return `&${candidate.replace(/_/g, "\u0000")}${rest ? `_${rest}` : ""}`;
      }
    }
    return `&${name}`;
  });
  // `_` joins two elements that must stand next to each other: it becomes a token of its own (\u0001).
  const parts = joined
    .replace(/_/g, " \u0001 ")
    .replace(/\u0000/g, "_")
    .replace(/([{}()*])/g, " $1 ")
    .trim()
    .split(/\s+/)
    .filter((p) => p !== "");
  let i = 0;
  const read = (until: string | null, phrase = false): PatternToken[] => {
    const out: PatternToken[] = [];
    let join = false;
    const add = (t: PatternToken) => {
      // Words in `{...}` stand together, as joined words do.
      out.push(join || (phrase && out.length > 0) ? { ...t, joined: true } : t);
      join = false;
    };
    while (i < parts.length) {
      const p = parts[i++];
      if (p === "\u0001") {
        join = out.length > 0;
        continue;
      }
      if (p === until) return out;
      if (p === "}" || p === ")") throw `unbalanced '${p}'`;
      if (p === "{") add({ kind: "phrase", tokens: read("}", true) });
      else if (p === "(") {
        const tokens = read(")");
        if (tokens[0]?.kind !== "word") throw "a '(' phrase must start with its preposition";
        add({ kind: "prep", tokens });
      } else if (p === "*") add({ kind: "word", word: "*" });
      else if (p === "$") add({ kind: "source" });
      else if (p === "+") add({ kind: "target" });
      else if (p === "%") add({ kind: "both" });
      else if (p === "^") add({ kind: "skip" });
      else if (p.startsWith("&")) {
        const name = p.slice(1).replace(/_+$/, "").toUpperCase();
        if (!/^[A-Z0-9_]+$/.test(name)) throw `bad synset name '${p}'`;
        add({ kind: "synset", name });
      } else if (WORD.test(p)) add({ kind: "word", word: p.toLowerCase() });
      else throw `bad word '${p}'`;
    }
    if (until !== null) throw `'${until === "}" ? "{" : "("}' is not closed`;
    return out;
  };
  return read(null);
}

function parseVerbLine(text: string): Omit<VerbForm, "line"> | string {
  const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(text.trim());
  if (!m) return `cannot read the verb line '${text.trim()}'`;
  const wordsOf = (s: string): { words: string[]; verb: number } | string => {
    const raw = s.replace(/_/g, " ").trim().split(/\s+/);
    let verb = raw.findIndex((w) => w.startsWith("+"));
    const words = raw.map((w) => w.replace(/^\+/, "")).filter((w) => w !== "");
    if (words.length !== raw.length || words.some((w) => !WORD.test(w))) return `bad verb '${s.trim()}'`;
    if (verb < 0) verb = 0;
    return { words: words.map((w) => w.toLowerCase()), verb };
  };
  const head = wordsOf(m[1]);
  if (typeof head === "string") return head;
  const forms: string[][] = [];
  for (const f of (m[2] ?? "")
    .trim()
    .split(/\s+/)
    .filter((x) => x !== "")) {
    const w = wordsOf(f);
    if (typeof w === "string") return w;
    forms.push(w.words);
  }
  let code: DictCode | null = null;
  if (m[3] !== undefined) {
    code = parseCode(m[3]);
    if (!code) return `bad code '[${m[3]}]'`;
  }
  return { words: head.words, verb: head.verb, forms, code };
}

/** Reads a verb dictionary. Errors name the file and line; with `lenient`, bad lines are skipped and listed. */
export function readVerbDictionary(text: string, file: string, options: ReadOptions = {}): VerbDictionary {
  const sink = new ErrorSink(file, options);
  const synsets = new Map<string, Synset>();
  const blocks: VerbBlock[] = [];
  let synset: Synset | null = null;
  let block: VerbBlock | null = null;
  const pendingSynsets: { name: string; line: number }[] = [];
  const synsetNames = new Set(
    [...text.matchAll(/^&([A-Za-z0-9_]+)/gm)].map((m) => m[1].replace(/_+$/, "").toUpperCase()),
  );
  const noteSynsets = (tokens: PatternToken[], line: number) => {
    for (const t of tokens) {
      if (t.kind === "synset") pendingSynsets.push({ name: t.name, line });
      else if (t.kind === "phrase" || t.kind === "prep") noteSynsets(t.tokens, line);
    }
  };
  for (const { line, text: s, blank } of sourceLines(text)) {
    const t = s.trim();
    if (t === "") {
      if (blank) synset = null;
      continue;
    }
    if (t.startsWith("---")) {
      synset = null;
      const m = HEADER.exec(t);
      const code = m ? parseCode(m[2]) : null;
      if (!m || !code) {
        block = null;
        sink.report(line, `a block header is '--- NAME [code] ---', got '${t}'`);
        continue;
      }
      block = { name: m[1].trim(), code, line, verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (t.startsWith("&")) {
      const name = t.slice(1).split(/\s+/)[0].replace(/_+$/, "").toUpperCase();
      if (!/^[A-Z0-9_]+$/.test(name)) {
        synset = null;
        sink.report(line, `bad synset name '${t}'`);
        continue;
      }
      if (synsets.has(name)) sink.report(line, `synset &${name} is defined twice`);
      synset = { name, line, members: [] };
      synsets.set(name, synset);
      block = null;
      continue;
    }
    if (synset) {
      if (!t.startsWith("+")) {
        sink.report(line, `a synset member starts with '+', got '${t}'`);
        continue;
      }
      try {
        const tokens = tokenizePattern(t.slice(1), synsetNames);
        if (tokens.length === 0) throw "empty member";
        noteSynsets(tokens, line);
        synset.members.push({ tokens, line });
      } catch (e) {
        sink.report(line, `${e}`);
      }
      continue;
    }
    if (!block) {
      sink.report(line, `'${t}' stands outside any '--- NAME [code] ---' block or &synset`);
      continue;
    }
    if (t.startsWith("-")) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(t);
      if (!m) {
        sink.report(line, `a pattern ends with its [code]: '${t}'`);
        continue;
      }
      const code = parseCode(m[2]);
      if (!code) {
        sink.report(line, `bad code '[${m[2]}]'`);
        continue;
      }
      try {
        const tokens = tokenizePattern(m[1], synsetNames);
        const stars = tokens.filter((x) => x.kind === "word" && x.word === "*").length;
        if (stars !== 1) throw `a pattern has one '*' for the verb, this one has ${stars}`;
        const at = tokens.findIndex((x) => x.kind === "word" && x.word === "*");
        noteSynsets(tokens, line);
        block.patterns.push({
          before: tokens.slice(0, at),
          after: tokens.slice(at + 1),
          verbJoined: tokens[at].joined === true,
          code,
          line,
          text: m[1],
        });
      } catch (e) {
        sink.report(line, `${e}`);
      }
      continue;
    }
    const verb = parseVerbLine(t);
    if (typeof verb === "string") sink.report(line, verb);
    else block.verbs.push({ ...verb, line });
  }
  for (const { name, line } of pendingSynsets) {
    if (!synsets.has(name)) sink.report(line, `unknown synset &${name}`);
  }
  for (const b of blocks) {
    if (b.verbs.length === 0) sink.report(b.line, `block '${b.name}' lists no verb`);
  }
  return { file, synsets, blocks, errors: sink.errors };
}

/**
 * Every word sequence a synset stands for, nested synsets expanded (a cycle stops at the repeated name). A word
 * that must stand right after the one before it (the rest of a multi-word member) starts with `_`.
 */
export function expandSynset(
  dict: VerbDictionary,
  name: string,
  seen: ReadonlySet<string> = new Set(),
): string[][] {
  const synset = dict.synsets.get(name);
  if (!synset || seen.has(name)) return [];
  const inner = new Set(seen).add(name);
  const out: string[][] = [];
  for (const m of synset.members) {
    let seqs: string[][] = [[]];
    for (const t of m.tokens) {
      const options =
        t.kind === "word"
          ? [[t.word]]
          : t.kind === "synset"
            ? expandSynset(dict, t.name, inner)
            : t.kind === "phrase" || t.kind === "prep"
              ? [t.tokens.flatMap((x) => (x.kind === "word" ? [x.word] : []))]
              : [];
      seqs = seqs.flatMap((s) =>
        options.map((o) => [
          ...s,
          ...o.map((w, k) => (s.length + k > 0 && !w.startsWith("_") ? `_${w}` : w)),
        ]),
      );
    }
    out.push(...seqs.filter((s) => s.length > 0));
  }
  return out;
}

export { phraseWordsOf };
