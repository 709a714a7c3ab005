// dyad actors: the actor mentions of a text or file, with their resolution and why.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import type { Article } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import { contentId } from "../../ingest/parse.js";
import { EXIT } from "../exit.js";
import { type Io, reportError } from "../io.js";
import { renderTable } from "../table.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";
import { MODALITY_HELP } from "./store-options.js";

function looksLikePath(input: string): boolean {
  return !/\s/.test(input) && (/[\\/]/.test(input) || /\.(txt|jsonl|ndjson|json|html?|md)$/i.test(input));
}

export function registerActors(
  program: Command,
  io: Io,
  top?: (io: Io, opts: Record<string, unknown>) => Promise<void>,
): void {
  program
    .command("actors")
    .description(
      "list the actor mentions of a text or file, with resolution and why (or --top: most active actors in the store)",
    )
    .argument("[input...]", "text in quotes, files, or - for standard input")
    .option("-d, --date <YYYY-MM-DD>", "the article date the text is read on")
    .option("--top", "most active actors in the store")
    .option("--db <url>", "store for --top")
    .option("--limit <n>", "rows for --top", "20")
    .option("--modality <list>", MODALITY_HELP)
    .option("-f, --format <format>", "table | jsonl", "table")
    .option(KB_OPTION, KB_HELP)
    .action(
      async (
        inputs: string[],
        opts: { date?: string; top?: boolean; db?: string; limit: string; format: string; kb?: string },
      ) => {
        if (opts.top) {
          if (!top) throw new DyadError("E_USAGE", "--top needs the store");
          await top(io, opts);
          return;
        }
        if (inputs.length === 0) throw new DyadError("E_USAGE", "give a text, a file or --top");
        const { createDyad } = await import("../../pipeline/dyad.js");
        const dyad = createDyad({ dataDir: kbDirs(opts.kb) });
        const articles: Article[] = [];
        const files = inputs.filter((x) => x === "-" || existsSync(x));
        // One word that reads as a file name ("notes.txt", "in/a") is a file that is missing, not a text.
        if (files.length === 0 && inputs.length === 1 && looksLikePath(inputs[0])) {
          throw new DyadError("E_NOT_FOUND", undefined, inputs[0]);
        }
        if (files.length === inputs.length) {
          for await (const r of readInputs(files, { date: opts.date })) {
            if (r.ok) articles.push(r.article);
            else {
              reportError(io, r.error);
              io.exit(EXIT.ARTICLES_FAILED);
            }
          }
        } else {
          const text = inputs.join(" ");
          const date = opts.date ?? new Date().toISOString().slice(0, 10);
          articles.push({ id: contentId(date, text), date, text });
        }
        for (const article of articles) {
          const doc = dyad.analyse(article);
          if (opts.format === "jsonl") {
            for (const m of doc.mentions) io.out(`${JSON.stringify({ article: article.id, ...m })}\n`);
            continue;
          }
          const rows = doc.mentions
            .filter((m) => m.kind !== "compound")
            .map((m) => [
              String(m.sentence + 1),
              m.text,
              m.kind + (m.placeOnly ? " (place)" : ""),
              m.referent?.code ?? "-",
              m.referent?.name ?? "-",
              m.why,
            ]);
          io.out(`${article.id} (${article.date})\n`);
          io.out(renderTable(["sent", "mention", "kind", "code", "name", "why"], rows, 70));
        }
      },
    );
}
