import assert from "node:assert/strict";
import { test } from "node:test";
import type { Event } from "../core/types.js";
import { createDyad } from "../pipeline/dyad.js";

// Issue 14, point 3: lexicon hits that are no events, as classes. The bundled knowledge: the classes are
// about real verb patterns ("hang {T}", "call general strike", "declare war on {T}").
const dyad = createDyad();
const code = (text: string, date = "2025-05-26"): Event[] => dyad.code({ id: "t", date, text }).events;
const show = (e: Event) =>
  `${e.source.map((a) => a.code).join("+")}>${e.code}>${e.target.map((a) => a.code).join("+")}:${e.modality}`;

test("a verb inside a proper name is no trigger: index and company names (issue 14)", () => {
  assert.deepEqual(
    code("In Japan, the Hang Seng index fell 2 percent as Chinese stocks slid.").map(show),
    [],
  );
  assert.deepEqual(code("Shares of Hang Seng Bank rose in Japan.").map(show), []);
  // The verb itself still codes.
  assert.deepEqual(
    code("Iran hanged a Pakistani spy.").map((e) => e.code),
    ["170"],
  );
});

test("a verb of naming with its object and the name is no act: 'called the strikes a war crime' (issue 14)", () => {
  assert.deepEqual(code("Pakistan called the strikes a war crime.").map(show), []);
  assert.deepEqual(code('Iran called the strikes "a heinous act of war".').map(show), []);
  // Not a naming: the verb's own patterns stand.
  assert.deepEqual(code("Pakistan called a general strike.").map(show), ["PAK>143>PAK:asserted"]);
});

test("an act aimed at a social ill is no event: 'declared war on poverty' (issue 14)", () => {
  assert.deepEqual(code("Pakistan declared war on inflation and smuggling from Afghanistan.").map(show), []);
  assert.deepEqual(code("Nigeria's president waged war on poverty in Nigeria.").map(show), []);
  assert.deepEqual(code("Israel declared war on Hamas.").map(show), ["ISR>190>PSEREB:asserted"]);
});

test("an event dated years before the article is historical, and not a current event (issue 14)", () => {
  const events = code(
    "The journalist, who was kidnapped in 2014 by gunmen in Syria, met the president on Monday.",
  );
  const kidnap = events.find((e) => e.code === "181");
  assert.ok(kidnap);
  assert.equal(kidnap.modality, "historical");
  assert.equal(kidnap.date, "2014-01-01");
});
