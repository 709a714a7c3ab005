// Coverage figures of the knowledge base: what `dyad kb check` prints and the coverage test guards.
import { ORG_ROLES, type Role } from "./actors.js";
import type { Knowledge } from "./index.js";

export interface Coverage {
  countries: number;
  regions: number;
  orgs: number;
  groups: number;
  people: number;
  terms: number;
  /** People and terms per continent of the office's country. */
  continents: Record<string, { people: number; terms: number; countries: number }>;
  /** Countries with a head of state or government on record for a date. */
  headsOn: (date: string) => number;
  /** Office-holders of international bodies (people/international.tsv): people, terms, bodies with any. */
  international: { people: number; terms: number; bodies: number };
  /** International bodies with someone in office on a date, and those (of the bodies on record) with no one. */
  bodiesHeldOn: (date: string) => { covered: number; missing: string[] };
  agents: number;
  /** Actor codes given by imported dictionaries (actors/coded.tsv). */
  coded: number;
  patterns: number;
  patternsByRoot: Record<string, number>;
  evaluative: number;
  discards: number;
}

export function coverage(k: Knowledge): Coverage {
  const kb = k.actors;
  const continents: Coverage["continents"] = {};
  const countriesWithPeople = new Map<string, Set<string>>();
  for (const p of kb.people.values()) {
    const seen = new Set<string>();
    for (const t of p.terms) {
      if (t.org) continue;
      const continent = kb.countries.get(t.country)?.continent ?? "other";
      const c = (continents[continent] ??= { people: 0, terms: 0, countries: 0 });
      c.terms++;
      if (!seen.has(continent)) {
        c.people++;
        seen.add(continent);
      }
      const set = countriesWithPeople.get(continent) ?? new Set<string>();
      set.add(t.country);
      countriesWithPeople.set(continent, set);
    }
  }
  for (const [continent, set] of countriesWithPeople) continents[continent].countries = set.size;
  const patternsByRoot: Record<string, number> = {};
  const counted = new Set<unknown>();
  for (const list of k.lexicon.byAnchor.values()) {
    for (const p of list) {
      if (counted.has(p)) continue;
      counted.add(p);
      // A void pattern (no code) stops others and has no root.
      const root = p.code === "" ? "none" : p.code.slice(0, 2);
      patternsByRoot[root] = (patternsByRoot[root] ?? 0) + 1;
    }
  }
  const international = { people: 0, terms: 0, bodies: 0 };
  const bodies = new Set<string>();
  for (const p of kb.people.values()) {
    const orgTerms = p.terms.filter((t) => t.org);
    if (orgTerms.length === 0) continue;
    international.people++;
    international.terms += orgTerms.length;
    for (const t of orgTerms) bodies.add(t.org!.id);
  }
  international.bodies = bodies.size;
  const all = [...kb.countries.values()];
  return {
    countries: all.filter((c) => c.kind !== "region").length,
    regions: all.filter((c) => c.kind === "region").length,
    orgs: kb.orgs.size,
    groups: kb.groups.size,
    people: kb.people.size,
    terms: [...kb.people.values()].reduce((n, p) => n + p.terms.length, 0),
    continents,
    headsOn(date: string) {
      const countries = new Set<string>();
      for (const [key, holders] of kb.offices) {
        const [country, role] = key.split("|");
        if (!["HOS", "HOG", "HOSG", "LEADER"].includes(role)) continue;
        if (holders.some(({ term }) => term.start <= date && (term.end === null || date <= term.end)))
          countries.add(country);
      }
      return countries.size;
    },
    international,
    bodiesHeldOn(date: string) {
      const headed = new Set<string>();
      for (const [key, holders] of kb.offices) {
        const [id, role] = key.split("|");
        if (!ORG_ROLES.has(role as Role)) continue;
        if (holders.some(({ term }) => term.start <= date && (term.end === null || date <= term.end)))
          headed.add(id);
      }
      // Only bodies that have office-holders on record at some time count as missing on this date.
      const missing = [...bodies].filter((id) => !headed.has(id)).sort();
      return { covered: headed.size, missing };
    },
    agents: kb.agents.size,
    coded: kb.coded.size,
    patterns: k.lexicon.size,
    patternsByRoot,
    evaluative: k.evaluative.polarity.size,
    discards: k.discards.article.length + k.discards.sentence.length,
  };
}
