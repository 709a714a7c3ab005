// Core types shared by every layer. No I/O here: these describe data, nothing more.

/** A dated news report, as read by a reader in src/ingest. */
export interface Article {
  id: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** The body: every offset in Dyad points into this string. */
  text: string;
  title?: string;
  url?: string;
  source?: string;
  /** Where the article came from (file, file:line or "stdin"), for error messages. */
  origin?: string;
}

/** UD part-of-speech tag as produced by the NLP layer. */
export type Pos =
  | "ADJ"
  | "ADP"
  | "ADV"
  | "AUX"
  | "CCONJ"
  | "DET"
  | "INTJ"
  | "NOUN"
  | "NUM"
  | "PART"
  | "PRON"
  | "PROPN"
  | "PUNCT"
  | "SCONJ"
  | "SYM"
  | "VERB"
  | "X"
  | "SPACE";

export interface Token {
  /** Index in doc.tokens. */
  i: number;
  /** Surface form, exactly text.slice(start, end). */
  text: string;
  /** Lower-cased surface form. */
  lower: string;
  /** Lower-cased lemma. */
  lemma: string;
  pos: Pos;
  start: number;
  end: number;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

export interface Sentence {
  /** 0-based index in doc.sentences; user-facing numbers add 1. */
  index: number;
  start: number;
  end: number;
  /** First token index (inclusive). */
  tokenStart: number;
  /** Last token index (exclusive). */
  tokenEnd: number;
}

/** A CAMEO-style actor as written in output records. */
export interface Actor {
  /** CAMEO-style actor code: IRNGOV, PAKGOV, IGOUNO, ISR, ... */
  code: string;
  /** ISO 3166 alpha-3 country code, or null for international bodies and unknowns. */
  country: string | null;
  /** Short key of an international body (UN, EU, ECO, IGO, NGO, ...), or null. */
  org: string | null;
  /** CAMEO role code (GOV, MIL, OPP, ...), or null. */
  sector: string | null;
  /** Canonical name from the knowledge base, or the mention text for unknowns. */
  name: string;
  /** Knowledge-base id (person, country, org or group), or null. */
  id: string | null;
  /** The words of this mention in the article. */
  text: string;
  start: number;
  end: number;
}

export type MentionKind =
  | "person"
  | "country"
  | "capital"
  | "org"
  | "group"
  | "agent"
  | "pronoun"
  | "unknown"
  | "compound";

/** What a mention refers to, independent of where it stands. */
export interface Referent {
  code: string;
  country: string | null;
  org: string | null;
  sector: string | null;
  name: string;
  id: string | null;
}

/** A span of the article that names (or refers to) an actor. */
export interface Mention {
  /** Index in doc.mentions. */
  index: number;
  kind: MentionKind;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  /** The resolved referent; null while unresolved (e.g. a pronoun with no antecedent). */
  referent: Referent | null;
  /** Entity id shared by mentions of the same thing within the article (coreference). */
  entity: string | null;
  /** For compound mentions ("Iran and Pakistan"), the indices of the member mentions. */
  members?: number[];
  /** A place name that stands for a place, not an actor ("in Tehran"). */
  placeOnly?: boolean;
  /** A demonym modifying a noun ("Israeli shelling"): no actor of its own, but the source of a nominal trigger. */
  modifier?: boolean;
  /** Why this resolution: knowledge-base entry and office, or the coreference rule. */
  why: string;
}

export type Modality = "asserted" | "reported" | "future" | "hypothetical" | "negated" | "historical";

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  text: string;
  start: number;
  end: number;
}

export interface Evidence {
  /** The sentence text. */
  text: string;
  /** The trigger words. */
  trigger: string;
  /** Character offsets of the trigger in the article body. */
  start: number;
  end: number;
  /** The lexicon entry or rule that produced the event. */
  rule: string;
}

export interface Event {
  id: string;
  /** 1-based sentence number. */
  sentence: number;
  code: string;
  root: string;
  name: string;
  quad: number;
  goldstein: number;
  plover: { type: string | null; mode: string | null };
  source: Actor[];
  target: Actor[];
  modality: Modality;
  date: string;
  dateText: string | null;
  place: Place | null;
  evidence: Evidence;
  confidence: number | null;
}

export interface Quote {
  speaker: Actor | null;
  cue: string;
  kind: "direct" | "indirect";
  text: string;
  start: number;
  end: number;
  /** 1-based sentence number. */
  sentence: number;
}

/** A date expression found in the text. */
export interface DateMention {
  sentence: number;
  text: string;
  start: number;
  end: number;
  /** The day it resolves to (YYYY-MM-DD), or null for periods. */
  date: string | null;
  /** For periods and years: first and last year. */
  from?: string;
  to?: string;
  /** Lies well before the article date. */
  historical: boolean;
}

/**
 * The dateline that opens a wire story ("ISLAMABAD:", "NEW YORK (Reuters) -", "KYIV, Ukraine —"): where the
 * story was filed. Its words are no part of the first sentence's actors.
 */
export interface Dateline {
  /** The whole dateline, separator included ("BEIRUT (AP) —"). */
  text: string;
  start: number;
  end: number;
  /** The place it names, through the gazetteer; null when the gazetteer does not know it. */
  place: Place | null;
  /** The country of the place (or of the country written after it: "KYIV, Ukraine"), or null. */
  country: string | null;
}

/** A place name found in the text, with its gazetteer entry. */
export interface PlaceMention extends Place {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
}

/**
 * The dependency parse of a Doc, one entry per token of doc.tokens, in Universal Dependencies terms.
 * Written by the syntax component (src/nlp); every later component reads it rather than parsing again.
 */
export interface Parse {
  /** Head of each token as an index into doc.tokens; -1 for the root of its sentence. */
  head: Int32Array;
  /** UD relation of each token to its head, with its subtype: "nsubj", "nsubj:pass", "obl", "root". */
  deprel: string[];
  /** The tagger's UPOS tag of each token (the parser's input; token.pos is the NLP library's tag). */
  upos: Pos[];
  /** The tagger's Penn Treebank tag of each token ("VBD", "NNP"). */
  xpos: string[];
}

/** A noun phrase in a clause: its head token and the heads of the phrases coordinated with it. */
export interface Argument {
  /** Head token (index into doc.tokens). */
  head: number;
  /** Heads of its conjuncts ("Iran and Pakistan": Pakistan's head for Iran's), in order. */
  conjuncts: number[];
  /**
   * Where the argument comes from: the clause's own dependent; a subject shared with the coordinated
   * predicate before it ("Iran condemned ... and vowed"); the controller of an infinitive ("pledged to
   * send"); the antecedent of a relative or participial clause ("the troops who attacked").
   */
  via: "own" | "shared" | "control" | "antecedent";
}

/** An oblique ("on Gaza", "by Israel") or a noun modifier ("strikes on Gaza"): its head and prepositions. */
export interface Oblique extends Argument {
  /** The lower-cased prepositions (case dependents) in order: ["on"], ["because", "of"]; [] for none. */
  case: string[];
  /** The agent of a passive ("was attacked by Israel"). */
  agent: boolean;
}

/** How a clause hangs on its parent: a UD clausal relation, "root" for a sentence's main clause. */
export type ClauseRelation =
  | "root"
  | "ccomp"
  | "xcomp"
  | "advcl"
  | "acl"
  | "acl:relcl"
  | "csubj"
  | "conj"
  | "parataxis";

/** One predicate with its arguments, read from the dependency parse (src/nlp/clauses). */
export interface Clause {
  /** Index in doc.clauses.list. */
  index: number;
  sentence: number;
  /** The predicate: a verb, or the noun or adjective of a copular clause ("is ready"), or a verbless root. */
  predicate: number;
  /** The copula of a nominal or adjectival predicate ("is" in "is ready"); -1 for none. */
  copula: number;
  /** Auxiliaries before the predicate, in order ("will", "have", "been"). */
  auxiliaries: number[];
  voice: "active" | "passive";
  /** The negator ("not", "n't", "never") of the predicate; -1 for none. */
  negation: number;
  /** Tense of the verb group: null for a clause with no finite verb ("to send", "killed in ..."). */
  tense: "past" | "present" | "future" | null;
  perfect: boolean;
  progressive: boolean;
  /** The modal auxiliary ("will", "would", "could", "may"); -1 for none. */
  modal: number;
  /** What the modal makes of the act: "future" (will, shall), "hypothetical" (would, could, may, ...). */
  mood: "asserted" | "future" | "hypothetical";
  subject: Argument | null;
  objects: Argument[];
  indirectObject: Argument | null;
  obliques: Oblique[];
  /** The clause this one depends on (index in doc.clauses.list); -1 for a sentence's main clause. */
  parent: number;
  relation: ClauseRelation;
  /** The clause's words: the predicate's subtree, clauses under it included, as [start, end) tokens. */
  start: number;
  end: number;
  /** The subordinator ("if", "unless", "after", "that", "to"); -1 for none. */
  marker: number;
  /** For a relative or participial clause, the noun it modifies; -1 otherwise. */
  antecedent: number;
  /** Clauses that complement this one (ccomp, xcomp), in order. */
  complements: number[];
  /** Predicates coordinated with this one, after it ("condemned ... and vowed"), as clause indices. */
  coordinated: number[];
  /**
   * What a reporting clause reports: its complement clause ("X said [that] ..."), or for a clause attached
   * to a quotation it follows or interrupts ("'...,' X said"), the quotation's clause; -1 for none.
   */
  content: number;
}

/** A noun with the modifiers that make it a nominal event's frame ("Israel's strikes on Gaza"). */
export interface Nominal {
  head: number;
  /** The possessor ("Israel's"); -1 for none. */
  possessor: number;
  /** Adjectives and noun modifiers before it ("Israeli", "air"), as head tokens. */
  modifiers: number[];
  /** Prepositional modifiers ("on Gaza", "against Iran", "to Kyiv"). */
  nmods: Oblique[];
}

/** The clause layer of a Doc: every clause, which clause holds each token, and the nominal frames. */
export interface Clauses {
  /** Every clause, sentence by sentence; within a sentence a clause comes before the clauses under it. */
  list: Clause[];
  /** For each token of doc.tokens, the clause that holds it (its nearest predicate above), -1 for none. */
  clauseOf: Int32Array;
  /** For each token, the clause it is the predicate of; -1 for none. */
  byPredicate: Int32Array;
  /** For each token, the first token of its subtree (the token and everything that hangs on it). */
  subtreeStart: Int32Array;
  /** For each token, the token after the last of its subtree. */
  subtreeEnd: Int32Array;
  /** Nouns with a possessor, an adjective or a prepositional modifier, by head token order. */
  nominals: Nominal[];
  /** For each token, its index in nominals; -1 for none. */
  nominalOf: Int32Array;
}

/** An error attached to one article. */
export interface ArticleError {
  code: string;
  message: string;
  origin?: string;
}

/**
 * One Doc, many views: tokens are made once; every later layer points into them by
 * token or character offsets.
 */
export interface Doc {
  article: Article;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  dates: DateMention[];
  places: PlaceMention[];
  /**
   * The dateline the body opens with, filled by the places component; null when there is none. Later
   * components read its country as the country of agents that name none of their own.
   */
  dateline: Dateline | null;
  /** The dependency parse (heads, relations, the tagger's tags), filled by the syntax component; null before. */
  parse: Parse | null;
  /** The clause layer read from the parse (src/nlp/clauses), filled by the clauses component; null before. */
  clauses: Clauses | null;
  events: Event[];
  quotes: Quote[];
  errors: ArticleError[];
}

/** The record written per article by `dyad code`. */
export interface CodedArticle {
  id: string;
  date: string;
  title: string | null;
  url: string | null;
  events: Event[];
  quotes: Quote[];
  errors: ArticleError[];
}
