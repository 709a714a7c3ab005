import assert from "node:assert/strict";
import { test } from "node:test";
import { readParsed } from "../../../test/helpers/parsed.js";
import { DyadError } from "../../core/errors.js";
import type { Doc, Place } from "../../core/types.js";
import {
  createGazetteer,
  createPlacesComponent,
  eventPlace,
  loadGazetteer,
  normalizeName,
  parseAliases,
} from "./index.js";

const gazetteer = loadGazetteer();
const places = createPlacesComponent(gazetteer);

function read(text: string): Doc {
  return places.run(readParsed({ id: "t", date: "2025-05-28", text }), undefined);
}

/** The place of the event whose trigger is the word `trigger`. */
function placeOf(text: string, trigger: string): Place | null {
  const doc = read(text);
  const i = doc.tokens.findIndex((t) => t.text === trigger);
  assert.ok(i >= 0, `no token '${trigger}'`);
  return eventPlace(doc, doc.tokens[i].sentence, i, i + 1);
}

// The gazetteer.

test("names are matched without case, diacritics or apostrophes", () => {
  assert.equal(normalizeName("Dayr al Balaḩ"), "dayr al balah");
  assert.equal(normalizeName("Sana'a"), "sanaa");
  assert.equal(gazetteer.lookup("sanaa")[0]?.country, "YEM");
});

test("a city carries its country as ISO3 and its coordinates", () => {
  const [p] = read("The talks took place in Tehran.").places;
  assert.deepEqual([p.text, p.country], ["Tehran", "IRN"]);
  assert.ok(Math.abs((p.lat ?? 0) - 35.69) < 0.05 && Math.abs((p.lon ?? 0) - 51.42) < 0.05);
});

test("our aliases add names the packages lack: Kiev is Kyiv", () => {
  const [p] = read("Talks were held in Kiev.").places;
  assert.deepEqual([p.text, p.name, p.country], ["Kiev", "Kyiv", "UKR"]);
});

test("countries are places, and acronyms match only countries and aliases", () => {
  const found = read("UN and EU envoys met in Iran and the US.").places.map((p) => `${p.text}:${p.country}`);
  assert.deepEqual(found, ["Iran:IRN", "US:USA"]);
});

test("only capitalised proper nouns are candidates", () => {
  assert.deepEqual(read("The march reached the city of hope.").places, []);
});

// Ambiguity.

test("an ambiguous name goes to a country the article names: Tripoli in a Lebanon story", () => {
  const [p] = read("Clashes erupted in Tripoli, Lebanon's second city.").places;
  assert.deepEqual([p.text, p.country], ["Tripoli", "LBN"]);
});

test("a national adjective names the country too", () => {
  assert.equal(read("Lebanese troops deployed in Tripoli.").places[0].country, "LBN");
});

test("an ambiguous name without such a country is the most populous place", () => {
  assert.equal(read("Clashes erupted in Tripoli.").places[0].country, "LBY");
});

// The place of an event.

test("a locative phrase attached to the event's clause is the event's place", () => {
  const p = placeOf("The Leader made the remarks in a meeting with Sharif in Tehran on Monday.", "meeting");
  assert.deepEqual([p?.text, p?.country], ["Tehran", "IRN"]);
});

test("'in Borno state' places the event, state included", () => {
  const p = placeOf("Fighters killed five people in Borno state.", "killed");
  assert.deepEqual([p?.text, p?.name, p?.country], ["Borno state", "Borno State", "NGA"]);
});

test("'near Kherson' and '20 km north of Kyiv' place the event", () => {
  assert.equal(placeOf("Russian forces attacked villages near Kherson.", "attacked")?.name, "Kherson");
  assert.equal(placeOf("Fighting raged 20 km north of Kyiv.", "raged")?.name, "Kyiv");
});

test("'at the talks in Geneva' places the event through the event noun", () => {
  assert.equal(placeOf("The ministers met at the talks in Geneva.", "met")?.country, "CHE");
});

test("a fronted locative places the clause after it", () => {
  assert.equal(placeOf("In Kiev, the president met the envoy.", "met")?.name, "Kyiv");
});

test("'along the border' is a place without coordinates", () => {
  const p = placeOf("Troops exchanged fire along the border.", "exchanged");
  assert.deepEqual([p?.text, p?.name, p?.country, p?.lat], ["the border", "border", null, null]);
});

test("a place named in passing is not the event's place", () => {
  assert.equal(placeOf("He condemned the situation in Gaza.", "condemned"), null);
  assert.equal(placeOf("He urged action to stop the crimes of the Israeli regime in Gaza.", "urged"), null);
});

test("a destination is not where the event happened", () => {
  assert.equal(placeOf("Sharif's visit to Tehran ended.", "visit"), null);
});

test("a place in the subject of the clause is not the event's place", () => {
  assert.equal(placeOf("People in Europe hold demonstrations.", "hold"), null);
});

// The aliases file.

test("a malformed aliases row is an error naming file and line", () => {
  const bad = "name\tplace\tcountry\tlat\tlon\tkind\nAtlantis\tAtlantis\tXX\t1\t2\tcity\n";
  assert.throws(
    () => parseAliases(bad, "aliases.tsv"),
    (e: unknown) => e instanceof DyadError && e.code === "E_DATA" && e.message.includes("aliases.tsv:2"),
  );
});

test("an alias pointing at a place the packages lack is an error when the gazetteer compiles", () => {
  const aliases = parseAliases(
    "name\tplace\tcountry\tlat\tlon\tkind\nAtlantis\tAtlantis\tGRC\t\t\tcity\n",
    "a.tsv",
  );
  const g = createGazetteer({ aliases, aliasFile: "a.tsv" });
  assert.throws(
    () => g.lookup("atlantis"),
    (e: unknown) => e instanceof DyadError && e.code === "E_DATA" && e.message.includes("a.tsv:2"),
  );
});
