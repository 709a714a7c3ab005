// The dates component: date expressions resolved against the article date, and the date of an event.
import { DyadError } from "../../core/errors.js";
import { ofSentence } from "../../core/spans.js";
import type { DateMention, Doc, Sentence } from "../../core/types.js";
import { clauseIds, clausesOf } from "../../nlp/clauses/query.js";
import type { Component } from "../../pipeline/index.js";
import { dayNumber } from "./calendar.js";
import { datesInSentence } from "./detect.js";

/** Builds the `dates` component: reads tokens, sentences and clauses, writes doc.dates. */
export function createDatesComponent<C = unknown>(): Component<C> {
  return {
    name: "dates",
    reads: ["tokens", "sentences", "clauses"],
    writes: ["dates"],
    run(doc: Doc): Doc {
      const day = dayNumber(doc.article.date);
      if (day === null) {
        // Readers reject such dates; an article built by hand may still carry one. Nothing can be resolved.
        const error = new DyadError(
          "E_BAD_DATE",
          `'${doc.article.date}': dates left unresolved`,
          doc.article.id,
        );
        return { ...doc, dates: [], errors: [...doc.errors, { code: error.code, message: error.message }] };
      }
      const dates: DateMention[] = [];
      for (const sentence of doc.sentences) dates.push(...datesInSentence(doc, sentence, { day }));
      return { ...doc, dates };
    },
  };
}

export interface EventDate {
  /**
   * The day (YYYY-MM-DD) the event happened; for a period, its ISO 8601 form: a year ("2019"),
   * a month ("2025-05") or an interval ("1980/1988", "2025-05-19/2025-05-25").
   * The publication date when the text gives no date.
   */
  date: string;
  /** The words of the date expression, or null when the date is the publication date. */
  dateText: string | null;
  historical: boolean;
  /** For periods: first and last year, month or day. */
  from?: string;
  to?: string;
}

/**
 * The date of an event whose words are [tokenStart, tokenEnd) of a sentence (0-based index or object):
 * a date expression inside that range, else one in the clause around it, else the publication date.
 * A date expression belongs to the clause it sits in: "said on Monday that the army attacked" dates
 * the statement, not the attack.
 */
export function eventDate(
  doc: Doc,
  sentence: number | Sentence,
  tokenStart: number,
  tokenEnd: number,
): EventDate {
  const s = sentenceOf(doc, sentence);
  const fallback: EventDate = { date: doc.article.date, dateText: null, historical: false };
  if (!s) return fallback;
  const candidates = ofSentence(doc.dates, s.index).filter((d) => d.start >= s.start && d.end <= s.end);
  if (candidates.length === 0) return fallback;
  const firstToken = (d: DateMention): number => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (doc.tokens[i].end > d.start) return i;
    return s.tokenEnd - 1;
  };
  const distance = (i: number): number =>
    i < tokenStart ? tokenStart - i : i >= tokenEnd ? i - tokenEnd + 1 : 0;
  const inside = candidates.filter((d) => distance(firstToken(d)) === 0);
  let chosen: DateMention | undefined = inside[0];
  if (!chosen) {
    const ids = clauseIds(doc, s);
    const clauses = clausesOf(ids, s, tokenStart, tokenEnd);
    const inClause = candidates
      .map((d) => ({ d, i: firstToken(d) }))
      .filter(({ i }) => clauses.has(ids[i - s.tokenStart]))
      .sort((a, b) => distance(a.i) - distance(b.i));
    chosen = inClause[0]?.d;
  }
  if (!chosen) return fallback;
  return toEventDate(chosen);
}

export function toEventDate(d: DateMention): EventDate {
  if (d.date) return { date: d.date, dateText: d.text, historical: d.historical };
  const from = d.from ?? "";
  const to = d.to ?? from;
  return {
    date: from === to ? from : `${from}/${to}`,
    dateText: d.text,
    historical: d.historical,
    from,
    to,
  };
}

/** Resolves a sentence given by 0-based index or as an object. */
export function sentenceOf(doc: Doc, sentence: number | Sentence): Sentence {
  return typeof sentence === "number" ? doc.sentences[sentence] : sentence;
}
