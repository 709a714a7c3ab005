// Actor mentions: detection from the compiled knowledge-base index, resolution on the article's date,
// and coreference within the article.
import { firstAtLeast, spansWithin, startingIn } from "../../core/spans.js";
import type { Doc, Mention, MentionKind, PlaceMention, Referent, Token } from "../../core/types.js";
import {
  type ActorKb,
  type Agent,
  type Entry,
  groupPeriodOn,
  holderOn,
  type Person,
  type Phrase,
  type Role,
  termOn,
  wordKey,
} from "../../knowledge/actors.js";
import { CALENDAR_WORDS } from "../../nlp/calendar.js";
import type { Component } from "../../pipeline/index.js";

/** Titles that name an office, mapped to the roles that hold it (for "the Pakistani prime minister"). */
const OFFICE_ROLES: Record<string, Role[]> = {
  president: ["HOSG", "HOS"],
  "prime minister": ["HOG"],
  premier: ["HOG"],
  chancellor: ["HOG"],
  "supreme leader": ["LEADER"],
  leader: ["LEADER", "HOSG", "HOG"],
  "foreign minister": ["FM"],
  "foreign secretary": ["FM"],
  "secretary of state": ["FM"],
  "defence minister": ["DEF"],
  "defense minister": ["DEF"],
  "defense secretary": ["DEF"],
  "defence secretary": ["DEF"],
  "army chief": ["MIL"],
  king: ["HOS"],
  emir: ["HOS"],
  "vice president": ["VP"],
  "opposition leader": ["OPP"],
};

const HONORIFICS = new Set([
  "ayatollah",
  "seyyed",
  "sayyed",
  "sheikh",
  "shaikh",
  "hojatoleslam",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "dame",
  "lord",
  "general",
  "gen",
  "colonel",
  "col",
  "field",
  "marshal",
  "admiral",
  "prince",
  "princess",
  "king",
  "queen",
  "emir",
  "crown",
  "imam",
  "mullah",
  "president",
  "minister",
  "premier",
  "chancellor",
  "leader",
  "chief",
  "secretary",
  "senator",
  "rep",
]);

const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "inside",
  "outside",
  "across",
  "throughout",
  "around",
  "across",
]);
/** Nouns that name a kind of place before "of" and its name: "the city of Aleppo", "the republic of Nakhichevan". */
const PLACE_NOUNS = new Set([
  "city",
  "town",
  "village",
  "capital",
  "province",
  "region",
  "district",
  "republic",
  "port",
  "island",
  "enclave",
  "territory",
  "county",
  "suburb",
  "state",
]);
/** Collective nouns after an agent noun that keep it an actor: "opposition groups", "rebel leaders". */
const GROUP_HEADS = new Set([
  "group",
  "member",
  "leader",
  "supporter",
  "faction",
  "force",
  "unit",
  "official",
  "activist",
]);
const PERSON_PRONOUNS = new Set(["he", "she", "him", "his", "her"]);
const GROUP_WORDS = new Set([
  "countries",
  "nations",
  "states",
  "sides",
  "neighbours",
  "neighbors",
  "governments",
]);

interface Raw {
  start: number;
  end: number;
  entries: Entry[];
}

function capitalised(t: Token): boolean {
  const code = t.text.charCodeAt(0);
  // ASCII without allocating; other letters by their case mappings ("Ö" yes, "ß" and "ǅ" no).
  if (code < 128) return code >= 65 && code <= 90;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/**
 * The knowledge base's phrase index split again by second word, built once per component: "the" starts
 * hundreds of phrases, and a token should only try those whose second word follows it. Each list keeps the
 * index's order (longest first), and every multi-word phrase comes before the one-word ones.
 */
interface PhraseIndex {
  get(first: string): PhraseEntry | undefined;
}

/** The phrases that start with one word: one-word phrases, and longer ones by their second word. */
interface PhraseEntry {
  single: Phrase[];
  bySecond: Map<string, Phrase[]>;
}

function indexBySecondWord(index: ActorKb["index"]): PhraseIndex {
  const out = new Map<string, PhraseEntry>();
  for (const [first, phrases] of index) {
    const entry = { single: [] as Phrase[], bySecond: new Map<string, Phrase[]>() };
    for (const p of phrases) {
      if (p.words.length < 2) entry.single.push(p);
      else {
        const list = entry.bySecond.get(p.words[1]);
        if (list) list.push(p);
        else entry.bySecond.set(p.words[1], [p]);
      }
    }
    out.set(first, entry);
  }
  return out;
}

/** The first phrase of the list (longest first) that matches at token i with an acceptable entry. */
function firstMatch(phrases: Phrase[], tokens: Token[], i: number, to: number, keys: string[]): Raw | null {
  for (const p of phrases) {
    const n = p.words.length;
    if (i + n > to) continue;
    let ok = true;
    for (let k = 1; k < n; k++) {
      if (keys[i + k] !== p.words[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const entries = p.cased
      ? p.entries.filter((e) => acceptable(e, tokens, i, i + n, p.capitalFirst))
      : p.entries;
    if (entries.length === 0) continue;
    return { start: i, end: i + n, entries };
  }
  return null;
}

/** Longest knowledge-base phrase starting at each token, left to right, no overlaps. */
function matchPhrases(
  starts: readonly (PhraseEntry | undefined)[],
  tokens: Token[],
  from: number,
  to: number,
  keys: string[],
): Raw[] {
  const out: Raw[] = [];
  let i = from;
  while (i < to) {
    const phrases = starts[i];
    let best: Raw | null = null;
    if (phrases) {
      const longer = i + 1 < to ? phrases.bySecond.get(keys[i + 1]) : undefined;
      best =
        (longer && firstMatch(longer, tokens, i, to, keys)) ||
        firstMatch(phrases.single, tokens, i, to, keys);
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

function acceptable(e: Entry, tokens: Token[], start: number, end: number, capitalFirst: boolean): boolean {
  if (e.kind === "agent") return true;
  // Proper names must be written with capitals: "Chad", not "chad"; "the Kremlin", not "the kremlin";
  // "al Qaeda" needs its capital where the knowledge base has it.
  let first = start;
  if (tokens[first].lower === "the" && end - start > 1) first++;
  if (capitalFirst ? !capitalised(tokens[first]) : !tokens.slice(first, end).some(capitalised)) return false;
  if (tokens[end - 1].pos === "PUNCT" && end - start === 1) return false;
  return true;
}

interface Ctx {
  doc: Doc;
  kb: ActorKb;
  date: string;
  mentions: Mention[];
  /** Mentions of a phrase the user's dictionary codes as several actors at once, with the other codes. */
  joint: Map<Mention, readonly string[]>;
}

function span(doc: Doc, start: number, end: number) {
  const s = doc.tokens[start].start;
  const e = doc.tokens[end - 1].end;
  return { start: s, end: e, text: doc.text.slice(s, e) };
}

function addMention(
  c: Ctx,
  kind: MentionKind,
  start: number,
  end: number,
  referent: Referent | null,
  why: string,
  entity: string | null,
): Mention {
  const tokens = c.doc.tokens;
  const s = tokens[start].start;
  const e = tokens[end - 1].end;
  // Written out rather than spread from span(): a spread builds the object through a slow generic path.
  const m: Mention = {
    index: c.mentions.length,
    kind,
    sentence: tokens[start].sentence,
    tokenStart: start,
    tokenEnd: end,
    start: s,
    end: e,
    text: c.doc.text.slice(s, e),
    referent,
    entity,
    why,
  };
  c.mentions.push(m);
  return m;
}

function personReferent(p: Person, date: string): { referent: Referent; why: string } {
  const term = termOn(p, date);
  if (term?.org) {
    // In office at an international body, a person is that body for the term (issue 19), not their country.
    const o = term.org;
    return {
      referent: { code: o.code, country: null, org: o.org, sector: o.sector, name: p.name, id: p.id },
      why: `person ${p.id}: ${term.office} (${o.id} ${term.role} ${term.start} to ${term.end ?? "now"}) on ${date} [${term.source}]`,
    };
  }
  if (term) {
    return {
      referent: {
        code: `${term.country}${term.sector}`,
        country: term.country,
        org: null,
        sector: term.sector,
        name: p.name,
        id: p.id,
      },
      why: `person ${p.id}: ${term.office} (${term.country} ${term.role} ${term.start} to ${term.end ?? "now"}) on ${date} [${term.source}]`,
    };
  }
  return {
    referent: { code: p.country, country: p.country, org: null, sector: null, name: p.name, id: p.id },
    why: `person ${p.id}: no office on ${date}, country ${p.country}`,
  };
}

/**
 * An actor's code with an agent's: after it (`ARN` + `GOV`), or before it for a prefix agent (`NGO` + `ARN`).
 * A code that already holds the agent's code keeps it once ("White House security officials": `USAGOV`).
 */
function agentCode(agent: Agent, country: string | null, sector: string): string {
  const base = country ?? "";
  if (base.length > 3 && base.includes(sector)) return base;
  return agent.prefix ? `${sector}${base}` : `${base}${sector}`;
}

/** The agent's sector, or its context sector when a context word stands in the mention or up to three words before. */
function agentSector(doc: Doc, agent: Agent, start: number, end: number): string {
  if (!agent.context) return agent.sector;
  const sentence = doc.sentences[doc.tokens[start].sentence];
  const from = doc.tokens[Math.max(sentence.tokenStart, start - 3)].start;
  const words = doc.text.slice(from, doc.tokens[end - 1].end).toLowerCase();
  return agent.context.words.some((w) => words.includes(w)) ? agent.context.sector : agent.sector;
}

function agentReferent(agent: Agent, country: string | null, text: string, sector = agent.sector): Referent {
  return {
    code: agentCode(agent, country, sector),
    country,
    org: null,
    sector,
    name: country ? `${country} ${agent.phrase}` : text,
    id: null,
  };
}

function pick<K extends Entry["kind"]>(entries: Entry[], kind: K): Extract<Entry, { kind: K }> | undefined {
  return entries.find((e) => e.kind === kind) as Extract<Entry, { kind: K }> | undefined;
}

/** Chooses among people sharing a name: one already in the article, then one in office on the date. */
const LEADING_ROLES = new Set(["LEADER", "HOSG", "HOS", "HOG"]);

/**
 * Chooses among people sharing a name: one already in the article, then one in office on the date.
 * A surname alone ("Mohammed", "Khan") names someone only when that person was named in full before, leads a
 * state on the date, or is the only person of that surname and holds an office on the date or has led a state.
 */
function choosePerson(entries: Entry[], seen: Set<string>, date: string): Person | null {
  const matches = entries.filter((e): e is Extract<Entry, { kind: "person" }> => e.kind === "person");
  if (matches.length === 0) return null;
  const people = matches.map((e) => e.person);
  const earlier = people.find((p) => seen.has(p.id));
  if (earlier) return earlier;
  if (matches.every((e) => e.surname)) {
    const leading = people.find((p) => {
      const t = termOn(p, date);
      return t !== null && LEADING_ROLES.has(t.role);
    });
    if (leading) return leading;
    // A unique surname of someone in office on the date, or of a head of state or government at any time
    // ("Putin", "Obama"), is that person even on a date outside their terms.
    if (people.length === 1) {
      const p = people[0];
      if (termOn(p, date) !== null || p.terms.some((t) => LEADING_ROLES.has(t.role))) return p;
    }
    return null;
  }
  return people.find((p) => termOn(p, date) !== null) ?? people[0];
}

/**
 * Actors given by their own codes (actors/coded.tsv, converted from PETRARCH/TABARI dictionaries) hold on
 * their dates, and a phrase the user's dictionary codes takes that code, not another entry of the same
 * phrase: the first dated code covering the date, else the undated one. Phrases without coded entries pass
 * unchanged.
 */
function onDate(raws: Raw[], date: string): Raw[] {
  if (!raws.some((r) => r.entries.some((e) => e.kind === "country" && e.coded))) return raws;
  const out: Raw[] = [];
  for (const raw of raws) {
    const coded = raw.entries.filter(
      (e): e is Extract<Entry, { kind: "country" }> => e.kind === "country" && e.coded !== undefined,
    );
    if (coded.length === 0) {
      out.push(raw);
      continue;
    }
    const covering = coded.find(
      (e) =>
        (e.coded!.start !== null || e.coded!.end !== null) &&
        (e.coded!.start === null || e.coded!.start <= date) &&
        (e.coded!.end === null || date <= e.coded!.end),
    );
    const chosen = covering ?? coded.find((e) => e.coded!.start === null && e.coded!.end === null);
    const rest = raw.entries.filter((e) => e.kind !== "country");
    const entries = chosen ? [chosen, ...rest] : rest;
    if (entries.length > 0) out.push({ ...raw, entries });
  }
  return out;
}

function countryOf(entries: Entry[]): Extract<Entry, { kind: "country" }> | undefined {
  return pick(entries, "country");
}

function surnameOnly0(raw: Raw): boolean {
  return raw.entries.every((e) => e.kind !== "person" || e.surname);
}

/** Detects mentions in one sentence. */
function sentenceMentions(
  c: Ctx,
  sFrom: number,
  sTo: number,
  keys: string[],
  starts: readonly (PhraseEntry | undefined)[],
  seenPeople: Set<string>,
): void {
  const { doc, kb, date } = c;
  const tokens = doc.tokens;
  const raws = onDate(matchPhrases(starts, tokens, sFrom, sTo, keys), date);
  const used = new Set<number>();
  const sentenceStartIndex = c.mentions.length;

  // People first, so that the titles and demonyms before a name join the name's mention.
  const personOf = new Map<number, Person>();
  for (let r = raws.length - 1; r >= 0; r--) {
    if (used.has(r)) continue;
    const raw = raws[r];
    const person = choosePerson(raw.entries, seenPeople, date);
    if (!person) continue;
    // "Tom King" is not the King of the knowledge base: a surname alone after another first name is someone else.
    const surnameOnly = raw.entries.every((e) => e.kind !== "person" || e.surname);
    const before = raw.start > sFrom ? tokens[raw.start - 1] : null;
    const beforeRaw = r > 0 && raws[r - 1].end === raw.start ? raws[r - 1] : null;
    // A surname alone must read as a name: "Parts of the city", "Bird flu", "the Hague", "in Lagos" are not
    // Juhan Parts, Lester Bird, William Hague or Ricardo Lagos.
    if (surnameOnly0(raw)) {
      const tok = tokens[raw.start];
      const placed = startingIn(c.doc.places, sFrom, raw.start + 1).some((pl) => pl.tokenEnd >= raw.end);
      // At the start of a sentence a capital says nothing: the name must be followed by a verb or a possessive.
      const next = tokens[raw.end];
      const atStart = raw.start === sFrom;
      const readsAsName =
        !atStart ||
        (next !== undefined &&
          (next.pos === "VERB" ||
            next.pos === "AUX" ||
            next.text === "," ||
            next.lower === "'s" ||
            next.lower === "’s"));
      if (tok.pos !== "PROPN" || tokens[raw.start - 1]?.lower === "the" || placed || !readsAsName) {
        // Not a person, but perhaps what else the phrase names: "Nepal's police" is the country's.
        if (raw.entries.every((e) => e.kind === "person")) used.add(r);
        continue;
      }
    }
    // "Nepal" is the country, not Madhav Kumar Nepal, unless a title or first name says otherwise.
    const before0 = raw.start > sFrom ? tokens[raw.start - 1] : null;
    const titled0 = before0 !== null && (capitalised(before0) || HONORIFICS.has(keys[raw.start - 1]));
    if (
      surnameOnly0(raw) &&
      !titled0 &&
      raw.entries.some((e) => e.kind === "country" || e.kind === "org" || e.kind === "group")
    ) {
      continue;
    }
    // "Antonio Guterres" is not "Antonio" followed by a stranger: a surname alone before another name is a first name.
    const after = tokens[raw.end];
    const afterRaw = raws[r + 1]?.start === raw.end ? raws[r + 1] : null;
    const afterIsName = !afterRaw || afterRaw.entries.some((e) => e.kind === "person");
    if (surnameOnly && raw.end < sTo && after && after.pos !== "PUNCT" && capitalised(after) && afterIsName) {
      used.add(r);
      continue;
    }
    if (
      surnameOnly &&
      before &&
      before.pos !== "PUNCT" &&
      capitalised(before) &&
      raw.start - 1 > sFrom - 1 &&
      !(beforeRaw && !pick(beforeRaw.entries, "person")) &&
      !HONORIFICS.has(keys[raw.start - 1])
    ) {
      used.add(r);
      continue;
    }
    personOf.set(r, person);
    // Extend left over titles, honorifics, demonyms: "Pakistani Prime Minister Shehbaz Sharif",
    // "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei".
    let start = raw.start;
    let k = r - 1;
    while (start > sFrom) {
      const t = tokens[start - 1];
      const prevRaw = k >= 0 && raws[k].end === start ? raws[k] : null;
      if (prevRaw && (pick(prevRaw.entries, "agent") || countryOf(prevRaw.entries)?.how === "demonym")) {
        start = prevRaw.start;
        used.add(k);
        k--;
        continue;
      }
      if (prevRaw) break;
      if (capitalised(t) && (HONORIFICS.has(keys[start - 1]) || t.pos === "PROPN")) {
        start--;
        continue;
      }
      const before = start - 2 >= sFrom ? tokens[start - 2] : null;
      if (t.lower === "the" && before && (before.lower === "of" || capitalised(before))) {
        start--;
        continue;
      }
      if (t.lower === "of" && before && capitalised(before)) {
        start--;
        continue;
      }
      break;
    }
    while (start < raw.start && ["of", "the"].includes(tokens[start].lower)) start++;
    raw.start = start;
  }

  for (let r = 0; r < raws.length; r++) {
    if (used.has(r)) continue;
    const raw = raws[r];
    const person = personOf.get(r);
    const country = countryOf(raw.entries);
    const org = pick(raw.entries, "org");
    const group = pick(raw.entries, "group");
    const agent = pick(raw.entries, "agent");

    if (person) {
      const { referent, why } = personReferent(person, date);
      seenPeople.add(person.id);
      addMention(c, "person", raw.start, raw.end, referent, why, `person:${person.id}`);
      continue;
    }

    if (org) {
      let end = raw.end;
      // "ECO (Economic Cooperation Organization)": the bracketed expansion belongs to the mention.
      const next = raws[r + 1];
      if (tokens[end]?.text === "(" && next && next.start === end + 1 && tokens[next.end]?.text === ")") {
        const o2 = pick(next.entries, "org");
        if (!o2 || o2.org.org === org.org.org) {
          end = next.end + 1;
          used.add(r + 1);
        }
      }
      const o = org.org;
      // "UN troops", "European Community foreign ministers": the body's people.
      let sector = o.sector;
      const after = raws[r + 1];
      if (after && after.start === end && !used.has(r + 1)) {
        const ag = pick(after.entries, "agent");
        if (ag) {
          end = after.end;
          used.add(r + 1);
          sector = ag.agent.sector;
        }
      }
      addMention(
        c,
        "org",
        raw.start,
        end,
        { code: o.code, country: null, org: o.org, sector, name: o.name, id: o.id },
        `org ${o.id}`,
        `org:${o.id}`,
      );
      continue;
    }

    if (group) {
      const g = group.group;
      const p = groupPeriodOn(g, date);
      addMention(
        c,
        "group",
        raw.start,
        raw.end,
        { code: p.code, country: g.country, org: null, sector: p.sector, name: g.name, id: g.id },
        `group ${g.id} (${p.code}${p.start || p.end ? ` ${p.start ?? ""} to ${p.end ?? "now"}` : ""})`,
        `group:${g.id}`,
      );
      continue;
    }

    if (country) {
      const iso3 = country.country.iso3;
      const next = raws[r + 1];
      // "Bosnian Serbs", "Iraqi Kurds": the first demonym gives the state, the second names a people in it.
      const nextCountry = next ? countryOf(next.entries) : undefined;
      if (country.how === "demonym" && next && next.start === raw.end && nextCountry?.how === "demonym") {
        used.add(r + 1);
        const start = raw.start > sFrom && tokens[raw.start - 1].lower === "the" ? raw.start - 1 : raw.start;
        addMention(
          c,
          "country",
          start,
          next.end,
          { code: iso3, country: iso3, org: null, sector: null, name: country.country.name, id: iso3 },
          `country ${iso3} (${country.country.name}): '${span(doc, start, next.end).text}' are a people of it`,
          `country:${iso3}`,
        );
        continue;
      }
      // Demonym or possessive + agent: "the Pakistani prime minister", "Iran's government", "the Israeli regime".
      let agentRaw: Raw | null = null;
      let agentIdx = -1;
      if (next && pick(next.entries, "agent")) {
        const gap = tokens.slice(raw.end, next.start).map((t) => t.lower);
        // "Irish nationalist guerrillas", "Palestinian suicide bombers": modifiers may stand between.
        // "Serbian Labour Minister", "Pakistani Interior Minister": before a title, capitalised words name
        // the portfolio.
        const title = pick(next.entries, "agent")!.agent.title;
        const modifiers = tokens
          .slice(raw.end, next.start)
          .every(
            (t) =>
              (t.pos === "ADJ" || t.pos === "NOUN" || (title && t.pos === "PROPN")) &&
              (title || !capitalised(t)),
          );
        if (
          ((country.how === "demonym" || country.how === "name") && gap.length === 0) ||
          (country.how === "demonym" && gap.length <= 2 && modifiers) ||
          ((gap[0] === "'s" || gap[0] === "’s") &&
            (gap.length === 1 ||
              (gap.length <= 3 &&
                tokens
                  .slice(raw.end + 1, next.start)
                  .every((t) => (t.pos === "ADJ" || t.pos === "NOUN") && !capitalised(t)))))
        ) {
          agentRaw = next;
          agentIdx = r + 1;
        }
      }
      if (agentRaw) {
        used.add(agentIdx);
        let ag = pick(agentRaw.entries, "agent")!;
        // "Israeli intelligence officials": the last of adjacent agent nouns is the head.
        while (raws[agentIdx + 1]?.start === agentRaw.end && pick(raws[agentIdx + 1].entries, "agent")) {
          agentIdx++;
          agentRaw = raws[agentIdx];
          used.add(agentIdx);
          ag = pick(agentRaw.entries, "agent")!;
        }
        const start = raw.start > sFrom && tokens[raw.start - 1].lower === "the" ? raw.start - 1 : raw.start;
        const phrase = ag.agent.phrase;
        const roles = OFFICE_ROLES[phrase];
        if (roles && !ag.plural) {
          const holder = holderOn(kb, iso3, roles, date);
          if (holder) {
            const { referent, why } = personReferent(holder, date);
            seenPeople.add(holder.id);
            addMention(
              c,
              "person",
              start,
              agentRaw.end,
              referent,
              `office: ${iso3} ${phrase} on ${date} -> ${why}`,
              `person:${holder.id}`,
            );
            continue;
          }
        }
        addMention(
          c,
          "agent",
          start,
          agentRaw.end,
          agentReferent(
            ag.agent,
            iso3,
            span(doc, start, agentRaw.end).text,
            agentSector(doc, ag.agent, start, agentRaw.end),
          ),
          `agent '${phrase}' of ${iso3}`,
          null,
        );
        continue;
      }
      if (country.how === "demonym") {
        // A demonym before a plain noun ("Pakistani territory", "Iraqi-imposed") is no actor of its own;
        // as a noun ("Pakistanis") or before a verb it is.
        const after = tokens[raw.end];
        const plural = tokens[raw.end - 1].lower.endsWith("s");
        if (
          !plural &&
          after &&
          (after.pos === "NOUN" || after.pos === "PROPN" || after.text === "-" || after.pos === "ADJ")
        ) {
          const m = addMention(
            c,
            "country",
            raw.start,
            raw.end,
            { code: iso3, country: iso3, org: null, sector: null, name: country.country.name, id: iso3 },
            `country ${iso3} (demonym modifying a noun)`,
            `country:${iso3}`,
          );
          m.modifier = true;
          continue;
        }
      }
      // "in Tehran", "in the Gaza Strip", "in southeastern Serbia": a place, not an actor.
      let k = raw.start - 1;
      while (
        k >= sFrom &&
        k >= raw.start - 3 &&
        (tokens[k].lower === "the" || (tokens[k].pos === "ADJ" && !capitalised(tokens[k])))
      )
        k--;
      // "in the capital city of Algiers", "the port of Hodeidah": a place after a place noun and "of". An
      // actor the user's dictionary codes is an actor wherever it stands, as PETRARCH reads it.
      const placeOnly =
        k >= sFrom &&
        !country.coded &&
        (LOCATIVE.has(tokens[k].lower) ||
          (tokens[k].lower === "of" && k - 1 >= sFrom && PLACE_NOUNS.has(tokens[k - 1].lemma)));
      const m = addMention(
        c,
        country.how === "metonym" ? "capital" : "country",
        raw.start,
        raw.end,
        {
          code: `${iso3}${country.sector ?? ""}`,
          country: iso3,
          org: null,
          sector: country.sector ?? null,
          name: country.country.name,
          id: iso3,
        },
        country.coded ? `coded actor ${iso3} [${country.coded.origin}]` : `country ${iso3} (${country.how})`,
        `country:${iso3}`,
      );
      if (placeOnly) m.placeOnly = true;
      if (country.coded?.also.length) c.joint.set(m, country.coded.also);
      continue;
    }

    if (agent) {
      // A singular agent noun before another noun is a modifier: "military intelligence", "police station";
      // before a collective head it names the group: "opposition groups", "rebel leaders".
      const following = tokens[raw.end];
      let end = raw.end;
      if (
        !agent.plural &&
        following &&
        following.pos === "NOUN" &&
        !capitalised(following) &&
        raw.end < sTo
      ) {
        if (!GROUP_HEADS.has(following.lemma)) continue;
        end = raw.end + 1;
      }
      // A title without a name: "the Leader", "the president" -> coreference later.
      const start = raw.start > sFrom && tokens[raw.start - 1].lower === "the" ? raw.start - 1 : raw.start;
      const text = span(doc, start, end).text;
      addMention(
        c,
        "agent",
        start,
        end,
        agentReferent(agent.agent, null, text, agentSector(doc, agent.agent, start, end)),
        `agent '${agent.agent.phrase}'`,
        null,
      );
    }
  }

  unknownNames(c, sFrom, sTo, sentenceStartIndex);
  titledCodedActors(c, sentenceStartIndex);
  compounds(c, sentenceStartIndex);
}

const NOT_NAMES: ReadonlySet<string> = new Set([
  "tens",
  "hundreds",
  "thousands",
  "dozens",
  "scores",
  "millions",
  "i",
  ...CALENDAR_WORDS,
]);

/** Capitalised names the knowledge base does not know are still mentions, never dropped. */
function unknownNames(c: Ctx, sFrom: number, sTo: number, firstIndex: number): void {
  const tokens = c.doc.tokens;
  const covered = new Uint8Array(sTo - sFrom);
  for (let i = firstIndex; i < c.mentions.length; i++) {
    const m = c.mentions[i];
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t - sFrom] = 1;
  }
  // Places found by the gazetteer ("in Lagos") are places of their country, not unknown actors.
  for (const p of spansWithin(c.doc.places, sFrom, sTo)) {
    if (!p.country) continue;
    let free = true;
    for (let t = p.tokenStart; t < p.tokenEnd; t++) if (covered[t - sFrom]) free = false;
    if (!free) continue;
    for (let t = p.tokenStart; t < p.tokenEnd; t++) covered[t - sFrom] = 1;
    const m = addMention(
      c,
      "capital",
      p.tokenStart,
      p.tokenEnd,
      { code: p.country, country: p.country, org: null, sector: null, name: p.name, id: null },
      `place ${p.name} (${p.country}) from the gazetteer`,
      null,
    );
    m.placeOnly = true;
  }
  let i = sFrom;
  while (i < sTo) {
    const t = tokens[i];
    if (covered[i - sFrom] || t.pos !== "PROPN" || !capitalised(t) || NOT_NAMES.has(t.lower)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < sTo && !covered[j - sFrom] && tokens[j].pos === "PROPN" && capitalised(tokens[j])) j++;
    // A single capitalised adjective before a noun ("Muslim countries", "Zionist regime") names no actor.
    if (j === i + 1 && j < sTo && (tokens[j].pos === "NOUN" || tokens[j].text === "-")) {
      i = j;
      continue;
    }
    const text = span(c.doc, i, j).text;
    // "British Defence Secretary Tom King": a title with a country before an unknown name codes the person.
    const titled = c.mentions.find(
      (m, k) => k >= firstIndex && m.tokenEnd === i && m.kind === "agent" && m.referent !== null,
    );
    if (titled?.referent) {
      titled.kind = "person";
      titled.tokenEnd = j;
      Object.assign(titled, span(c.doc, titled.tokenStart, j));
      titled.referent = { ...titled.referent, name: text };
      titled.why = `${titled.why}; a name not in the knowledge base, coded from its title`;
      i = j;
      continue;
    }
    addMention(
      c,
      "unknown",
      i,
      j,
      { code: "UNK", country: null, org: null, sector: null, name: text, id: null },
      "not in the knowledge base",
      null,
    );
    i = j;
  }
}

/** "Iran and Pakistan", "Tehran and Islamabad", "Iranian and American negotiators": one compound mention. */
/**
 * "Lawmakers in Fornost and Gondor", "the ambassadors of Arnor, Osgiliath and Gondor": agents of a
 * coordination of actors the user's dictionary codes are the agents of each, as PETRARCH codes them.
 */
function agentsOfCodedCompounds(c: Ctx): void {
  if (c.kb.coded.size === 0) return;
  const tokens = c.doc.tokens;
  const byStart = new Map<number, Mention>();
  for (const m of c.mentions) if (m.members && !byStart.has(m.tokenStart)) byStart.set(m.tokenStart, m);
  for (const a of [...c.mentions]) {
    const agents = a.members ? a.members.map((i) => c.mentions[i]) : [a];
    if (!agents.every((x) => x.kind === "agent" && x.referent?.sector)) continue;
    let k = a.tokenEnd;
    if (tokens[k]?.lower !== "in" && tokens[k]?.lower !== "of") continue;
    k++;
    if (tokens[k]?.lower === "the") k++;
    const owners = byStart.get(k);
    if (!owners?.members) continue;
    const states = owners.members.map((i) => c.mentions[i]);
    if (!states.every((s) => isCoded(c, s) && !s.members)) continue;
    const made: number[] = [];
    for (const ag of agents) {
      for (const s of states) {
        const state = s.referent!.code;
        const sector = ag.referent!.sector!;
        const m = addMention(
          c,
          "agent",
          a.tokenStart,
          a.tokenEnd,
          { ...ag.referent!, code: state.includes(sector) ? state : `${state}${sector}`, country: state },
          `${ag.why}; of '${s.text}' (coordinated)`,
          null,
        );
        made.push(m.index);
      }
    }
    a.members = made;
  }
}

/** "The Shire" coded `FRO|BIL|SAM`: one mention standing for several actors, each a member of it. */
function jointActors(c: Ctx): void {
  for (const [m, also] of c.joint) {
    if (!m.referent) continue;
    const members = [m.referent.code, ...also].map((code) => {
      const x = addMention(
        c,
        m.kind,
        m.tokenStart,
        m.tokenEnd,
        { ...m.referent!, code, country: code, id: code },
        m.why,
        null,
      );
      return x.index;
    });
    m.members = members;
  }
}

/** The mention's actor is given by the user's dictionary (actors/coded.tsv), or is an agent of one. */
function isCoded(c: Ctx, m: Mention): boolean {
  const code = m.referent?.country;
  return code !== undefined && code !== null && c.kb.coded.has(code);
}

/**
 * "Bree Prime Minister Romendacil", "MSF Arnor", "An MSF Arnor diplomat": a title or agent noun right before
 * an actor the user's dictionary codes is one actor with it, as PETRARCH reads a noun phrase. A title with
 * its own state keeps its code; a bare agent noun adds its code to the actor's (before it for a prefix agent).
 */
function titledCodedActors(c: Ctx, firstIndex: number): void {
  if (c.kb.coded.size === 0 || c.mentions.length - firstIndex < 2) return;
  const tokens = c.doc.tokens;
  const ms = c.mentions.slice(firstIndex).sort((a, b) => a.tokenStart - b.tokenStart);
  const drop = new Set<Mention>();
  for (let k = ms.length - 2; k >= 0; k--) {
    const a = ms[k];
    const b = ms[k + 1];
    if (a.kind !== "agent" || a.tokenEnd !== b.tokenStart || drop.has(b) || !b.referent) continue;
    if (!(isCoded(c, b) || (b.kind === "unknown" && isCoded(c, a)))) continue;
    if (!a.referent?.country) {
      const agent = c.kb.agents.get(
        tokens
          .slice(a.tokenStart, a.tokenEnd)
          .map((t) => t.lower)
          .join(" ")
          .replace(/^the /, ""),
      );
      const sector = a.referent?.sector ?? "";
      const base = b.referent.code;
      const code = agent?.prefix ? `${sector}${base}` : base.includes(sector) ? base : `${base}${sector}`;
      a.referent = { ...b.referent, code, sector: a.referent?.sector ?? null };
    }
    a.tokenEnd = b.tokenEnd;
    a.end = b.end;
    a.text = c.doc.text.slice(a.start, a.end);
    a.why = `${a.why}; with '${b.text}' (${b.why})`;
    drop.add(b);
  }
  if (drop.size === 0) return;
  const kept = c.mentions.filter((m) => !drop.has(m));
  c.mentions.length = 0;
  kept.forEach((m, i) => {
    m.index = i;
    c.mentions.push(m);
  });
}

function compounds(c: Ctx, firstIndex: number): void {
  if (c.mentions.length - firstIndex < 2) return;
  const tokens = c.doc.tokens;
  const ms = c.mentions.slice(firstIndex);
  // Mostly found left to right already: sort (a stable sort) only when they are not.
  let sorted = true;
  for (let k = 1; k < ms.length && sorted; k++) sorted = ms[k - 1].tokenStart <= ms[k].tokenStart;
  if (!sorted) ms.sort((a, b) => a.tokenStart - b.tokenStart);
  let i = 0;
  while (i < ms.length) {
    const group = [ms[i]];
    let j = i + 1;
    while (j < ms.length) {
      const prev = group[group.length - 1];
      // "Fornost and the evil awful Gondor": before an actor the user's dictionary codes, the adjectives
      // after the conjunction modify the next member.
      let gapEnd = ms[j].tokenStart;
      const coded = isCoded(c, prev) && isCoded(c, ms[j]);
      if (coded) {
        while (gapEnd - 1 > prev.tokenEnd && tokens[gapEnd - 1].pos === "ADJ") gapEnd--;
      }
      // A joining gap is "and", "," or ", and", and perhaps a "the": more than three words never join.
      if (gapEnd - prev.tokenEnd > 3) break;
      // "Israel and the Palestinians": a determiner after the conjunction belongs to the next member.
      const gap = tokens
        .slice(prev.tokenEnd, gapEnd)
        .map((t) => t.lower)
        .filter((w, k, all) => !(w === "the" && k === all.length - 1 && k > 0));
      // "Neither Galadriel nor Gollum": between coded actors "nor" coordinates too.
      const joins = gap.length === 1 && (gap[0] === "and" || gap[0] === "," || (coded && gap[0] === "nor"));
      const joinsAnd = gap.length === 2 && gap[0] === "," && gap[1] === "and";
      if (!(joins || joinsAnd) || ms[j].kind === "unknown" || prev.kind === "unknown") break;
      if (Boolean(ms[j].placeOnly) !== Boolean(prev.placeOnly) && !prev.placeOnly) break;
      group.push(ms[j]);
      j++;
    }
    if (
      group.length > 1 &&
      tokens
        .slice(group[group.length - 2].tokenEnd, group[group.length - 1].tokenStart)
        .some((t) => t.lower === "and" || (t.lower === "nor" && group.every((g) => isCoded(c, g))))
    ) {
      const first = group[0];
      const last = group[group.length - 1];
      const m = addMention(c, "compound", first.tokenStart, last.tokenEnd, null, "coordination", null);
      m.members = group.map((g) => g.index);
      if (group.every((g) => g.placeOnly)) m.placeOnly = true;
      i = j;
    } else i++;
  }
}

/** Prepositions whose phrase right after an agent places it: "police in Kathmandu", "students from Gaza". */
const ATTACHING = new Set(["in", "of", "from", "at"]);

/**
 * The article's main country: the country with the highest score over the article, where a place where
 * something happens counts two (a city or region of the gazetteer, or a country name after a locative word:
 * "in Kathmandu", "in the capital city of Algiers"), and an actor that opens a sentence (named before the
 * sentence's first verb: the subjects) or a named office-holder anywhere counts one. A country named only after
 * the verb, as the object of an act ("imposed sanctions on China"), never counts. Ties go to the country named first; null when none qualifies.
 */
function mainCountry(c: Ctx): { country: string; text: string } | null {
  const tokens = c.doc.tokens;
  const firstVerb = new Map<number, number>();
  for (const s of c.doc.sentences) {
    let v = s.tokenEnd;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (tokens[i].pos === "VERB") {
        v = i;
        break;
      }
    }
    firstVerb.set(s.index, v);
  }
  const scores = new Map<string, { n: number; first: number; text: string }>();
  const score = (country: string, n: number, at: number, text: string): void => {
    const seen = scores.get(country);
    if (!seen) scores.set(country, { n, first: at, text });
    else {
      seen.n += n;
      if (at < seen.first) Object.assign(seen, { first: at, text });
    }
  };
  const actorAt = new Set<number>();
  const placeAt = new Set<number>();
  for (const m of c.mentions) {
    const country = m.referent?.country;
    if (!country || m.members || m.kind === "pronoun") continue;
    if (m.placeOnly) {
      placeAt.add(m.tokenStart);
      score(country, 2, m.tokenStart, m.text);
    } else {
      for (let t = m.tokenStart; t < m.tokenEnd; t++) actorAt.add(t);
      const named = m.kind === "person" && m.referent?.id !== null;
      if (named || m.tokenStart < (firstVerb.get(m.sentence) ?? 0)) score(country, 1, m.tokenStart, m.text);
    }
  }
  // Cities and regions the actors did not take (a metonym such as "Beijing imposed" is an actor, not a place).
  for (const p of c.doc.places) {
    if (!p.country || actorAt.has(p.tokenStart) || placeAt.has(p.tokenStart)) continue;
    score(p.country, 2, p.tokenStart, p.text);
  }
  let best: { country: string; text: string } | null = null;
  let bestN = 0;
  let bestFirst = Number.POSITIVE_INFINITY;
  for (const [country, { n, first, text }] of scores) {
    if (n > bestN || (n === bestN && first < bestFirst)) {
      best = { country, text };
      bestN = n;
      bestFirst = first;
    }
  }
  return best;
}

/** Places and named states by the token they start or end at, built once per article. */
interface Where {
  placeStarting: Map<number, PlaceMention>;
  placeEnding: Map<number, PlaceMention>;
  stateStarting: Map<number, Mention>;
  /** International bodies and other organisations without a country, by first token. */
  bodyStarting: Map<number, Mention>;
}

function whereIndex(c: Ctx): Where {
  const placeStarting = new Map<number, PlaceMention>();
  const placeEnding = new Map<number, PlaceMention>();
  for (const p of c.doc.places) {
    if (!p.country) continue;
    if (!placeStarting.has(p.tokenStart)) placeStarting.set(p.tokenStart, p);
    if (!placeEnding.has(p.tokenEnd)) placeEnding.set(p.tokenEnd, p);
  }
  const stateStarting = new Map<number, Mention>();
  const bodyStarting = new Map<number, Mention>();
  for (const m of c.mentions) {
    if (m.referent?.org && !m.referent.country && !bodyStarting.has(m.tokenStart))
      bodyStarting.set(m.tokenStart, m);
    if (
      (m.kind === "country" || m.kind === "capital") &&
      m.referent?.country &&
      !stateStarting.has(m.tokenStart)
    )
      stateStarting.set(m.tokenStart, m);
  }
  return { placeStarting, placeEnding, stateStarting, bodyStarting };
}

/** The first token of the agent's own prepositional phrase right after it ("police in southern Kathmandu"). */
function attachedStart(c: Ctx, m: Mention): number {
  const tokens = c.doc.tokens;
  const sentenceEnd = c.doc.sentences[m.sentence].tokenEnd;
  let k = m.tokenEnd;
  if (k >= sentenceEnd || !ATTACHING.has(tokens[k].lower)) return -1;
  k++;
  while (k < sentenceEnd && k <= m.tokenEnd + 4 && (tokens[k].lower === "the" || tokens[k].pos === "ADJ"))
    k++;
  return k;
}

/**
 * The body an agent belongs to by its own "of"/"from" phrase ("delegates of the Red Cross", "officials from
 * the United Nations"): such agents are that body's, and take no country from the dateline or the article.
 */
function attachedBody(c: Ctx, m: Mention, at: Where): Mention | null {
  const k = attachedStart(c, m);
  const prep = c.doc.tokens[m.tokenEnd]?.lower;
  if (k < 0 || (prep !== "of" && prep !== "from")) return null;
  // A body's mention may take in its article ("the United Nations").
  return at.bodyStarting.get(k) ?? at.bodyStarting.get(m.tokenEnd + 1) ?? null;
}

/** The place of the agent's own prepositional phrase right after it ("police in southern Kathmandu"). */
function attachedPlace(c: Ctx, m: Mention, at: Where): { country: string; text: string } | null {
  const k = attachedStart(c, m);
  if (k < 0) return null;
  const place = at.placeStarting.get(k);
  if (place?.country) return { country: place.country, text: place.text };
  const named = at.stateStarting.get(k);
  return named?.referent?.country ? { country: named.referent.country, text: named.text } : null;
}

/**
 * Agents and unknown names without a country ("police", "protesters", "Ali Hassan") take one from, in order:
 * a place name right before them ("Darfur rebels") or the nationality word of their coordination ("Israeli
 * helicopters and tanks"); a place attached to them ("police in Kathmandu": their own prepositional phrase,
 * never a place elsewhere in the sentence); the dateline; the article's main country. Nationality words and
 * possessives ("Pakistani police", "Nepal's police") were read when the mention was found. The reason is
 * written in mention.why; with none of these, the mention keeps its sector alone.
 */
function agentCountries(c: Ctx): void {
  // "ethnic Albanians in southern Serbia": an ethnic group belongs to the state where it lives when the
  // sentence names one.
  for (const m of c.mentions) {
    if (!m.referent?.country) continue;
    // "ethnic Albanians ... in Serbia", "the Albanians of southern Serbia".
    const ethnic = c.doc.tokens[m.tokenStart - 1]?.lower === "ethnic";
    const of = c.doc.tokens[m.tokenEnd]?.lower === "of" && m.kind === "country" && /s$/.test(m.text);
    if (!ethnic && !of) continue;
    const where = c.mentions.find(
      (x) =>
        x.sentence === m.sentence &&
        x.referent?.country &&
        !x.members &&
        x.referent.country !== m.referent?.country &&
        (ethnic ? x.placeOnly === true : x.tokenStart > m.tokenEnd && x.tokenStart <= m.tokenEnd + 3),
    );
    if (!where?.referent?.country) continue;
    const country = where.referent.country;
    m.referent = { ...m.referent, code: `${country}${m.referent.sector ?? ""}`, country };
    m.why = `${m.why}; an ethnic group in ${country} ('${where.text}')`;
  }
  // "the Azerbaijani republic of Nakhichevan", "the Syrian city of Qusayr": a name the knowledge base lacks is
  // a place, and the nationality word before its place noun gives its country.
  const tokens = c.doc.tokens;
  for (const m of c.mentions) {
    if (m.kind !== "unknown" || !m.referent) continue;
    const noun = m.tokenStart - 2;
    if (tokens[m.tokenStart - 1]?.lower !== "of" || !PLACE_NOUNS.has(tokens[noun]?.lemma ?? "")) continue;
    m.placeOnly = true;
    const demonym = c.mentions.find(
      (x) => x.modifier && x.sentence === m.sentence && x.tokenEnd <= noun && x.tokenEnd >= noun - 2,
    );
    const country = demonym?.referent?.country;
    if (!country) continue;
    m.referent = { ...m.referent, code: country, country };
    m.why = `${m.why}; a place of ${country} ('${span(c.doc, demonym.tokenStart, m.tokenEnd).text}')`;
  }
  const compoundOf = new Map<number, Mention>();
  for (const m of c.mentions) for (const k of m.members ?? []) compoundOf.set(k, m);
  const byIndex = new Map(c.mentions.map((m) => [m.index, m]));
  const dateline = c.doc.dateline;
  const main = mainCountry(c);
  const at = whereIndex(c);
  for (const m of c.mentions) {
    if (!m.referent || m.referent.country !== null) continue;
    // Agents, unknown names, and people known only by a title ("President Bouteflicka").
    if (m.kind !== "agent" && m.kind !== "unknown" && !(m.kind === "person" && m.referent.id === null))
      continue;
    let found: { country: string; reason: string } | null = null;
    const placed = at.placeEnding.get(m.tokenStart);
    if (placed?.country) found = { country: placed.country, reason: `the place '${placed.text}' before it` };
    const sibling = compoundOf
      .get(m.index)
      ?.members?.map((k) => byIndex.get(k))
      .find((x) => x !== undefined && x !== m && x.kind !== "unknown" && x.referent?.country);
    if (!found && sibling?.referent?.country)
      found = { country: sibling.referent.country, reason: `its coordination with '${sibling.text}'` };
    const body = found ? null : attachedBody(c, m, at);
    if (body?.referent) {
      const { code, org, name } = body.referent;
      m.referent = { ...m.referent, code, org, name };
      m.why = `${m.why}; of the body '${body.text}' attached to it`;
      continue;
    }
    const attached = found ? null : attachedPlace(c, m, at);
    if (attached)
      found = { country: attached.country, reason: `the place attached to it ('${attached.text}')` };
    if (!found && dateline?.country)
      found = { country: dateline.country, reason: `the dateline '${dateline.text}'` };
    if (!found && main)
      found = { country: main.country, reason: `the article's main country ('${main.text}')` };
    if (!found) continue;
    const { country, reason } = found;
    const name = m.kind === "unknown" ? m.referent.name : `${country} ${m.referent.name}`;
    m.referent = { ...m.referent, code: `${country}${m.referent.sector ?? ""}`, country, name };
    m.why = `${m.why}; country ${country} from ${reason}`;
  }
}

/** Resolves titles without names, pronouns and "the two countries" to earlier mentions. */
function coreference(c: Ctx): void {
  const { doc, kb, date } = c;
  const tokens = doc.tokens;
  const ordered = [...c.mentions].sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
  const people: Mention[] = [];
  const subjects: Mention[] = [];
  const states: Mention[] = [];
  let lastSentence = -1;
  for (const m of ordered) {
    if (m.sentence !== lastSentence) lastSentence = m.sentence;
    if (m.kind === "agent" && m.referent && m.referent.country === null && m.members === undefined) {
      const phrase = m.text.replace(/^the\s+/i, "").toLowerCase();
      const roles = OFFICE_ROLES[phrase];
      if (roles) {
        const holds = (p: Mention): boolean => {
          const office = p.referent?.id
            ? termOn(kb.people.get(p.referent.id)!, date)?.office.toLowerCase()
            : undefined;
          return (office?.includes(phrase) ?? false) || p.text.toLowerCase().includes(phrase);
        };
        let antecedent: Mention | undefined;
        for (let k = people.length - 1; k >= 0 && !antecedent; k--)
          if (holds(people[k])) antecedent = people[k];
        if (antecedent?.referent) {
          m.kind = "person";
          m.referent = antecedent.referent;
          m.entity = antecedent.entity;
          m.why = `coreference: '${m.text}' -> ${antecedent.referent.name} (mention '${antecedent.text}')`;
        }
      }
    }
    if (m.kind === "person" && m.referent) {
      people.push(m);
      const before = tokens.slice(doc.sentences[m.sentence].tokenStart, m.tokenStart);
      if (!before.some((t) => t.pos === "VERB")) subjects.push(m);
    }
    if ((m.kind === "country" || m.kind === "capital") && !m.placeOnly) states.push(m);
  }

  // Pronouns and "the two countries" are found by scanning tokens.
  const extra: Mention[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (t.pos === "PRON" && PERSON_PRONOUNS.has(t.lower)) {
        // The last subject (else person) before the pronoun: both lists are in text order.
        const antecedent =
          subjects[firstAtLeast(subjects, i, (p) => p.tokenStart) - 1] ??
          people[firstAtLeast(people, i, (p) => p.tokenStart) - 1];
        if (antecedent?.referent) {
          const m = addMention(
            c,
            "pronoun",
            i,
            i + 1,
            antecedent.referent,
            `coreference: '${t.text}' -> ${antecedent.referent.name}`,
            antecedent.entity,
          );
          extra.push(m);
        }
        continue;
      }
      if (
        (t.lower === "two" || t.lower === "both") &&
        i + 1 < s.tokenEnd &&
        GROUP_WORDS.has(tokens[i + 1].lower)
      ) {
        const start = i > s.tokenStart && tokens[i - 1].lower === "the" ? i - 1 : i;
        const picked: Mention[] = [];
        for (let k = firstAtLeast(states, i, (m) => m.tokenStart) - 1; k >= 0; k--) {
          const p = states[k];
          if (!picked.some((q) => q.referent?.country === p.referent?.country)) picked.push(p);
          if (picked.length === 2) break;
        }
        if (picked.length === 2) {
          picked.reverse();
          const members = picked.map((p) =>
            addMention(
              c,
              "country",
              start,
              i + 2,
              p.referent,
              `coreference: '${span(doc, start, i + 2).text}' -> ${p.referent?.name}`,
              p.entity,
            ),
          );
          const m = addMention(
            c,
            "compound",
            start,
            i + 2,
            null,
            "coreference: the two states just named",
            null,
          );
          m.members = members.map((x) => x.index);
        }
      }
    }
  }
}

export interface ActorsComponentOptions {
  kb: ActorKb;
}

/** Pipeline component: writes doc.mentions (detection and resolution) and coreference. */
export function createActorsComponent<C>(options: ActorsComponentOptions): Component<C> {
  const { kb } = options;
  const phrases = indexBySecondWord(kb.index);
  // Word key and the phrases it starts, per spelling, kept across articles (bounded, so that memory does not
  // grow with the input): one lookup per token instead of a key computation and a search of the big index.
  const keyOf = new Map<string, { key: string; starts: PhraseEntry | undefined }>();
  const keyed = (text: string): { key: string; starts: PhraseEntry | undefined } => {
    let k = keyOf.get(text);
    if (k === undefined) {
      if (keyOf.size >= 100_000) keyOf.clear();
      const key = wordKey(text);
      k = { key, starts: phrases.get(key) };
      keyOf.set(text, k);
    }
    return k;
  };
  return {
    name: "actors",
    reads: ["tokens", "sentences", "places", "dateline"],
    writes: ["mentions", "coref"],
    run(doc) {
      const n = doc.tokens.length;
      const keys = new Array<string>(n);
      const starts = new Array<PhraseEntry | undefined>(n);
      for (let i = 0; i < n; i++) {
        const k = keyed(doc.tokens[i].text);
        keys[i] = k.key;
        starts[i] = k.starts;
      }
      const c: Ctx = { doc, kb, date: doc.article.date, mentions: [], joint: new Map() };
      const seenPeople = new Set<string>();
      // The dateline ("NEW YORK (Reuters) -") says where the story was filed: its words are no actors of the
      // first sentence; agents read its country later (agentCountries).
      const datelineEnd = doc.dateline?.end ?? -1;
      for (const s of doc.sentences) {
        let from = s.tokenStart;
        while (from < s.tokenEnd && doc.tokens[from].start < datelineEnd) from++;
        if (from < s.tokenEnd) sentenceMentions(c, from, s.tokenEnd, keys, starts, seenPeople);
      }
      coreference(c);
      agentCountries(c);
      agentsOfCodedCompounds(c);
      jointActors(c);
      c.mentions.sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
      const remap = new Map<number, number>();
      c.mentions.forEach((m, i) => {
        remap.set(m.index, i);
      });
      for (const m of c.mentions) {
        m.index = remap.get(m.index)!;
        if (m.members) m.members = m.members.map((x) => remap.get(x)!);
      }
      doc.mentions = c.mentions;
      return doc;
    },
  };
}
