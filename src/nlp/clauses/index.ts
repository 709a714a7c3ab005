// The one clause layer: predicates with voice, negation, tense, modal, subject, objects and obliques, read
// from the dependency parse (doc.parse). Every later component reads roles from here instead of guessing
// them again from the words.
import type {
  Argument,
  Clause,
  ClauseRelation,
  Clauses,
  Doc,
  Nominal,
  Oblique,
  Parse,
} from "../../core/types.js";
import type { Component } from "../../pipeline/index.js";

/** Negators, future and hypothetical modals: the coder reads a stray verb group with the same words. */
export const NEGATORS = new Set(["not", "n't", "never", "nt"]);
export const FUTURE_MODALS = new Set(["will", "shall", "'ll", "wo", "’ll"]);
export const HYPOTHETICAL_MODALS = new Set([
  "would",
  "'d",
  "’d",
  "could",
  "might",
  "may",
  "can",
  "ca",
  "should",
  "must",
  "ought",
]);
/** Markers of a condition: the clause they open is only supposed. */
const CONDITIONAL = new Set(["if", "unless"]);
const RELATIVE_PRONOUNS = new Set(["who", "which", "that", "whom"]);
/** Relations that make their dependent the predicate of a clause of its own. */
const CLAUSAL: ReadonlyMap<string, ClauseRelation> = new Map([
  ["ccomp", "ccomp"],
  ["xcomp", "xcomp"],
  ["advcl", "advcl"],
  ["acl", "acl"],
  ["acl:relcl", "acl:relcl"],
  ["csubj", "csubj"],
  ["csubj:pass", "csubj"],
  ["parataxis", "parataxis"],
]);

/** Dependents of each token, in token order, as one flat list (start offsets per token). */
interface Children {
  start: Int32Array;
  list: Int32Array;
}

function childrenOf(parse: Parse, n: number): Children {
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parse.head[i] >= 0) count[parse.head[i] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const start = count.slice();
  const fill = count.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    const h = parse.head[i];
    if (h >= 0) list[fill[h]++] = i;
  }
  return { start, list };
}

/**
 * Reads the clauses of a parsed Doc. Pure: the same parse gives the same clauses. Throws when the Doc has
 * no parse or the parse does not cover its tokens.
 */
export function readClauses(doc: Doc): Clauses {
  const parse = doc.parse;
  const n = doc.tokens.length;
  if (!parse) throw new Error("the doc has no parse: the syntax component must run before the clauses");
  if (parse.head.length !== n || parse.deprel.length !== n) {
    throw new Error(`the parse has ${parse.head.length} heads for ${n} tokens`);
  }
  const children = childrenOf(parse, n);
  const clauseOf = new Int32Array(n).fill(-1);
  const byPredicate = new Int32Array(n).fill(-1);
  const list: Clause[] = [];
  const order = new Int32Array(n);
  const subtreeStart = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    subtreeStart[i] = i;
    subtreeEnd[i] = i + 1;
  }
  for (const s of doc.sentences) {
    // Heads before their dependents, so that a clause's parent is read before it.
    let size = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const h = parse.head[i];
      if (h < 0) order[size++] = i;
      else if (h < s.tokenStart || h >= s.tokenEnd) {
        throw new Error(`token ${i} has its head ${h} outside its sentence ${s.index + 1}`);
      }
    }
    for (let k = 0; k < size; k++) {
      const i = order[k];
      for (let c = children.start[i]; c < children.start[i + 1]; c++) order[size++] = children.list[c];
    }
    for (let k = 0; k < size; k++) {
      const i = order[k];
      const h = parse.head[i];
      const relation = clauseRelation(parse, children, i, h < 0 ? -1 : byPredicate[h]);
      if (relation === null) {
        clauseOf[i] = h < 0 ? -1 : clauseOf[h];
        continue;
      }
      const index = list.length;
      const parent = h < 0 ? -1 : clauseOf[h];
      list.push(readClause(doc, parse, children, list, index, i, relation, parent));
      byPredicate[i] = index;
      clauseOf[i] = index;
    }
    // Dependents after their heads in the order: backwards, each subtree is complete before its head's.
    for (let k = size - 1; k >= 0; k--) {
      const i = order[k];
      const h = parse.head[i];
      if (h < 0) continue;
      if (subtreeStart[i] < subtreeStart[h]) subtreeStart[h] = subtreeStart[i];
      if (subtreeEnd[i] > subtreeEnd[h]) subtreeEnd[h] = subtreeEnd[i];
    }
  }
  for (const clause of list) {
    clause.start = subtreeStart[clause.predicate];
    clause.end = subtreeEnd[clause.predicate];
  }
  for (const clause of list) {
    if (clause.parent < 0) continue;
    const parent = list[clause.parent];
    if (clause.relation === "ccomp" || clause.relation === "xcomp") parent.complements.push(clause.index);
    if (clause.relation === "conj") parent.coordinated.push(clause.index);
  }
  for (const clause of list) clause.content = contentOf(list, clause);
  const { nominals, nominalOf } = readNominals(doc, parse, children);
  return { list, clauseOf, byPredicate, subtreeStart, subtreeEnd, nominals, nominalOf };
}

/** The relation that makes token i a predicate, or null for a token inside another's clause. */
function clauseRelation(
  parse: Parse,
  children: Children,
  i: number,
  headClause: number,
): ClauseRelation | null {
  if (parse.head[i] < 0) return "root";
  const rel = parse.deprel[i];
  const clausal = CLAUSAL.get(rel);
  if (clausal) return clausal;
  if (rel !== "conj" || headClause < 0) return null;
  // "condemned the strike and vowed": a verb coordinated with a predicate is a predicate; "is a threat and
  // an enemy": a noun coordinated with a nominal predicate is only a second predicate noun.
  if (parse.upos[i] === "VERB") return "conj";
  for (let c = children.start[i]; c < children.start[i + 1]; c++) {
    const d = parse.deprel[children.list[c]];
    if (d.startsWith("nsubj") || d === "cop" || d.startsWith("aux")) return "conj";
  }
  return null;
}

function readClause(
  doc: Doc,
  parse: Parse,
  children: Children,
  list: readonly Clause[],
  index: number,
  p: number,
  relation: ClauseRelation,
  parent: number,
): Clause {
  const tokens = doc.tokens;
  const clause: Clause = {
    index,
    sentence: tokens[p].sentence,
    predicate: p,
    copula: -1,
    auxiliaries: [],
    voice: "active",
    negation: -1,
    tense: null,
    perfect: false,
    progressive: false,
    modal: -1,
    mood: "asserted",
    subject: null,
    objects: [],
    indirectObject: null,
    obliques: [],
    parent,
    relation,
    start: p,
    end: p + 1,
    marker: -1,
    antecedent: relation === "acl" || relation === "acl:relcl" ? parse.head[p] : -1,
    complements: [],
    coordinated: [],
    content: -1,
  };
  let passive = false;
  for (let c = children.start[p]; c < children.start[p + 1]; c++) {
    const d = children.list[c];
    const rel = parse.deprel[d];
    if (rel === "nsubj" || rel === "nsubj:pass" || rel === "csubj" || rel === "csubj:pass") {
      if (clause.subject === null) clause.subject = argument(parse, children, d, "own");
      if (rel.endsWith(":pass")) passive = true;
    } else if (rel === "obj") clause.objects.push(argument(parse, children, d, "own"));
    else if (rel === "iobj") clause.indirectObject ??= argument(parse, children, d, "own");
    else if (rel === "obl" || rel.startsWith("obl:")) {
      clause.obliques.push(oblique(doc, parse, children, d, rel === "obl:agent"));
    } else if (rel === "aux" || rel === "aux:pass") {
      clause.auxiliaries.push(d);
      if (rel === "aux:pass") passive = true;
    } else if (rel === "cop") clause.copula = d;
    else if (rel === "mark") {
      if (clause.marker === -1) clause.marker = d;
    } else if (rel === "advmod" || rel === "neg" || rel === "det") {
      if (clause.negation === -1 && NEGATORS.has(tokens[d].lower)) clause.negation = d;
    }
  }
  // An agent phrase makes a passive of a clause without an active subject ("was ordered by the police");
  // beside one ("the government ordered patrols by police") it belongs to the object.
  if (clause.subject === null && clause.obliques.some((o) => o.agent)) passive = true;
  const xpos = parse.xpos[p] ?? "";
  // "the man killed in the attack": a past participle modifying a noun is passive.
  if (relation === "acl" && xpos === "VBN") passive = true;
  readVerbGroup(doc, parse, clause, xpos);
  const up = parent >= 0 ? list[parent] : null;
  // "were arrested and charged", "will condemn and punish": a bare coordinated verb shares the group of the
  // first, with its voice, tense and modal.
  if (
    relation === "conj" &&
    up &&
    clause.auxiliaries.length === 0 &&
    clause.copula === -1 &&
    (xpos === "VBN" || xpos === "VB" || xpos === "VBG")
  ) {
    if (up.voice === "passive" && xpos === "VBN") passive = true;
    clause.tense = up.tense;
    clause.perfect = up.perfect;
    clause.modal = up.modal;
    clause.mood = up.mood;
    if (clause.negation === -1) clause.negation = up.negation;
  }
  clause.voice = passive ? "passive" : "active";
  if (passive) {
    // "was attacked by Israel": the by-phrase of a passive is its agent, however the parser labelled it.
    for (const o of clause.obliques) if (o.case.length === 1 && o.case[0] === "by") o.agent = true;
  }
  fillGaps(doc, parse, children, clause, up, xpos);
  return clause;
}

/** Tense, aspect and modal from the auxiliaries, the copula and the predicate's own tag. */
function readVerbGroup(doc: Doc, parse: Parse, clause: Clause, xpos: string): void {
  const tokens = doc.tokens;
  let finite = -1;
  for (const a of clause.auxiliaries) {
    const t = tokens[a];
    if (finite === -1 && a < clause.predicate) finite = a;
    if (FUTURE_MODALS.has(t.lower) || HYPOTHETICAL_MODALS.has(t.lower)) {
      if (clause.modal === -1) clause.modal = a;
    } else if (t.lemma === "have") clause.perfect = true;
    else if (t.lemma === "be" && xpos === "VBG") clause.progressive = true;
  }
  if (finite === -1 && clause.copula !== -1) finite = clause.copula;
  if (clause.modal !== -1) {
    const m = tokens[clause.modal].lower;
    clause.mood = FUTURE_MODALS.has(m) ? "future" : "hypothetical";
    clause.tense = FUTURE_MODALS.has(m) ? "future" : null;
  } else {
    const tag = finite === -1 ? xpos : (parse.xpos[finite] ?? "");
    clause.tense = tag === "VBD" ? "past" : tag === "VBZ" || tag === "VBP" ? "present" : null;
    if (clause.marker !== -1 && CONDITIONAL.has(tokens[clause.marker].lower)) clause.mood = "hypothetical";
  }
}

/** The roles the clause leaves to others: a shared, controlled or relative subject; a relative object. */
function fillGaps(
  doc: Doc,
  parse: Parse,
  children: Children,
  clause: Clause,
  up: Clause | null,
  xpos: string,
): void {
  const tokens = doc.tokens;
  const rel = clause.relation;
  if (rel === "acl:relcl" || rel === "acl") {
    const antecedent = clause.antecedent;
    const relative = (a: Argument | null) => a !== null && RELATIVE_PRONOUNS.has(tokens[a.head].lower);
    const filled = argument(parse, children, antecedent, "antecedent");
    if (clause.subject && relative(clause.subject)) clause.subject = filled;
    else {
      const k = clause.objects.findIndex((o) => relative(o));
      if (k >= 0) clause.objects[k] = filled;
      else if (clause.subject === null && (rel === "acl:relcl" || xpos === "VBN" || xpos === "VBG")) {
        clause.subject = filled;
      }
    }
    return;
  }
  if (clause.subject !== null || up === null) return;
  if (rel === "conj" && up.subject) clause.subject = { ...up.subject, via: "shared" };
  else if (rel === "xcomp") {
    // "urged Iran to stop": the object controls; "pledged to send": the subject does.
    const controller = up.objects[0] ?? up.indirectObject ?? up.subject;
    if (controller) clause.subject = { ...controller, via: "control" };
  } else if (rel === "advcl" && up.subject) {
    // "Speaking in Tehran, the minister said": a subjectless adverbial clause is about the main subject.
    clause.subject = { ...up.subject, via: "control" };
  }
}

function argument(parse: Parse, children: Children, head: number, via: Argument["via"]): Argument {
  return { head, conjuncts: argumentConjuncts(parse, children, head), via };
}

/** The conjuncts of a head: its conj dependents (UD hangs every later conjunct on the first). */
function argumentConjuncts(parse: Parse, children: Children, head: number): number[] {
  const out: number[] = [];
  for (let c = children.start[head]; c < children.start[head + 1]; c++) {
    const d = children.list[c];
    if (parse.deprel[d] === "conj") out.push(d);
  }
  return out;
}

function oblique(doc: Doc, parse: Parse, children: Children, head: number, agent: boolean): Oblique {
  const cases: string[] = [];
  for (let c = children.start[head]; c < children.start[head + 1]; c++) {
    const d = children.list[c];
    if (parse.deprel[d] !== "case" || d > head) continue;
    cases.push(doc.tokens[d].lower);
    // "because of", "instead of": the words fixed to the preposition.
    for (let f = children.start[d]; f < children.start[d + 1]; f++) {
      const x = children.list[f];
      if (parse.deprel[x] === "fixed") cases.push(doc.tokens[x].lower);
    }
  }
  return { head, conjuncts: argumentConjuncts(parse, children, head), via: "own", case: cases, agent };
}

function contentOf(list: readonly Clause[], clause: Clause): number {
  for (const c of clause.complements) if (list[c].relation === "ccomp") return c;
  // "'We will respond,' the minister said": the reporting clause hangs on the quotation it follows.
  if (clause.relation === "parataxis" && clause.objects.length === 0 && clause.parent >= 0) {
    return clause.parent;
  }
  return -1;
}

/** Nouns with a possessor, an adjective, a noun modifier or a prepositional modifier. */
function readNominals(
  doc: Doc,
  parse: Parse,
  children: Children,
): { nominals: Nominal[]; nominalOf: Int32Array } {
  const n = doc.tokens.length;
  const nominals: Nominal[] = [];
  const nominalOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const pos = parse.upos[i];
    if (pos !== "NOUN" && pos !== "PROPN") continue;
    let possessor = -1;
    let modifiers: number[] | null = null;
    let nmods: Oblique[] | null = null;
    for (let c = children.start[i]; c < children.start[i + 1]; c++) {
      const d = children.list[c];
      const rel = parse.deprel[d];
      if (rel === "nmod:poss") possessor = d;
      else if ((rel === "amod" || rel === "compound") && d < i) (modifiers ??= []).push(d);
      else if (rel === "nmod" && d > i) (nmods ??= []).push(oblique(doc, parse, children, d, false));
    }
    if (possessor === -1 && modifiers === null && nmods === null) continue;
    nominalOf[i] = nominals.length;
    nominals.push({ head: i, possessor, modifiers: modifiers ?? [], nmods: nmods ?? [] });
  }
  return { nominals, nominalOf };
}

/** Pipeline component: the clause layer, right after the syntax component. */
export function createClausesComponent<C>(): Component<C> {
  return {
    name: "clauses",
    reads: ["tokens", "sentences", "parse"],
    writes: ["clauses"],
    run(doc) {
      doc.clauses = readClauses(doc);
      return doc;
    },
  };
}
