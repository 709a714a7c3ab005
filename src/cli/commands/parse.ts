// dyad parse: prints the syntax component's tags and dependency parse (CoNLL-U or a table), or scores the
// parser against a treebank file with gold tokens (--eval).
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import type { Doc } from "../../core/types.js";
import { readInputs } from "../../ingest/index.js";
import { EXIT } from "../exit.js";
import { type Io, parseMaxBytes, reportError } from "../io.js";
import { renderTable } from "../table.js";

interface ParseOptions {
  format: string;
  date?: string;
  maxBytes: string;
  eval?: string;
}

/** One Doc's parse as CoNLL-U: one block per sentence, TokenRange (character offsets) in MISC. */
export function docToConllu(doc: Doc): string {
  const parse = doc.parse;
  if (!parse) return "";
  const blocks: string[] = [];
  for (const s of doc.sentences) {
    const lines = [
      `# sent_id = ${doc.article.id}-${s.index + 1}`,
      `# text = ${doc.text.slice(s.start, s.end).replace(/\s+/g, " ")}`,
    ];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      const h = parse.head[i];
      lines.push(
        [
          i - s.tokenStart + 1,
          t.text,
          t.lemma,
          parse.upos[i],
          parse.xpos[i],
          "_",
          h < 0 ? 0 : h - s.tokenStart + 1,
          parse.deprel[i],
          "_",
          `TokenRange=${t.start}:${t.end}`,
        ].join("\t"),
      );
    }
    blocks.push(`${lines.join("\n")}\n`);
  }
  return `${blocks.join("\n")}\n`;
}

/** One Doc's parse as table rows: sentence, word number, word, tags, relation and the head word. */
export function docToRows(doc: Doc): string[][] {
  const parse = doc.parse;
  if (!parse) return [];
  const rows: string[][] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const h = parse.head[i];
      rows.push([
        String(s.index + 1),
        String(i - s.tokenStart + 1),
        doc.tokens[i].text,
        parse.upos[i],
        parse.xpos[i],
        parse.deprel[i],
        h < 0 ? "0" : `${h - s.tokenStart + 1} ${doc.tokens[h].text}`,
      ]);
    }
  }
  return rows;
}

export function registerParse(program: Command, io: Io): void {
  program
    .command("parse")
    .description(
      "print the part-of-speech tags and dependency parse of articles, or score the parser (--eval)",
    )
    .argument("[input...]", "files, directories, JSONL files, or - for standard input")
    .option("-f, --format <format>", "conllu | table", "conllu")
    .option("-d, --date <YYYY-MM-DD>", "publication date for plain-text inputs without a date")
    .option("--max-bytes <n>", "largest article accepted, in bytes", "5242880")
    .option("--eval <file.conllu>", "score against a treebank file with gold tokens: UPOS accuracy, UAS, LAS")
    .action(async (inputs: string[], opts: ParseOptions) => {
      const { createParser, createSyntaxComponent, loadSyntaxModel } = await import(
        "../../nlp/syntax/index.js"
      );
      if (opts.eval) {
        const { readConllu } = await import("../../nlp/syntax/conllu.js");
        const { evaluate } = await import("../../nlp/syntax/evaluate.js");
        let text: string;
        try {
          text = readFileSync(opts.eval, "utf8");
        } catch (e) {
          throw new DyadError("E_READ", e instanceof Error ? e.message : String(e), opts.eval);
        }
        let gold: ReturnType<typeof readConllu>;
        try {
          gold = readConllu(text, opts.eval);
        } catch (e) {
          throw new DyadError("E_DATA", e instanceof Error ? e.message : String(e), opts.eval);
        }
        const parser = createParser(loadSyntaxModel());
        const r = evaluate((words) => parser.parse(words), gold);
        const f = (x: number) => x.toFixed(4);
        io.out(
          `${opts.eval}: ${r.sentences} sentences, ${r.words} words (gold tokens; punctuation included; LAS on universal relations, subtypes ignored, as the official UD evaluation)\n` +
            `UPOS ${f(r.upos)}\nUAS  ${f(r.uas)}\nLAS  ${f(r.las)}\n`,
        );
        return;
      }
      if (!["conllu", "table"].includes(opts.format)) {
        io.err(`dyad parse: unknown format '${opts.format}' (conllu or table) [E_USAGE]\n`);
        io.exit(EXIT.USAGE);
        return;
      }
      if (!inputs.length) throw new DyadError("E_USAGE", "give inputs to parse, or --eval FILE.conllu");
      const { getNlp } = await import("../../nlp/index.js");
      const nlp = getNlp();
      const syntax = createSyntaxComponent({ model: loadSyntaxModel() });
      const rows: string[][] = [];
      let failed = 0;
      for await (const item of readInputs(inputs, {
        date: opts.date,
        maxBytes: parseMaxBytes(opts.maxBytes),
      })) {
        if (!item.ok) {
          failed++;
          reportError(io, item.error);
          continue;
        }
        const doc = syntax.run(nlp.read(item.article), undefined);
        if (opts.format === "conllu") io.out(`# newdoc id = ${item.article.id}\n${docToConllu(doc)}`);
        else rows.push(...docToRows(doc).map((r) => [item.article.id, ...r]));
      }
      if (opts.format === "table") {
        io.out(renderTable(["article", "sentence", "id", "word", "upos", "xpos", "deprel", "head"], rows));
      }
      if (failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });
}
