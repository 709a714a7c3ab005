// The words that report speech, each written once with the analyses that read it: the quote finder
// (src/extract/quotes) and the event coder's reported speech (src/code).
import type { Token } from "../core/types.js";

/**
 * Each verb (lemma) with its roles:
 * - quote: introduces a quote or indirect speech ("said", "noted that", "..., he added");
 * - bare: takes a complement clause without "that" ("The Leader said Palestine is ..."); other cue verbs
 *   need "that": "emphasized the need for ..." is an object, not reported speech;
 * - events: an event in its complement is the speaker's claim, coded as reported. Verbs that are events of
 *   their own ("warned", "denied", "vowed") or that rarely carry a claim ("continue", "recall") are not.
 */
const SPEECH_VERBS: ReadonlyArray<readonly [verb: string, roles: string]> = [
  ["say", "quote bare events"],
  ["state", "quote bare events"],
  ["add", "quote bare events"],
  ["note", "quote bare events"],
  ["tell", "quote bare events"],
  ["stress", "quote bare events"],
  ["emphasize", "quote events"],
  ["emphasise", "quote events"],
  ["insist", "quote bare events"],
  ["warn", "quote bare"],
  ["declare", "quote events"],
  ["announce", "quote events"],
  ["claim", "quote bare events"],
  ["affirm", "quote events"],
  ["reaffirm", "quote"],
  ["explain", "quote events"],
  ["argue", "quote bare events"],
  ["assert", "quote events"],
  ["reiterate", "quote events"],
  ["underline", "quote events"],
  ["underscore", "quote"],
  ["remark", "quote events"],
  ["comment", "quote"],
  ["observe", "quote events"],
  ["write", "quote events"],
  ["tweet", "quote"],
  ["recall", "quote"],
  ["acknowledge", "quote bare"],
  ["admit", "quote bare"],
  ["deny", "quote"],
  ["confirm", "quote bare events"],
  ["reply", "quote"],
  ["respond", "quote"],
  ["answer", "quote"],
  ["vow", "quote"],
  ["predict", "quote bare"],
  ["suggest", "quote events"],
  ["conclude", "quote"],
  ["continue", "quote"],
  ["allege", "quote bare events"],
  ["caution", "quote"],
  ["contend", "quote"],
  ["concede", "quote"],
  ["mention", "quote"],
  ["maintain", "quote events"],
  ["highlight", "quote"],
  ["report", "events"],
  ["point", "events"],
  ["describe", "events"],
  // Verbs of belief: no quote of their own, but their bare complement is a clause ("believes Iran is ...").
  ["believe", "bare"],
  ["think", "bare"],
];

function withRole(role: string): ReadonlySet<string> {
  return new Set(SPEECH_VERBS.filter(([, roles]) => roles.split(" ").includes(role)).map(([verb]) => verb));
}

/** Verbs that report speech for the quote finder and the clause analysis: "said", "noted that", "..., he added". */
export const CUE_VERBS: ReadonlySet<string> = withRole("quote");

/** Cue verbs that take a complement clause without "that" ("The Leader said Palestine is ..."). */
/** A verb (by its tag and lemma) that introduces a quote or indirect speech. */
export function isCueVerb(t: Token): boolean {
  return t.pos === "VERB" && CUE_VERBS.has(t.lemma);
}

export const BARE_COMPLEMENT_CUES: ReadonlySet<string> = withRole("bare");

/** Verbs whose complement the event coder reads as reported speech (the speaker's claim). */
export const REPORTING_VERBS: ReadonlySet<string> = withRole("events");

/**
 * Nouns of "express NOUN that ...": a reported judgement that presents its clause as fact
 * ("Sharif expressed regret that the international community refrains ..."). Wishes such as
 * "expressed hope that ..." assert nothing and are not quotes.
 */
export const EXPRESS_CUES: ReadonlySet<string> = new Set([
  "regret",
  "concern",
  "dismay",
  "disappointment",
  "satisfaction",
  "surprise",
  "doubt",
  "confidence",
  "conviction",
  "outrage",
  "alarm",
  "displeasure",
  "appreciation",
  "gratitude",
]);

/** Verbs of praise: reported speech when their object is an actor's quality ("hailed Iran's positive role"). */
export const PRAISE_CUES: ReadonlySet<string> = new Set(["hail", "praise", "commend", "laud", "applaud"]);
