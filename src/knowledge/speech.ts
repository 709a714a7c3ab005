// The words that report speech, for the analyses that read them: the quote finder (src/extract/quotes) and
// the event coder's reported speech (src/code). The verbs and their roles are data/lexicon/speech.tsv.
import type { Token } from "../core/types.js";
import { LEXICON, words } from "./words.js";

/** Verbs that report speech for the quote finder and the clause analysis: "said", "noted that", "..., he added". */
export const CUE_VERBS: ReadonlySet<string> = LEXICON.speech.quote;

/** A verb (by its tag and lemma) that introduces a quote or indirect speech. */
export function isCueVerb(t: Token): boolean {
  return t.pos === "VERB" && CUE_VERBS.has(t.lemma);
}

/** Cue verbs that take a complement clause without "that" ("The Leader said Palestine is ..."). */
export const BARE_COMPLEMENT_CUES: ReadonlySet<string> = LEXICON.speech.bare;

/** Verbs whose complement the event coder reads as reported speech (the speaker's claim). */
export const REPORTING_VERBS: ReadonlySet<string> = LEXICON.speech.events;

/**
 * Nouns of "express NOUN that ...": a reported judgement that presents its clause as fact
 * ("Sharif expressed regret that the international community refrains ..."). Wishes such as
 * "expressed hope that ..." assert nothing and are not quotes.
 */
export const EXPRESS_CUES: ReadonlySet<string> = words("express-cue");

/** Verbs of praise: reported speech when their object is an actor's quality ("hailed Iran's positive role"). */
export const PRAISE_CUES: ReadonlySet<string> = words("praise-cue");
