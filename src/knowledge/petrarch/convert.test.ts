// Conversion of PETRARCH/TABARI dictionaries into Dyad's data files (issue 15).
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileActors } from "../actors.js";
import { compileOntology } from "../ontology.js";
import { compileLexicon } from "../verbs.js";
import { readActorDictionary } from "./actors.js";
import { readAgentDictionary } from "./agents.js";
import { convertPetrarch, regularPlural } from "./convert.js";
import { readVerbDictionary } from "./verbs.js";

const CAMEO = `code\troot\tlevel\tname\tgoldstein\tquad
03\t03\t1\tExpress intent to cooperate\t4\t1
031\t03\t2\tMeet\t1\t1
032\t03\t2\tVisit\t1.9\t1
033\t03\t2\tHost\t2.8\t1
06\t06\t1\tMaterial cooperation\t6\t2
064\t06\t2\tShare intelligence\t7\t2
`;

function rows(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split("\t"));
}

test("verb patterns keep joined words, markers, reverse and void codes, and their dictionary line", () => {
  const verbs = readVerbDictionary(
    `&TIES
+TIES
+FULL RELATIONS

--- RESTORE [064] ---
RESTORE
RENEW
BREAK_+OFF
- * NEW_&TIES [064]
- + * FROM $ [064]
- * IN ^ + [064]
- % * [031:031]
- NOT_* [---]
- * CARD [0A1]
`,
    "v.txt",
  );
  const out = convertPetrarch({ verbs: [verbs], cameo: CAMEO });
  const verbRows = rows(out.files.get("verbs/petrarch.tsv")!).map(
    ([code, pattern, flags, before, reverse, origin]) => ({
      code,
      pattern,
      flags,
      before,
      reverse,
      origin,
    }),
  );
  const find = (origin: string, anchor: string) =>
    verbRows.filter((r) => r.origin === origin && r.pattern.startsWith(anchor));
  // One-word verbs share the block's patterns in one row of alternatives.
  assert.deepEqual(
    find("v.txt:9", "restore/renew").map((r) => r.pattern),
    ["restore/renew new_ties", "restore/renew new_full_relations"],
  );
  // A multi-word verb: its other words stand right before it.
  assert.deepEqual(
    find("v.txt:9", "off").map((r) => [r.pattern, r.before]),
    [
      ["off new_ties", "break_"],
      ["off new_full_relations", "break_"],
    ],
  );
  assert.deepEqual(
    find("v.txt:10", "restore").map((r) => [r.pattern, r.flags]),
    [["restore/renew from {T}", "form|rev"]],
  );
  assert.equal(find("v.txt:11", "restore")[0].pattern, "restore/renew in {_} {T}");
  assert.deepEqual(
    find("v.txt:12", "restore").map((r) => [r.code, r.flags, r.reverse]),
    [["031", "form|among", "031"]],
  );
  assert.deepEqual(
    find("v.txt:13", "restore").map((r) => [r.code, r.flags, r.before]),
    [["", "form|void", "not_"]],
  );
  assert.deepEqual(
    out.skipped.map((s) => s.origin),
    ["v.txt:14", "v.txt:14"],
  );
  // The rows compile into Dyad's lexicon against the cameo.tsv written beside them.
  const ontology = compileOntology(out.files.get("cameo.tsv")!);
  const lexicon = compileLexicon(
    [{ name: "verbs/petrarch.tsv", text: out.files.get("verbs/petrarch.tsv")! }],
    ontology,
  );
  const renew = lexicon.byAnchor.get("renew")!;
  const joined = renew.find((p) => p.text === "restore/renew new_ties")!;
  assert.equal(joined.elements[2].type === "word" && joined.elements[2].joined, true);
  assert.match(joined.origin, /^verbs\/petrarch\.tsv:\d+ \(v\.txt:9\)$/);
});

test("actors: dated rows first, codes given together as one row; agents: plurals and positions", () => {
  const actors = readActorDictionary(
    `SAM [HOB]
\t[HOBGOV 20121109-20130119]
THE_SHIRE [FRO/BIL]
`,
    "a.txt",
  );
  const agents = readAgentDictionary("POLICE {} [~COP]\nPARTY [~PTY]\nMSF [NGO~]\n", "g.txt");
  const out = convertPetrarch({ actors: [actors], agents: [agents], cameo: CAMEO });
  assert.deepEqual(
    rows(out.files.get("actors/coded.tsv")!).map((r) => r.slice(0, 5)),
    [
      ["sam", "", "HOBGOV", "2012-11-09", "2013-01-19"],
      ["sam", "", "HOB", "", ""],
      ["the shire", "", "FRO|BIL", "", ""],
    ],
  );
  assert.deepEqual(
    rows(out.files.get("actors/agents.tsv")!).map((r) => [r[0], r[1], r[2], r[4]]),
    [
      ["police", "police", "COP", ""],
      ["party", "parties", "PTY", ""],
      ["msf", "msfs", "NGO", "prefix"],
    ],
  );
  assert.deepEqual(regularPlural(["peace", "process"]), ["peace", "processes"]);
});

test("converted agents with a compound code (`[~GOVHLH]`) load; a sector that is no role code is an error", () => {
  const agents = readAgentDictionary("HEALTH_MINISTER [~GOVHLH]\nMSF [NGO~]\n", "g.txt");
  const text = convertPetrarch({ agents: [agents], cameo: CAMEO }).files.get("actors/agents.tsv")!;
  const kb = compileActors({ countriesBase: [], agents: [{ name: "agents.tsv", text }], people: [] });
  assert.equal(kb.agents.get("health minister")?.sector, "GOVHLH");
  assert.equal(kb.agents.get("msf")?.prefix, true);
  const bad = "phrase\tsector\nhealth minister\tGovHlh\n";
  assert.throws(
    () => compileActors({ countriesBase: [], agents: [{ name: "agents.tsv", text: bad }], people: [] }),
    /sector must be a CAMEO role code/,
  );
});
