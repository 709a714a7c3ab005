// Mention -> Actor, the shape written in events and quotes.

import { spansWithin } from "../../core/spans.js";
import type { Actor, Doc, Mention } from "../../core/types.js";

/** The actor a mention stands for, with the mention's own words and offsets. Null when unresolved. */
export function toActor(mention: Mention): Actor | null {
  const r = mention.referent;
  if (!r) return null;
  return {
    code: r.code,
    country: r.country,
    org: r.org,
    sector: r.sector,
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
    return mention.members.map((i) => toActor(doc.mentions[i])).filter((a): a is Actor => a !== null);
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
