// Readers of PETRARCH/TABARI dictionaries (issue 15), on small dictionaries written by hand.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readActorDictionary } from "./actors.js";
import { readAgentDictionary } from "./agents.js";
import { readDiscardDictionary } from "./discards.js";
import { expandSynset, readVerbDictionary } from "./verbs.js";

const VERBS = `<!-- a test dictionary -->
&TIES
+DIPLOMATIC TIES
+RELATIONS  # comment
# a comment inside a synset does not end it
+&MONEY

&MONEY
+DOLLARS

--- RESTORE  [064]  ---
RESTORE    # pas
+BRING_BACK {+BROUGHT_BACK +BRINGS_BACK}
WIRE_+TAP {WIRE_+TAPPED} [1711]
- * FULL &TIES [064]
- $ NOT * ^ TO_ +  [124]
- * {AID PACKAGE} (TO %) [071:072]
- SAID * [---]
`;

describe("PETRARCH verb dictionary reader", () => {
  it("reads blocks, verb forms, multi-word verbs and their own codes", () => {
    const d = readVerbDictionary(VERBS, "v.txt");
    assert.equal(d.errors.length, 0);
    const [b] = d.blocks;
    assert.equal(b.name, "RESTORE");
    assert.deepEqual(b.code, { active: "064", passive: null });
    assert.deepEqual(
      b.verbs.map((v) => [
        v.words.join(" "),
        v.verb,
        v.forms.map((f) => f.join(" ")),
        v.code?.active ?? null,
      ]),
      [
        ["restore", 0, [], null],
        ["bring back", 0, ["brought back", "brings back"], null],
        ["wire tap", 1, ["wire tapped"], "1711"],
      ],
    );
  });

  it("reads patterns with markers, phrases, prepositions, synsets and active:passive codes", () => {
    const d = readVerbDictionary(VERBS, "v.txt");
    const p = d.blocks[0].patterns;
    assert.equal(p.length, 4);
    assert.deepEqual(p[0].after, [
      { kind: "word", word: "full" },
      { kind: "synset", name: "TIES" },
    ]);
    assert.deepEqual(
      p[1].before.map((t) => t.kind),
      ["source", "word"],
    );
    assert.deepEqual(
      p[1].after.map((t) => t.kind),
      ["skip", "word", "target"],
    );
    assert.equal(p[2].after[0].kind, "phrase");
    assert.deepEqual(p[2].after[1], {
      kind: "prep",
      tokens: [{ kind: "word", word: "to" }, { kind: "both" }],
    });
    assert.deepEqual(p[2].code, { active: "071", passive: "072" });
    assert.deepEqual(p[3].code, { active: null, passive: null });
    assert.equal(p[3].line, 18);
  });

  it("expands nested synsets, and a comment line does not end a synset", () => {
    const d = readVerbDictionary(VERBS, "v.txt");
    assert.deepEqual(
      expandSynset(d, "TIES").map((w) => w.join(" ")),
      ["diplomatic _ties", "relations", "dollars"],
    );
  });

  it("names the file and line of each malformed line, and stops at the first one without --lenient", () => {
    const bad = `--- MEET [031] ---
MEET
- * TALKS
- * TALKS * AGAIN [031]
- * (WITH [031]
- * &NOSUCH [031]
- * TALKS [03X1:]
--- BROKEN ---
- * AID [070]
`;
    assert.throws(() => readVerbDictionary(bad, "bad.txt"), /bad\.txt:3: .*ends with its \[code\]/);
    const d = readVerbDictionary(bad, "bad.txt", { lenient: true });
    assert.deepEqual(
      d.errors.map((e) => e.origin),
      ["bad.txt:3", "bad.txt:4", "bad.txt:5", "bad.txt:7", "bad.txt:8", "bad.txt:9", "bad.txt:6"],
    );
    assert.equal(d.blocks[0].patterns.length, 1, "the good pattern (&NOSUCH aside) still loads");
  });
});

const ACTORS = `ARNOR [ARN]
+ARNORIAN
GOLLUM  # dated codes on the lines below
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB >990816]
LORIEN  [ELR/GAL]
PALESTINIAN [pse]
`;

describe("PETRARCH actor dictionary reader", () => {
  it("reads phrases, synonyms and codes, with dates before, after and between (six and eight digits)", () => {
    const d = readActorDictionary(ACTORS, "a.txt");
    assert.equal(d.errors.length, 0);
    assert.deepEqual(
      d.entries.map((e) => e.phrases.map((p) => p.words.join(" "))),
      [["arnor", "arnorian"], ["gollum", "smeagol"], ["lorien"], ["palestinian"]],
    );
    assert.deepEqual(
      d.entries[1].codes.map((c) => [c.code, c.from, c.to, c.line]),
      [
        ["HOB", null, "1995-05-31", 5],
        ["HOBGOV", "1995-06-01", "1999-08-15", 6],
        ["HOBREB", "1999-08-17", null, 7],
      ],
    );
    assert.deepEqual(
      d.entries[2].codes.map((c) => c.code),
      ["ELR", "GAL"],
    );
    assert.equal(d.entries[3].codes[0].code, "PSE");
  });

  it("reports impossible dates, bad codes and phrases without a code with file and line", () => {
    const bad = `ROHAN [ROH 19951399-19960101]
MORDOR
GONDOR [GON]
\t[GON <2001]
+
`;
    const d = readActorDictionary(bad, "a.txt", { lenient: true });
    assert.deepEqual(
      d.errors.map((e) => e.origin),
      ["a.txt:1", "a.txt:2", "a.txt:4", "a.txt:5"],
    );
    assert.deepEqual(
      d.entries.map((e) => e.phrases[0].words.join(" ")),
      ["gondor"],
    );
    assert.throws(() => readActorDictionary(bad, "a.txt"), /a\.txt:1: .*bad date range/);
  });
});

describe("PETRARCH agent dictionary reader", () => {
  it("reads suffix and prefix codes, plurals and substitution sets", () => {
    const d = readAgentDictionary(
      `!PERSON! = MAN, WOMAN
POLICE {} [ ~COP] # no plural
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
`,
      "g.txt",
    );
    assert.deepEqual(
      d.entries.map((e) => [
        e.words.join(" "),
        e.plurals?.map((p) => p.join(" ")) ?? null,
        e.code,
        e.position,
      ]),
      [
        ["police", [], "COP", "suffix"],
        ["golden goose", ["golden geese"], "GGS", "suffix"],
        ["congressman", null, "LEG", "suffix"],
        ["congresswoman", null, "LEG", "suffix"],
        ["human rights body", null, "NGO", "prefix"],
      ],
    );
  });

  it("reports a code without '~', an unknown set and a line without code", () => {
    const d = readAgentDictionary("PRESIDENT [GOV]\nNEW!NOSET! [~GOV]\nJUDGE\nSOLDIER [~MIL]\n", "g.txt", {
      lenient: true,
    });
    assert.deepEqual(
      d.errors.map((e) => e.origin),
      ["g.txt:1", "g.txt:2", "g.txt:3"],
    );
    assert.equal(d.entries.length, 1);
  });
});

describe("PETRARCH discard file reader", () => {
  it("reads story ('+') and sentence discards", () => {
    const d = readDiscardDictionary(
      "# header\n+World Golf Championships # x\nYEARS LATER\nBAD [X]\n",
      "d.txt",
      {
        lenient: true,
      },
    );
    assert.deepEqual(
      d.entries.map((e) => [e.words.join(" "), e.scope, e.line]),
      [
        ["world golf championships", "article", 2],
        ["years later", "sentence", 3],
      ],
    );
    assert.deepEqual(
      d.errors.map((e) => e.origin),
      ["d.txt:4"],
    );
  });
});
