// Generic and domestic agents (issue 14) and national departments (issue 19): their sector from
// data/actors/agents.tsv, their country from a nationality word, a possessive, an attached place, the
// dateline or the article's main country, and never from a country named elsewhere in the sentence.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Mention } from "../../core/types.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { createDyad } from "../../pipeline/dyad.js";

const dyad = createDyad({ knowledge: loadKnowledge() });

function mentions(text: string, date = "2025-05-26"): Mention[] {
  return dyad.analyse({ id: "t", date, text }).mentions;
}

function find(ms: Mention[], text: string): Mention {
  const m = ms.find((x) => x.text === text);
  assert.ok(m, `no mention '${text}' in ${ms.map((x) => x.text).join(", ")}`);
  return m;
}

test("each generic agent gives its CAMEO sector (issue 14)", () => {
  const cases: [string, string, string][] = [
    ["The police arrested him.", "The police", "COP"],
    ["Security forces arrested him.", "Security forces", "COP"],
    ["Riot police arrested him.", "Riot police", "COP"],
    ["The army arrested him.", "The army", "MIL"],
    ["Troops arrested him.", "Troops", "MIL"],
    ["Soldiers arrested him.", "Soldiers", "MIL"],
    ["Rebels attacked the town.", "Rebels", "REB"],
    ["Insurgents attacked the town.", "Insurgents", "INS"],
    ["Militants attacked the town.", "Militants", "UAF"],
    ["Gunmen attacked the town.", "Gunmen", "UAF"],
    ["Prosecutors charged him.", "Prosecutors", "JUD"],
    ["The court charged him.", "The court", "JUD"],
    ["Judges charged him.", "Judges", "JUD"],
    ["A jury convicted him.", "jury", "JUD"],
    ["Lawmakers criticised him.", "Lawmakers", "LEG"],
    ["The parliament criticised him.", "The parliament", "LEG"],
    ["The opposition criticised him.", "The opposition", "OPP"],
    ["Officials criticised him.", "Officials", "GOV"],
    ["The authorities criticised him.", "The authorities", "GOV"],
    ["The ministry criticised him.", "The ministry", "GOV"],
    ["Students criticised him.", "Students", "EDU"],
    ["Workers criticised him.", "Workers", "LAB"],
    ["Unions criticised him.", "Unions", "LAB"],
    ["Doctors criticised him.", "Doctors", "HLH"],
    ["Journalists criticised him.", "Journalists", "MED"],
    ["Refugees criticised him.", "Refugees", "REF"],
    ["Companies criticised him.", "Companies", "BUS"],
    ["Criminals attacked him.", "Criminals", "CRM"],
    ["Spies watched him.", "Spies", "SPY"],
  ];
  for (const [text, words, sector] of cases) {
    const m = find(mentions(text), words);
    assert.equal(m.kind, "agent", text);
    assert.equal(m.referent?.sector, sector, text);
  }
});

test("protesters are civilians, and the opposition beside anti-government words (issue 14)", () => {
  assert.equal(find(mentions("Protesters marched."), "Protesters").referent?.sector, "CVL");
  assert.equal(find(mentions("Anti-government protesters marched."), "protesters").referent?.sector, "OPP");
  assert.equal(find(mentions("Opposition demonstrators marched."), "demonstrators").referent?.sector, "OPP");
});

test("multi-word agents are one mention (issue 14)", () => {
  const ms = mentions(
    "A federal grand jury indicted him after riot police and security forces detained him.",
  );
  assert.equal(find(ms, "federal grand jury").referent?.sector, "JUD");
  assert.equal(find(ms, "riot police").referent?.sector, "COP");
  assert.equal(find(ms, "security forces").referent?.sector, "COP");
  assert.equal(
    find(mentions("Taiwan prosecutors indicted him."), "Taiwan prosecutors").referent?.code,
    "TWNJUD",
  );
});

test("an agent's country comes from the nationality word before it (issue 14)", () => {
  const m = find(mentions("Pakistani police detained five men."), "Pakistani police");
  assert.equal(m.referent?.code, "PAKCOP");
  assert.match(m.why, /of PAK/);
});

test("an agent's country comes from a possessive (issue 14)", () => {
  const m = find(mentions("Nepal's police detained five men."), "Nepal's police");
  assert.equal(m.referent?.code, "NPLCOP");
});

test("an agent's country comes from the place attached to it (issue 14)", () => {
  const m = find(mentions("Police in Kathmandu detained five men."), "Police");
  assert.equal(m.referent?.code, "NPLCOP");
  assert.match(m.why, /attached to it \('Kathmandu'\)/);
});

test("an agent's country comes from the dateline (issue 14)", () => {
  const m = find(mentions("ISLAMABAD: Police detained five men on Monday."), "Police");
  assert.equal(m.referent?.code, "PAKCOP");
  assert.match(m.why, /dateline 'ISLAMABAD:'/);
});

test("an agent's country comes from the article's main country (issue 14)", () => {
  const ms = mentions("Nepal's army chief resigned on Monday. Police later detained five students.");
  const m = find(ms, "students");
  assert.equal(m.referent?.code, "NPLEDU");
  assert.match(m.why, /main country/);
});

test("a place elsewhere in the sentence says nothing of an agent's country (issue 14)", () => {
  // The Red Cross envoy is the Red Cross's, not Syria's; police with a dateline are of the dateline's country.
  const envoy = find(mentions("A Red Cross envoy met Syrian officials in Damascus."), "Red Cross envoy");
  assert.equal(envoy.referent?.code, "NGOIRC");
  assert.equal(envoy.referent?.country, null);
  const police = find(mentions("BEIRUT (AP) — Police met Syrian officials in Damascus."), "Police");
  assert.equal(police.referent?.code, "LBNCOP");
});

test("an agent of a body is that body's, not the dateline's country (issue 14)", () => {
  const ms = mentions(
    "BOGOTA, Aug 5 — The soldiers were received by delegates of the International Committee of the Red Cross. Officials from the United Nations met Colombian officials.",
  );
  const delegates = find(ms, "delegates");
  assert.equal(delegates.referent?.code, "NGOIRC");
  assert.equal(delegates.referent?.country, null);
  assert.match(delegates.why, /of the body/);
  assert.equal(find(ms, "Officials").referent?.code, "IGOUNO");
  assert.equal(find(ms, "Colombian officials").referent?.code, "COLGOV");
});

test("a department never takes the country named as the object of its act (issue 19)", () => {
  const alone = find(
    mentions("The Treasury Department imposed sanctions on China."),
    "The Treasury Department",
  );
  assert.equal(alone.referent?.sector, "GOV");
  assert.equal(alone.referent?.country, null);
  const dated = find(
    mentions("WASHINGTON (Reuters) - The Treasury Department imposed sanctions on China."),
    "The Treasury Department",
  );
  assert.equal(dated.referent?.code, "USAGOV");
  const ms = mentions(
    "Pakistani troops crossed the border. The foreign ministry then summoned India's envoy.",
  );
  assert.equal(find(ms, "The foreign ministry").referent?.code, "PAKGOV");
});

test("an unknown named person keeps the name and takes the dateline's country (issue 14)", () => {
  const m = find(
    mentions("KABUL (AP) — Mohammad Zarif Rahimi told reporters the talks had failed."),
    "Mohammad Zarif Rahimi",
  );
  assert.equal(m.kind, "unknown");
  assert.equal(m.referent?.name, "Mohammad Zarif Rahimi");
  assert.equal(m.referent?.country, "AFG");
});

test("an agent with no country codes no event; the dateline's country makes it one (issue 14)", () => {
  const events = (text: string) => dyad.analyse({ id: "t", date: "2025-05-26", text }).events;
  assert.deepEqual(events("The government expressed appreciation for China's assistance."), []);
  const [e] = events("ISLAMABAD: The government expressed appreciation for China's assistance.");
  assert.ok(e, "no event with the dateline");
  assert.equal(e.source[0].code, "PAKGOV");
  assert.equal(e.target[0].country, "CHN");
});
