// PETRARCH and TABARI dictionaries (issue 15): `dyad kb import petrarch`, `dyad code --kb`, and PETRARCH's own
// unit-test suite through `dyad eval --petrarch-suite`.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runSuite } from "../src/cli/commands/eval-petrarch.js";
import { run } from "../src/cli/main.js";
import { CodedArticleSchema } from "../src/core/schema.js";

async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const VERBS = `&TIES
+DIPLOMATIC TIES
+RELATIONS

--- RESTORE  [064]  ---
RESTORE
- * &TIES [064]
- * CARD [---]

--- LEFT  [032:033]  ---
LEFT

--- MEET  [031:031]  ---
MEET
- % * [036]

--- SERENADE  [041]  ---
SERENADE
`;

const ACTORS = `ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM
+SMEAGOL
\t[HOB <19950601]
\t[HOBGOV 19950601-19990815]
\t[HOBREB >990816]
`;

const AGENTS = `POLICE {} [~COP]
MINISTER [~GOV]
MSF {} [NGO~]
`;

const DISCARDS = `+PREMIER LEAGUE
YEARS LATER
`;

function dictionaries(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "dyad-petrarch-"));
  const files: [string, string][] = [
    ["verbs.txt", VERBS],
    ["actors.txt", ACTORS],
    ["agents.txt", AGENTS],
    ["discards.txt", DISCARDS],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return { dir, files: files.map(([n]) => join(dir, n)) };
}

type Coded = { code: string; source: string; target: string; rule: string }[];

/** Codes several dated texts with `dyad code --kb` in one run (one JSONL article each), in order. */
async function codeAll(kb: string, articles: [date: string, text: string][]): Promise<Coded[]> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-petrarch-in-"));
  const file = join(dir, "articles.jsonl");
  writeFileSync(
    file,
    articles.map(([date, text], k) => JSON.stringify({ id: `a${k}`, date, text })).join("\n"),
  );
  const r = await dyad(["code", "--kb", kb, "-w", "1", file]);
  assert.equal(r.code, 0, r.err);
  const records = r.out
    .trim()
    .split("\n")
    .map((l) => CodedArticleSchema.parse(JSON.parse(l)));
  return records.map((record) =>
    record.events.map((e) => ({
      code: e.code,
      source: e.source.map((a) => a.code).join("+"),
      target: e.target.map((a) => a.code).join("+"),
      rule: e.evidence.rule,
    })),
  );
}

test("a dictionary of each kind converts, passes kb check and codes the sentences it was written for", async () => {
  const { dir, files } = dictionaries();
  const kb = join(dir, "kb");
  const [verbs, actors, agents, discards] = files;
  const imported = await dyad([
    "kb",
    "import",
    "petrarch",
    "--verbs",
    verbs,
    "--actors",
    actors,
    "--agents",
    agents,
    "--discards",
    discards,
    "--into",
    kb,
  ]);
  assert.equal(imported.code, 0, imported.err);
  assert.match(imported.out, /verb patterns, 3 actors, 3 agents, 2 discards/);
  const check = await dyad(["kb", "check", "--data", kb]);
  assert.equal(check.code, 0, check.err);

  const DATED: [string, string][] = [
    ["1995-05-31", "HOB"],
    ["1995-06-01", "HOBGOV"],
    ["1999-08-15", "HOBGOV"],
    ["1999-08-17", "HOBREB"],
  ];
  const [restore, left, card, met, msf, story, sentence, ...dated] = await codeAll(kb, [
    ["1995-01-02", "Arnor restored diplomatic ties with Gondor."],
    ["1995-01-02", "Arnor left for Minas Tirith on Wednesday."],
    ["1995-01-02", "Arnor restored the card to Gondor."],
    ["1995-01-02", "Arnor and Gondor met on Monday."],
    ["1995-01-02", "MSF Arnor restored diplomatic ties with Gondor."],
    ["1995-01-02", "Arnor restored diplomatic ties with Gondor after the Premier League match."],
    ["1995-01-02", "Years later Arnor restored diplomatic ties with Gondor."],
    ...DATED.map(([date]): [string, string] => [date, "Smeagol serenaded Gondor police."]),
  ]);
  // A synset pattern; the rule names the converted row and the dictionary line it came from.
  assert.deepEqual(
    restore.map((e) => [e.source, e.code, e.target]),
    [["ARN", "064", "GON"]],
  );
  assert.match(restore[0].rule, /verbs\.txt:7\b/);
  // An active:passive code gives the event and the one in the other direction; a synonym is its actor.
  assert.deepEqual(
    left.map((e) => [e.source, e.code, e.target]),
    [
      ["ARN", "032", "GON"],
      ["GON", "033", "ARN"],
    ],
  );
  // A `[---]` pattern codes nothing, and stops the shorter pattern.
  assert.deepEqual(card, []);
  // `%` before the verb: the members of the coordinated subject are each other's targets.
  assert.deepEqual(
    met.map((e) => e.code),
    ["036"],
  );
  assert.deepEqual(met[0].source.split("+").sort(), ["ARN", "GON"]);
  assert.deepEqual(met[0].target.split("+").sort(), ["ARN", "GON"]);
  // A prefix agent goes before the actor's code.
  assert.equal(msf[0]?.source, "NGOARN");
  // Discards: a story phrase drops the article, a sentence phrase its sentence.
  assert.deepEqual(story, []);
  assert.deepEqual(sentence, []);
  // Dated codes: the code that holds on the article's date; a suffix agent goes after the actor's code.
  DATED.forEach(([date, code], k) => {
    assert.equal(dated[k][0]?.source, code, `on ${date}`);
    assert.equal(dated[k][0]?.target, "GONCOP");
  });
});

test("--kb +DIR codes with the bundled knowledge and the converted dictionaries together", async () => {
  const { dir, files } = dictionaries();
  const kb = join(dir, "kb");
  const r = await dyad(["kb", "import", "petrarch", "--actors", files[1], "--verbs", files[0], "--into", kb]);
  assert.equal(r.code, 0, r.err);
  const [events] = await codeAll(`+${kb}`, [["2025-05-26", "Arnor serenaded Pakistan."]]);
  assert.deepEqual(
    events.map((e) => [e.source, e.code, e.target]),
    [["ARN", "041", "PAK"]],
  );
  const missing = await dyad(["code", "--kb", join(dir, "nowhere"), files[0]]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.err, /nowhere.*E_NOT_FOUND/);
});

test("malformed dictionary lines give file:line errors; --lenient loads the good lines", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-petrarch-bad-"));
  const verbs = join(dir, "bad.verbs.txt");
  writeFileSync(verbs, "--- MEET [031] ---\nMEET\n- * TALKS\n- * SUMMIT [031]\n");
  const strict = await dyad(["kb", "import", "petrarch", "--verbs", verbs, "--into", join(dir, "kb1")]);
  assert.notEqual(strict.code, 0);
  assert.match(strict.err, /bad\.verbs\.txt:3: .*\[code\]/);
  const lenient = await dyad([
    "kb",
    "import",
    "petrarch",
    "--lenient",
    "--verbs",
    verbs,
    "--into",
    join(dir, "kb2"),
  ]);
  assert.equal(lenient.code, 0, lenient.err);
  assert.match(lenient.err, /skipped: bad\.verbs\.txt:3/);
  assert.match(lenient.out, /2 verb patterns/);
});

const SUITE = new URL("../../shared/reference/petrarch/PETR.UnitTest.records.xml", import.meta.url).pathname;

test("PETRARCH's unit-test suite: at least 220 of 284 records fully right and event F1 0.82 (issue 15)", async (t) => {
  if (!existsSync(SUITE)) {
    t.skip(`../shared/reference/petrarch is missing: ${SUITE}`);
    return;
  }
  const { score } = await runSuite(SUITE);
  assert.equal(score.records, 284);
  assert.ok(score.recordsRight >= 220, `${score.recordsRight} records right`);
  assert.ok(score.f1 >= 0.82, `event F1 ${score.f1.toFixed(3)}`);
});
