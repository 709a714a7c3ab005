// The words that introduce reported speech. Shared with the clause analysis of src/extract/dates.

/** Verbs (lemmas) that report speech: "said", "noted that", "..., he added". */
export const CUE_VERBS: ReadonlySet<string> = new Set([
  "say",
  "state",
  "add",
  "note",
  "tell",
  "stress",
  "emphasize",
  "emphasise",
  "insist",
  "warn",
  "declare",
  "announce",
  "claim",
  "affirm",
  "reaffirm",
  "explain",
  "argue",
  "assert",
  "reiterate",
  "underline",
  "underscore",
  "remark",
  "comment",
  "observe",
  "write",
  "tweet",
  "recall",
  "acknowledge",
  "admit",
  "deny",
  "confirm",
  "reply",
  "respond",
  "answer",
  "vow",
  "predict",
  "suggest",
  "conclude",
  "continue",
  "allege",
  "caution",
  "contend",
  "concede",
  "mention",
  "maintain",
  "highlight",
]);

/**
 * Cue verbs that take a complement clause without "that" ("The Leader said Palestine is ...").
 * Other cue verbs need "that": "emphasized the need for ..." is an object, not reported speech.
 */
export const BARE_COMPLEMENT_CUES: ReadonlySet<string> = new Set([
  "say",
  "tell",
  "add",
  "claim",
  "insist",
  "argue",
  "warn",
  "state",
  "note",
  "stress",
  "believe",
  "think",
  "allege",
  "predict",
  "admit",
  "acknowledge",
  "confirm",
]);

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
