// What the coder reads of the clause layer: the clause of a trigger, the modality of its act, and the subjects
// the layer fills by grammar (a shared, controlled or reported subject). The layer says who did what; this
// file only turns its tokens into the mentions and modalities the coder writes.
import type { Actor, Argument, Clause, Doc, Mention, Modality } from "../core/types.js";
import { actorKey, mentionOfHead } from "../extract/actors/actor.js";
import { FUTURE_MODALS, HYPOTHETICAL_MODALS, NEGATORS } from "../nlp/clauses/index.js";
import { clauseAt, clauseOfPredicate, layerOf } from "../nlp/clauses/query.js";

/** Verbs whose infinitive announces an act ("pledged to send"): the act is in the future. */
const INTENT_VERBS = new Set([
  "pledge",
  "vow",
  "promise",
  "plan",
  "intend",
  "threaten",
  "prepare",
  "aim",
  "seek",
  "hope",
  "want",
  "expect",
  "decide",
  "agree",
  "offer",
  "propose",
  "undertake",
]);
/** Verbs of aspect: "continued to send" sends. */
const ASPECTUAL = new Set(["continue", "begin", "start", "resume", "proceed", "keep", "manage", "go"]);
/** "is ready to send", "is scheduled to attend": an announced act. */
const READY = new Set([
  "ready",
  "willing",
  "prepared",
  "determined",
  "committed",
  "set",
  "due",
  "poised",
  "eager",
  "keen",
]);
/** Verbs that deny the act of their complement ("refused to release", "refrained from attacking"). */
const NEGATING_VERBS = new Set(["refrain", "refuse", "fail", "decline", "deny", "avoid", "cease", "stop"]);
const REFUSING = new Set(["refuse", "decline"]);

const isActor = (m: Mention): boolean => !m.placeOnly && (m.referent !== null || m.members !== undefined);

/** The actor mention an argument of the layer names, or null. */
export function actorOf(doc: Doc, argument: Argument | null): Mention | null {
  return argument ? mentionOfHead(doc, argument.head, isActor) : null;
}

/** The clause a trigger stands in: the one it is the predicate of, else the one around it. */
export function triggerClause(doc: Doc, i: number): Clause | null {
  return clauseOfPredicate(doc, i) ?? clauseAt(doc, i);
}

const PRONOUNS = new Set(["it", "they", "we", "he", "she"]);

/** "it" stands for one, "they" and "we" for several (a plural noun or coordinated nouns). */
function agrees(doc: Doc, pronoun: string, reporter: Argument): boolean {
  const tag = doc.parse?.xpos[reporter.head] ?? "";
  const plural = reporter.conjuncts.length > 0 || tag === "NNS" || tag === "NNPS";
  if (pronoun === "it") return !plural;
  if (pronoun === "they" || pronoun === "we") return plural || tag === "NN";
  return true;
}

/**
 * The actor that a clause's subject names. A pronoun no one resolved, in a reported clause, is the reporter
 * ("Iran said it would retaliate", "the rebels said they will release ..."): the subject of the clause it
 * is reported by.
 */
export function subjectActor(doc: Doc, clause: Clause): Mention | null {
  const own = actorOf(doc, clause.subject);
  if (own || !clause.subject) return own;
  const pronoun = doc.tokens[clause.subject.head].lower;
  if (!PRONOUNS.has(pronoun)) return null;
  const list = layerOf(doc).list;
  let c: Clause = clause;
  for (let depth = 0; depth < 4 && c.parent >= 0; depth++) {
    const up: Clause = list[c.parent];
    if (c.relation === "ccomp" && up.content === c.index) {
      return up.subject && agrees(doc, pronoun, up.subject) ? actorOf(doc, up.subject) : null;
    }
    if (c.relation !== "conj" && c.relation !== "xcomp") return null;
    c = up;
  }
  return null;
}

export interface ModalityReading {
  modality: Modality;
  /** The word that says so ("not", "will", "pledged"), or null. */
  cue: string | null;
  /** "will not provide", "refused to release": a refusal, itself an act (CAMEO 12). */
  refusal: boolean;
}

/**
 * The modality of a clause: its own negation and modal, then what the verbs it complements make of it
 * ("pledged to send" announces, "refused to release" denies, "would continue to attack" supposes).
 */
export function modalityOf(doc: Doc, clause: Clause, trigger = -1): ModalityReading {
  const tokens = doc.tokens;
  const list = layerOf(doc).list;
  let negated: string | null = null;
  let hypothetical: string | null = null;
  let future: string | null = null;
  // A trigger that is not its clause's predicate but has a verb group of its own ("would not resume talks"
  // with "resume" mistagged as a noun): its own auxiliaries and negator are read first.
  const parse = doc.parse;
  if (parse && trigger >= 0 && trigger !== clause.predicate) {
    const s = doc.sentences[tokens[trigger].sentence];
    for (let j = s.tokenStart; j < trigger; j++) {
      if (parse.head[j] !== trigger) continue;
      const w = tokens[j].lower;
      if (NEGATORS.has(w)) negated ??= tokens[j].text;
      else if (parse.deprel[j] === "aux" && FUTURE_MODALS.has(w)) future ??= tokens[j].text;
      else if (parse.deprel[j] === "aux" && HYPOTHETICAL_MODALS.has(w)) hypothetical ??= tokens[j].text;
    }
  }
  let c: Clause = clause;
  // Up the chain of infinitives: each governing verb adds its reading ("would continue to attack").
  for (let depth = 0; depth < 4; depth++) {
    if (c.negation >= 0) negated ??= tokens[c.negation].text;
    if (c.mood === "future" && c.modal >= 0) future ??= tokens[c.modal].text;
    if (c.mood === "hypothetical") hypothetical ??= tokens[c.modal >= 0 ? c.modal : c.marker].text;
    const marker = c.marker >= 0 ? tokens[c.marker].lower : "";
    if (marker === "without") negated ??= "without";
    const up: Clause | null = c.parent >= 0 ? list[c.parent] : null;
    const governed = up !== null && (c.relation === "xcomp" || (c.relation === "advcl" && marker === "from"));
    let read = false;
    if (governed && up !== null) {
      const verb = tokens[up.predicate];
      read = true;
      if (NEGATING_VERBS.has(verb.lemma)) negated ??= verb.text;
      else if (READY.has(verb.lower) || READY.has(verb.lemma)) future ??= verb.text;
      // "wants Putin to attack" is only wished for; "pledged to send" is announced.
      else if (INTENT_VERBS.has(verb.lemma) && up.objects.length === 0) future ??= verb.text;
      else if (verb.lemma === "go" && up.progressive) future ??= "going to";
      else if (!ASPECTUAL.has(verb.lemma)) read = false;
    }
    // "a drive to convince", "wants Putin to attack": an infinitive no verb of intent or aspect governs is
    // only aimed at.
    if (depth === 0 && marker === "to" && !read) hypothetical ??= "to";
    if (!governed || up === null) break;
    c = up;
  }
  const refusal =
    negated !== null &&
    (future !== null || hypothetical?.toLowerCase() === "would" || REFUSING.has(lemmaOf(negated)));
  if (negated) return { modality: "negated", cue: negated, refusal };
  if (hypothetical) return { modality: "hypothetical", cue: hypothetical, refusal };
  if (future) return { modality: "future", cue: future, refusal };
  return { modality: "asserted", cue: null, refusal };
}

function lemmaOf(word: string): string {
  const w = word.toLowerCase();
  return w.replace(/(s|d|ed|ing)$/, "").replace(/^(refus|declin)$/, "$1e");
}

/**
 * Removes targets that are the source itself: the same person, or the source's own state named as such
 * ("Iran" in "cooperation between Iran and Pakistan" said by Iran's leader). Domestic targets with a
 * sector of their own ("police arrested protesters") stay.
 */
export function dropSelf(targets: Actor[], sources: Actor[], allowSelf: boolean): Actor[] {
  if (allowSelf) return targets;
  return targets.filter(
    (t) =>
      !sources.some(
        (s) =>
          (s.id !== null && s.id === t.id) ||
          (actorKey(s) === actorKey(t) && (t.sector === null || t.sector === s.sector)),
      ),
  );
}

/**
 * Some actor is placed: a country, a body, or a named group. A generic agent or an unknown name that no
 * rule gave a country ("the government", "police" with no country in the article) tells no one who acted.
 */
export function known(actors: Actor[]): boolean {
  return actors.some((a) => a.code !== "UNK" && (a.country !== null || a.org !== null || a.id !== null));
}
