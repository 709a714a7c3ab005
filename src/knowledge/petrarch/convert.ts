// Converts PETRARCH/TABARI dictionaries into Dyad's own data files (data/README.md), keeping each entry's
// origin (file:line) so that an event's evidence still names the dictionary line that fired.
import type { ActorDictionary } from "./actors.js";
import type { AgentDictionary } from "./agents.js";
import type { DiscardDictionary } from "./discards.js";
import type { DictCode } from "./lines.js";
import { expandSynset, type PatternToken, type VerbDictionary } from "./verbs.js";

export interface ConvertInput {
  verbs?: VerbDictionary[];
  actors?: ActorDictionary[];
  agents?: AgentDictionary[];
  discards?: DiscardDictionary[];
  /** Dyad's cameo.tsv, copied into the new folder with rows added for the dictionaries' other numeric codes. */
  cameo: string;
}

export interface Converted {
  /** Path relative to the new knowledge folder -> file text. */
  files: Map<string, string>;
  /** Entries that have no equivalent in Dyad's format, each with its origin and the reason. */
  skipped: { origin: string; reason: string }[];
  counts: { patterns: number; actors: number; agents: number; discards: number; codes: number };
}

const DYAD_WORD = /^[a-z][a-z'’.-]*$/;
const CAMEO_LIKE = /^\d{2,4}$/;
/** Patterns a synset expansion may give at most, per dictionary pattern. */
const MAX_EXPANSION = 64;

function tsvField(s: string): string {
  return s.replace(/[\t\r\n]+/g, " ").trim();
}

function row(fields: string[]): string {
  return fields.map(tsvField).join("\t");
}

/** Marks the first word of each sequence as standing right after the word before it (`_`). */
function joinFirst(seqs: string[][], joined: boolean | undefined): string[][] {
  if (!joined) return seqs;
  return seqs.map((s) => (s.length && !s[0].startsWith("_") ? [`_${s[0]}`, ...s.slice(1)] : s));
}

/**
 * The word sequences one pattern token stands for ([] when it stands for none, as `^` does). A word that must
 * stand right after the one before it starts with `_`.
 */
function sequences(dict: VerbDictionary, t: PatternToken): string[][] {
  switch (t.kind) {
    case "word":
      return joinFirst([[t.word]], t.joined);
    case "synset":
      return joinFirst(expandSynset(dict, t.name), t.joined);
    case "phrase":
    case "prep": {
      let out: string[][] = [[]];
      for (const x of t.tokens) {
        if (x.kind === "target" || x.kind === "source" || x.kind === "both") {
          out = out.map((s) => [...s, "{T}"]);
          continue;
        }
        const alts = sequences(dict, x);
        if (alts.length === 0) continue;
        out = out.flatMap((s) => alts.map((a) => [...s, ...a]));
      }
      return joinFirst(out, t.joined);
    }
    default:
      return [];
  }
}

/** Words as Dyad pattern text: a word starting with `_` is written joined to the one before it. */
function patternText(words: string[]): string {
  const out: string[] = [];
  for (const w of words) {
    if (w.startsWith("_") && out.length > 0 && w !== "_{T}" && out[out.length - 1] !== "{T}")
      out[out.length - 1] += w;
    else out.push(w.replace(/^_/, ""));
  }
  return out.join(" ");
}

interface Slot {
  /** Alternatives of one element: several one-word alternatives, or whole sequences. */
  alts: string[][];
}

/** Elements as Dyad pattern text: one-word alternatives joined with '/', longer ones expanded into rows. */
function expand(slots: Slot[]): string[][] {
  let rows: string[][] = [[]];
  for (const slot of slots) {
    if (slot.alts.every((a) => a.length === 1)) {
      const join = slot.alts.some((a) => a[0].startsWith("_")) ? "_" : "";
      const alts = [...new Set(slot.alts.map((a) => a[0].replace(/^_/, "")))].join("/");
      rows = rows.map((r) => [...r, `${join}${alts}`]);
    } else {
      rows = rows.flatMap((r) => slot.alts.map((a) => [...r, ...a]));
    }
    if (rows.length > MAX_EXPANSION) return rows.slice(0, MAX_EXPANSION);
  }
  return rows;
}

function flattenMarkers(tokens: PatternToken[]): PatternToken[] {
  return tokens.flatMap((t) => (t.kind === "phrase" || t.kind === "prep" ? flattenMarkers(t.tokens) : [t]));
}

interface VerbRow {
  code: string;
  reverse: string;
  pattern: string;
  before: string;
  flags: string[];
  origin: string;
}

function convertVerbs(dict: VerbDictionary, out: Converted, codes: Set<string>): VerbRow[] {
  const rows: VerbRow[] = [];
  const usable = (code: string | null, origin: string): boolean => {
    if (code === null) return true;
    if (!CAMEO_LIKE.test(code)) {
      out.skipped.push({ origin, reason: `code '${code}' is not a CAMEO-style code of 2 to 4 digits` });
      return false;
    }
    codes.add(code);
    return true;
  };
  for (const block of dict.blocks) {
    // One-word verbs without a code of their own share the block's patterns as one row with alternatives
    // ("accelerate/expedite/hasten ..."); each keeps its own row for the block's code.
    const single = block.verbs.filter((v) => v.words.length === 1 && v.forms.every((f) => f.length === 1));
    const shared = single.filter((v) => v.code === null);
    const groups: { verbs: typeof block.verbs; patterns: boolean; base: boolean }[] = [
      ...block.verbs.map((v) => ({
        verbs: [v],
        patterns: !shared.includes(v) || shared.length === 1,
        base: true,
      })),
      ...(shared.length > 1 ? [{ verbs: shared, patterns: true, base: false }] : []),
    ];
    for (const group of groups) {
      const verb = group.verbs[0];
      const verbOrigin = `${dict.file}:${verb.line}`;
      const anchorAlts = group.verbs.flatMap((v) => [
        v.words[v.verb],
        ...v.forms.map((f) => f[v.verb]).filter((w) => w),
      ]);
      const anchor = [...new Set(anchorAlts)].filter((w) => DYAD_WORD.test(w));
      if (anchor.length === 0) {
        out.skipped.push({ origin: verbOrigin, reason: `the verb '${verb.words.join(" ")}' is not a word` });
        continue;
      }
      const beforeVerb = verb.words.slice(0, verb.verb);
      const afterVerb = verb.words.slice(verb.verb + 1);
      const own: DictCode = verb.code ?? block.code;
      const push = (
        code: DictCode,
        after: string[],
        before: string[],
        flags: string[],
        origin: string,
        verbJoined = false,
      ) => {
        if (!usable(code.active, origin) || !usable(code.passive, origin)) return;
        // The words of a multi-word verb ("break down", "wire tap") stand next to it.
        const words = [anchor.join("/"), ...afterVerb.map((w) => `_${w}`), ...after];
        const beforeWords = [...before, ...beforeVerb.map((w, k) => (k > 0 ? `_${w}` : w))];
        const joinedToVerb = beforeVerb.length > 0 || verbJoined;
        const bad = [...words, ...beforeWords]
          .flatMap((w) => w.replace(/^_/, "").split("/"))
          .find((w) => w !== "{T}" && w !== "{_}" && !DYAD_WORD.test(w));
        if (bad !== undefined) {
          out.skipped.push({ origin, reason: `'${bad}' is not a word Dyad's patterns can hold` });
          return;
        }
        // PETRARCH's verbs are written as found ("LEFT" has its own block beside "LEAVE").
        const all = new Set(["form", ...flags]);
        if (code.active === null) all.add("void");
        rows.push({
          code: code.active ?? "",
          reverse: code.passive ?? "",
          pattern: patternText(words),
          before: beforeWords.length ? `${patternText(beforeWords)}${joinedToVerb ? "_" : ""}` : "",
          flags: [...all],
          origin,
        });
      };
      if (group.base && (own.active !== null || own.passive !== null)) push(own, [], [], [], verbOrigin);
      for (const p of group.patterns ? block.patterns : []) {
        const origin = `${dict.file}:${p.line}`;
        const afterMarks = flattenMarkers(p.after).map((t) => t.kind);
        const beforeMarks = flattenMarkers(p.before).map((t) => t.kind);
        const flags: string[] = [];
        // `$` after the verb with no `+` there: the phrase at `$` is the source and the subject the target.
        const sourceAfter = afterMarks.includes("source") && !afterMarks.includes("target");
        if (sourceAfter || (beforeMarks.includes("target") && !afterMarks.includes("target")))
          flags.push("rev");
        // `% * ...`: the parties are the members of a coordinated subject ("X and Y delayed their meeting").
        if (beforeMarks.includes("both")) flags.push("among");
        const slot = (t: PatternToken): Slot | null => {
          if (t.kind === "target" || t.kind === "both") return { alts: [["{T}"]] };
          if (t.kind === "source") return sourceAfter ? { alts: [["{T}"]] } : null;
          // `^` before a target or source passes over a noun phrase; elsewhere Dyad's gaps do.
          if (t.kind === "skip") return { alts: [["{_}"]] };
          const alts = sequences(dict, t);
          return alts.length ? { alts } : null;
        };
        const afterSlots = p.after.map(slot).filter((s): s is Slot => s !== null);
        const beforeSlots = p.before
          .filter((t) => t.kind === "word" || t.kind === "synset" || t.kind === "phrase")
          .map((t) => ({ alts: sequences(dict, t) }))
          .filter((s) => s.alts.length > 0);
        // Dyad writes one target slot: a second one after the first stays a plain gap.
        for (const after of expand(afterSlots)) {
          const isT = (w: string) => w.replace(/^_/, "") === "{T}";
          const firstT = after.findIndex(isT);
          const words = after
            .filter((w, i) => !isT(w) || i === firstT)
            // A skip counts only before the target slot.
            .filter((w, i, all) => w !== "{_}" || all.slice(i).some(isT));
          for (const before of expand(beforeSlots)) push(p.code, words, before, flags, origin, p.verbJoined);
        }
      }
    }
  }
  return rows;
}

function title(words: string[]): string {
  return words.join(" ");
}

/** Regular English plural of a phrase's last word, as PETRARCH makes it. */
export function regularPlural(words: string[]): string[] {
  const last = words[words.length - 1];
  let p: string;
  if (/(s|x|z|ch|sh)$/.test(last)) p = `${last}es`;
  else if (/[^aeiou]y$/.test(last)) p = `${last.slice(0, -1)}ies`;
  else p = `${last}s`;
  return [...words.slice(0, -1), p];
}

export function convertPetrarch(input: ConvertInput): Converted {
  const out: Converted = {
    files: new Map(),
    skipped: [],
    counts: { patterns: 0, actors: 0, agents: 0, discards: 0, codes: 0 },
  };
  const codes = new Set<string>();

  if (input.verbs?.length) {
    const lines = [
      "# Verb patterns converted from PETRARCH/TABARI verb dictionaries by `dyad kb import petrarch`.",
      "# origin: the dictionary line each row comes from. See data/README.md for the columns.",
      row(["code", "pattern", "flags", "before", "reverse", "origin"]),
    ];
    const seen = new Set<string>();
    for (const dict of input.verbs) {
      for (const r of convertVerbs(dict, out, codes)) {
        const key = `${r.code}|${r.pattern}|${r.before}|${r.flags.join("|")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        lines.push(row([r.code, r.pattern, r.flags.join("|"), r.before, r.reverse, r.origin]));
        out.counts.patterns++;
      }
    }
    out.files.set("verbs/petrarch.tsv", `${lines.join("\n")}\n`);
  }

  if (input.actors?.length) {
    const lines = [
      "# Actors converted from PETRARCH/TABARI actor dictionaries by `dyad kb import petrarch`.",
      "# One row per code of a phrase; dated rows before undated ones. See data/README.md.",
      row(["phrase", "aliases", "code", "start", "end", "origin"]),
    ];
    for (const dict of input.actors) {
      for (const e of dict.entries) {
        const [main, ...synonyms] = e.phrases.map((p) => title(p.words));
        // Codes given together in one bracket (`[FRO/BIL/SAM]`) are one row: the phrase is all of them.
        const groups = new Map<string, typeof e.codes>();
        for (const c of e.codes) {
          const k = `${c.line}|${c.from}|${c.to}`;
          groups.set(k, [...(groups.get(k) ?? []), c]);
        }
        const rows = [...groups.values()];
        const dated = rows.filter(([c]) => c.from !== null || c.to !== null);
        const undated = rows.filter(([c]) => c.from === null && c.to === null);
        for (const codes of [...dated, ...undated]) {
          const [c] = codes;
          if (c.code === "---") continue;
          const all = codes.map((x) => x.code).join("|");
          lines.push(
            row([main, synonyms.join("|"), all, c.from ?? "", c.to ?? "", `${dict.file}:${c.line}`]),
          );
        }
        out.counts.actors++;
      }
    }
    out.files.set("actors/coded.tsv", `${lines.join("\n")}\n`);
  }

  if (input.agents?.length) {
    const lines = [
      "# Agents converted from PETRARCH/TABARI agent dictionaries by `dyad kb import petrarch`.",
      row(["phrase", "plurals", "sector", "title", "position", "origin"]),
    ];
    const seen = new Set<string>();
    for (const dict of input.agents) {
      for (const a of dict.entries) {
        const phrase = title(a.words);
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        // `{}`: no plural; the phrase stands for both.
        const plurals =
          a.plurals === null ? [regularPlural(a.words)] : a.plurals.length ? a.plurals : [a.words];
        lines.push(
          row([
            phrase,
            plurals.map(title).join("|"),
            a.code,
            "",
            a.position === "prefix" ? "prefix" : "",
            `${dict.file}:${a.line}`,
          ]),
        );
        out.counts.agents++;
      }
    }
    out.files.set("actors/agents.tsv", `${lines.join("\n")}\n`);
  }

  if (input.discards?.length) {
    const lines = [
      "# Discards converted from PETRARCH/TABARI discard files by `dyad kb import petrarch`.",
      row(["phrase", "scope", "category", "origin"]),
    ];
    for (const dict of input.discards) {
      for (const d of dict.entries) {
        lines.push(row([d.words.join(" "), d.scope, "other", `${dict.file}:${d.line}`]));
        out.counts.discards++;
      }
    }
    out.files.set("discards.tsv", `${lines.join("\n")}\n`);
  }

  // The dictionaries' own codes that CAMEO lacks ("903") become rows of the new cameo.tsv.
  const known = new Set(
    input.cameo
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#"))
      .map((l) => l.split("\t")[0]),
  );
  const extra = [...codes].filter((c) => !known.has(c)).sort();
  const header = input.cameo.split("\n").find((l) => l !== "" && !l.startsWith("#")) ?? "";
  const columns = header.split("\t");
  const extraRows = extra.map((c) => {
    const values: Record<string, string> = {
      code: c,
      root: c.slice(0, 2),
      level: String(c.length === 2 ? 1 : c.length - 1),
      name: `dictionary code ${c}`,
      goldstein: "0",
      quad: "1",
      description: "a code of the imported dictionary that is not in CAMEO",
    };
    return columns.map((col) => values[col] ?? "").join("\t");
  });
  out.counts.codes = extra.length;
  out.files.set(
    "cameo.tsv",
    `${input.cameo.trimEnd()}\n${extraRows.length ? `# Codes of the imported dictionaries that CAMEO lacks.\n${extraRows.join("\n")}\n` : ""}`,
  );
  return out;
}
