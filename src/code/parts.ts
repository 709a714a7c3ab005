// Headline and caption events beside the body's: the title coded as a headline, and which of them repeat a
// body event. A headline restates the lead; counting both would double the event in series and eval.
import type { Actor, Doc, Event } from "../core/types.js";
import { actorKey } from "../extract/actors/actor.js";
import { partOf } from "../nlp/parts.js";

function keys(actors: readonly Actor[]): Set<string> {
  return new Set(actors.map(actorKey));
}

function overlap(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return a.size === 0 && b.size === 0;
  for (const k of a) if (b.has(k)) return true;
  return false;
}

/**
 * Marks each headline or caption event that repeats a body event: same CAMEO root, a source in common and
 * a target in common (or no target on either side). The first such body event is the one named.
 */
export function markRepeats(events: readonly Event[]): Event[] {
  const body = events.filter((e) => e.evidence.part === "body");
  return events.map((e) => {
    if (e.evidence.part === "body") return e;
    const source = keys(e.source);
    const target = keys(e.target);
    const same = body.find(
      (b) => b.root === e.root && overlap(source, keys(b.source)) && overlap(target, keys(b.target)),
    );
    return same ? { ...e, evidence: { ...e.evidence, repeats: same.id } } : e;
  });
}

/**
 * The events of an article's title field, coded as its own text: headline events with sentence 0, ids of
 * their own, offsets into the title.
 */
export function titleEvents(articleId: string, events: readonly Event[]): Event[] {
  return events.map((e) => ({
    ...e,
    id: `${articleId}:title:${e.evidence.start}:${e.code}`,
    sentence: 0,
    evidence: { ...e.evidence, part: "headline" as const },
  }));
}

/** Whether an event counts in series, actor counts and eval: body events, and the others that repeat none. */
export function counted(event: Event): boolean {
  return event.evidence.repeats === null;
}

/**
 * A present tense in a headline or caption that the library tagged as a plural noun ("Iran's leader
 * praises Pakistan PM", "Japan pledges aid to Philippines"): the parser's verb tag, or, when the library
 * found no verb in the sentence at all, the first noun right after the name that opens it.
 */
export function telegraphicPredicate(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  const s = doc.sentences[t.sentence];
  if (partOf(s) === "body" || t.pos !== "NOUN") return false;
  const parse = doc.parse;
  if (parse?.upos[i] === "VERB" && /^VB[ZP]?$/.test(parse.xpos[i])) return true;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (doc.tokens[k].pos === "VERB") return false;
  for (let k = s.tokenStart + 1; k < s.tokenEnd; k++) {
    if (doc.tokens[k].pos === "NOUN" && doc.tokens[k - 1].pos === "PROPN") return k === i;
  }
  return false;
}
