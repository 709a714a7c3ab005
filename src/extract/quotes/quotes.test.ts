import assert from "node:assert/strict";
import { test } from "node:test";
import { readParsed } from "../../../test/helpers/parsed.js";
import type { Doc, Mention, MentionKind, Quote, Referent } from "../../core/types.js";
import { createQuotesComponent, findQuotations } from "./index.js";

const quotes = createQuotesComponent();

const KHAMENEI: Referent = {
  code: "IRNGOV",
  country: "IRN",
  org: null,
  sector: "GOV",
  name: "Ali Khamenei",
  id: "ali-khamenei",
};
const SHARIF: Referent = {
  code: "PAKGOV",
  country: "PAK",
  org: null,
  sector: "GOV",
  name: "Shehbaz Sharif",
  id: "shehbaz-sharif",
};

/** A mention by hand: the first occurrence of `text` as a word, its referent (null: found through `entity`). */
interface Spec {
  text: string;
  referent: Referent | null;
  entity: string;
  kind?: MentionKind;
}

function read(text: string, specs: Spec[] = []): Doc {
  const doc = readParsed({ id: "t", date: "2025-05-26", text });
  const mentions: Mention[] = specs.map((spec) => {
    const re = new RegExp(`\\b${spec.text}\\b`, "g");
    const start = re.exec(text)?.index ?? -1;
    assert.ok(start >= 0, `no '${spec.text}' in the text`);
    const end = start + spec.text.length;
    const tokenStart = doc.tokens.findIndex((t) => t.start === start);
    const tokenEnd = doc.tokens.findIndex((t) => t.end === end) + 1;
    assert.ok(tokenStart >= 0 && tokenEnd > tokenStart, `'${spec.text}' is not a token span`);
    return {
      index: 0,
      kind: spec.kind ?? "person",
      sentence: doc.tokens[tokenStart].sentence,
      tokenStart,
      tokenEnd,
      start,
      end,
      text: spec.text,
      referent: spec.referent,
      entity: spec.entity,
      why: "test",
    };
  });
  mentions.sort((a, b) => a.start - b.start);
  mentions.forEach((m, i) => {
    m.index = i;
  });
  return quotes.run({ ...doc, mentions }, undefined);
}

function only(doc: Doc): Quote {
  assert.equal(
    doc.quotes.length,
    1,
    `expected one quote, got ${JSON.stringify(doc.quotes.map((q) => q.text))}`,
  );
  return doc.quotes[0];
}

const khamenei = (text: string): Spec => ({ text, referent: KHAMENEI, entity: "e1" });
/** A description resolved only through coreference ("the Leader"). */
const leader = (text: string): Spec => ({ text, referent: null, entity: "e1", kind: "agent" });

// Direct quotes.

test("a direct quote with the cue after it: “...,” X stated", () => {
  const q = only(
    read("“Pakistan has never been impacted by these temptations,” Ayatollah Khamenei stated.", [
      khamenei("Ayatollah Khamenei"),
    ]),
  );
  assert.deepEqual(
    [q.kind, q.cue, q.speaker?.name, q.text, q.sentence],
    ["direct", "stated", "Ali Khamenei", "Pakistan has never been impacted by these temptations,", 1],
  );
});

test("a direct quote with the cue before it: X stated, “...”", () => {
  const q = only(
    read(
      "Ayatollah Khamenei arrived. The Leader stated, “The two countries can help each other in many areas.”",
      [khamenei("Ayatollah Khamenei"), leader("The Leader")],
    ),
  );
  assert.deepEqual(
    [q.kind, q.cue, q.speaker?.name, q.text],
    ["direct", "stated", "Ali Khamenei", "The two countries can help each other in many areas."],
  );
});

test("an inverted cue takes the speaker after it: “...,” said X", () => {
  const q = only(read("“We will not retreat,” said Ayatollah Khamenei.", [khamenei("Ayatollah Khamenei")]));
  assert.deepEqual([q.cue, q.speaker?.name], ["said", "Ali Khamenei"]);
});

test("a quote split around its cue is one quote", () => {
  const text = "“We will never accept it,” he said, “not now.”";
  const q = only(read(text, [{ text: "he", referent: SHARIF, entity: "e2", kind: "pronoun" }]));
  assert.deepEqual(
    [q.text, q.cue, q.speaker?.name, q.start, q.end],
    ["We will never accept it, not now.", "said", "Shehbaz Sharif", 1, text.length - 1],
  );
});

test("a quote running over paragraphs continues while each paragraph opens with a mark", () => {
  const text = "Sharif said: “The first point is trade.\n\n“The second is the border,” he added.";
  const q = only(
    read(text, [
      { text: "Sharif", referent: SHARIF, entity: "e2" },
      { text: "he", referent: SHARIF, entity: "e2", kind: "pronoun" },
    ]),
  );
  assert.equal(q.text, "The first point is trade. The second is the border,");
  assert.equal(q.speaker?.name, "Shehbaz Sharif");
});

test("findQuotations: an unclosed quote ends with its paragraph when the next one opens no quote", () => {
  const text = "He said: “We will win.\n\nThe crowd cheered.";
  const found = findQuotations(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].parts.length, 1);
  assert.equal(text.slice(found[0].parts[0].start, found[0].parts[0].end), "We will win.");
});

test("findQuotations reads straight quotation marks", () => {
  const text = 'He said, "We will win." Then he left.';
  const [q] = findQuotations(text);
  assert.equal(text.slice(q.parts[0].start, q.parts[0].end), "We will win.");
});

test("a pronoun speaker resolves through its entity when it has no referent of its own", () => {
  const q = only(
    read("Ayatollah Khamenei arrived. “We will not retreat,” he said.", [
      khamenei("Ayatollah Khamenei"),
      { text: "he", referent: null, entity: "e1", kind: "pronoun" },
    ]),
  );
  assert.deepEqual([q.speaker?.name, q.speaker?.text], ["Ali Khamenei", "he"]);
});

test("a quotation opening its own sentence continues the previous speaker", () => {
  const doc = read("“We will win,” Ayatollah Khamenei said. “Our enemies will fail.”", [
    khamenei("Ayatollah Khamenei"),
  ]);
  assert.equal(doc.quotes.length, 2);
  assert.deepEqual(
    doc.quotes.map((q) => [q.text, q.speaker?.name]),
    [
      ["We will win,", "Ali Khamenei"],
      ["Our enemies will fail.", "Ali Khamenei"],
    ],
  );
});

test("without mentions a quote is still found, with no speaker", () => {
  const q = only(read("“We will not retreat,” the official said."));
  assert.deepEqual([q.cue, q.speaker], ["said", null]);
});

// Scare quotes.

test("short scare quotes inside a sentence belong to the surrounding speech", () => {
  const q = only(
    read("The Leader noted that Pakistan has had a “very good and strong” stance on Palestine.", [
      leader("The Leader"),
    ]),
  );
  assert.deepEqual(
    [q.kind, q.cue, q.text],
    ["indirect", "noted", "Pakistan has had a “very good and strong” stance on Palestine"],
  );
});

test("a scare quote before a coordinated cue is not a quote of that cue", () => {
  const doc = read(
    "The Leader said Palestine is the “prime issue of the Muslim world” and noted that people protest.",
    [leader("The Leader")],
  );
  assert.deepEqual(
    doc.quotes.map((q) => [q.kind, q.cue]),
    [
      ["indirect", "said"],
      ["indirect", "noted"],
    ],
  );
});

// Indirect speech.

test("indirect speech: X noted that C gives C without 'that'", () => {
  const doc = read("Ayatollah Khamenei noted that the ties are deep.", [khamenei("Ayatollah Khamenei")]);
  assert.deepEqual([only(doc).text, only(doc).speaker?.name], ["the ties are deep", "Ali Khamenei"]);
});

test("indirect speech without 'that': X said C", () => {
  const q = only(read("The Leader said Iran and Pakistan can play a pivotal role.", [leader("The Leader")]));
  assert.deepEqual([q.cue, q.text], ["said", "Iran and Pakistan can play a pivotal role"]);
});

test("adjuncts between the cue and 'that' are skipped: said in a statement that, told reporters that", () => {
  assert.equal(
    only(read("The minister said in a statement that talks will resume.")).text,
    "talks will resume",
  );
  assert.equal(only(read("The minister told reporters that talks will resume.")).text, "talks will resume");
});

test("an inverted cue after the clause: C, X added", () => {
  const q = only(
    read("This is the only thing that can ensure the security of Muslim nations, Ayatollah Khamenei added.", [
      khamenei("Ayatollah Khamenei"),
    ]),
  );
  assert.deepEqual(
    [q.kind, q.cue, q.speaker?.name, q.text],
    [
      "indirect",
      "added",
      "Ali Khamenei",
      "This is the only thing that can ensure the security of Muslim nations",
    ],
  );
});

test("two cues in one sentence give two quotes with the same speaker", () => {
  const doc = read(
    "Ayatollah Khamenei arrived. The Leader said Palestine is the prime issue and noted that people in Europe hold demonstrations.",
    [khamenei("Ayatollah Khamenei"), leader("The Leader")],
  );
  assert.deepEqual(
    doc.quotes.map((q) => [q.cue, q.text, q.speaker?.name]),
    [
      ["said", "Palestine is the prime issue", "Ali Khamenei"],
      ["noted", "people in Europe hold demonstrations", "Ali Khamenei"],
    ],
  );
});

test("a participle cue after a comma is a second quote: ..., adding that C", () => {
  const doc = read("Khamenei said the ties are warm, adding that trade will grow.", [
    { text: "Khamenei", referent: KHAMENEI, entity: "e1" },
  ]);
  assert.deepEqual(
    doc.quotes.map((q) => [q.cue, q.text, q.speaker?.name]),
    [
      ["said", "the ties are warm", "Ali Khamenei"],
      ["adding", "trade will grow", "Ali Khamenei"],
    ],
  );
});

test("'expressed regret that' reports speech; 'expressed hope that' does not", () => {
  const q = only(
    read("Sharif expressed regret that the world refrains from acting.", [
      { text: "Sharif", referent: SHARIF, entity: "e2" },
    ]),
  );
  assert.deepEqual(
    [q.cue, q.text, q.speaker?.name],
    ["expressed regret", "the world refrains from acting", "Shehbaz Sharif"],
  );
  assert.deepEqual(read("Sharif expressed hope that the talks would succeed.").quotes, []);
});

test("praise of an actor's quality is reported speech; praise of an event is not", () => {
  const q = only(read("The Pakistani prime minister hailed Iran’s positive role in solving the crisis."));
  assert.deepEqual([q.cue, q.text], ["hailed", "Iran’s positive role in solving the crisis"]);
  assert.deepEqual(read("Khamenei hailed the end of hostilities between Pakistan and India.").quotes, []);
});

test("a noun object of a cue verb is not speech: emphasized the need for", () => {
  assert.deepEqual(
    read("The Leader emphasized the need for joint activities between Iran and Pakistan.").quotes,
    [],
  );
});

test("'according to X' reports the clause around it", () => {
  assert.equal(only(read("According to officials, the talks will resume.")).text, "the talks will resume");
  const q = only(read("The talks, according to Turkish officials, will resume next week."));
  assert.deepEqual(
    [q.cue, q.text],
    ["according to", "The talks, according to Turkish officials, will resume next week"],
  );
});
