// What the coder reads of the clause layer: the clause of a trigger, the modality of its act, and the subjects
// the layer fills by grammar (a shared, controlled or reported subject). The layer says who did what; this
// file only turns its tokens into the mentions and modalities the coder writes.
import type { Actor, Argument, Clause, Doc, Mention, Modality } from "../core/types.js";
import { actorKey, actorsOf, mentionOfHead } from "../extract/actors/actor.js";
import { words } from "../knowledge/words.js";
import { FUTURE_MODALS, HYPOTHETICAL_MODALS, NEGATORS } from "../nlp/clauses/index.js";
import { clauseAt, clauseOfPredicate, layerOf } from "../nlp/clauses/query.js";
import { partOf } from "../nlp/parts.js";

/** Verbs whose infinitive announces an act ("pledged to send"): the act is in the future. */
const INTENT_VERBS: ReadonlySet<string> = words("intent-verb");
/** Verbs of aspect: "continued to send" sends. */
const ASPECTUAL: ReadonlySet<string> = words("aspectual-verb");
/** "is ready to send", "is scheduled to attend": an announced act. */
const READY: ReadonlySet<string> = words("ready");
/** Verbs that deny the act of their complement ("refused to release", "refrained from attacking"). */
const NEGATING_VERBS: ReadonlySet<string> = words("negating-verb");
const REFUSING: ReadonlySet<string> = words("refusing-verb");

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
    // A headline's main clause "Russia to send troops" is the telegraphic future ("is to send").
    if (depth === 0 && marker === "to" && !read) {
      if (c.parent < 0 && partOf(doc.sentences[c.sentence]) === "headline") future ??= "to";
      else hypothetical ??= "to";
    }
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

/**
 * The roles of a passive trigger as the parse gives them: the agent of its "by" phrase (an event noun
 * standing for its author: "killed by Israeli air strikes" is Israel's act) and its passive subject. Either
 * is null when the parse names no actor there, and the coder falls back to word order.
 */
export function passiveRoles(
  doc: Doc,
  clause: Clause | null,
  trigger: number,
): { agent: Mention | null; patient: Mention | null } {
  if (!clause || clause.predicate !== trigger || clause.voice !== "passive")
    return { agent: null, patient: null };
  const by = clause.obliques.find((o) => o.agent);
  const agent = by ? actorOf(doc, by) : null;
  const patient = clause.subject?.via === "own" ? actorOf(doc, clause.subject) : null;
  return { agent, patient };
}

/** The mention that holds token i and names an actor, a demonym included ("Israeli"); null for a place. */
function actorHolding(doc: Doc, i: number): Mention | null {
  let best: Mention | null = null;
  for (const m of doc.mentions) {
    if (m.tokenStart > i || m.tokenEnd <= i || m.placeOnly) continue;
    if (m.referent === null && m.members === undefined) continue;
    if (!best || m.tokenEnd - m.tokenStart > best.tokenEnd - best.tokenStart) best = m;
  }
  return best;
}

/** Relations that put a word inside the name of the event noun it modifies ("air" in "air strikes"). */
const EVENT_NOUN_PARTS = new Set(["compound", "amod"]);

/**
 * The head noun of a nominal trigger: the trigger itself, or the noun it is a part of ("air strikes": the
 * trigger "air" hangs on "strikes").
 */
export function eventNoun(doc: Doc, trigger: number): number {
  const parse = doc.parse;
  if (!parse) return trigger;
  let h = trigger;
  for (let k = 0; k < 3 && EVENT_NOUN_PARTS.has(parse.deprel[h]) && parse.head[h] > h; k++) h = parse.head[h];
  return h;
}

/**
 * The author of a nominal event as the parse gives it: its possessor ("Japan's aid"), or an actor among
 * the words before it in its own phrase ("Israeli strikes", "US air strikes"). Null when the noun has
 * neither; an "of" phrase is not read, as it names what the act is done to ("the invasion of Ukraine").
 */
export function nominalAuthor(doc: Doc, trigger: number, exclude: ReadonlySet<number>): Mention | null {
  const head = eventNoun(doc, trigger);
  const layer = layerOf(doc);
  const k = layer.nominalOf[head];
  if (k < 0) return null;
  const frame = layer.nominals[k];
  if (frame.possessor >= 0) {
    const owner = actorHolding(doc, frame.possessor);
    if (owner) return owner;
  }
  for (let j = frame.modifiers.length - 1; j >= 0; j--) {
    const d = frame.modifiers[j];
    if (exclude.has(d)) continue;
    const m = actorHolding(doc, d);
    if (m) return m;
  }
  return null;
}

/**
 * The token ranges of the "by" agents of the sentence's other predicates ("a ceasefire brokered by Qatar"):
 * a mediator or author named there does not take part in the trigger's own act.
 */
export function otherAgents(doc: Doc, sentence: number, own: Clause | null): [number, number][] {
  const layer = layerOf(doc);
  const out: [number, number][] = [];
  for (const c of layer.list) {
    if (c.sentence !== sentence || c === own) continue;
    for (const o of c.obliques) {
      if (o.agent) out.push([layer.subtreeStart[o.head], layer.subtreeEnd[o.head]]);
    }
    // "agreed to a ceasefire, and the government approved the deal": a predicate coordinated with the
    // trigger's, after it and with a subject of its own, has its own parties. (One that shares the subject
    // goes on with the same actor's dealings: "would respect the truce but accused Cambodia".)
    if (
      own &&
      c.parent === own.index &&
      c.predicate > own.predicate &&
      (c.relation === "parataxis" || (c.relation === "conj" && c.subject?.via === "own"))
    ) {
      out.push([c.start, c.end]);
    }
  }
  return out;
}

/**
 * The actor a clause's own subject names, when the parse gives one that is placed ("The International
 * Labour Office (ILO) reiterated": the apposition names it when the head's own words do not). Null when
 * the subject names no placed actor: the coder then reads word order.
 */
export function ownSubjectActor(doc: Doc, clause: Clause): Mention | null {
  const subject = clause.subject;
  if (!subject || subject.via !== "own") return null;
  const m = actorOf(doc, subject);
  if (m && known(actorsOf(doc, m))) return m;
  const parse = doc.parse;
  if (!parse) return null;
  const layer = layerOf(doc);
  for (let d = subject.head + 1; d < layer.subtreeEnd[subject.head]; d++) {
    if (parse.head[d] !== subject.head || parse.deprel[d] !== "appos") continue;
    const a = mentionOfHead(doc, d, isActor);
    if (a && known(actorsOf(doc, a))) return a;
  }
  return null;
}

const RELATIVE_WORDS = new Set(["who", "which", "that"]);

/**
 * The antecedent of a relative clause as its subject ("Hamas, which attacked Israel", "the rebels who
 * kidnapped"), when the clause opens with a relative pronoun right after it: a placed actor or null.
 */
export function relativeSubject(doc: Doc, clause: Clause): Mention | null {
  if (clause.relation !== "acl:relcl" || clause.subject?.via !== "antecedent") return null;
  const tokens = doc.tokens;
  let k = clause.start;
  while (k < clause.predicate && !RELATIVE_WORDS.has(tokens[k].lower)) k++;
  if (k >= clause.predicate) return null;
  // The pronoun is the subject only when no other noun stands between it and the verb ("which Israel
  // attacked" has Israel as its subject).
  for (let j = k + 1; j < clause.predicate; j++)
    if (tokens[j].pos === "NOUN" || tokens[j].pos === "PROPN" || tokens[j].pos === "PRON") return null;
  // A generic agent ("the militant group that has seized") often takes its country from the article alone:
  // only a named antecedent is trusted.
  const m = actorOf(doc, clause.subject);
  return m && m.kind !== "agent" && known(actorsOf(doc, m)) ? m : null;
}
