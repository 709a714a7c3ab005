// People in office at an international body are that body for the term of the office (issue 19).
import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineKnowledge } from "../../../test/helpers/knowledge.js";
import { run } from "../../cli/main.js";
import { DyadError } from "../../core/errors.js";
import type { Mention } from "../../core/types.js";
import { compileActors } from "../../knowledge/actors.js";
import { coverage } from "../../knowledge/coverage.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { createDyad } from "../../pipeline/dyad.js";

const HEADER = "person\tname\taliases\tcountry\torg\trole\toffice\tstart\tend\n";
const rows = (lines: string[]) => HEADER + lines.map((l) => l.split("|").join("\t")).join("\n");
const ORGS =
  "id\torg\tcode\tname\taliases\tsector\nun\tUN\tIGOUNO\tUnited Nations\tUN\t\neu\tEU\tIGOEU\tEuropean Union\tEU\t\nicc\tICC\tIGOICC\tInternational Criminal Court\tICC\tJUD\n";

const knowledge = inlineKnowledge({
  orgs: ORGS,
  people: rows([
    "antonio-guterres|António Guterres|Antonio Guterres|PRT||HOG|Prime Minister|1995-10-28|2002-04-06",
    "antonio-guterres|António Guterres|Antonio Guterres|PRT|un|HEAD|UN Secretary-General|2017-01-01|",
    "kaja-kallas|Kaja Kallas||EST||HOG|Prime Minister|2021-01-26|2024-07-23",
    "kaja-kallas|Kaja Kallas||EST|eu|OFFICIAL|EU High Representative for Foreign Affairs|2024-12-01|",
    "karim-khan|Karim Khan||GBR|icc|OFFICIAL|ICC Prosecutor|2021-06-16|",
  ]),
});
const dyad = createDyad({ knowledge });

function person(text: string, name: string, date: string): Mention {
  const m = dyad.analyse({ id: "t", date, text }).mentions.find((x) => x.text === name);
  assert.ok(m, `no mention '${name}'`);
  return m;
}

test("the UN Secretary-General is the UN for the term of the office, his country outside it (issue 19)", () => {
  const now = person("Antonio Guterres urged restraint.", "Antonio Guterres", "2025-05-01");
  assert.deepEqual([now.referent?.code, now.referent?.org, now.referent?.country], ["IGOUNO", "UN", null]);
  assert.match(now.why, /UN Secretary-General \(un HEAD 2017-01-01 to now\)/);
  assert.equal(person("Antonio Guterres spoke.", "Antonio Guterres", "2000-01-01").referent?.code, "PRTGOV");
  assert.equal(person("Antonio Guterres spoke.", "Antonio Guterres", "2010-01-01").referent?.code, "PRT");
});

test("the EU's foreign-policy chief is the EU, and a court's prosecutor the court (issue 19)", () => {
  assert.equal(person("Kaja Kallas criticised Russia.", "Kaja Kallas", "2025-03-01").referent?.code, "IGOEU");
  assert.equal(
    person("Kaja Kallas criticised Russia.", "Kaja Kallas", "2023-03-01").referent?.code,
    "ESTGOV",
  );
  const khan = person("Karim Khan sought warrants.", "Karim Khan", "2024-05-20");
  assert.deepEqual([khan.referent?.code, khan.referent?.sector], ["IGOICC", "JUD"]);
});

test("an office of an international body names a body of orgs.tsv and a body's role (issue 19)", () => {
  const compile = (line: string) => () =>
    compileActors({
      countriesBase: [],
      orgs: [{ name: "orgs.tsv", text: ORGS }],
      people: [{ name: "people/international.tsv", text: rows([line]) }],
    });
  assert.throws(compile("x|X||PRT|wto|HEAD|WTO Director-General|2020-01-01|"), (e: unknown) => {
    return e instanceof DyadError && e.code === "E_DATA" && /unknown org 'wto'/.test(e.message);
  });
  assert.throws(compile("x|X||PRT||HEAD|Head|2020-01-01|"), /role 'HEAD' needs an org/);
  assert.throws(compile("x|X||PRT|un|HOG|Prime Minister|2020-01-01|"), /national office/);
});

test("kb check counts the office-holders of international bodies and the bodies without one (issue 19)", () => {
  const c = coverage(loadKnowledge());
  assert.ok(c.international.people >= 100, `people ${c.international.people}`);
  assert.ok(c.international.bodies >= 40, `bodies ${c.international.bodies}`);
  const on = c.bodiesHeldOn("2025-06-01");
  for (const id of [
    "un",
    "nato",
    "who",
    "iaea",
    "imf",
    "world-bank",
    "au",
    "arab-league",
    "opec",
    "icc",
    "eu",
  ]) {
    assert.ok(!on.missing.includes(id), `no office-holder of ${id} on 2025-06-01`);
  }
  assert.ok(on.covered >= 40);
});

test("dyad kb check prints the international office-holders and the bodies with no one in office (issue 19)", async () => {
  let out = "";
  const code = await run(["kb", "check", "--date", "2025-06-01"], { out: (s) => (out += s), err: () => {} });
  assert.equal(code, 0);
  assert.match(out, /office-holders of international bodies\s+\d{3}/);
  assert.match(out, /international bodies with an office-holder on 2025-06-01\s+\d+/);
});
