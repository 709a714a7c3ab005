// Names of countries and international bodies, for reading a query term ("Iran", "the United Nations",
// "Pakistani", "IR") as the actors it names. Built from the country and organisation files only: a few
// milliseconds, where the whole knowledge base takes over a second.
import worldCountries from "world-countries";
import type { ActorNames, NamedActors } from "../store/actors.js";
import type { WorldCountry } from "./actors.js";
import { DATA_DIR, readDataFile } from "./files.js";
import { list, parseTsv } from "./tsv.js";

/** The key a name is looked up by: lower case, no diacritics, no leading "the", single spaces. */
export function nameLookupKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, "")
    .trim()
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ");
}

/**
 * Country names (world-countries' common and official names and spellings, including ISO alpha-2 codes, and
 * data/actors/countries.tsv's names and demonyms) and body names and aliases (data/actors/orgs.tsv).
 * Metonyms ("Washington", "Kabul") are left out: as a query they are as likely a person's name.
 */
export function loadActorNames(dir: string = DATA_DIR): ActorNames {
  const index = new Map<string, NamedActors>();
  const slot = (name: string): NamedActors => {
    const key = nameLookupKey(name);
    let s = index.get(key);
    if (!s) {
      s = { countries: [], orgs: [] };
      index.set(key, s);
    }
    return s;
  };
  const addCountry = (name: string, iso3: string) => {
    if (name.trim() === "") return;
    const s = slot(name);
    if (!s.countries.includes(iso3)) s.countries.push(iso3);
  };
  for (const c of worldCountries as unknown as WorldCountry[]) {
    for (const name of [c.name.common, c.name.official, ...(c.altSpellings ?? [])]) addCountry(name, c.cca3);
    const demonym = c.demonyms?.eng;
    if (demonym) for (const d of [demonym.m, demonym.f]) addCountry(d, c.cca3);
  }
  const countries = readDataFile("actors/countries.tsv", dir);
  for (const row of parseTsv(countries.text, countries.name, ["iso3"])) {
    const iso3 = row.get("iso3");
    for (const name of [...list(row.get("names")), ...list(row.get("demonyms"))]) addCountry(name, iso3);
  }
  const orgs = readDataFile("actors/orgs.tsv", dir);
  for (const row of parseTsv(orgs.text, orgs.name, ["org", "code", "name"])) {
    const org = { org: row.get("org"), code: row.get("code") };
    for (const name of [row.get("name"), ...list(row.get("aliases"))]) {
      if (name.trim() === "") continue;
      const s = slot(name);
      if (!s.orgs.some((o) => o.org === org.org && o.code === org.code)) s.orgs.push(org);
    }
  }
  return (name) => index.get(nameLookupKey(name));
}
