// Line handling shared by the PETRARCH and TABARI dictionary readers: comments, errors with file:line, --lenient.
import { DyadError } from "../../core/errors.js";

export interface ReadOptions {
  /** Collect bad lines as errors and keep the good ones, instead of stopping at the first. */
  lenient?: boolean;
}

/** One line of a dictionary with its comments removed. */
export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** The text without `#` comments and `<!-- -->` blocks, trimmed at the end. */
  text: string;
  /** The line began with white space (a continuation: codes of the phrase above). */
  indented: boolean;
  /** The line was empty in the file (a comment-only line is not: it does not end a synset). */
  blank: boolean;
}

/**
 * Splits a dictionary into lines, dropping `# ...` comments (outside brackets: `[###]` is a code) and
 * `<!-- ... -->` blocks, which may span lines. Lines that only held a comment come back empty.
 */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let inBlock = false;
  const raw = text.split(/\r?\n/);
  for (let n = 0; n < raw.length; n++) {
    let s = raw[n];
    let kept = "";
    while (s.length > 0) {
      if (inBlock) {
        const end = s.indexOf("-->");
        if (end < 0) {
          s = "";
          break;
        }
        inBlock = false;
        s = s.slice(end + 3);
        continue;
      }
      const open = s.indexOf("<!");
      if (open < 0) {
        kept += s;
        break;
      }
      kept += s.slice(0, open);
      inBlock = true;
      s = s.slice(open + 2);
    }
    out.push({
      line: n + 1,
      text: stripHash(kept).trimEnd(),
      indented: /^\s/.test(kept),
      blank: raw[n].trim() === "",
    });
  }
  return out;
}

function stripHash(s: string): string {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth = Math.max(0, depth - 1);
    else if (ch === "#" && depth === 0) return s.slice(0, i);
  }
  return s;
}

/** Collects errors under --lenient, throws the first one otherwise. */
export class ErrorSink {
  readonly errors: DyadError[] = [];
  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
  ) {}

  report(line: number, detail: string): void {
    const error = new DyadError("E_DATA", detail, `${this.file}:${line}`);
    if (!this.options.lenient) throw error;
    this.errors.push(error);
  }
}

/**
 * A dictionary code: `031`; `032:033`, the event and the one it implies in the other direction ("left for":
 * a visit by the source, a hosting by the target); `---`, no event.
 */
export interface DictCode {
  active: string | null;
  /** The code after ':', or null when there is none. */
  passive: string | null;
}

const CODE_PART = /^[0-9A-Za-z?#+]+$|^---$/;

/** Reads the inside of `[...]` as an event code; null when it is not one. */
export function parseCode(inner: string): DictCode | null {
  const parts = inner
    .trim()
    .split(":")
    .map((p) => p.trim());
  if (
    parts.length > 2 ||
    parts.some((p, i) => !CODE_PART.test(p) && !(i === 0 && p === "" && parts.length === 2))
  )
    return null;
  const value = (p: string) => (p === "---" || p === "" ? null : p);
  const active = value(parts[0]);
  return { active, passive: parts.length === 2 ? value(parts[1]) : null };
}

/** A dictionary phrase (`MINAS_TIRITH`, `GROUP OF 77`, `ARNOR_`) as lower-case words. */
export function phraseWordsOf(phrase: string): string[] {
  return phrase
    .replace(/_/g, " ")
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}
