// Questions the readers ask of the clause layer: which clause holds a token, which clauses a span touches.
import type { Clause, Clauses, Doc, Sentence } from "../../core/types.js";

/** The doc's clause layer; a component that calls this declares "clauses" among its reads. */
export function layerOf(doc: Doc): Clauses {
  if (!doc.clauses) throw new Error("the doc has no clauses: the clauses component must run first");
  return doc.clauses;
}

/**
 * The clause of each token of a sentence, indexed from sentence.tokenStart: tokens with the same id belong
 * to the same clause (a relative clause's words to the relative clause, the rest to the clause around it).
 * An infinitive belongs to the verb that governs it: "is due to arrive on Sunday", "threatened to launch"
 * are one verb group, and its date or place is the group's.
 */
export function clauseIds(doc: Doc, sentence: Sentence): Int32Array {
  const layer = layerOf(doc);
  const ids = layer.clauseOf.slice(sentence.tokenStart, sentence.tokenEnd);
  for (let k = 0; k < ids.length; k++) {
    let c = ids[k];
    while (c >= 0 && layer.list[c].relation === "xcomp" && layer.list[c].parent >= 0)
      c = layer.list[c].parent;
    ids[k] = c;
  }
  return ids;
}

/** The clause ids covered by the token range [tokenStart, tokenEnd) of one sentence. */
export function clausesOf(
  ids: Int32Array,
  sentence: Sentence,
  tokenStart: number,
  tokenEnd: number,
): Set<number> {
  const out = new Set<number>();
  const from = Math.max(tokenStart, sentence.tokenStart);
  const to = Math.min(Math.max(tokenEnd, from + 1), sentence.tokenEnd);
  for (let i = from; i < to; i++) out.add(ids[i - sentence.tokenStart]);
  return out;
}

/** The clause that holds token i, or null. */
export function clauseAt(doc: Doc, i: number): Clause | null {
  const layer = layerOf(doc);
  const k = layer.clauseOf[i];
  return k >= 0 ? layer.list[k] : null;
}

/** The clause whose predicate is token i, or null. */
export function clauseOfPredicate(doc: Doc, i: number): Clause | null {
  const layer = layerOf(doc);
  const k = layer.byPredicate[i];
  return k >= 0 ? layer.list[k] : null;
}
