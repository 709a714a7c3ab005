// dyad article ID: one stored article with its events and quotes.
import type { Command } from "commander";
import type { Event } from "../../core/types.js";
import { type StoredArticle, withStore } from "../../store/index.js";
import { EXIT } from "../exit.js";
import type { Io } from "../io.js";
import { actorsLabel, eventLabel, renderTable } from "../table.js";
import { addDbOption, parseFormat } from "./store-options.js";

const FORMATS = ["text", "json"] as const;

/**
 * The sentence number, with the part for a headline or caption event ("title" for the title field) and
 * "repeat" when it repeats a body event, which series and counts leave out.
 */
function sentenceLabel(e: Event): string {
  const part = e.evidence.part;
  if (part === "body") return String(e.sentence);
  const where = e.sentence === 0 ? "title" : `${e.sentence} ${part}`;
  return e.evidence.repeats ? `${where}, repeat` : where;
}

export function renderArticle(s: StoredArticle): string {
  const a = s.article;
  const head = [
    `article   ${a.id}${s.aliasOf ? `  (asked for as a duplicate id)` : ""}`,
    `date      ${a.date}`,
    ...(a.title ? [`title     ${a.title}`] : []),
    ...(a.url ? [`url       ${a.url}`] : []),
    ...(a.source ? [`source    ${a.source}`] : []),
    `coded at  ${a.codedAt}`,
    "",
    a.text,
    "",
  ];
  const events = s.record.events.map((e) => [
    sentenceLabel(e),
    e.date,
    actorsLabel(e.source),
    eventLabel(e),
    actorsLabel(e.target),
    e.place?.name ?? "",
    e.evidence.trigger,
  ]);
  const quotes = s.record.quotes.map((q) => [
    String(q.sentence),
    q.speaker ? `${q.speaker.name} (${q.speaker.code})` : "-",
    q.kind,
    q.text,
  ]);
  let out = head.join("\n");
  out += `\nevents (${events.length})\n`;
  if (events.length)
    out += renderTable(["sent", "date", "source", "event", "target", "place", "trigger"], events);
  out += `\nquotes (${quotes.length})\n`;
  if (quotes.length) out += renderTable(["sent", "speaker", "kind", "quote"], quotes, 80);
  if (s.record.errors.length) {
    out += `\nerrors\n${s.record.errors.map((e) => `  ${e.code}: ${e.message}`).join("\n")}\n`;
  }
  return out;
}

export function registerArticle(program: Command, io: Io): void {
  const cmd = program
    .command("article")
    .description("show one stored article with its events and quotes")
    .argument("<id>", "article id (a duplicate's id shows the article it duplicates)")
    .option("-f, --format <format>", FORMATS.join(" | "), "text");
  addDbOption(cmd).action(async (id: string, opts: { db?: string; format: string }) => {
    const format = parseFormat(opts.format, FORMATS, "article");
    const stored = await withStore(opts.db, (store) => store.article(id));
    if (!stored) {
      io.err(`error: ${id}: no article with this id in the store [E_NO_ARTICLE]\n`);
      io.exit(EXIT.ARTICLES_FAILED);
      return;
    }
    io.out(format === "json" ? `${JSON.stringify(stored, null, 2)}\n` : renderArticle(stored));
  });
}
