// dyad quotes: who said what. With INPUT arguments it codes them (no store); without, it queries the store.
import type { Command } from "commander";
import type { Quote } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import { loadActorNames } from "../../knowledge/names.js";
import { hasActorTerm, parseQuoteFilter } from "../../store/filters.js";
import { type ArticleRef, type QuoteFilter, type StoredQuote, withStore } from "../../store/index.js";
import { quoteMatches } from "../../store/match.js";
import { EXIT } from "../exit.js";
import { type Io, parseMaxBytes, reportError } from "../io.js";
import { renderTable } from "../table.js";
import {
  ACTOR_HELP,
  addDbOption,
  optionName,
  parseFormat,
  reportActorMatches,
  TEXT_HELP,
} from "./store-options.js";

const FORMATS = ["table", "jsonl"] as const;

interface QuotesOptions {
  speaker?: string;
  about?: string;
  text?: string;
  since?: string;
  until?: string;
  limit?: string;
  db?: string;
  date?: string;
  maxBytes: string;
  format: string;
}

function speakerLabel(q: Quote): string {
  return q.speaker ? `${q.speaker.name} (${q.speaker.code})` : "-";
}

export function quoteRows(quotes: readonly StoredQuote[]): string[][] {
  return quotes.map((q) => [q.article.date, speakerLabel(q), q.kind, q.cue, q.text, q.article.id]);
}

async function codedQuotes(
  io: Io,
  inputs: string[],
  filter: QuoteFilter,
  opts: QuotesOptions,
): Promise<StoredQuote[]> {
  const out: StoredQuote[] = [];
  const { codeStream } = await import("../../pipeline/stream.js");
  for await (const result of codeStream(
    readInputs(inputs, { date: opts.date, maxBytes: parseMaxBytes(opts.maxBytes) }),
  )) {
    if (!result.ok) {
      reportError(io, result.error);
      io.exit(EXIT.ARTICLES_FAILED);
      continue;
    }
    const { article, record } = result;
    const ref: ArticleRef = {
      id: article.id,
      date: article.date,
      title: article.title ?? null,
      url: article.url ?? null,
      source: article.source ?? null,
    };
    for (const q of record.quotes)
      if (quoteMatches(q, record.events, filter)) out.push({ ...q, article: ref });
  }
  return out;
}

export function registerQuotes(program: Command, io: Io): void {
  const cmd = program
    .command("quotes")
    .description("list quotes: of the given articles (coded now, nothing stored), or of the store")
    .argument("[input...]", "files, directories, JSONL files, or - (without: query the store)")
    .option("--speaker <actor>", `said by this actor: ${ACTOR_HELP}`)
    .option("--about <actor>", "naming this actor: an event actor inside the quote, or the name in its words")
    .option("--text <query>", `the quote matches this ${TEXT_HELP}`)
    .option("--since <YYYY-MM-DD>", "articles on or after this day (store)")
    .option("--until <YYYY-MM-DD>", "articles on or before this day (store)")
    .option("--limit <n>", "at most this many quotes")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("-f, --format <format>", FORMATS.join(" | "), "table");
  addDbOption(cmd).action(async (inputs: string[], opts: QuotesOptions) => {
    const format = parseFormat(opts.format, FORMATS, "quotes");
    const { since, until, limit, ...filter } = parseQuoteFilter(opts, {
      label: optionName,
      names: hasActorTerm(opts) ? loadActorNames() : undefined,
    });
    let quotes: StoredQuote[];
    if (inputs.length > 0) {
      quotes = await codedQuotes(io, inputs, filter, opts);
      if (limit !== undefined) quotes = quotes.slice(0, limit);
    } else {
      quotes = await withStore(opts.db, async (store) => {
        if (filter.speaker)
          await reportActorMatches(io, store, [["--speaker", filter.speaker]], { speakers: true });
        return store.quotes({ ...filter, since, until, limit });
      });
    }
    if (format === "jsonl") for (const q of quotes) io.out(`${JSON.stringify(q)}\n`);
    else io.out(renderTable(["date", "speaker", "kind", "cue", "quote", "article"], quoteRows(quotes), 70));
  });
}
