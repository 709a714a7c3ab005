import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DyadError } from "../core/errors.js";
import {
  mergePeople,
  type PeopleRow,
  parseWikidataPositions,
  personSlug,
  WIKIDATA_QUERY,
} from "./wikidata.js";

// A hand-written SPARQL result in the shape the Wikidata Query Service returns for WIKIDATA_QUERY.
// The Q-ids are placeholders; names, offices and dates are public facts.
const FIXTURE = "test/fixtures/wikidata-positions.json";
const fixture = (): { results: { bindings: Record<string, unknown>[] } } =>
  JSON.parse(readFileSync(new URL(`../../${FIXTURE}`, import.meta.url), "utf8"));

const binding = (positionLabel: string, extra: Record<string, unknown> = {}) => ({
  person: { type: "uri", value: "http://www.wikidata.org/entity/Q9000999" },
  personLabel: { "xml:lang": "en", type: "literal", value: "Test Person" },
  positionLabel: { "xml:lang": "en", type: "literal", value: positionLabel },
  countryCode: { type: "literal", value: "PAK" },
  start: {
    datatype: "http://www.w3.org/2001/XMLSchema#dateTime",
    type: "literal",
    value: "2020-01-02T00:00:00Z",
  },
  ...extra,
});
const doc = (...bindings: unknown[]) => ({ head: { vars: [] }, results: { bindings } });

test("parses every binding of the fixture into a people row, in document order", () => {
  const rows = parseWikidataPositions(fixture(), FIXTURE);
  assert.equal(rows.length, 10);
  assert.deepEqual(rows[0], {
    person: "shehbaz-sharif",
    name: "Shehbaz Sharif",
    aliases: ["Mian Muhammad Shehbaz Sharif", "Shahbaz Sharif"],
    country: "PAK",
    role: "HOG",
    office: "Prime Minister of Pakistan",
    start: "2022-04-11",
    end: "2023-08-14",
  });
});

test("a person with two terms gets two rows with the same id; a term still running has a null end", () => {
  const sharif = parseWikidataPositions(fixture(), FIXTURE).filter((r) => r.person === "shehbaz-sharif");
  assert.deepEqual(
    sharif.map((r) => [r.start, r.end]),
    [
      ["2022-04-11", "2023-08-14"],
      ["2024-03-04", null],
    ],
  );
});

test("roles: the role variable wins, otherwise the position label decides", () => {
  const roles = Object.fromEntries(parseWikidataPositions(fixture(), FIXTURE).map((r) => [r.person, r.role]));
  assert.deepEqual(roles, {
    "shehbaz-sharif": "HOG",
    "asif-ali-zardari": "HOS",
    "ishaq-dar": "FM",
    "khawaja-asif": "DEF",
    "asim-munir": "MIL",
    "ali-khamenei": "LEADER",
    "masoud-pezeshkian": "HOSG",
    "abbas-araghchi": "FM",
    "antony-blinken": "FM",
  });
  const withRole = parseWikidataPositions(
    doc(binding("President of Pakistan", { role: { type: "literal", value: "HOSG" } })),
    "t",
  );
  assert.equal(withRole[0].role, "HOSG");
});

test("position labels map to roles", () => {
  const cases: [string, string][] = [
    ["Prime Minister of Pakistan", "HOG"],
    ["Premier of the People's Republic of China", "HOG"],
    ["President of the Government of Spain", "HOG"],
    ["Minister of Foreign Affairs", "FM"],
    ["Foreign Minister of Israel", "FM"],
    ["United States Secretary of State", "FM"],
    ["Secretary of State for Foreign, Commonwealth and Development Affairs", "FM"],
    ["Minister of External Affairs", "FM"],
    ["Minister of Defence", "DEF"],
    ["United States Secretary of Defense", "DEF"],
    ["Secretary of State for Defence", "DEF"],
    ["Chief of Army Staff", "MIL"],
    ["Chief of the General Staff", "MIL"],
    ["White House Chief of Staff", "MIN"],
    ["Leader of the Opposition", "OPP"],
    ["Supreme Leader of Iran", "LEADER"],
    ["Vice President of the United States", "VP"],
    ["Deputy Prime Minister of Pakistan", "MIN"],
    ["Minister of State for Foreign Affairs", "MIN"],
    ["Minister of Defence Production", "MIN"],
    ["Minister of Finance", "MIN"],
    ["King of Saudi Arabia", "HOS"],
    ["Speaker of the National Assembly", "LEG"],
  ];
  for (const [label, role] of cases) {
    assert.equal(parseWikidataPositions(doc(binding(label)), "t")[0].role, role, label);
  }
});

test("a president is HOS where the document has a head of government of the same country, HOSG otherwise", () => {
  const pm = binding("Prime Minister of Pakistan", {
    person: { type: "uri", value: "http://www.wikidata.org/entity/Q9000998" },
    personLabel: { type: "literal", value: "Other Person" },
  });
  assert.equal(parseWikidataPositions(doc(binding("President of Pakistan")), "t")[0].role, "HOSG");
  assert.equal(parseWikidataPositions(doc(binding("President of Pakistan"), pm), "t")[0].role, "HOS");
});

test("aliases come joined with ', ' or '|'; dates keep the precision Wikidata gives", () => {
  const khamenei = parseWikidataPositions(fixture(), FIXTURE).find((r) => r.person === "ali-khamenei");
  assert.deepEqual(khamenei?.aliases, ["Sayyid Ali Khamenei", "Ayatollah Ali Khamenei"]);
  const precision = (p: number) =>
    parseWikidataPositions(
      doc(binding("Minister of Finance", { startPrecision: { type: "literal", value: String(p) } })),
      "t",
    )[0].start;
  assert.equal(precision(9), "2020");
  assert.equal(precision(10), "2020-01");
  assert.equal(precision(11), "2020-01-02");
});

test("bindings repeated by the query are merged; two people with one name get distinct ids", () => {
  const again = binding("Minister of Finance", { altLabels: { type: "literal", value: "T. Person" } });
  const rows = parseWikidataPositions(doc(binding("Minister of Finance"), again), "t");
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].aliases, ["T. Person"]);
  const namesake = binding("Minister of Finance", {
    person: { type: "uri", value: "http://www.wikidata.org/entity/Q9000997" },
  });
  const ids = parseWikidataPositions(doc(binding("Minister of Finance"), namesake), "t").map((r) => r.person);
  assert.deepEqual(ids, ["test-person", "test-person-q9000997"]);
  assert.equal(personSlug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
  assert.equal(personSlug("Lars Løkke Rasmussen"), "lars-lokke-rasmussen");
});

test("a malformed document is E_DATA naming the file and the binding", () => {
  const isData = (where: RegExp) => (e: unknown) =>
    e instanceof DyadError && e.code === "E_DATA" && e.origin === "positions.json" && where.test(e.message);
  assert.throws(() => parseWikidataPositions("not json", "positions.json"), isData(/SPARQL results/));
  assert.throws(
    () => parseWikidataPositions({ head: { vars: [] } }, "positions.json"),
    isData(/results\.bindings/),
  );
  const broken = fixture();
  delete broken.results.bindings[2].start;
  assert.throws(() => parseWikidataPositions(broken, "positions.json"), isData(/binding 3: no 'start'/));
  const badDate = doc(
    binding("Minister of Finance", { start: { type: "literal", value: "2020-13-01T00:00:00Z" } }),
  );
  assert.throws(() => parseWikidataPositions(badDate, "positions.json"), isData(/binding 1: .*not a date/));
  const badCode = doc(binding("Minister of Finance", { countryCode: { type: "literal", value: "PK" } }));
  assert.throws(() => parseWikidataPositions(badCode, "positions.json"), isData(/alpha-3/));
  const badRole = doc(binding("Minister of Finance", { role: { type: "literal", value: "BOSS" } }));
  assert.throws(() => parseWikidataPositions(badRole, "positions.json"), isData(/unknown role 'BOSS'/));
  const badTerm = doc(binding("Minister of Finance", { personLabel: "Test Person" }));
  assert.throws(() => parseWikidataPositions(badTerm, "positions.json"), isData(/'personLabel' is not/));
});

const EXISTING = [
  "# Pakistan: written by hand",
  "person\tname\taliases\tcountry\trole\toffice\tstart\tend",
  "shehbaz-sharif\tShehbaz Sharif\tShahbaz Sharif\tPAK\tHOG\tPrime Minister\t2022-04-11\t",
  "",
  "# the army",
  "asim-munir\tAsim Munir\t\tPAK\tMIL\tChief of Army Staff\t2022-11\t",
  "ishaq-dar\tIshaq Dar\tMohammad Ishaq Dar\tPAK\tFM\tForeign Minister\t2024-03-11\t",
  "antony-blinken\tAntony Blinken\tTony Blinken\tUSA\tFM\tSecretary of State\t2021-01-26\t2025-01-20",
  "",
].join("\n");

test("merge: known terms are updated in place, new ones appended, comments and order kept", () => {
  const rows = parseWikidataPositions(fixture(), FIXTURE);
  const merged = mergePeople(EXISTING, rows);
  assert.deepEqual(
    { added: merged.added, updated: merged.updated, unchanged: merged.unchanged },
    { added: 6, updated: 2, unchanged: 2 },
  );
  const lines = merged.text.split("\n");
  assert.deepEqual(lines.slice(0, 8), [
    "# Pakistan: written by hand",
    "person\tname\taliases\tcountry\trole\toffice\tstart\tend",
    "shehbaz-sharif\tShehbaz Sharif\tShahbaz Sharif|Mian Muhammad Shehbaz Sharif\tPAK\tHOG\tPrime Minister\t2022-04-11\t2023-08-14",
    "",
    "# the army",
    "asim-munir\tAsim Munir\tSyed Asim Munir\tPAK\tMIL\tChief of Army Staff\t2022-11\t",
    "ishaq-dar\tIshaq Dar\tMohammad Ishaq Dar\tPAK\tFM\tForeign Minister\t2024-03-11\t",
    "antony-blinken\tAntony Blinken\tTony Blinken\tUSA\tFM\tSecretary of State\t2021-01-26\t2025-01-20",
  ]);
  assert.equal(
    lines[8],
    "shehbaz-sharif\tShehbaz Sharif\tMian Muhammad Shehbaz Sharif|Shahbaz Sharif\tPAK\tHOG\tPrime Minister of Pakistan\t2024-03-04\t",
  );
  assert.equal(lines.length, 15);
  assert.equal(lines.at(-1), "");
  assert.deepEqual(mergePeople(merged.text, rows), {
    text: merged.text,
    added: 0,
    updated: 0,
    unchanged: 10,
  });
});

test("merge: an end Wikidata lacks never erases the file's; columns are found by name", () => {
  const text =
    "role\tperson\tname\tstart\tend\toffice\tcountry\taliases\nFM\tx\tX\t2020\t2021-05-01\tFM\tPAK\t\n";
  const row: PeopleRow = {
    person: "x",
    name: "X",
    aliases: ["Ex"],
    country: "PAK",
    role: "FM",
    office: "Foreign Minister",
    start: "2020",
    end: null,
  };
  const merged = mergePeople(text, [row]);
  assert.equal(merged.updated, 1);
  assert.equal(
    merged.text,
    "role\tperson\tname\tstart\tend\toffice\tcountry\taliases\nFM\tx\tX\t2020\t2021-05-01\tFM\tPAK\tEx\n",
  );
});

test("merge into an empty file writes the header first", () => {
  const rows = parseWikidataPositions(fixture(), FIXTURE).slice(0, 1);
  const merged = mergePeople("", rows);
  assert.equal(
    merged.text,
    "person\tname\taliases\tcountry\trole\toffice\tstart\tend\n" +
      "shehbaz-sharif\tShehbaz Sharif\tMian Muhammad Shehbaz Sharif|Shahbaz Sharif\tPAK\tHOG\tPrime Minister of Pakistan\t2022-04-11\t2023-08-14\n",
  );
  assert.equal(merged.added, 1);
  assert.throws(
    () => mergePeople("person\tname\n", rows),
    (e: unknown) => e instanceof DyadError && e.code === "E_DATA",
  );
});

test("the query selects the variables the parser reads, with P39 qualifiers and P298 codes", () => {
  for (const v of [
    "?person",
    "?personLabel",
    "?altLabels",
    "?positionLabel",
    "?countryCode",
    "?role",
    "?start",
    "?end",
  ]) {
    assert.ok(WIKIDATA_QUERY.includes(v), v);
  }
  for (const p of ["p:P39", "pqv:P580", "pqv:P582", "wdt:P298", "wdt:P1001", "wdt:P17", "2010-01-01"]) {
    assert.ok(WIKIDATA_QUERY.includes(p), p);
  }
});
