// The one small query language of `--text`: parsed once, compiled to SQLite FTS5 and to PostgreSQL tsquery,
// and evaluated in memory for records that were never stored. Both backends then see the same terms.
//
//   sanctions Iran          both words (AND is implicit)
//   Iran OR Pakistan        either (OR, in capitals, binds looser than AND: `a b OR c` is (a b) OR c)
//   "prime minister"        the words next to each other, in this order
//   negotiat*               a word starting with "negotiat"
//
// Words are cut where the full-text indexes cut them (at anything but a letter or digit), a possessive 's
// is dropped ("Pakistan's" is the word "pakistan"), and the common words PostgreSQL does not index ("the",
// "of", ...) are left out on both backends, so a query never depends on a word one of them cannot see.
import { DyadError } from "../core/errors.js";

/** A term: one word, a prefix, or a phrase of several words. Words are lower-case letters and digits. */
export interface TextTerm {
  words: string[];
  prefix: boolean;
}

/** A query in disjunctive form: any group matches when all of its terms match. */
export interface TextQuery {
  any: TextTerm[][];
}

/**
 * PostgreSQL's `english` stop words (its tsearch_data/english.stop): words its index leaves out. Dropped
 * from queries on both backends, so that "the" or "of" never makes SQLite and PostgreSQL disagree.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is " +
    "are was were be been being have has had having do does did doing a an the and but if or because as until " +
    "while of at by for with about against between into through during before after above below to from up " +
    "down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** The index words of a piece of text: lower case, cut at anything but letters and digits, no possessive 's. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function usage(query: string, why: string): DyadError {
  return new DyadError("E_USAGE", `--text '${query}': ${why}`);
}

/** Parses the user's query. Throws E_USAGE when nothing searchable is left. */
export function parseTextQuery(input: string): TextQuery {
  const q = readTextQuery(input);
  if (typeof q === "string") throw usage(input, q);
  return q;
}

/** Why a query cannot be searched for, or null when it can: what a filter schema reports for its field. */
export function textQueryProblem(input: string): string | null {
  const q = readTextQuery(input);
  return typeof q === "string" ? q : null;
}

/** The query, or why nothing searchable is left in it. */
function readTextQuery(input: string): TextQuery | string {
  const tokens = input.match(/"[^"]*"?|[^\s"]+/g) ?? [];
  const groups: TextTerm[][] = [[]];
  let dropped = false;
  for (const token of tokens) {
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    const quoted = token.startsWith('"');
    const body = quoted ? token.replace(/^"|"$/g, "") : token;
    const prefix = !quoted && body.endsWith("*");
    const all = textWords(prefix ? body.slice(0, -1) : body);
    // Common words inside a phrase stay as its gaps ("prime minister of pakistan"); at its ends they go.
    const first = all.findIndex((w) => !STOP_WORDS.has(w));
    let last = all.length - 1;
    while (last > first && STOP_WORDS.has(all[last])) last--;
    const words = first === -1 ? [] : all.slice(first, last + 1);
    if (words.length < all.length) dropped = true;
    if (words.length === 0) continue;
    if (prefix && words.length > 1) {
      // "U.S.*" cuts into several words: the last one is the prefix, the rest must precede it.
      groups[groups.length - 1].push({ words, prefix: true });
    } else if (quoted || words.length > 1) {
      groups[groups.length - 1].push({ words, prefix: false });
    } else {
      groups[groups.length - 1].push({ words, prefix });
    }
  }
  const any = groups.filter((g) => g.length > 0);
  if (any.length === 0) {
    return dropped ? "only common words, which are not indexed" : "no word to search for";
  }
  return { any };
}

/** SQLite FTS5 MATCH expression: every word quoted, so user input never reaches FTS5's own syntax. */
export function toFts5(q: TextQuery): string {
  const term = (t: TextTerm) => `"${t.words.join(" ")}"${t.prefix ? " *" : ""}`;
  return q.any.map((g) => `(${g.map(term).join(" AND ")})`).join(" OR ");
}

/**
 * PostgreSQL to_tsquery('english', ...) text: phrases with <N> (N words apart: a common word inside a phrase
 * is a gap, as PostgreSQL's index keeps its position but not the word), prefixes with :*. Words are
 * [\p{L}\p{N}]+, so nothing reaches tsquery's own syntax.
 */
export function toTsquery(q: TextQuery): string {
  const term = (t: TextTerm) => {
    let out = "";
    let gap = 0;
    t.words.forEach((w, i) => {
      if (STOP_WORDS.has(w)) {
        gap++;
        return;
      }
      const word = t.prefix && i === t.words.length - 1 ? `${w}:*` : w;
      out += out === "" ? word : ` <${gap + 1}> ${word}`;
      gap = 0;
    });
    return t.words.length > 1 ? `(${out})` : out;
  };
  return q.any.map((g) => `(${g.map(term).join(" & ")})`).join(" | ");
}

/** A crude English stem for the in-memory match, so that "pressures" finds "pressure" without an index. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|e|s)$/, "") : word;
}

/** Evaluates a query on a text in memory (records that were never stored): same terms, cruder stemming. */
export function textMatches(q: TextQuery, text: string): boolean {
  const words = textWords(text);
  const at = (w: string, i: number, last: boolean, prefix: boolean) =>
    i < words.length && (prefix && last ? words[i].startsWith(w) : stem(words[i]) === stem(w));
  const termMatches = (t: TextTerm) =>
    words.some((_, start) => t.words.every((w, k) => at(w, start + k, k === t.words.length - 1, t.prefix)));
  return q.any.some((g) => g.every(termMatches));
}
