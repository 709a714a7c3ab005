// The speaker of a cue: the mention in subject position, resolved through coreference.
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

const SKIPPABLE = new Set(["ADV", "AUX", "PART"]);

/**
 * The mention in subject position of the cue verb at token `cue`:
 * "X said", "X, who ..., said", "X also noted"; for a cue coordinated with an earlier verb
 * ("X said A and noted that B"), the subject of the sentence.
 */
export function subjectOf(
  doc: Doc,
  sentence: Sentence,
  cue: number,
  mentions: { byEnd: MentionIndex; byStart: MentionIndex },
): Mention | null {
  let i = cue - 1;
  while (i >= sentence.tokenStart && SKIPPABLE.has(doc.tokens[i].pos)) i--;
  if (i < sentence.tokenStart) return null;
  const before = doc.tokens[i];
  if (before.pos === "CCONJ" || (before.text === "," && doc.tokens[cue].lower.endsWith("ing"))) {
    return sentenceSubject(doc, sentence, cue, mentions);
  }
  if (before.text === ",") {
    // "Sharif, who arrived on Monday, said": the mention before the opening comma.
    for (let k = i - 1; k > sentence.tokenStart; k--) {
      if (doc.tokens[k].text === ",") {
        const m = mentions.byEnd.get(k)?.[0];
        if (m) return m;
        break;
      }
    }
  }
  const direct = mentions.byEnd.get(i + 1)?.[0];
  if (direct && direct.tokenStart >= sentence.tokenStart) return direct;
  return sentenceSubject(doc, sentence, cue, mentions);
}

/** The first mention of the sentence before the cue that stands outside a prepositional phrase. */
function sentenceSubject(
  doc: Doc,
  sentence: Sentence,
  cue: number,
  mentions: { byEnd: MentionIndex; byStart: MentionIndex },
): Mention | null {
  for (let k = sentence.tokenStart; k < cue; k++) {
    const m = mentions.byStart.get(k)?.[0];
    if (!m || m.tokenEnd > cue) continue;
    const prev = k > sentence.tokenStart ? doc.tokens[k - 1] : null;
    if (prev && (prev.pos === "ADP" || prev.pos === "SCONJ")) {
      k = m.tokenEnd - 1;
      continue;
    }
    // A mention before a relative clause is still the subject ("the minister, who ..., said").
    return m;
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
