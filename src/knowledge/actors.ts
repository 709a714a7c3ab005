// The actor knowledge base: countries, international bodies, groups, people with terms, agents.
// Compiled once into a phrase index keyed by the first word, so matching cost grows with the text.
import { DyadError } from "../core/errors.js";
import { CALENDAR_WORDS } from "../nlp/calendar.js";
import { list, parseTsv } from "./tsv.js";

export const ROLES = [
  "LEADER",
  "HOSG",
  "HOS",
  "HOG",
  "VP",
  "FM",
  "DEF",
  "MIL",
  "MIN",
  "LEG",
  "OPP",
  "HEAD",
  "DEPUTY",
  "OFFICIAL",
] as const;
export type Role = (typeof ROLES)[number];
/** Roles of an office at an international body (a row with an `org`); the others are national offices. */
export const ORG_ROLES: ReadonlySet<Role> = new Set<Role>(["HEAD", "DEPUTY", "OFFICIAL"]);

export interface Term {
  role: Role;
  office: string;
  /** CAMEO role of the term: from the role for national offices, the body's own sector (or "") for an org's. */
  sector: string;
  /** The country the office belongs to; for an office at an international body, the holder's own country. */
  country: string;
  /** The international body the office belongs to (a row of orgs.tsv), or null for a national office. */
  org: Org | null;
  start: string;
  /** Last day, or null while in office. */
  end: string | null;
  source: string;
}

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  country: string;
  terms: Term[];
}

export interface Country {
  iso3: string;
  name: string;
  kind: "country" | "territory" | "region";
  continent: string | null;
}

export interface Org {
  id: string;
  org: string;
  code: string;
  name: string;
  sector: string | null;
}

export interface GroupPeriod {
  sector: string;
  code: string;
  start: string | null;
  end: string | null;
}

export interface Group {
  id: string;
  name: string;
  country: string | null;
  periods: GroupPeriod[];
}

export interface Agent {
  phrase: string;
  sector: string;
  title: boolean;
  /** The agent's code goes before the actor's (`NGO` + `ARN`), as PETRARCH's `[NGO~]`; else after it. */
  prefix?: boolean;
  /** file:line of the entry (and of the dictionary line it was converted from). */
  origin?: string;
  /**
   * Another sector by context (the `context` column): "protesters" are CVL, but OPP when one of these words
   * ("anti-government", "opposition") stands in the mention or just before it.
   */
  context: { sector: string; words: string[] } | null;
}

/** What a phrase of the index names. */
export type Entry =
  | { kind: "person"; person: Person; surname: boolean }
  | {
      kind: "country";
      country: Country;
      how: "name" | "demonym" | "metonym";
      sector?: string;
      /** An actor given by its own code (actors/coded.tsv): the days the code holds, and where it comes from. */
      coded?: { start: string | null; end: string | null; origin: string; also: readonly string[] };
    }
  | { kind: "org"; org: Org }
  | { kind: "group"; group: Group }
  | { kind: "agent"; agent: Agent; plural: boolean };

export interface Phrase {
  /** Normalised word keys (see wordKey). */
  words: string[];
  /** The phrase is written with capitals in the knowledge base, so the text must be too. */
  cased: boolean;
  /** Its first word (after "the") is capitalised ("al Qaeda" is cased but not capitalFirst). */
  capitalFirst: boolean;
  entries: Entry[];
}

type SourceFile = { name: string; text: string };

export interface RawSources {
  countriesBase: readonly WorldCountry[];
  /** Each file kind may come from several knowledge folders (`--kb +DIR`), bottom first. */
  countries?: readonly SourceFile[];
  orgs?: readonly SourceFile[];
  groups?: readonly SourceFile[];
  agents?: readonly SourceFile[];
  /** Actors given by their own codes, as PETRARCH and TABARI actor dictionaries give them. */
  coded?: readonly SourceFile[];
  people: readonly SourceFile[];
}

/** The fields of the world-countries package that Dyad uses. */
export interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  region?: string;
  subregion?: string;
}

export interface ActorKb {
  countries: Map<string, Country>;
  orgs: Map<string, Org>;
  groups: Map<string, Group>;
  people: Map<string, Person>;
  agents: Map<string, Agent>;
  /** Phrases by the key of their first word, longest first. */
  index: Map<string, Phrase[]>;
  /** Codes of the actors given by their own codes (actors/coded.tsv). */
  coded: Set<string>;
  /** Who held an office on a date: `${country}|${role}`, or `${org id}|${role}` for a body's -> terms. */
  offices: Map<string, { person: Person; term: Term }[]>;
}

/** Normalised key of a word: lower case, no diacritics, curly apostrophes straightened, final period dropped. */
export function wordKey(word: string): string {
  let k = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(k)) k = k.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  k = k.replace(/[’‘`]/g, "'");
  if (k.length > 1 && k.endsWith(".")) k = k.slice(0, -1);
  return k;
}

/** Splits a knowledge-base phrase into word keys the way the NLP layer splits text. */
export function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const chunk of phrase.trim().split(/\s+/)) {
    if (chunk === "") continue;
    const parts = chunk.split(/(-)/).filter((p) => p !== "");
    for (const part of parts) {
      const m = /^(.+?)(['’]s)$/i.exec(part);
      if (m && part.length > 2) {
        out.push(wordKey(m[1]), wordKey(m[2]));
      } else {
        out.push(wordKey(part));
      }
    }
  }
  return out;
}

const ROLE_SECTOR: Record<Role, string> = {
  LEADER: "GOV",
  HOSG: "GOV",
  HOS: "GOV",
  HOG: "GOV",
  VP: "GOV",
  FM: "GOV",
  DEF: "GOV",
  MIN: "GOV",
  MIL: "MIL",
  LEG: "LEG",
  OPP: "OPP",
  HEAD: "",
  DEPUTY: "",
  OFFICIAL: "",
};

/** Role precedence when one person holds several offices on the same day. */
export const ROLE_RANK: Record<Role, number> = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<
  Role,
  number
>;

function normaliseDate(value: string, edge: "start" | "end", where: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
      throw new DyadError("E_DATA", `bad date '${value}'`, where);
    }
    return value;
  }
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split("-").map(Number);
    if (m < 1 || m > 12) throw new DyadError("E_DATA", `bad date '${value}'`, where);
    if (edge === "start") return `${value}-01`;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, "0")}`;
  }
  if (/^\d{4}$/.test(value)) return edge === "start" ? `${value}-01-01` : `${value}-12-31`;
  throw new DyadError("E_DATA", `bad date '${value}' (YYYY-MM-DD, YYYY-MM or YYYY)`, where);
}

const CONTINENTS: Record<string, string> = {
  Africa: "africa",
  Americas: "americas",
  Asia: "asia",
  Europe: "europe",
  Oceania: "oceania",
  Antarctic: "antarctica",
};

/** world-countries writes Kosovo as UNK; Dyad uses XKX and keeps UNK for unknown actors. */
function kosovo(code: string): string {
  return code === "UNK" ? "XKX" : code;
}

export function compileActors(src: RawSources): ActorKb {
  const countries = new Map<string, Country>();
  const orgs = new Map<string, Org>();
  const groups = new Map<string, Group>();
  const people = new Map<string, Person>();
  const agents = new Map<string, Agent>();
  const phrases = new Map<string, Phrase>();
  const offices = new Map<string, { person: Person; term: Term }[]>();

  const add = (text: string, entry: Entry) => {
    const words = phraseWords(text);
    if (words.length === 0) return;
    const key = words.join(" ");
    let p = phrases.get(key);
    if (!p) {
      const firstWord = text.replace(/^the\s+/i, "").trim();
      p = { words, entries: [], cased: /[A-Z]/.test(text), capitalFirst: /^[A-Z]/.test(firstWord) };
      phrases.set(key, p);
    }
    p.entries.push(entry);
  };

  // Countries: base facts from world-countries, then Dyad's additions.
  const excluded = new Set<string>();
  const extra = (src.countries ?? []).flatMap((f) =>
    parseTsv(f.text, f.name, ["iso3"]).map((row) => ({ row, file: f.name })),
  );
  for (const { row } of extra)
    for (const x of list(row.get("exclude"))) excluded.add(`${kosovo(row.get("iso3"))}|${x}`);
  const addCountryName = (c: Country, text: string, how: "name" | "demonym" | "metonym") => {
    if (excluded.has(`${c.iso3}|${text}`)) return;
    // "the Israeli regime", "the Iranian government": a name of the state's government.
    const sector =
      how === "name" && /\b(regime|government|administration|authorities)$/i.test(text) ? "GOV" : undefined;
    add(text, { kind: "country", country: c, how, sector });
  };
  for (const wc of src.countriesBase) {
    const c: Country = {
      iso3: kosovo(wc.cca3),
      name: wc.name.common,
      kind: "country",
      continent: CONTINENTS[wc.region ?? ""] ?? null,
    };
    countries.set(c.iso3, c);
    addCountryName(c, wc.name.common, "name");
    addCountryName(c, wc.name.official, "name");
    for (const alt of wc.altSpellings ?? []) if (alt.length > 3) addCountryName(c, alt, "name");
    const dem = wc.demonyms?.eng;
    if (dem) {
      addCountryName(c, dem.m, "demonym");
      if (dem.f !== dem.m) addCountryName(c, dem.f, "demonym");
    }
    for (const cap of wc.capital ?? []) addCountryName(c, cap, "metonym");
  }
  for (const { row, file } of extra) {
    const where = `${file}:${row.line}`;
    const iso3 = kosovo(row.get("iso3"));
    if (!/^[A-Z]{3}$/.test(iso3))
      throw new DyadError("E_DATA", `iso3 must be three capitals, got '${iso3}'`, where);
    let c = countries.get(iso3);
    const kind = (row.get("kind") || "country") as Country["kind"];
    if (!["country", "territory", "region"].includes(kind)) {
      throw new DyadError("E_DATA", `kind must be country, territory or region`, where);
    }
    if (!c) {
      const names = list(row.get("names"));
      if (names.length === 0) throw new DyadError("E_DATA", `a new country or region needs a name`, where);
      c = { iso3, name: names[0], kind, continent: null };
      countries.set(iso3, c);
    }
    for (const n of list(row.get("names"))) addCountryName(c, n, "name");
    for (const n of list(row.get("demonyms"))) addCountryName(c, n, "demonym");
    for (const n of list(row.get("metonyms"))) addCountryName(c, n, "metonym");
  }

  for (const file of src.orgs ?? []) {
    for (const row of parseTsv(file.text, file.name, ["id", "org", "code", "name"])) {
      const where = `${file.name}:${row.line}`;
      const id = row.get("id");
      if (orgs.has(id)) throw new DyadError("E_DATA", `org id '${id}' appears twice`, where);
      const o: Org = {
        id,
        org: row.get("org"),
        code: row.get("code"),
        name: row.get("name"),
        sector: row.get("sector") || null,
      };
      orgs.set(id, o);
      add(o.name, { kind: "org", org: o });
      for (const a of list(row.get("aliases"))) add(a, { kind: "org", org: o });
    }
  }

  for (const file of src.groups ?? []) {
    for (const row of parseTsv(file.text, file.name, ["id", "name", "sector", "code"])) {
      const where = `${file.name}:${row.line}`;
      const id = row.get("id");
      const country = row.get("country") || null;
      if (country && !/^[A-Z]{3}$/.test(country))
        throw new DyadError("E_DATA", `bad country '${country}'`, where);
      const period: GroupPeriod = {
        sector: row.get("sector"),
        code: row.get("code"),
        start: row.get("start") ? normaliseDate(row.get("start"), "start", where) : null,
        end: row.get("end") ? normaliseDate(row.get("end"), "end", where) : null,
      };
      let g = groups.get(id);
      if (!g) {
        g = { id, name: row.get("name"), country, periods: [] };
        groups.set(id, g);
        add(g.name, { kind: "group", group: g });
        for (const a of list(row.get("aliases"))) add(a, { kind: "group", group: g });
      }
      g.periods.push(period);
    }
  }

  for (const file of src.agents ?? []) {
    for (const row of parseTsv(file.text, file.name, ["phrase", "sector"])) {
      const where = `${file.name}:${row.line}`;
      const phrase = row.get("phrase").toLowerCase();
      const position = row.get("position");
      if (position !== "" && position !== "prefix" && position !== "suffix")
        throw new DyadError("E_DATA", `position must be prefix or suffix, got '${position}'`, where);
      const sector = row.get("sector");
      // Imported dictionaries give compound sectors (`GOVMIL`): one or more role codes run together.
      if (!/^(?:[A-Z]{3})+$/.test(sector))
        throw new DyadError("E_DATA", `sector must be a CAMEO role code`, where);
      const agent: Agent = {
        phrase,
        sector,
        title: row.get("title") === "yes",
        prefix: position === "prefix",
        origin: row.get("origin") ? `${where} (${row.get("origin")})` : where,
        context: null,
      };
      const context = row.get("context");
      if (context) {
        const m = /^([A-Z]{3}):(.+)$/.exec(context);
        if (!m) throw new DyadError("E_DATA", `context must be SECTOR:word|word, got '${context}'`, where);
        agent.context = { sector: m[1], words: list(m[2]).map((w) => w.toLowerCase()) };
      }
      if (agents.has(phrase)) continue;
      agents.set(phrase, agent);
      add(phrase, { kind: "agent", agent, plural: false });
      const plurals = list(row.get("plurals"));
      for (const p of plurals.length ? plurals : [`${phrase}s`])
        add(p, { kind: "agent", agent, plural: true });
    }
  }

  const coded = new Set<string>();
  for (const file of src.coded ?? []) {
    for (const row of parseTsv(file.text, file.name, ["phrase", "code"])) {
      const where = `${file.name}:${row.line}`;
      // Several codes (`FRO|BIL|SAM`): the phrase stands for all of them at once.
      const [code, ...also] = list(row.get("code"));
      for (const x of [code, ...also]) {
        if (!/^[A-Z0-9]+$|^\+\+\+$|^###$/.test(x))
          throw new DyadError("E_DATA", `an actor code is capitals and digits, got '${x}'`, where);
      }
      const start = row.get("start") ? normaliseDate(row.get("start"), "start", where) : null;
      const end = row.get("end") ? normaliseDate(row.get("end"), "end", where) : null;
      if (start && end && end < start)
        throw new DyadError("E_DATA", `end ${end} is before start ${start}`, where);
      coded.add(code);
      let c = countries.get(code);
      if (!c) {
        c = { iso3: code, name: row.get("phrase"), kind: "country", continent: null };
        countries.set(code, c);
      }
      const origin = row.get("origin") ? `${where} (${row.get("origin")})` : where;
      for (const phrase of [row.get("phrase"), ...list(row.get("aliases"))]) {
        add(phrase, { kind: "country", country: c, how: "name", coded: { start, end, origin, also } });
      }
    }
  }

  for (const file of src.people) {
    const rows = parseTsv(file.text, file.name, ["person", "name", "country", "role", "start"]);
    for (const row of rows) {
      const where = `${file.name}:${row.line}`;
      const id = row.get("person");
      const country = row.get("country");
      if (!/^[A-Z]{3}$/.test(country)) throw new DyadError("E_DATA", `bad country '${country}'`, where);
      const role = row.get("role") as Role;
      if (!ROLES.includes(role)) throw new DyadError("E_DATA", `unknown role '${role}'`, where);
      const orgId = row.get("org");
      const org = orgId ? orgs.get(orgId) : null;
      if (org === undefined)
        throw new DyadError("E_DATA", `unknown org '${orgId}' (an id of orgs.tsv)`, where);
      if ((org !== null) !== ORG_ROLES.has(role)) {
        throw new DyadError(
          "E_DATA",
          org
            ? `role '${role}' is a national office; an org's office is HEAD, DEPUTY or OFFICIAL`
            : `role '${role}' needs an org`,
          where,
        );
      }
      const start = normaliseDate(row.get("start"), "start", where);
      const end = row.get("end") ? normaliseDate(row.get("end"), "end", where) : null;
      if (end && end < start) throw new DyadError("E_DATA", `end ${end} is before start ${start}`, where);
      const term: Term = {
        role,
        office: row.get("office"),
        sector: org ? (org.sector ?? "") : ROLE_SECTOR[role],
        country,
        org,
        start,
        end,
        source: where,
      };
      let p = people.get(id);
      if (!p) {
        p = { id, name: row.get("name"), aliases: [], country, terms: [] };
        people.set(id, p);
      }
      for (const a of list(row.get("aliases"))) if (!p.aliases.includes(a)) p.aliases.push(a);
      p.terms.push(term);
      const key = org ? `${org.id}|${role}` : `${country}|${role}`;
      const list2 = offices.get(key) ?? [];
      list2.push({ person: p, term });
      offices.set(key, list2);
    }
  }
  for (const p of people.values()) {
    p.terms.sort((a, b) => (a.start < b.start ? -1 : 1));
    add(p.name, { kind: "person", person: p, surname: false });
    for (const a of p.aliases) {
      const single = !/\s/.test(a.trim());
      add(a, { kind: "person", person: p, surname: single });
    }
    const surname = surnameOf(p.name);
    if (surname) add(surname, { kind: "person", person: p, surname: true });
  }

  const index = new Map<string, Phrase[]>();
  for (const p of phrases.values()) {
    const list3 = index.get(p.words[0]) ?? [];
    list3.push(p);
    index.set(p.words[0], list3);
  }
  for (const l of index.values()) l.sort((a, b) => b.words.length - a.words.length);
  return { countries, orgs, groups, people, agents, index, offices, coded };
}

const NOT_SURNAMES = /^(?:[IVX]+|Jr\.?|Sr\.?|bin|ibn|al|el|de|da|van|von)$/i;

/**
 * The surname a wire story uses alone: the last word that is not a regnal number or suffix
 * ("Abdullah II" has none: "II" alone must never match), at least three letters long.
 */
export function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length > 1 && /^(?:[IVX]+|Jr\.?|Sr\.?)$/.test(words[words.length - 1])) return null;
  if (words.length < 2) return null;
  const last = words[words.length - 1];
  if (last.length < 3 || NOT_SURNAMES.test(last) || CALENDAR_WORDS.has(last.toLowerCase())) return null;
  return last;
}

/** The term a person held on a date, by role precedence; null when none covers the date. */
export function termOn(person: Person, date: string): Term | null {
  let best: Term | null = null;
  for (const t of person.terms) {
    if (t.start <= date && (t.end === null || date <= t.end)) {
      if (!best || ROLE_RANK[t.role] < ROLE_RANK[best.role]) best = t;
    }
  }
  return best;
}

/** Who held a role in a country on a date. */
export function holderOn(kb: ActorKb, country: string, roles: readonly Role[], date: string): Person | null {
  for (const role of roles) {
    for (const { person, term } of kb.offices.get(`${country}|${role}`) ?? []) {
      if (term.start <= date && (term.end === null || date <= term.end)) return person;
    }
  }
  return null;
}

/** The period of a group that covers a date (the last one without dates otherwise). */
export function groupPeriodOn(group: Group, date: string): GroupPeriod {
  for (const p of group.periods) {
    if ((p.start === null || p.start <= date) && (p.end === null || date <= p.end)) return p;
  }
  return group.periods[group.periods.length - 1];
}
