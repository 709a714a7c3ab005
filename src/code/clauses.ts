// The coder's remaining shallow clause analysis over POS tags: clause boundaries, voice, reported speech and
// subjects. Modality is read from the clause layer (src/code/roles.ts); these rules stay until the parse
// gives subjects as good as theirs (issue 13: moving them measured a loss on the gold sets).
import { spansWithin, startingIn } from "../core/spans.js";
import type { Doc, Mention, Token } from "../core/types.js";
import { REPORTING_VERBS } from "../knowledge/speech.js";

const BOUNDARY_SCONJ = new Set([
  "that",
  "because",
  "while",
  "although",
  "though",
  "whereas",
  "if",
  "unless",
  "when",
  "after",
  "before",
  "since",
  "as",
]);
const RELATIVE = new Set(["which", "who", "whom", "whose", "where"]);
const PREPOSITIONS_BEFORE_SUBJECT = new Set([
  "of",
  "in",
  "with",
  "to",
  "for",
  "between",
  "by",
  "from",
  "on",
  "at",
  "about",
  "among",
  "against",
  "during",
  "under",
  "over",
  "into",
  "through",
  "without",
  "near",
]);

/** What the clause analysis keeps of a sentence for the coder and for explanations. */
export interface SentenceAnalysis {
  sentence: number;
  /** Speech verbs of the sentence with the span of their complement and their subject. */
  speech: { verb: number; complementStart: number; complementEnd: number; subject: Mention | null }[];
}

/** "while referring to ...": an adjunct of the main clause, not a clause with a subject of its own. */
function participle(t: Token | undefined): boolean {
  return t !== undefined && t.pos === "VERB" && /(ing|ed)$/.test(t.lower);
}

/** Clause boundaries: subordinators, relative pronouns, semicolons, quotes and comma-delimited insertions. */
export function clauseOf(doc: Doc, i: number): { start: number; end: number } {
  const s = doc.sentences[doc.tokens[i].sentence];
  const tokens = doc.tokens;
  let start = s.tokenStart;
  for (let k = i - 1; k >= s.tokenStart; k--) {
    const t = tokens[k];
    if (
      (t.pos === "SCONJ" && BOUNDARY_SCONJ.has(t.lower) && !participle(tokens[k + 1])) ||
      RELATIVE.has(t.lower) ||
      t.text === ";" ||
      t.text === ":"
    ) {
      start = k + 1;
      break;
    }
    if (
      t.lower === "that" &&
      (t.pos === "PRON" || t.pos === "DET") &&
      k + 1 < i &&
      tokens[k + 1].pos !== "NOUN"
    ) {
      start = k + 1;
      break;
    }
  }
  let end = s.tokenEnd;
  for (let k = i + 1; k < s.tokenEnd; k++) {
    const t = tokens[k];
    if ((t.pos === "SCONJ" && BOUNDARY_SCONJ.has(t.lower)) || RELATIVE.has(t.lower) || t.text === ";") {
      end = k;
      break;
    }
  }
  return { start, end };
}

/**
 * Passive voice: a form of "be" or "get" right before a past participle, or a participle right after a noun
 * after a form of "be" ("there were ten soldiers killed in Ukraine").
 */
export function isPassive(doc: Doc, i: number): boolean {
  const tokens = doc.tokens;
  const t = tokens[i];
  if (!/(ed|en|wn|ht|ck|id|ne|un|lt|pt|nt)$/.test(t.lower)) return false;
  const prev = tokens[i - 1];
  if (prev && (prev.pos === "NOUN" || prev.pos === "PROPN") && /ed$/.test(t.lower)) {
    const s = doc.sentences[t.sentence];
    for (let k = i - 2; k >= s.tokenStart; k--) {
      if (tokens[k].lemma === "be") return true;
      if (tokens[k].pos === "VERB") break;
      if (tokens[k].text === "," || tokens[k].pos === "SCONJ") break;
    }
  }
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const p = tokens[k];
    if (p.lemma === "be" || p.lemma === "get") return true;
    if (p.pos !== "ADV" && p.pos !== "PART") break;
  }
  return false;
}

/** Mentions that can be actors: resolved, not places, not members of a compound listed on their own. */
export function actorMentions(doc: Doc, from: number, to: number): Mention[] {
  const inside = spansWithin(doc.mentions, from, to).filter((m) => !m.placeOnly && !m.modifier);
  const members = new Set(inside.flatMap((m) => m.members ?? []));
  return inside.filter((m) => !members.has(m.index) && (m.referent !== null || m.members !== undefined));
}

/** "Pakistan, a key U.S. ally, refused": a mention inside a comma-enclosed apposition is not the subject. */
function inApposition(doc: Doc, m: Mention, clauseStart: number, verb: number): boolean {
  const tokens = doc.tokens;
  let open = -1;
  for (let k = m.tokenStart - 1; k >= clauseStart; k--) {
    if (tokens[k].text === ",") {
      open = k;
      break;
    }
  }
  if (open === -1 || !["a", "an", "the"].includes(tokens[open + 1]?.lower ?? "")) return false;
  for (let k = m.tokenEnd; k < verb; k++) if (tokens[k].text === ",") return true;
  return false;
}

/** The subject of the verb at i: the closest actor mention before it in its clause that is not inside a prepositional phrase. */
export function subjectOf(doc: Doc, i: number, clauseStart: number): Mention | null {
  const tokens = doc.tokens;
  const candidates = actorMentions(doc, clauseStart, i);
  let inPhrase: Mention | null = null;
  for (let c = candidates.length - 1; c >= 0; c--) {
    const m = candidates[c];
    if (inApposition(doc, m, clauseStart, i)) continue;
    let k = m.tokenStart - 1;
    while (k >= clauseStart && (tokens[k].pos === "DET" || tokens[k].pos === "ADJ")) k--;
    const before = k >= clauseStart ? tokens[k] : null;
    if (before && PREPOSITIONS_BEFORE_SUBJECT.has(before.lower) && before.pos === "ADP") {
      // "A camp for Congolese refugees was attacked": an actor inside the subject's own phrase.
      if (
        ["of", "for", "from"].includes(before.lower) &&
        !tokens.slice(clauseStart, k).some((t) => t.pos === "VERB")
      ) {
        inPhrase = m;
      }
      continue;
    }
    // A possessor ("Pakistan's good positions") is the subject's owner, still the best actor for it.
    return m;
  }
  if (inPhrase) return inPhrase;
  // "Israeli helicopters shelled ...": a demonym modifying the subject's head names the actor.
  const modifiers = startingIn(doc.mentions, clauseStart, i).filter((x) => x.modifier);
  for (let k = i - 1; k >= clauseStart && modifiers.length > 0; k--) {
    const mod = modifiers.find((x) => x.tokenStart === k);
    if (mod) {
      const between = tokens.slice(mod.tokenEnd, i);
      if (
        between.every(
          (t) =>
            t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "CCONJ" || t.pos === "AUX" || t.pos === "ADV",
        )
      ) {
        return mod;
      }
    }
  }
  return null;
}

/** Speech verbs in a sentence with their complements ("X said that ...", "..., X said"). */
export function reportedSpeech(doc: Doc, sentence: number): SentenceAnalysis["speech"] {
  const s = doc.sentences[sentence];
  const tokens = doc.tokens;
  const out: SentenceAnalysis["speech"] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (t.pos !== "VERB" || !REPORTING_VERBS.has(t.lemma)) continue;
    const prev = tokens[i - 1];
    // Inverted: "..., Ayatollah Khamenei said." — the complement is what stands before the comma.
    const before = actorMentions(doc, s.tokenStart, i);
    const subjectBefore = before.length ? before[before.length - 1] : null;
    let commaBefore = -1;
    if (subjectBefore) {
      for (let k = subjectBefore.tokenStart - 1; k >= s.tokenStart; k--) {
        if (tokens[k].text === "," || tokens[k].text === "”" || tokens[k].text === '"') {
          commaBefore = k;
          break;
        }
        if (
          tokens[k].pos !== "DET" &&
          tokens[k].pos !== "PROPN" &&
          tokens[k].pos !== "NOUN" &&
          tokens[k].pos !== "ADJ"
        )
          break;
      }
    }
    const after = tokens[i + 1];
    if (commaBefore > s.tokenStart && subjectBefore && (!after || after.pos === "PUNCT")) {
      out.push({
        verb: i,
        complementStart: s.tokenStart,
        complementEnd: commaBefore,
        subject: subjectBefore,
      });
      continue;
    }
    if (prev?.pos === "ADP" && t.lemma !== "point") continue;
    // Forward: "X said (that) ...", "X stated, “...”", "X noted that ...".
    let start = i + 1;
    while (start < s.tokenEnd && [",", "“", '"', ":"].includes(tokens[start].text)) start++;
    if (tokens[start]?.lower === "that") start++;
    if (t.lemma === "point" && tokens[i + 1]?.lower === "out") start = i + 2;
    let end = s.tokenEnd;
    for (let k = start; k < s.tokenEnd; k++) {
      const x = tokens[k];
      // "... and noted that ..." starts another speech act.
      if (x.lower === "and" && tokens[k + 1]?.pos === "VERB" && REPORTING_VERBS.has(tokens[k + 1].lemma)) {
        end = k;
        break;
      }
      if (x.text === "," && tokens[k + 1]?.pos === "VERB" && /ing$/.test(tokens[k + 1].lower)) {
        end = k;
        break;
      }
    }
    // Without "that" or a quotation, the complement must be a clause with a finite verb
    // ("said Palestine is ..."), not a noun phrase ("emphasized the need for ...").
    const introduced = tokens[start - 1]?.lower === "that" || start > i + 1;
    if (!introduced) {
      let finite = false;
      for (let k = start; k < end; k++) {
        const x = tokens[k];
        if ((x.pos === "VERB" || x.pos === "AUX") && tokens[k - 1]?.lower !== "to" && !/ing$/.test(x.lower)) {
          finite = k > start;
          break;
        }
      }
      if (!finite) continue;
    }
    const clause = clauseOf(doc, i);
    out.push({
      verb: i,
      complementStart: start,
      complementEnd: end,
      subject: subjectOf(doc, i, clause.start),
    });
  }
  return out;
}

/** The reported speech of one sentence. */
export function analysisOf(doc: Doc, sentence: number): SentenceAnalysis {
  return { sentence, speech: reportedSpeech(doc, sentence) };
}
