// The CLI's connection to the outside: output streams and exit codes, replaceable in tests.
import { DyadError, isDyadError } from "../core/errors.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Records the exit code; the highest code set wins. */
  exit(code: number): void;
}

export function reportError(io: Io, e: unknown, origin?: string): void {
  if (isDyadError(e)) io.err(`error: ${e.message}\n`);
  else {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`error: ${origin ? `${origin}: ` : ""}${message}\n`);
  }
}

/** "1 article", "2 articles": a count and its noun; irregular plurals are given. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

export function parseMaxBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new DyadError("E_USAGE", `--max-bytes must be a positive integer`);
  return n;
}
