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
  /** Clause analysis, filled by src/code; opaque to other layers. */
  clauses: unknown[];
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
