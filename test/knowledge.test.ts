// The knowledge base as shipped in data/: coverage floors and office-holders resolved on their dates (issue 3).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { coverage } from "../src/knowledge/coverage.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { createDyad } from "../src/pipeline/dyad.js";

const knowledge = loadKnowledge();
const dyad = createDyad({ knowledge });

test("knowledge-base coverage stays at or above the figures reached", () => {
  const c = coverage(knowledge);
  const report = {
    countries: c.countries,
    regions: c.regions,
    orgs: c.orgs,
    groups: c.groups,
    people: c.people,
    terms: c.terms,
    headsOn2025: c.headsOn("2025-05-26"),
    continents: c.continents,
    patterns: c.patterns,
  };
  console.log(`coverage: ${JSON.stringify(report)}`);
  assert.ok(c.countries >= 250);
  assert.ok(c.regions >= 26);
  assert.ok(c.orgs >= 118);
  assert.ok(c.groups >= 170);
  assert.ok(c.people >= 5500);
  assert.ok(c.terms >= 7300);
  assert.ok(c.headsOn("2025-05-26") >= 195, "a head of state or government for almost every state");
  const floors: Record<string, [number, number]> = {
    africa: [54, 1350],
    americas: [35, 700],
    asia: [48, 1600],
    europe: [45, 1600],
    oceania: [14, 240],
  };
  for (const [continent, [countries, people]] of Object.entries(floors)) {
    assert.ok(c.continents[continent].countries >= countries, `${continent} countries`);
    assert.ok(c.continents[continent].people >= people, `${continent} people`);
  }
  for (let root = 1; root <= 20; root++) {
    const key = String(root).padStart(2, "0");
    assert.ok((c.patternsByRoot[key] ?? 0) >= 10, `verb patterns for root ${key}`);
  }
});

const OFFICES: [string, string, string][] = [
  ["Benjamin Netanyahu", "2020-05-01", "ISRGOV"],
  ["Benjamin Netanyahu", "2022-03-01", "ISROPP"],
  ["Benjamin Netanyahu", "2023-01-15", "ISRGOV"],
  ["Keir Starmer", "2023-06-01", "GBROPP"],
  ["Keir Starmer", "2024-07-05", "GBRGOV"],
  ["Donald Trump", "2018-01-01", "USAGOV"],
  ["Donald Trump", "2022-01-01", "USAOPP"],
  ["Donald Trump", "2025-06-01", "USAGOV"],
  ["Imran Khan", "2016-03-01", "PAKOPP"],
  ["Imran Khan", "2019-09-01", "PAKGOV"],
  ["Shehbaz Sharif", "2025-05-26", "PAKGOV"],
  ["Jair Bolsonaro", "2020-01-01", "BRAGOV"],
  ["Jair Bolsonaro", "2023-06-01", "BRAOPP"],
  ["Muhammadu Buhari", "2012-06-01", "NGAOPP"],
  ["Muhammadu Buhari", "2016-03-01", "NGAGOV"],
  ["Andres Manuel Lopez Obrador", "2016-03-01", "MEXOPP"],
  ["Andres Manuel Lopez Obrador", "2019-09-01", "MEXGOV"],
  ["Ebrahim Raisi", "2023-06-01", "IRNGOV"],
  ["Hassan Rouhani", "2016-03-01", "IRNGOV"],
  ["Cyril Ramaphosa", "2019-09-01", "ZAFGOV"],
  ["Abiy Ahmed", "2019-09-01", "ETHGOV"],
  ["Jacinda Ardern", "2019-09-01", "NZLGOV"],
  ["Scott Morrison", "2019-09-01", "AUSGOV"],
  ["Olaf Scholz", "2023-06-01", "DEUGOV"],
  ["Yoon Suk Yeol", "2023-06-01", "KORGOV"],
  ["Volodymyr Zelensky", "2021-03-01", "UKRGOV"],
  ["Emmanuel Macron", "2019-09-01", "FRAGOV"],
  ["Masoud Pezeshkian", "2025-05-26", "IRNGOV"],
  ["Ali Khamenei", "2025-05-26", "IRNGOV"],
];

for (const [name, date, code] of OFFICES) {
  test(`${name} is ${code} on ${date}`, () => {
    const doc = dyad.analyse({ id: "t", date, text: `${name} spoke to reporters.` });
    const m = doc.mentions.find((x) => x.kind === "person");
    assert.ok(m, `no person mention in '${name} spoke to reporters.'`);
    assert.equal(m.referent?.code, code, m.why);
  });
}

const SHARED = new URL("../../shared/", import.meta.url).pathname;
const REFERENCE = `${SHARED}corpus/000_2425614ef49acc6e.txt`;

test("the reference article's actors resolve as the gold file says", {
  skip: !existsSync(REFERENCE) && "../shared is absent",
}, () => {
  const text = readFileSync(REFERENCE, "utf8").replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, "");
  const doc = dyad.analyse({ id: "ref", date: "2025-05-26", text });
  const codeOf = (t: string) => doc.mentions.filter((m) => m.text === t).map((m) => m.referent?.code);
  assert.equal(doc.mentions.find((m) => m.text.endsWith("Ali Khamenei"))?.referent?.code, "IRNGOV");
  assert.deepEqual([...new Set(codeOf("Pakistani Prime Minister Shehbaz Sharif"))], ["PAKGOV"]);
  assert.deepEqual([...new Set(codeOf("Sharif"))], ["PAKGOV"]);
  assert.deepEqual([...new Set(codeOf("the Pakistani prime minister"))], ["PAKGOV"]);
  assert.deepEqual([...new Set(codeOf("Iranian President Masoud Pezeshkian"))], ["IRNGOV"]);
  assert.deepEqual([...new Set(codeOf("the Israeli regime"))], ["ISRGOV"]);
  assert.deepEqual([...new Set(codeOf("the Zionist regime"))], ["ISRGOV"]);
  assert.deepEqual([...new Set(codeOf("India"))], ["IND"]);
  const eco = doc.mentions.find((m) => m.text.includes("ECO"));
  assert.equal(eco?.referent?.org, "ECO");
  assert.equal(eco?.referent?.code, "IGOECO");
  assert.equal(doc.mentions.find((m) => m.text === "the international community")?.referent?.code, "IGO");
  // "Tehran and Islamabad have warm and brotherly relations": capitals for states; "in Tehran": a place.
  const capitals = doc.mentions.find((m) => m.kind === "compound" && m.text === "Tehran and Islamabad");
  assert.deepEqual(
    capitals?.members?.map((i) => doc.mentions[i].referent?.code),
    ["IRN", "PAK"],
  );
  const inTehran = doc.mentions.find((m) => m.text === "Tehran" && m.sentence === 1);
  assert.equal(inTehran?.placeOnly, true);
  const leaders = doc.mentions.filter((m) => /^the Leader$/i.test(m.text));
  assert.equal(leaders.length, 8);
  for (const m of leaders) assert.equal(m.referent?.name, "Ali Khamenei", m.why);
});
