// Mention -> Actor, the shape written in events and quotes.

import { spansWithin } from "../../core/spans.js";
import type { Actor, Doc, Mention } from "../../core/types.js";

/**
 * A country or sector as the output contract writes it, three capitals. An actor given by its own code in a
 * user's dictionary (`HOBGOV`, `PSEREBHMS`) or an agent code of several parts (`GOVFRM`) keeps its whole code
 * in `code`; its country and sector are the first three letters, as in CAMEO actor codes.
 */
function threeLetters(value: string | null): string | null {
  if (value === null || /^[A-Z]{3}$/.test(value)) return value;
  return /^[A-Z]{3}/.exec(value)?.[0] ?? null;
}

/** The actor a mention stands for, with the mention's own words and offsets. Null when unresolved. */
export function toActor(mention: Mention): Actor | null {
  const r = mention.referent;
  if (!r) return null;
  return {
    code: r.code,
    country: threeLetters(r.country),
    org: r.org,
    sector: threeLetters(r.sector),
    name: r.name,
    id: r.id,
    text: mention.text,
    start: mention.start,
    end: mention.end,
  };
}

/**
 * The identity of an actor where events are compared: its org, else its country, else the first three
 * letters of its code. The coder drops repeated events by it, and `dyad eval` scores by it.
 */
export function actorKey(actor: Actor): string {
  return actor.org ?? actor.country ?? actor.code.slice(0, 3);
}

/** Actors of a mention: the members of a compound mention, or the mention itself. */
export function actorsOf(doc: Doc, mention: Mention): Actor[] {
  if (mention.members?.length) {
    // A member may stand for several actors itself (a phrase a user's dictionary codes as several).
    return mention.members.flatMap((i) => {
      const member = doc.mentions[i];
      if (member.members?.length) return actorsOf(doc, member);
      const a = toActor(member);
      return a ? [a] : [];
    });
  }
  const a = toActor(mention);
  return a ? [a] : [];
}

/** Mentions whose tokens lie within [tokenStart, tokenEnd), outermost first (compounds before members). */
export function mentionsIn(doc: Doc, tokenStart: number, tokenEnd: number): Mention[] {
  const inside = spansWithin(doc.mentions, tokenStart, tokenEnd);
  const members = new Set(inside.flatMap((m) => m.members ?? []));
  return inside.filter((m) => !members.has(m.index));
}
