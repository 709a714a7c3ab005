// dyad errors: the articles that could not be read or coded, with their error.
import type { Command } from "commander";
import { withStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { renderTable } from "../table.js";
import { addDbOption, parseFormat, parsePositiveInt } from "./store-options.js";

const FORMATS = ["table", "jsonl"] as const;

export function registerErrors(program: Command, io: Io): void {
  const cmd = program
    .command("errors")
    .description("list the articles that failed, with their error")
    .option("--limit <n>", "at most this many", "1000")
    .option("-f, --format <format>", FORMATS.join(" | "), "table");
  addDbOption(cmd).action(async (opts: { db?: string; limit: string; format: string }) => {
    const format = parseFormat(opts.format, FORMATS, "errors");
    const limit = parsePositiveInt(opts.limit, "--limit") ?? 1000;
    const errors = await withStore(opts.db, (store) => store.errors(limit));
    if (format === "jsonl") {
      for (const e of errors) io.out(`${JSON.stringify(e)}\n`);
      return;
    }
    if (errors.length === 0) {
      io.out("no failed articles\n");
      return;
    }
    io.out(
      renderTable(
        ["article or origin", "code", "message", "recorded"],
        errors.map((e) => [e.key, e.code, e.message, e.recordedAt]),
        90,
      ),
    );
  });
}
