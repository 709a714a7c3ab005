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

/** Relations under a noun that name whom the noun belongs to or stands for ("leader of Iran"). */
const OWNER_CASES = new Set(["of", "for", "from"]);

/**
 * The mention that stands for the phrase headed by token `head` (an argument of the clause layer): the
 * longest accepted mention holding the head; else a demonym modifying it ("Israeli helicopters"); else its
 * possessor ("Pakistan's envoy"); else a mention elsewhere in its own phrase; else a mention in its "of",
 * "for" or "from" phrase ("the leader of Iran", "a camp for refugees"). Null when the phrase names no one.
 */
export function mentionOfHead(
  doc: Doc,
  head: number,
  accept: (m: Mention) => boolean = () => true,
): Mention | null {
  const holding = (i: number): Mention | null => {
    let best: Mention | null = null;
    for (const m of doc.mentions) {
      if (m.tokenStart > i || m.tokenEnd <= i || m.modifier || !accept(m)) continue;
      if (!best || m.tokenEnd - m.tokenStart > best.tokenEnd - best.tokenStart) best = m;
    }
    return best;
  };
  const parse = doc.parse;
  if (!parse) return holding(head);
  const s = doc.sentences[doc.tokens[head].sentence];
  // The head's own phrase (without its prepositional phrases and clauses) may hold several mentions when
  // the parse heads it early ("Planning and Investment Minister Tran Xuan Gia"): the last one names it.
  const own = lastInPhrase(doc, parse, s.tokenStart, s.tokenEnd, head, holding);
  if (own) return own;
  let possessor: Mention | null = null;
  let owner: Mention | null = null;
  for (let d = s.tokenStart; d < s.tokenEnd; d++) {
    if (parse.head[d] !== head) continue;
    const rel = parse.deprel[d];
    if ((rel === "amod" || rel === "compound") && d < head) {
      const mod = doc.mentions.find((m) => m.modifier && m.tokenStart <= d && m.tokenEnd > d);
      if (mod?.referent) return mod;
    } else if (rel === "nmod:poss") possessor ??= holding(d);
    else if (rel === "nmod" && d > head && owner === null) {
      const preposition = caseOf(doc, d);
      if (preposition !== null && OWNER_CASES.has(preposition)) owner = holding(d);
    }
  }
  return possessor ?? owner;
}

/** Dependents that open a phrase or clause of their own, not part of the name of what the head is. */
const OWN_PHRASE = new Set([
  "acl",
  "acl:relcl",
  "advcl",
  "appos",
  "conj",
  "cc",
  "parataxis",
  "ccomp",
  "csubj",
]);

/** The mention that ends last among those holding the head or a word of its own phrase. */
function lastInPhrase(
  doc: Doc,
  parse: NonNullable<Doc["parse"]>,
  from: number,
  to: number,
  head: number,
  holding: (i: number) => Mention | null,
): Mention | null {
  const stack = [head];
  let best = holding(head);
  while (stack.length) {
    const h = stack.pop() as number;
    for (let d = from; d < to; d++) {
      if (parse.head[d] !== h || OWN_PHRASE.has(parse.deprel[d]) || caseOf(doc, d) !== null) continue;
      const m = holding(d);
      if (m && (!best || m.tokenEnd > best.tokenEnd)) best = m;
      stack.push(d);
    }
  }
  return best;
}

/** The preposition of a nominal dependent ("of" in "of Iran", "'s" in "Iran's"), or null. */
function caseOf(doc: Doc, i: number): string | null {
  const parse = doc.parse;
  if (!parse) return null;
  const s = doc.sentences[doc.tokens[i].sentence];
  for (let d = s.tokenStart; d < i; d++) {
    if (parse.head[d] === i && parse.deprel[d] === "case") return doc.tokens[d].lower;
  }
  return null;
}
