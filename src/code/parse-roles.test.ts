// Roles read from the parse (issue 14, point 1), and several events in one sentence (point 4): one test per
// construction, on sentences written for the test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge, verbs } from "../../test/helpers/knowledge.js";
import type { Event } from "../core/types.js";
import { createDyad } from "../pipeline/dyad.js";

const knowledge = inlineKnowledge({
  verbs: verbs(`
    051|praise {T}|
    111|criticize/criticise {T}|
    190|attack {T}|self
    190|kill {T}|self
    190|~strike on/against {T}|self
    195|~air raid on {T}|self
    030|agree to cooperate|
    0356|agree to truce/ceasefire|
    070|send aid to {T}|
    070|~aid to {T}|
  `),
  intent: { "07": "033" },
});
const dyad = createDyad({ knowledge });

function pairs(text: string): string[] {
  const events: Event[] = dyad.code({ id: "t", date: "2025-05-26", text }).events;
  return events.map(
    (e) =>
      `${e.source.map((a) => a.code).join("+")}>${e.code}>${e.target.map((a) => a.code).join("+")}:${e.modality}`,
  );
}

test("issue 14: a passive's 'by' agent named by a demonym on an event noun is the source", () => {
  assert.deepEqual(pairs("Georgia was attacked by Russian warplanes on Sunday."), ["RUS>190>GEO:asserted"]);
});

test("issue 14: coordinated subjects of a cooperative act with no one else named act towards each other", () => {
  assert.deepEqual(pairs("Chile and Peru agreed to cooperate."), ["CHL+PER>030>CHL+PER:asserted"]);
});

test("issue 14: a relative clause inserted between commas neither ends the clause nor gives its subject", () => {
  assert.deepEqual(pairs("Chile, which criticized Peru last year, praised Bolivia on Monday."), [
    "CHL>111>PER:asserted",
    "CHL>051>BOL:asserted",
  ]);
});

test("issue 14: the subject of a control verb is the source of its infinitive's act", () => {
  assert.deepEqual(pairs("Norway pledged to send aid to Sudan."), ["NOR>033>SDN:asserted"]);
});

test("issue 14: a nominal event takes its possessor as source and its 'to' phrase as target", () => {
  assert.deepEqual(pairs("Norway's aid to Sudan arrived on Monday."), ["NOR>070>SDN:asserted"]);
});

test("issue 14: a nominal event takes the actor before it in its own phrase as source", () => {
  assert.deepEqual(pairs("Chilean strikes on Peru continued for a week."), ["CHL>190>PER:asserted"]);
  assert.deepEqual(pairs("The United States air raids on Libya lasted a month."), ["USA>195>LBY:asserted"]);
});

test("issue 14: a verb whose subject is a coded nominal event adds no second event", () => {
  assert.deepEqual(pairs("Chilean strikes on Peru killed ten people."), ["CHL>190>PER:asserted"]);
});

test("issue 14: a sentence that names two events codes both", () => {
  assert.deepEqual(pairs("Chile attacked Peru on Monday and Bolivia praised Ecuador."), [
    "CHL>190>PER:asserted",
    "BOL>051>ECU:asserted",
  ]);
});

test("issue 14: the broker of a truce is not the target of the parties' agreement", () => {
  assert.deepEqual(pairs("Chile and Peru agreed to a truce brokered by Brazil."), [
    "CHL+PER>0356>CHL+PER:asserted",
  ]);
});

test("issue 14: a clause coordinated with its own subject keeps its parties out of the first act's target", () => {
  assert.deepEqual(
    pairs("Chile and Peru agreed to a truce on Monday, and the Bolivian government criticized Ecuador."),
    ["CHL+PER>0356>CHL+PER:asserted", "BOLGOV>111>ECU:asserted"],
  );
});
