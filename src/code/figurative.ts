// Lexicon hits that are no events, as classes (issue 14): a verb inside a proper name ("the Hang Seng
// index"), a verb of naming with its object and the name given ("called the strikes a war crime"), and an
// act aimed at a social ill rather than an actor ("declared war on poverty"). Each reads the words and the
// parse around one trigger; the word lists are data/lexicon/words.tsv.
import type { Doc, Token } from "../core/types.js";
import { words } from "../knowledge/words.js";
import { partOf } from "../nlp/parts.js";

const LABELLING: ReadonlySet<string> = words("labelling-verb");
const ABSTRACT: ReadonlySet<string> = words("abstract-target");

const capitalised = (t: Token | undefined): boolean => t !== undefined && /^[A-Z][a-z]/.test(t.text);

/** Words that stand inside a name written in capitals without being capitalised themselves. */
const NAME_JOINERS = new Set(["of", "and", "&", "de", "la", "al"]);

/**
 * A capitalised verb inside a run of capitalised words is part of a name: "the Hang Seng index", "Shares
 * of Hang Seng Bank". Not in a headline or a caption, where every word may be capitalised, and not for the
 * first word of a sentence unless the next is a proper noun too ("Hang Seng rose").
 */
export function inProperName(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!capitalised(t)) return false;
  const s = doc.sentences[t.sentence];
  if (partOf(s) !== "body") return false;
  const prev = i > s.tokenStart ? doc.tokens[i - 1] : undefined;
  const next = i + 1 < s.tokenEnd ? doc.tokens[i + 1] : undefined;
  const first = i === s.tokenStart || (prev !== undefined && /^[“"'‘(—–-]$/.test(prev.text));
  const nextInName = capitalised(next) && next?.pos === "PROPN";
  if (first) return nextInName && !/(ing|ed)$/.test(t.lower);
  const prevInName = capitalised(prev) && !(i - 1 === s.tokenStart) && prev?.pos === "PROPN";
  return (
    nextInName || prevInName || (prev !== undefined && NAME_JOINERS.has(prev.lower) && capitalised(next))
  );
}

/**
 * A verb of naming with an object and the name it gives: "called the strikes a war crime", "branded the
 * sanctions an act of bullying". The parse gives the name as an xcomp or a second object; a parse that
 * hangs it elsewhere still shows it in the words: a noun right before "a"/"an" after the verb.
 */
export function namingConstruction(doc: Doc, verb: number): boolean {
  const t = doc.tokens[verb];
  if (!LABELLING.has(t.lemma) && !LABELLING.has(t.lower)) return false;
  const s = doc.sentences[t.sentence];
  const parse = doc.parse;
  if (parse) {
    let objects = 0;
    let predicate = false;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (parse.head[k] !== verb) continue;
      if (parse.deprel[k] === "obj") objects++;
      if (parse.deprel[k] === "xcomp" && (parse.upos[k] === "NOUN" || parse.upos[k] === "ADJ"))
        predicate = true;
    }
    if (objects >= 2 || (objects === 1 && predicate)) return true;
  }
  // The object must follow the verb directly: "called on", "called for" name nothing.
  const after = doc.tokens[verb + 1];
  if (!after || after.pos === "ADP" || after.pos === "PART") return false;
  for (let k = verb + 2; k + 1 < s.tokenEnd; k++) {
    const w = doc.tokens[k];
    if (w.pos === "PUNCT" || w.pos === "VERB" || w.pos === "SCONJ") break;
    const prev = doc.tokens[k - 1];
    if ((w.lower === "a" || w.lower === "an") && (prev.pos === "NOUN" || prev.pos === "PROPN")) return true;
  }
  return false;
}

/**
 * The target phrase of a pattern names a social ill or a policy aim, not an actor: "declared war on
 * poverty", "waged war on drugs and smuggling from Afghanistan". The head is the phrase's first noun.
 */
export function abstractTarget(doc: Doc, from: number, to: number): boolean {
  let k = from;
  while (k < to && ["DET", "ADJ", "NUM", "ADV"].includes(doc.tokens[k].pos)) k++;
  if (k >= to || doc.tokens[k].pos !== "NOUN") return false;
  const head = doc.tokens[k];
  const two = k + 1 < to ? `${head.lower} ${doc.tokens[k + 1].lower}` : "";
  return ABSTRACT.has(head.lemma) || ABSTRACT.has(head.lower) || ABSTRACT.has(two);
}
