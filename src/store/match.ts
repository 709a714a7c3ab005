// The store's actor and quote filters evaluated in memory, for records that were never stored
// (`dyad quotes INPUT...`). Same meaning as the SQL in sql.ts; match.test.ts checks they agree.
import type { Actor, Event, Quote } from "../core/types.js";
import { ftsWords, isCodeTerm } from "./sql.js";
import type { ActorTerm, QuoteFilter } from "./types.js";

export function actorMatches(actor: Actor | null, term: ActorTerm): boolean {
  if (!actor) return false;
  const t = term.trim();
  const upper = t.toUpperCase();
  const code = isCodeTerm(t) && t.length >= 3 ? actor.code.startsWith(t) : actor.code === upper;
  return (
    code || actor.country === upper || actor.org === upper || actor.name.toLowerCase() === t.toLowerCase()
  );
}

/** A crude English stem, so that "pressures" finds "pressure" without a full-text index. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word;
}

export function quoteMatches(q: Quote, events: readonly Event[], f: QuoteFilter): boolean {
  if (f.speaker && !actorMatches(q.speaker, f.speaker)) return false;
  if (f.about) {
    const about = f.about;
    const inside = events.some((e) =>
      [...e.source, ...e.target].some((a) => a.start >= q.start && a.end <= q.end && actorMatches(a, about)),
    );
    const named = !isCodeTerm(about.trim()) && q.text.toLowerCase().includes(about.trim().toLowerCase());
    if (!inside && !named) return false;
  }
  if (f.text !== undefined) {
    const text = q.text.toLowerCase();
    if (!ftsWords(f.text).every((w) => text.includes(stem(w)))) return false;
  }
  return true;
}
