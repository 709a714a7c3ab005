import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge, people, verbs } from "../../test/helpers/knowledge.js";
import type { Event } from "../core/types.js";
import { createDyad } from "../pipeline/dyad.js";
import { compileDiscards } from "./coder.js";

const knowledge = inlineKnowledge({
  people: people(`
    ali-khamenei|Ali Khamenei|Ayatollah Ali Khamenei|IRN|LEADER|Supreme Leader|1989-06-04|
    shehbaz-sharif|Shehbaz Sharif||PAK|HOG|Prime Minister|2024-03-04|
  `),
  verbs: verbs(`
    040|meet {T}|recip
    040|meet with {T}|recip
    040|~meeting with {T}|
    042|~visit to {T}|
    051|praise {T}|
    111|criticize/criticise {T}|
    173|arrest {T}|self
    190|attack {T}|
    190|clash with {T}|recip
    0874|withdraw troop from {T}|
    036|express willingness to meet {T}|
    141|protest|intrans
    057|sign agreement with {T}|
    120|reject {T}|
    020|urge {T}|
    1722|ban {T}|self
    072|receive weapon/arms from {T}|rev
  `),
  evaluative: { good: 1, strong: 1, wrong: -1 },
  intent: { "172": "132", "19": "138" },
  refusal: { "04": "125", "05": "120" },
  discards: { sentence: ["world cup"], article: ["box office"] },
});
const dyad = createDyad({ knowledge });

function code(text: string, date = "2025-05-26"): Event[] {
  return dyad.code({ id: "t", date, text }).events;
}

function pairs(events: Event[]): string[] {
  return events.map(
    (e) =>
      `${e.source.map((a) => a.code).join("+")}>${e.code}>${e.target.map((a) => a.code).join("+")}:${e.modality}`,
  );
}

test("an active verb codes subject as source and object as target", () => {
  assert.deepEqual(pairs(code("Iran praised Pakistan on Monday.")), ["IRN>051>PAK:asserted"]);
});

test("passive voice: the by-agent is the source and the subject the target", () => {
  assert.deepEqual(pairs(code("Pakistan was criticized by Iran.")), ["IRN>111>PAK:asserted"]);
});

test("compound subjects give one event with several actors", () => {
  assert.deepEqual(pairs(code("Iran and Pakistan attacked India.")), ["IRN+PAK>190>IND:asserted"]);
});

test("reciprocal events list both sides", () => {
  const [e] = code("Iran and Pakistan met in Tehran.");
  assert.equal(e.code, "040");
  assert.deepEqual(
    e.source.map((a) => a.country),
    ["IRN", "PAK"],
  );
  assert.deepEqual(
    e.target.map((a) => a.country),
    ["IRN", "PAK"],
  );
});

test("a negated verb is kept with modality negated", () => {
  assert.deepEqual(pairs(code("Iran never attacked Pakistan.")), ["IRN>190>PAK:negated"]);
  assert.deepEqual(pairs(code("Iran did not attack Pakistan.")), ["IRN>190>PAK:negated"]);
});

test("refraining from an act negates it", () => {
  assert.deepEqual(pairs(code("Iran refrains from attacking Pakistan.")), ["IRN>190>PAK:negated"]);
});

test("will and pledge mark the future; announced force is coded as a threat (data/intent.tsv)", () => {
  assert.deepEqual(pairs(code("Iran will attack Pakistan.")), ["IRN>138>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran pledged to attack Pakistan.")), ["IRN>138>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran will praise Pakistan.")), ["IRN>051>PAK:future"]);
});

test("would and if mark the hypothetical", () => {
  assert.deepEqual(pairs(code("Iran would attack Pakistan.")), ["IRN>190>PAK:hypothetical"]);
  assert.deepEqual(pairs(code("If Iran attacked Pakistan, the region would suffer.")), [
    "IRN>190>PAK:hypothetical",
  ]);
});

test("an event only a speaker claims is reported, beside the speaker's statement (issue 14)", () => {
  assert.deepEqual(pairs(code("Khamenei said India attacked Pakistan.")), [
    "IND>190>PAK:reported",
    "IRNGOV>010>IND:asserted",
  ]);
});

test("a statement about another actor has that actor as target (issue 14)", () => {
  const text = "Khamenei said Pakistan is a neighbour with a long history.";
  const events = code(text);
  assert.deepEqual(pairs(events), ["IRNGOV>010>PAK:asserted"]);
  const [e] = events;
  assert.equal(e.root, "01");
  assert.equal(e.quad, 1);
  assert.equal(e.plover.type, null);
  assert.equal(e.evidence.rule, "statement: speech verb 'said'");
  assert.equal(text.slice(e.evidence.start, e.evidence.end), "said");
});

test("a statement about no other actor has no target (issue 14)", () => {
  assert.deepEqual(pairs(code("Khamenei said the weather was fine.")), ["IRNGOV>010>:asserted"]);
});

test("one statement per speaker: none beside the speaker's earlier events (issue 14)", () => {
  assert.deepEqual(pairs(code("Khamenei said the weather was fine and noted that the harvest was good.")), [
    "IRNGOV>010>:asserted",
  ]);
  assert.deepEqual(pairs(code("Khamenei praised Pakistan. Khamenei said the weather was fine.")), [
    "IRNGOV>051>PAK:asserted",
  ]);
});

test("a state named as speaker, or a pronoun nobody can place, makes no statement (issue 14)", () => {
  assert.deepEqual(code("Iran said the weather was fine."), []);
  assert.deepEqual(code("He said the weather was fine."), []);
});

test("a statement that is also an appeal or a demand gives one event, the specific one (issue 14)", () => {
  assert.deepEqual(pairs(code("Khamenei said Pakistan must release the prisoners.")), [
    "IRNGOV>100>PAK:asserted",
  ]);
  assert.deepEqual(pairs(code("Khamenei said he urged Pakistan to show restraint.")), [
    "IRNGOV>020>PAK:reported",
  ]);
});

test("a speaker's judgement of another actor is praise or criticism", () => {
  assert.deepEqual(pairs(code("Iran said Pakistan has a good and strong stance.")), ["IRN>051>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran said Pakistan took a wrong path.")), ["IRN>111>PAK:asserted"]);
});

test("a nominal trigger takes its source from the clause subject", () => {
  assert.deepEqual(pairs(code("Khamenei made the remarks in a meeting with Sharif.")), [
    "IRNGOV>040>PAKGOV:asserted",
  ]);
});

test("a nominal trigger takes its source from a possessor", () => {
  assert.deepEqual(pairs(code("Iran welcomed Sharif's visit to Tehran.")), ["PAKGOV>042>IRN:asserted"]);
});

test("particles and objects choose the code: withdraw troops from", () => {
  assert.deepEqual(pairs(code("Russia withdrew its troops from Ukraine.")), ["RUS>0874>UKR:asserted"]);
});

test("the longest pattern wins", () => {
  assert.deepEqual(pairs(code("Iran expressed willingness to meet Pakistan.")), ["IRN>036>PAK:asserted"]);
});

test("discard phrases remove sentences and articles", () => {
  assert.deepEqual(code("Iran praised Pakistan after the World Cup final."), []);
  assert.deepEqual(code("Iran praised Pakistan. The film topped the box office."), []);
});

test("a place after 'in' is no target, except of force where nothing else is", () => {
  assert.deepEqual(pairs(code("Iran met with Pakistan in Tehran.")), ["IRN>040>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran attacked in Pakistan.")), ["IRN>190>PAK:asserted"]);
  assert.deepEqual(code("Iran praised the weather in Pakistan."), []);
});

test("every event carries evidence: sentence, trigger offsets and the rule", () => {
  const text = "Iran praised Pakistan.";
  const [e] = code(text);
  assert.equal(text.slice(e.evidence.start, e.evidence.end), "praised");
  assert.equal(e.evidence.text, text);
  assert.match(e.evidence.rule, /verbs\.tsv:\d+ 'praise \{T\}'/);
  assert.ok(e.confidence !== null && e.confidence > 0 && e.confidence <= 1);
});

test("telling another actor what it must do is a demand", () => {
  assert.deepEqual(pairs(code("Russia said Sudan must return the helicopter.")), ["RUS>100>SDN:asserted"]);
});

test("a demonym in the target phrase is the target when nothing else is", () => {
  assert.deepEqual(pairs(code("Pakistan rejected proposed Indian changes.")), ["PAK>120>IND:asserted"]);
});

test("a domestic target with a sector of its own stays", () => {
  assert.deepEqual(pairs(code("Pakistan arrested Pakistani protesters.")), ["PAK>173>PAKCVL:asserted"]);
});

test("a refused act is a rejection: will not, would not, refused to", () => {
  assert.deepEqual(pairs(code("Iran refused to meet Pakistan.")), ["IRN>125>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran will not praise Pakistan.")), ["IRN>120>PAK:asserted"]);
  assert.deepEqual(pairs(code("Iran did not praise Pakistan.")), ["IRN>051>PAK:negated"]);
});

test("a bare infinitive no verb of intent governs is only wished for", () => {
  assert.deepEqual(pairs(code("India wants Iran to attack Pakistan.")), ["IRN>190>PAK:hypothetical"]);
});

test("a participle after a noun, after 'there were', is passive: the soldiers are the target", () => {
  assert.deepEqual(pairs(code("There were ten Pakistani soldiers attacked in Kashmir.")), [
    ">190>PAK:asserted",
  ]);
});

test("reversed roles: the slot's actor acts on the subject", () => {
  assert.deepEqual(pairs(code("Pakistan received weapons from Iran.")), ["IRN>072>PAK:asserted"]);
});

test("the discard scan finds every occurrence that a search per phrase finds", () => {
  // Seeded pseudo-random texts over a small alphabet, so that phrases overlap and recur often.
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = ["a", "b", "c", " ", "é", "ß", "-"];
  const word = (min: number, max: number) => {
    const n = min + Math.floor(next() * (max - min + 1));
    let out = "";
    for (let k = 0; k < n; k++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  for (let round = 0; round < 200; round++) {
    const phrases = Array.from({ length: 1 + Math.floor(next() * 8) }, () => word(1, 5));
    const text = word(0, 80);
    const naive: string[] = [];
    for (const p of phrases) {
      for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1))
        naive.push(`${at}:${at + p.length}`);
    }
    const scanned = compileDiscards(phrases)(text).map(([a, b]) => `${a}:${b}`);
    assert.deepEqual(
      scanned.sort(),
      naive.sort(),
      `phrases ${JSON.stringify(phrases)} in ${JSON.stringify(text)}`,
    );
  }
});
