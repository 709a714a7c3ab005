import assert from "node:assert/strict";
import { test } from "node:test";
import { isDyadError } from "../core/errors.js";
import { compileLexicon, LEXICON, WORD_LISTS, words } from "./words.js";

const file = (name: string, text: string) => ({ name, text });
const speech = file("speech.tsv", "verb\troles\nsay\tquote|bare|events\n");
const offices = file("offices.tsv", "title\troles\nprime minister\tHOG\n");
const allLists = (extra = "") =>
  file("words.tsv", `list\tword\n${WORD_LISTS.map((n) => `${n}\tx`).join("\n")}\n${extra}`);

function fails(files: Parameters<typeof compileLexicon>[0], where: string, message: RegExp): void {
  assert.throws(
    () => compileLexicon(files),
    (e: unknown) => isDyadError(e) && e.code === "E_DATA" && e.origin === where && message.test(e.message),
  );
}

test("the word lists are data: every list is in data/lexicon, written once (issue 14, point 5)", () => {
  for (const name of WORD_LISTS) assert.ok(words(name).size > 0, name);
  // The two locative lists that had drifted are one: the places' prepositions and the actors' read it.
  for (const w of ["in", "near", "within", "along", "off"]) assert.ok(words("locative").has(w), w);
  // The two future lists likewise: the curly "’ll" of the clause layer is the dates' too.
  for (const w of ["will", "shall", "'ll", "’ll", "wo"]) assert.ok(words("future-modal").has(w), w);
  assert.ok(!words("future-modal").has("would"));
  assert.ok(LEXICON.speech.quote.has("say") && LEXICON.speech.bare.has("think"));
  assert.ok(!LEXICON.speech.events.has("warn"), "a warning is an event of its own, not a reported claim");
  assert.deepEqual(LEXICON.offices.get("prime minister"), ["HOG"]);
});

test("a broken word list is an error naming the file and line (issue 14, point 5)", () => {
  fails(
    { words: allLists("nonsense\tword\n"), speech, offices },
    `words.tsv:${WORD_LISTS.length + 2}`,
    /unknown word list 'nonsense'/,
  );
  fails(
    { words: allLists("locative\tx\n"), speech, offices },
    `words.tsv:${WORD_LISTS.length + 2}`,
    /'x' twice/,
  );
  fails(
    { words: allLists("locative\tIn\n"), speech, offices },
    `words.tsv:${WORD_LISTS.length + 2}`,
    /not a lower-case word/,
  );
  fails(
    { words: file("w.tsv", "list\tword\nlocative\tin\n"), speech, offices },
    "w.tsv",
    /no word of the list/,
  );
  fails(
    { words: allLists(), speech: file("s.tsv", "verb\troles\nsay\tshout\n"), offices },
    "s.tsv:2",
    /unknown speech role 'shout'/,
  );
  fails(
    { words: allLists(), speech, offices: file("o.tsv", "title\troles\nking\tMONARCH\n") },
    "o.tsv:2",
    /unknown role 'MONARCH'/,
  );
});
