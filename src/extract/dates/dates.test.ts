import assert from "node:assert/strict";
import { test } from "node:test";
import { readParsed } from "../../../test/helpers/parsed.js";
import type { DateMention, Doc } from "../../core/types.js";
import { createDatesComponent, eventDate } from "./index.js";

const dates = createDatesComponent();

function read(text: string, date: string): Doc {
  return dates.run(readParsed({ id: "t", date, text }), undefined);
}

/** The one date expression of a text. */
function only(text: string, date: string): DateMention {
  const found = read(text, date).dates;
  assert.equal(
    found.length,
    1,
    `expected one date in "${text}", got ${JSON.stringify(found.map((d) => d.text))}`,
  );
  return found[0];
}

function token(doc: Doc, word: string): number {
  const i = doc.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `no token '${word}'`);
  return i;
}

// Weekdays. 2025-05-28 is a Wednesday, 2025-06-02 a Monday, 2025-05-26 a Monday.

test("a weekday in a past-tense clause is the most recent such day before the article date", () => {
  const d = only("The ministers met in Tehran on Monday.", "2025-05-28");
  assert.equal(d.date, "2025-05-26");
  assert.equal(d.text, "on Monday");
});

test("a weekday in the past reaches back across a month boundary", () => {
  assert.equal(only("The ministers met on Friday.", "2025-06-02").date, "2025-05-30");
});

test("a weekday that is the article's own weekday is the article date in the past", () => {
  assert.equal(only("The Leader made the remarks on Monday.", "2025-05-26").date, "2025-05-26");
});

test("a weekday in a future clause (will) is the next such day, across a month boundary", () => {
  assert.equal(only("The minister will travel to Paris on Monday.", "2025-05-28").date, "2025-06-02");
});

test("'is due to' makes the clause future", () => {
  assert.equal(only("He is due to arrive on Sunday.", "2025-05-30").date, "2025-06-01");
});

test("'is to be held' makes the clause future", () => {
  assert.equal(only("The summit is to be held on Monday.", "2025-05-28").date, "2025-06-02");
});

test("each weekday follows the tense of its own clause", () => {
  const found = read("He said on Monday that he will go on Friday.", "2025-05-28").dates;
  assert.deepEqual(
    found.map((d) => d.date),
    ["2025-05-26", "2025-05-30"],
  );
});

// Relative days and weeks.

test("yesterday is the day before the article date", () => {
  assert.equal(only("They met yesterday.", "2025-06-01").date, "2025-05-31");
});

test("'three days ago' counts back from the article date across a month boundary", () => {
  assert.equal(only("He arrived three days ago.", "2025-06-01").date, "2025-05-29");
});

test("'last week' is the previous Monday-to-Sunday week", () => {
  const d = only("Talks failed last week.", "2025-05-28");
  assert.equal(d.date, null);
  assert.deepEqual([d.from, d.to], ["2025-05-19", "2025-05-25"]);
});

test("'earlier this month' is the article's month", () => {
  const d = only("Earlier this month, talks began.", "2025-05-28");
  assert.equal(d.text, "Earlier this month");
  assert.deepEqual([d.date, d.from, d.to], [null, "2025-05", "2025-05"]);
});

// Explicit dates.

test("a day and month without a year is the most recent such day in the past", () => {
  assert.equal(only("He arrived on March 3.", "2025-05-28").date, "2025-03-03");
  assert.equal(only("He left on 9 June.", "2025-05-28").date, "2024-06-09");
});

test("a day and month without a year in a future clause is the next such day", () => {
  assert.equal(only("He will return on 9 June.", "2025-05-28").date, "2025-06-09");
});

test("a date with a year keeps it, and a day more than a year back is historical", () => {
  const d = only("The accord was signed on 3 March 2019.", "2025-05-28");
  assert.equal(d.date, "2019-03-03");
  assert.equal(d.historical, true);
  assert.equal(only("The accord was signed on 3 March 2025.", "2025-05-28").historical, false);
});

// Periods and years.

test("'(in 1980-88)' is a historical period 1980 to 1988, parentheses included", () => {
  const d = only("Pakistan's positions during the war on Iran (in 1980-88) are an example.", "2025-05-26");
  assert.deepEqual(
    [d.text, d.date, d.from, d.to, d.historical],
    ["(in 1980-88)", null, "1980", "1988", true],
  );
});

test("a period with an en dash and full years is read", () => {
  const d = only("The war raged in 1980–1988 along the border.", "2025-05-26");
  assert.deepEqual([d.from, d.to, d.historical], ["1980", "1988", true]);
});

test("'in 2019' is a historical year; last year's is not", () => {
  const old = only("He won the vote in 2019.", "2025-05-26");
  assert.deepEqual([old.from, old.to, old.historical], ["2019", "2019", true]);
  assert.equal(only("He won the vote in 2024.", "2025-05-26").historical, false);
});

test("'during the 1990s' is the decade", () => {
  const d = only("Trade grew during the 1990s.", "2025-05-26");
  assert.deepEqual([d.from, d.to, d.historical], ["1990", "1999", true]);
});

test("a number after 'by' that counts something is no year", () => {
  assert.equal(read("He won by 2000 votes.", "2025-05-26").dates.length, 0);
});

// chrono-node's false positives.

test("'now', 'past years', 'may' and 'March' as verbs and a bare 'second' are no dates", () => {
  for (const text of [
    "Muslims have more power in the world now.",
    "Pakistan has had a good stance over the past years.",
    "He may come.",
    "Protesters March on Capitol.",
    "They tried for a second time.",
  ]) {
    assert.deepEqual(
      read(text, "2025-05-28").dates.map((d) => d.text),
      [],
      text,
    );
  }
});

// The date of an event.

test("an event takes the date expression of its clause", () => {
  const doc = read("The Leader made the remarks in a meeting with Sharif in Tehran on Monday.", "2025-05-26");
  const meeting = token(doc, "meeting");
  assert.deepEqual(eventDate(doc, 0, meeting, meeting + 1), {
    date: "2025-05-26",
    dateText: "on Monday",
    historical: false,
  });
});

test("a date in another clause of the sentence does not date the event", () => {
  const doc = read(
    "Khamenei said Tehran and Islamabad have warm relations, adding that Pakistan's positions during the war on Iran (in 1980-88) are an example.",
    "2025-05-26",
  );
  const said = token(doc, "said");
  assert.deepEqual(eventDate(doc, 0, said, said + 1), {
    date: "2025-05-26",
    dateText: null,
    historical: false,
  });
  const war = token(doc, "war");
  const e = eventDate(doc, 0, war, war + 1);
  assert.deepEqual([e.date, e.dateText, e.historical], ["1980/1988", "(in 1980-88)", true]);
});

test("an event without a date expression falls back to the publication date", () => {
  const doc = read("The two leaders met in Tehran.", "2025-05-26");
  assert.deepEqual(eventDate(doc, 0, 3, 4), { date: "2025-05-26", dateText: null, historical: false });
});
