// Mentions around a cue and the actor a speaker mention stands for, resolved through coreference.
import type { Actor, Doc, Mention, Sentence } from "../../core/types.js";
import { toActor } from "../actors/actor.js";

/** Mentions by the token just after their last token, outermost first. */
export type MentionIndex = Map<number, Mention[]>;

const longestFirst = (a: Mention, b: Mention): number =>
  b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart);

export function indexMentions(doc: Doc): { byEnd: MentionIndex; byStart: MentionIndex } {
  const byEnd: MentionIndex = new Map();
  const byStart: MentionIndex = new Map();
  for (const m of doc.mentions) {
    const ending = byEnd.get(m.tokenEnd);
    if (ending) ending.push(m);
    else byEnd.set(m.tokenEnd, [m]);
    const starting = byStart.get(m.tokenStart);
    if (starting) starting.push(m);
    else byStart.set(m.tokenStart, [m]);
  }
  for (const index of [byEnd, byStart]) {
    for (const list of index.values()) if (list.length > 1) list.sort(longestFirst);
  }
  return { byEnd, byStart };
}

/**
 * The actor a mention stands for: its own referent, else the referent of another mention of the
 * same entity (coreference), keeping this mention's words and offsets.
 */
export function speakerActor(doc: Doc, mention: Mention): Actor | null {
  if (mention.referent) return toActor(mention);
  if (mention.entity) {
    const other = doc.mentions.find((m) => m.entity === mention.entity && m.referent !== null);
    if (other) return toActor({ ...mention, referent: other.referent });
  }
  return null;
}

/** The speaker after an inverted cue: "..., said Ayatollah Khamenei". */
export function mentionAfter(
  sentence: Sentence,
  cue: number,
  mentions: { byEnd: MentionIndex; byStart: MentionIndex },
): Mention | null {
  const m = mentions.byStart.get(cue + 1)?.[0];
  return m && m.tokenEnd <= sentence.tokenEnd ? m : null;
}
