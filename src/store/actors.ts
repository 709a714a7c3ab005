// What an actor filter term means: which codes, countries, organisations and names it stands for. Built once
// from the term (and the knowledge base's names of countries and bodies, when given), then rendered as SQL
// (sql.ts) or evaluated in memory (match.ts), so that both read a term the same way.
import { DyadError } from "../core/errors.js";
import type { Actor } from "../core/types.js";

/** Countries and bodies a name stands for ("Iran" -> IRN; "United Nations" -> UN, IGOUNO). */
export interface NamedActors {
  countries: string[];
  orgs: { org: string; code: string }[];
}

/** Looks a country or organisation name up in the knowledge base (any case, with or without "the"). */
export type ActorNames = (name: string) => NamedActors | undefined;

export interface ActorQuery {
  /** The term as the user typed it, for messages. */
  term: string;
  /** Codes matched with every code under them (IRN matches IRNGOV). */
  codePrefixes: string[];
  /** Codes matched exactly. */
  codes: string[];
  countries: string[];
  orgs: string[];
  /** Lower-case words that must occur as whole words of the actor's name ("khamenei" in "Ali Khamenei"). */
  nameWords: string | null;
}

/** An actor term typed as a code (upper-case letters and digits): IRN, IRNGOV, IGOUNO. */
export function isCodeTerm(term: string): boolean {
  return /^[A-Z0-9]{2,}$/.test(term);
}

/** A term's words, lower-case and separated by single spaces: what a whole-word match looks for. */
export function nameKey(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}

/**
 * Reads a term: a CAMEO code typed in capitals matches that code and the codes under it; any term matches an
 * ISO country, an org key or a code equal to it in capitals; a name of a country or body in the knowledge base
 * matches that country's or body's actors; any other words match actors whose name contains them as whole
 * words ("Khamenei", "Shehbaz Sharif").
 */
export function actorQuery(term: string, names?: ActorNames): ActorQuery {
  const t = term.trim();
  if (t === "") throw new DyadError("E_USAGE", "an actor filter is empty");
  const upper = t.toUpperCase();
  const q: ActorQuery = {
    term: t,
    codePrefixes: [],
    codes: [],
    countries: [upper],
    orgs: [upper],
    nameWords: null,
  };
  if (isCodeTerm(t) && t.length >= 3) q.codePrefixes.push(t);
  else q.codes.push(upper);
  const named = names?.(t);
  if (named) {
    for (const c of named.countries) if (!q.countries.includes(c)) q.countries.push(c);
    for (const o of named.orgs) {
      if (!q.orgs.includes(o.org)) q.orgs.push(o.org);
      if (!q.codePrefixes.includes(o.code)) q.codePrefixes.push(o.code);
    }
  }
  if (!isCodeTerm(t)) {
    const key = nameKey(t);
    if (key !== "") q.nameWords = key;
  }
  return q;
}

/** Whether a stored or coded actor is one the query stands for. */
export function actorQueryMatches(actor: Actor, q: ActorQuery): boolean {
  if (q.codePrefixes.some((p) => actor.code.startsWith(p))) return true;
  if (q.codes.includes(actor.code)) return true;
  if (actor.country !== null && q.countries.includes(actor.country)) return true;
  if (actor.org !== null && q.orgs.includes(actor.org)) return true;
  return q.nameWords !== null && ` ${actor.name.toLowerCase()} `.includes(` ${q.nameWords} `);
}
