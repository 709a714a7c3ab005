import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge, people, verbs } from "../../test/helpers/knowledge.js";
import { EventSchema } from "../core/schema.js";
import type { Event } from "../core/types.js";
import { createDyad } from "../pipeline/dyad.js";
import { counted } from "./parts.js";

// Issue 14, point 4: headlines and captions are coded like sentences, and their events say so.
const knowledge = inlineKnowledge({
  people: people(`
    ali-khamenei|Ali Khamenei|Ayatollah Ali Khamenei|IRN|LEADER|Supreme Leader|1989-06-04|
    shehbaz-sharif|Shehbaz Sharif||PAK|HOG|Prime Minister|2024-03-04|
  `),
  verbs: verbs(`
    040|meet {T}|recip
    051|praise {T}|
    163|slap tariff on {T}|
    190|strike {T}|
    150|send troop to {T}|
    030|pledge aid to {T}|
    057|sign agreement|recip
  `),
  intent: {},
});
const dyad = createDyad({ knowledge });

const show = (e: Event) =>
  `${e.source.map((a) => a.code).join("+")}>${e.code}>${e.target.map((a) => a.code).join("+")}:${e.evidence.part}`;

test("a headline in the title field is coded in telegraphic style and marked headline (issue 14)", () => {
  const record = dyad.code({
    id: "t",
    date: "2025-05-26",
    title: "Iran's leader praises Pakistan PM",
    text: "Officials said nothing.",
  });
  assert.deepEqual(record.events.map(show), ["IRNGOV>051>PAK:headline"]);
  const [e] = record.events;
  assert.equal(e.sentence, 0);
  assert.equal(e.modality, "asserted");
  // The offsets point into the title.
  assert.equal("Iran's leader praises Pakistan PM".slice(e.evidence.start, e.evidence.end), "praises");
  assert.equal(e.evidence.repeats, null);
  assert.ok(EventSchema.safeParse(e).success);
});

test("a headline event that repeats a body event is kept, marked, and not counted (issue 14)", () => {
  const record = dyad.code({
    id: "t",
    date: "2025-05-26",
    title: "United States slaps tariffs on China",
    text: "WASHINGTON — The United States slapped tariffs on China on Monday.",
  });
  assert.deepEqual(record.events.map(show), ["USA>163>CHN:headline", "USA>163>CHN:body"]);
  const [headline, body] = record.events;
  assert.equal(headline.evidence.repeats, body.id);
  assert.equal(counted(headline), false);
  assert.equal(counted(body), true);
});

test("a headline line opening a plain text is a headline; its 'to' infinitive is the future (issue 14)", () => {
  const events = dyad.code({
    id: "t",
    date: "2025-05-26",
    text: "Russia to send troops to Belarus\n\nMOSCOW — Officials gave no details.",
  }).events;
  assert.deepEqual(events.map(show), ["RUS>150>BLR:headline"]);
  assert.equal(events[0].modality, "future");
  assert.equal(events[0].sentence, 1);
});

test("a photo caption is coded and marked caption, and ends at its credit (issue 14)", () => {
  const text =
    "Iran and Pakistan signed no deal.\n" +
    "FILE PHOTO: Iranian President Masoud Pezeshkian meets Pakistani Prime Minister Shehbaz Sharif in Tehran. REUTERS/Jane Doe\n" +
    "Talks went on.";
  const record = dyad.code({ id: "t", date: "2025-05-26", text });
  const captions = record.events.filter((e) => e.evidence.part === "caption");
  assert.deepEqual(captions.map(show), ["IRNGOV>040>PAKGOV:caption"]);
  assert.equal(captions[0].evidence.repeats, null);
  // The credit closes the caption: the next line is a body sentence of its own.
  assert.ok(!captions[0].evidence.text.includes("Talks"));
});

test("only headlines and captions read the parser's verb over the library's plural noun (issue 14)", () => {
  // In a body sentence the library's reading stands ("strikes" there is most often the noun).
  const headline = dyad.code({
    id: "t",
    date: "2025-05-26",
    title: "Israel strikes Lebanon",
    text: "No more.",
  });
  const body = dyad.code({ id: "t", date: "2025-05-26", text: "Israel strikes Lebanon." });
  assert.deepEqual(headline.events.map(show), ["ISR>190>LBN:headline"]);
  assert.deepEqual(body.events.map(show), []);
});

test("a headline with no verb the library sees reads the noun after the opening name as its verb (issue 14)", () => {
  const record = dyad.code({
    id: "t",
    date: "2025-05-26",
    title: "Japan pledges aid to Philippines",
    text: "No more.",
  });
  assert.deepEqual(record.events.map(show), ["JPN>030>PHL:headline"]);
  // In the body the same words stay a noun phrase.
  assert.deepEqual(
    dyad.code({ id: "t", date: "2025-05-26", text: "Japan pledges aid to Philippines." }).events,
    [],
  );
});

test("a headline that opens with names joined by a comma has them as one compound actor (issue 14)", () => {
  const record = dyad.code({
    id: "t",
    date: "2025-05-26",
    title: "Iran, Pakistan sign five agreements",
    text: "No more.",
  });
  assert.deepEqual(record.events.map(show), ["IRN+PAK>057>IRN+PAK:headline"]);
});
