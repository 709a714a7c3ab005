// The dyad command: parses arguments, runs a command, sets the exit code. The only code that prints.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { type ErrorCode, isDyadError } from "../core/errors.js";
import { registerActors } from "./commands/actors.js";
import { runActorsTop } from "./commands/actors-top.js";
import { registerCode } from "./commands/code.js";
import { registerEval } from "./commands/eval.js";
import { registerKb } from "./commands/kb.js";
import { registerParse } from "./commands/parse.js";
import { registerStoreCommands } from "./commands/store.js";
import { EXIT } from "./exit.js";
import type { Io } from "./io.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export function buildProgram(io: Io): Command {
  const program = new Command("dyad")
    .description("Dyad: political event coding of dated news articles (CAMEO/PLOVER), explainable and fast")
    .version(pkg.version, "-V, --version")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerCode(program, io);
  registerEval(program, io);
  registerParse(program, io);
  registerActors(program, io, runActorsTop);
  registerKb(program, io);
  registerStoreCommands(program, io);
  return program;
}

/**
 * The exit code of an error that stopped a command: a missing input file is 1 in every command, as it is
 * for one file of a batch (issue 19); bad usage 2; anything else 3.
 */
export function exitCodeOf(code: ErrorCode): number {
  if (code === "E_USAGE" || code === "E_FILTER") return EXIT.USAGE;
  if (code === "E_NOT_FOUND" || code === "E_NO_INPUT") return EXIT.ARTICLES_FAILED;
  return EXIT.FATAL;
}

/** Runs the CLI with the given arguments (without "node dyad") and returns the exit code. */
export async function run(argv: readonly string[], io?: Partial<Io>): Promise<number> {
  let code: number = EXIT.OK;
  const sink: Io = {
    out: io?.out ?? ((s) => process.stdout.write(s)),
    err: io?.err ?? ((s) => process.stderr.write(s)),
    exit: (c) => {
      code = Math.max(code, c);
    },
  };
  const program = buildProgram(sink);
  if (argv.length === 0) {
    // As `dyad --help`: the help asked for by running the command bare goes to standard output, exit 0.
    sink.out(program.helpInformation());
    return EXIT.OK;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      ) {
        return EXIT.OK;
      }
      return EXIT.USAGE;
    }
    if (isDyadError(e)) {
      sink.err(`error: ${e.message}\n`);
      return exitCodeOf(e.code);
    }
    sink.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.FATAL;
  }
  return code;
}
