// The store's actor and quote filters evaluated in memory, for records that were never stored
// (`dyad quotes INPUT...`). Same meaning as the SQL in sql.ts; match.test.ts checks they agree.
import type { Actor, Event, Quote } from "../core/types.js";
import { type ActorQuery, actorQuery, actorQueryMatches, isCodeTerm } from "./actors.js";
import { parseTextQuery, textMatches } from "./textquery.js";
import type { ActorTerm, QuoteFilter } from "./types.js";

const toQuery = (term: ActorTerm): ActorQuery => (typeof term === "string" ? actorQuery(term) : term);

export function actorMatches(actor: Actor | null, term: ActorTerm): boolean {
  return actor !== null && actorQueryMatches(actor, toQuery(term));
}

export function quoteMatches(q: Quote, events: readonly Event[], f: QuoteFilter): boolean {
  if (f.speaker && !actorMatches(q.speaker, f.speaker)) return false;
  if (f.about) {
    const about = toQuery(f.about);
    const inside = events.some((e) =>
      [...e.source, ...e.target].some(
        (a) => a.start >= q.start && a.end <= q.end && actorQueryMatches(a, about),
      ),
    );
    const named = !isCodeTerm(about.term) && q.text.toLowerCase().includes(about.term.toLowerCase());
    if (!inside && !named) return false;
  }
  if (f.text !== undefined && !textMatches(parseTextQuery(f.text), q.text)) return false;
  return true;
}
