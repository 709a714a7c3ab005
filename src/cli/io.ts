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

export function parseMaxBytes(value: string, option = "--max-bytes"): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new DyadError("E_USAGE", `${option} must be a positive integer`);
  return n;
}

/** "20", "20s", "1.5s", "500ms", "15m" -> milliseconds. */
export function parseDuration(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  const ms = m ? Number(m[1]) * unit[(m[2] ?? "s") as keyof typeof unit] : Number.NaN;
  if (!(ms > 0)) throw new DyadError("E_USAGE", `${option} must be a duration such as 20s, 500ms or 15m`);
  return ms;
}

/** The web-page options shared by the commands that read inputs. */
export const PAGE_OPTIONS = [
  ["--max-page-bytes <n>", "largest web page read (file, URL or WARC record), in bytes", "20971520"],
  ["--timeout <duration>", "time limit for fetching one URL (20s, 500ms, 1m)", "20s"],
] as const;

export function pageReadOptions(opts: { maxPageBytes?: string; timeout?: string }) {
  return {
    maxPageBytes: parseMaxBytes(opts.maxPageBytes ?? "20971520", "--max-page-bytes"),
    timeoutMs: parseDuration(opts.timeout ?? "20s", "--timeout"),
  };
}
