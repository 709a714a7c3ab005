// `dyad kb import wikidata FILE`: turns the JSON a Wikidata SPARQL endpoint returns for WIKIDATA_QUERY into
// rows of the people files (data/actors/people/*.tsv), and merges them into an existing file.
// Pure: no I/O; the command reads and writes the files.
import { DyadError } from "../core/errors.js";

/** One term of office, as a row of a people file. */
export interface PeopleRow {
  person: string;
  name: string;
  aliases: string[];
  country: string;
  role: string;
  office: string;
  start: string;
  /** Last day in office, or null while in office. */
  end: string | null;
}

/** The roles of the people files (data/README.md). */
export const PEOPLE_ROLES = [
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
] as const;

/** The columns of a people file, in the order a new file gets them. */
export const PEOPLE_COLUMNS = [
  "person",
  "name",
  "aliases",
  "country",
  "role",
  "office",
  "start",
  "end",
] as const;

/**
 * The SPARQL query to run at the Wikidata Query Service (download the result as JSON).
 * Heads of state (P1906) and of government (P1313) of every country with an ISO alpha-3 code (P298),
 * and holders of positions that are subclasses of foreign minister (Q7330070) or defence minister (Q2518691)
 * of that country (P1001 applies to jurisdiction, or P17 country), with a position held (P39) statement whose
 * start (P580) is known and which was in force at some time since 2010. The query fills `role` for heads of
 * state and government (HOSG when one office is both); other roles follow from the position's label.
 */
export const WIKIDATA_QUERY = `# Dyad: heads of state and government, foreign and defence ministers in office at any time since 2010.
# Run at https://query.wikidata.org/, download the result as JSON, then: dyad kb import wikidata FILE
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

SELECT ?person ?personLabel (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?altLabels)
       ?position ?positionLabel ?countryCode ?role ?start ?startPrecision ?end ?endPrecision
WHERE {
  {
    SELECT DISTINCT ?position ?country WHERE {
      { ?country wdt:P1906 ?position . }                    # office held by head of state
      UNION { ?country wdt:P1313 ?position . }              # office held by head of government
      UNION { ?position wdt:P279* wd:Q7330070 .             # foreign minister
              { ?position wdt:P1001 ?country . } UNION { ?position wdt:P17 ?country . } }
      UNION { ?position wdt:P279* wd:Q2518691 .             # defence minister
              { ?position wdt:P1001 ?country . } UNION { ?position wdt:P17 ?country . } }
    }
  }
  ?country wdt:P298 ?countryCode .
  ?person wdt:P31 wd:Q5 ;
          p:P39 ?held .
  ?held ps:P39 ?position ;
        pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] .
  MINUS { ?held wikibase:rank wikibase:DeprecatedRank . }
  OPTIONAL { ?held pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] . }
  FILTER(IF(BOUND(?end), ?end >= "2010-01-01T00:00:00Z"^^xsd:dateTime,
                         ?start >= "1950-01-01T00:00:00Z"^^xsd:dateTime))
  FILTER NOT EXISTS { ?person wdt:P570 ?died . FILTER(?died < "2010-01-01T00:00:00Z"^^xsd:dateTime) }
  ?person rdfs:label ?personLabel . FILTER(LANG(?personLabel) = "en")
  ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = "en")
  OPTIONAL { ?person skos:altLabel ?alt . FILTER(LANG(?alt) = "en") }
  BIND(IF(CONTAINS(LCASE(?positionLabel), "supreme leader"), "LEADER",
       IF(EXISTS { ?country wdt:P1906 ?position } && EXISTS { ?country wdt:P1313 ?position }, "HOSG",
       IF(EXISTS { ?country wdt:P1906 ?position }, "HOS",
       IF(EXISTS { ?country wdt:P1313 ?position }, "HOG", "")))) AS ?role)
}
GROUP BY ?person ?personLabel ?position ?positionLabel ?countryCode ?role ?start ?startPrecision ?end ?endPrecision
ORDER BY ?countryCode ?personLabel ?start
`;

type Role = (typeof PEOPLE_ROLES)[number];
/** A role still to be decided from the rest of the document: a president is HOS where a prime minister exists. */
type PendingRole = Role | "PRESIDENT";

interface Term {
  type: string;
  value: string;
}

/** Lower-case ASCII slug of a name: "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan". */
export function personSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐðÐ]/g, "d")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/ı/g, "i")
    .replace(/[þÞ]/g, "th")
    .toLowerCase()
    .replace(/['’‘`ʻ]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The role a position's English label implies. "President of X" gives "PRESIDENT": HOS when the country also
 * has a head of government, HOSG otherwise; the caller decides.
 */
function roleFromLabel(label: string): PendingRole {
  const l = label.toLowerCase();
  if (/\bsupreme leader\b/.test(l)) return "LEADER";
  if (/\bleader of\b.*\bopposition\b|\bopposition leader\b|\bshadow\b/.test(l)) return "OPP";
  if (/\bvice[- ]president\b|\bvice[- ]chancellor\b/.test(l)) return "VP";
  if (/\b(deputy|assistant|under|junior|parliamentary|state secretary|minister of state)\b/.test(l))
    return "MIN";
  if (
    /\bchiefs? of\b.*\bstaff\b/.test(l) &&
    !/\b(white house|presidential|cabinet|president's|prime minister)\b/.test(l)
  ) {
    return "MIL";
  }
  if (/\bdefen[cs]e\b|\bminister of (the )?armed forces\b|\b(minister|secretary) (of|for) war\b/.test(l)) {
    if (/\b(minister|secretary|ministry)\b/.test(l) && !/\bproduction\b/.test(l)) return "DEF";
  }
  if (
    /\bforeign (affairs|minister|secretary|relations)\b|\bexternal affairs\b/.test(l) ||
    /\bsecretary of state\b(?! for)|\bsecretary of state for foreign\b/.test(l)
  ) {
    return "FM";
  }
  if (
    /\bprime minister\b|\bpremier\b|\bhead of government\b|\btaoiseach\b|\bfederal chancellor\b|\bchancellor of (germany|austria)\b|\bpresident of the (government|council of ministers|executive yuan)\b/.test(
      l,
    )
  ) {
    return "HOG";
  }
  if (/\b(president|speaker) of the (senate|national assembly|parliament|chamber|house|assembly)\b/.test(l))
    return "LEG";
  if (/\bpresident\b/.test(l)) return "PRESIDENT";
  if (/\b(king|queen|emir|amir|sultan|monarch|emperor|grand duke|sovereign prince|prince of)\b/.test(l))
    return "HOS";
  if (/\bspeaker\b/.test(l)) return "LEG";
  return "MIN";
}

function isRole(value: string): value is Role {
  return (PEOPLE_ROLES as readonly string[]).includes(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The date part of an xsd:dateTime, cut to the precision Wikidata gives (9 year, 10 month, 11 day). */
function wikidataDate(value: string, precision: string | undefined, fail: (m: string) => never): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(value);
  if (!m) fail(`'${value}' is not a date`);
  const [, y, mo, d] = m;
  const p = precision === undefined ? 11 : Number(precision);
  if (!Number.isInteger(p)) fail(`bad date precision '${precision}'`);
  if (p <= 9 || mo === "00") return y;
  const month = Number(mo);
  if (month < 1 || month > 12) fail(`'${value}' is not a date`);
  if (p === 10 || d === "00") return `${y}-${mo}`;
  const t = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== Number(d)) fail(`'${value}' is not a date`);
  return `${y}-${mo}-${d}`;
}

function splitAliases(value: string): string[] {
  const parts = value.includes("|") ? value.split("|") : value.split(/,\s+/);
  return parts.map((a) => a.replace(/\s+/g, " ").trim()).filter((a) => a !== "");
}

/**
 * Reads the SPARQL results JSON of WIKIDATA_QUERY (or any query with the variables person, personLabel,
 * positionLabel, countryCode and start; optional altLabels, role, end, startPrecision, endPrecision) into
 * people rows, one per term, in document order. Rows repeated by the query (same person, role and start)
 * are merged. Throws E_DATA naming `origin` and the binding for a malformed document.
 */
export function parseWikidataPositions(json: unknown, origin: string): PeopleRow[] {
  const bad = (detail: string): never => {
    throw new DyadError("E_DATA", detail, origin);
  };
  if (!isObject(json)) bad("not a SPARQL results object");
  const doc = json as Record<string, unknown>;
  if (doc.head !== undefined && !(isObject(doc.head) && Array.isArray(doc.head.vars)))
    bad("'head.vars' is not a list");
  if (!isObject(doc.results) || !Array.isArray(doc.results.bindings)) bad("no 'results.bindings' list");
  const bindings = (doc.results as Record<string, unknown>).bindings as unknown[];

  interface Pending extends Omit<PeopleRow, "role"> {
    qid: string;
    role: PendingRole;
  }
  const pending: Pending[] = [];
  const byKey = new Map<string, Pending>();
  const slugOwner = new Map<string, string>();

  bindings.forEach((raw, i) => {
    const fail = (detail: string): never => bad(`binding ${i + 1}: ${detail}`);
    if (!isObject(raw)) fail("not an object");
    const b = raw as Record<string, unknown>;
    const term = (name: string): Term | undefined => {
      const t = b[name];
      if (t === undefined) return undefined;
      if (!isObject(t) || typeof t.value !== "string" || typeof t.type !== "string") {
        fail(`'${name}' is not a {type, value} term`);
      }
      return t as unknown as Term;
    };
    const text = (name: string): string | undefined => {
      const v = term(name)?.value.trim();
      return v === "" ? undefined : v;
    };
    const need = (name: string): string => text(name) ?? fail(`no '${name}'`);

    const person = term("person") ?? fail("no 'person'");
    const qid =
      /\/entity\/(Q\d+)$/.exec(person.value)?.[1] ??
      fail(`'person' is not a Wikidata entity: ${person.value}`);
    const name = need("personLabel").replace(/\s+/g, " ");
    if (/^Q\d+$/.test(name)) fail(`${qid} has no English label`);
    const office = need("positionLabel").replace(/\s+/g, " ");
    const country = text("countryCode") ?? text("country") ?? fail("no 'countryCode'");
    if (!/^[A-Z]{3}$/.test(country)) fail(`'${country}' is not an ISO alpha-3 code`);
    const roleVar = text("role");
    const role: PendingRole =
      roleVar === undefined
        ? roleFromLabel(office)
        : isRole(roleVar)
          ? roleVar
          : fail(`unknown role '${roleVar}'`);
    const start = wikidataDate(need("start"), text("startPrecision"), fail);
    const endValue = text("end");
    const end = endValue === undefined ? null : wikidataDate(endValue, text("endPrecision"), fail);
    const alt = text("altLabels") ?? text("personAltLabel");
    const aliases = alt === undefined ? [] : splitAliases(alt).filter((a) => a !== name);

    let slug = personSlug(name) || qid.toLowerCase();
    const owner = slugOwner.get(slug);
    if (owner !== undefined && owner !== qid) slug = `${slug}-${qid.toLowerCase()}`;
    slugOwner.set(slug, qid);

    const key = `${qid}\u0000${role}\u0000${start}`;
    const seen = byKey.get(key);
    if (seen) {
      for (const a of aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
      if (seen.end === null) seen.end = end;
      return;
    }
    const row: Pending = {
      qid,
      person: slug,
      name,
      aliases: [...new Set(aliases)],
      country,
      role,
      office,
      start,
      end,
    };
    byKey.set(key, row);
    pending.push(row);
  });

  const withHeadOfGovernment = new Set(pending.filter((r) => r.role === "HOG").map((r) => r.country));
  return pending.map(({ qid: _qid, role, ...rest }) => ({
    ...rest,
    role: role === "PRESIDENT" ? (withHeadOfGovernment.has(rest.country) ? "HOS" : "HOSG") : role,
  }));
}

/** Where each column of a people file is. */
type Columns = Record<(typeof PEOPLE_COLUMNS)[number], number>;

function clean(field: string): string {
  return field.replace(/[\t\r\n]+/g, " ").trim();
}

/**
 * Merges rows into the text of a people file. A row whose person, role and start match an existing line
 * (a start of 2024-03 matches 2024-03-04 when no other term of that person and role does) updates that
 * line in place: its end (an end Wikidata lacks never erases one the file has) and its aliases (the
 * file's first, then the new ones). Other rows are appended at the end. Comments, blank lines, the
 * order of lines and of columns are kept; a text without a header gets one.
 */
export function mergePeople(
  existingTsv: string,
  rows: readonly PeopleRow[],
): { text: string; added: number; updated: number; unchanged: number } {
  const eol = existingTsv.includes("\r\n") ? "\r\n" : "\n";
  const lines = existingTsv === "" ? [] : existingTsv.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();

  let header: string[] | null = null;
  /** Line index by person and role, with the start of each term. */
  const terms = new Map<string, { start: string; n: number }[]>();
  const keyOf = (person: string, role: string) => `${person}\u0000${role}`;
  const remember = (person: string, role: string, start: string, n: number) => {
    const key = keyOf(person, role);
    terms.set(key, [...(terms.get(key) ?? []), { start, n }]);
  };
  /** The line of the same term: same start, or one start a coarser form of the other (2024-03 and 2024-03-04). */
  const find = (row: PeopleRow): number | undefined => {
    const candidates = terms.get(keyOf(row.person, row.role)) ?? [];
    const exact = candidates.find((t) => t.start === row.start);
    if (exact) return exact.n;
    const near = candidates.filter((t) => t.start.startsWith(row.start) || row.start.startsWith(t.start));
    return near.length === 1 ? near[0].n : undefined;
  };
  let col: Columns | null = null;

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = line.split("\t").map((f) => f.trim());
    if (!header) {
      header = fields;
      const h = header;
      const index = (c: string) => {
        const i = h.indexOf(c);
        if (i < 0) throw new DyadError("E_DATA", `the header has no column '${c}'`, `people file:${n + 1}`);
        return i;
      };
      col = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, index(c)])) as Columns;
      continue;
    }
    const c = col!;
    remember(fields[c.person] ?? "", fields[c.role] ?? "", fields[c.start] ?? "", n);
  }
  if (!header) {
    header = [...PEOPLE_COLUMNS];
    col = Object.fromEntries(PEOPLE_COLUMNS.map((c, i) => [c, i])) as Columns;
    lines.push(header.join("\t"));
  }
  const c = col!;
  const width = header.length;

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    const n = find(row);
    if (n === undefined) {
      const fields = new Array<string>(width).fill("");
      fields[c.person] = clean(row.person);
      fields[c.name] = clean(row.name);
      fields[c.aliases] = row.aliases
        .map(clean)
        .filter((a) => a !== "")
        .join("|");
      fields[c.country] = clean(row.country);
      fields[c.role] = clean(row.role);
      fields[c.office] = clean(row.office);
      fields[c.start] = clean(row.start);
      fields[c.end] = row.end === null ? "" : clean(row.end);
      lines.push(fields.join("\t"));
      remember(fields[c.person], fields[c.role], fields[c.start], lines.length - 1);
      added++;
      continue;
    }
    const fields = lines[n].split("\t").map((f) => f.trim());
    while (fields.length < width) fields.push("");
    const oldAliases = fields[c.aliases]
      .split("|")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    const aliases = [...oldAliases];
    for (const a of row.aliases.map(clean)) if (a !== "" && !aliases.includes(a)) aliases.push(a);
    const end = row.end === null ? fields[c.end] : clean(row.end);
    if (aliases.length === oldAliases.length && end === fields[c.end]) {
      unchanged++;
      continue;
    }
    fields[c.aliases] = aliases.join("|");
    fields[c.end] = end;
    lines[n] = fields.join("\t");
    updated++;
  }
  return { text: lines.join(eol) + eol, added, updated, unchanged };
}
