// The verb lexicon: patterns from data/verbs/*.tsv compiled into an index by anchor lemma.
import { DyadError } from "../core/errors.js";
import type { Ontology } from "./ontology.js";
import { parseTsv } from "./tsv.js";

export type Element =
  /** joined: written with `_` to the element before it, so it must stand right after it ("break_down"). */
  | { type: "word"; alts: string[]; optional: boolean; joined?: boolean }
  | { type: "target" }
  /** `{_}`: a noun phrase passed over ("celebrated Iftar in {_} {T}": not the place, the next actor). */
  | { type: "skip" }
  | { type: "clause" };

export interface Pattern {
  code: string;
  /** The pattern as written, for evidence. */
  text: string;
  elements: Element[];
  /** Nominal trigger: the anchor is a noun. */
  noun: boolean;
  flags: Set<string>;
  /** Number of word elements: longer patterns win. */
  words: number;
  /** file:line of the entry, for evidence (with the dictionary line it was converted from, if any). */
  origin: string;
  /** Words that must stand before the anchor in its sentence, in this order (the last nearest). */
  before: Extract<Element, { type: "word" }>[];
  /** The last of them must stand right before the anchor (`before` written with a final `_`). */
  beforeJoined: boolean;
  /** Code of the event the pattern implies in the other direction (target to source), or null. */
  reverse: string | null;
}

export interface Lexicon {
  /** Patterns by anchor lemma. */
  byAnchor: Map<string, Pattern[]>;
  size: number;
}

const FLAGS = new Set(["recip", "intrans", "self", "rev", "void", "among", "form"]);
const WORD = /^[a-z][a-z'’.-]*$/;

export function parsePattern(text: string, where: string): { elements: Element[]; noun: boolean } {
  let body = text.trim();
  let noun = false;
  if (body.startsWith("~")) {
    noun = true;
    body = body.slice(1).trim();
  }
  const elements: Element[] = [];
  for (const chunk of body.split(/\s+/)) {
    if (chunk === "{T}") elements.push({ type: "target" });
    else if (chunk === "{C}") elements.push({ type: "clause" });
    else if (chunk === "{_}") elements.push({ type: "skip" });
    else {
      // "new_military/economic_relations": words joined with `_` stand next to each other.
      chunk.split("_").forEach((part, k) => {
        const optional = part.startsWith("(") && part.endsWith(")");
        const inner = optional ? part.slice(1, -1) : part;
        const alts = inner.split("/").filter((a) => a !== "");
        if (alts.length === 0 || !alts.every((a) => WORD.test(a)) || (optional && k > 0)) {
          throw new DyadError("E_DATA", `bad pattern element '${chunk}' in '${text}'`, where);
        }
        elements.push(
          k > 0 ? { type: "word", alts, optional, joined: true } : { type: "word", alts, optional },
        );
      });
    }
  }
  const first = elements[0];
  if (first?.type !== "word" || first.optional) {
    throw new DyadError("E_DATA", `a pattern must start with a word (its anchor): '${text}'`, where);
  }
  return { elements, noun };
}

export function compileLexicon(
  files: readonly { name: string; text: string }[],
  ontology: Ontology,
): Lexicon {
  const byAnchor = new Map<string, Pattern[]>();
  let size = 0;
  const seen = new Set<string>();
  for (const file of files) {
    for (const row of parseTsv(file.text, file.name, ["pattern"])) {
      const where = `${file.name}:${row.line}`;
      const code = row.get("code");
      const flagList = row
        .get("flags")
        .split("|")
        .map((f) => f.trim())
        .filter((f) => f !== "");
      // A `void` pattern codes nothing: it stops the shorter patterns of its anchor ("receive a card").
      if (code === "" && !flagList.includes("void"))
        throw new DyadError("E_DATA", `the column 'code' is empty`, where);
      if (code !== "") ontology.require(code, where);
      const reverse = row.get("reverse") || null;
      if (reverse) ontology.require(reverse, where);
      const before = row.get("before").trim();
      const beforeJoined = before.endsWith("_");
      const beforeElements = before === "" ? [] : parsePattern(before.replace(/_$/, ""), where).elements;
      if (beforeElements.some((e) => e.type !== "word" || e.optional))
        throw new DyadError("E_DATA", `'before' holds words only: '${before}'`, where);
      const text = row.get("pattern");
      const key = `${code}|${text}|${before}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { elements, noun } = parsePattern(text, where);
      const flags = new Set(flagList);
      for (const f of flags) if (!FLAGS.has(f)) throw new DyadError("E_DATA", `unknown flag '${f}'`, where);
      const pattern: Pattern = {
        code,
        text,
        elements,
        noun,
        flags,
        // Words before the anchor count as words; a pattern that wants a coordinated subject (among) is more
        // specific than the same words without it.
        words:
          elements.filter((e) => e.type === "word").length +
          beforeElements.length +
          (flags.has("among") ? 1 : 0),
        origin: row.get("origin") ? `${where} (${row.get("origin")})` : where,
        before: beforeElements as Extract<Element, { type: "word" }>[],
        beforeJoined,
        reverse,
      };
      const anchor = elements[0] as Extract<Element, { type: "word" }>;
      for (const alt of anchor.alts) {
        const list = byAnchor.get(alt) ?? [];
        list.push(pattern);
        byAnchor.set(alt, list);
      }
      size++;
    }
  }
  for (const list of byAnchor.values()) {
    list.sort((a, b) => b.words - a.words || b.code.length - a.code.length);
  }
  return { byAnchor, size };
}

/** Words that turn a reported statement about an actor into praise (+1) or criticism (-1). */
export interface Evaluative {
  polarity: Map<string, number>;
}

/** Phrases that take an article or a sentence out of event coding. */
export interface Discards {
  article: string[];
  sentence: string[];
}
