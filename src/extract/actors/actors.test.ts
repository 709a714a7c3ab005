import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge, people } from "../../../test/helpers/knowledge.js";
import { DyadError } from "../../core/errors.js";
import type { Mention } from "../../core/types.js";
import { compileActors } from "../../knowledge/actors.js";
import { createDyad } from "../../pipeline/dyad.js";

const knowledge = inlineKnowledge({
  people: people(`
    ali-khamenei|Ali Khamenei|Ayatollah Ali Khamenei|IRN|LEADER|Supreme Leader|1989-06-04|
    shehbaz-sharif|Shehbaz Sharif||PAK|HOG|Prime Minister|2022-04-11|2023-08-14
    shehbaz-sharif|Shehbaz Sharif||PAK|HOG|Prime Minister|2024-03-04|
    nawaz-sharif|Nawaz Sharif||PAK|HOG|Prime Minister|2013-06-05|2017-07-28
    benjamin-netanyahu|Benjamin Netanyahu|Bibi|ISR|HOG|Prime Minister|2009-03-31|2021-06-13
    benjamin-netanyahu|Benjamin Netanyahu|Bibi|ISR|OPP|Leader of the Opposition|2021-06-13|2022-12-29
    benjamin-netanyahu|Benjamin Netanyahu|Bibi|ISR|HOG|Prime Minister|2022-12-29|
    keir-starmer|Keir Starmer||GBR|OPP|Leader of the Opposition|2020-04-04|2024-07-05
    keir-starmer|Keir Starmer||GBR|HOG|Prime Minister|2024-07-05|
  `),
  orgs: "id\torg\tcode\tname\taliases\nun\tUN\tIGOUNO\tUnited Nations\tUN|the UN\neco\tECO\tIGOECO\tEconomic Cooperation Organization\tECO\n",
});
const dyad = createDyad({ knowledge });

function mentions(text: string, date = "2025-05-26"): Mention[] {
  return dyad.analyse({ id: "t", date, text }).mentions;
}

function find(ms: Mention[], text: string): Mention {
  const m = ms.find((x) => x.text === text);
  assert.ok(m, `no mention '${text}' in ${ms.map((x) => x.text).join(", ")}`);
  return m;
}

test("a person's code follows the office held on the article's date (issue 3)", () => {
  const code = (date: string) =>
    find(mentions("Benjamin Netanyahu spoke.", date), "Benjamin Netanyahu").referent?.code;
  assert.equal(code("2020-05-01"), "ISRGOV");
  assert.equal(code("2022-03-01"), "ISROPP");
  assert.equal(code("2023-01-15"), "ISRGOV");
  const starmer = (date: string) =>
    find(mentions("Keir Starmer spoke.", date), "Keir Starmer").referent?.code;
  assert.equal(starmer("2023-06-01"), "GBROPP");
  assert.equal(starmer("2024-07-05"), "GBRGOV");
});

test("outside every term a person is coded with the country alone", () => {
  assert.equal(find(mentions("Shehbaz Sharif spoke.", "2023-12-01"), "Shehbaz Sharif").referent?.code, "PAK");
});

test("titles, honorifics and demonyms join the name's mention", () => {
  const ms = mentions("Pakistani Prime Minister Shehbaz Sharif met Ayatollah Ali Khamenei.");
  assert.equal(find(ms, "Pakistani Prime Minister Shehbaz Sharif").referent?.id, "shehbaz-sharif");
  assert.equal(find(ms, "Ayatollah Ali Khamenei").referent?.code, "IRNGOV");
});

test("a surname alone resolves to the person already named in the article", () => {
  const ms = mentions("Nawaz Sharif arrived. Sharif said nothing.", "2015-01-01");
  const later = ms.filter((m) => m.text === "Sharif");
  assert.equal(later[0].referent?.id, "nawaz-sharif");
});

test("a surname alone prefers the person in office on the date", () => {
  assert.equal(find(mentions("Sharif spoke.", "2025-05-26"), "Sharif").referent?.id, "shehbaz-sharif");
});

test("demonym and office title resolve to the office-holder on the date", () => {
  const m = find(mentions("The Pakistani prime minister arrived."), "The Pakistani prime minister");
  assert.equal(m.referent?.id, "shehbaz-sharif");
  assert.equal(m.referent?.code, "PAKGOV");
});

test("coreference: 'the Leader' follows the Supreme Leader named before", () => {
  const ms = mentions("Ayatollah Ali Khamenei spoke. The Leader added more.");
  const leader = find(ms, "The Leader");
  assert.equal(leader.referent?.id, "ali-khamenei");
  assert.equal(leader.entity, find(ms, "Ayatollah Ali Khamenei").entity);
});

test("coreference: 'He' at the start of a sentence is the last person named as subject", () => {
  const ms = mentions("Keir Starmer met Iran's envoy. He said the talks were good.");
  const he = ms.find((m) => m.kind === "pronoun");
  assert.equal(he?.referent?.id, "keir-starmer");
});

test("coreference: 'the two countries' are the two states just named", () => {
  const ms = mentions("Pakistan and India ended hostilities. The two countries will talk.");
  const compound = ms.find((m) => m.kind === "compound" && m.text === "The two countries");
  assert.ok(compound?.members);
  assert.deepEqual(
    compound.members.map((i) => ms[i].referent?.country),
    ["PAK", "IND"],
  );
});

test("compound mentions: countries and capitals joined by 'and'", () => {
  const ms = mentions("Tehran and Islamabad have warm relations.");
  const c = ms.find((m) => m.kind === "compound");
  assert.deepEqual(
    c?.members?.map((i) => ms[i].referent?.code),
    ["IRN", "PAK"],
  );
});

test("an organisation with its expansion in brackets is one mention", () => {
  const m = find(
    mentions("They will activate the ECO (Economic Cooperation Organization)."),
    "ECO (Economic Cooperation Organization)",
  );
  assert.equal(m.referent?.org, "ECO");
  assert.equal(m.referent?.code, "IGOECO");
});

test("a place after 'in' is only a place", () => {
  assert.equal(find(mentions("They met in Tehran."), "Tehran").placeOnly, true);
  assert.equal(find(mentions("Tehran rejected it."), "Tehran").placeOnly, undefined);
});

test("a capitalised name Dyad does not know is still a mention", () => {
  const m = find(mentions("Zorblax Quintavian spoke to reporters."), "Zorblax Quintavian");
  assert.equal(m.kind, "unknown");
  assert.equal(m.referent?.code, "UNK");
});

test("the validator rejects a malformed entry naming file and line", () => {
  assert.throws(
    () =>
      compileActors({
        countriesBase: [],
        people: [{ name: "data/actors/people/test.tsv", text: people("x|X Y||PAK|HOG|PM|2024-13-01|") }],
      }),
    (e: unknown) => e instanceof DyadError && e.code === "E_DATA" && /test\.tsv:2/.test(e.message),
  );
});
