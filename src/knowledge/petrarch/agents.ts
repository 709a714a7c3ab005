// Reader for PETRARCH/TABARI agent dictionaries: `PHRASE {plurals} [~CODE]`, `[CODE~]`, `!SUBST!` sets.
import type { DyadError } from "../../core/errors.js";
import { ErrorSink, phraseWordsOf, type ReadOptions, sourceLines } from "./lines.js";

export interface AgentEntry {
  /** Lower-case words of the singular. */
  words: string[];
  /** Plural forms as words; null when the dictionary leaves them to the regular rule, [] for `{}` (none). */
  plurals: string[][] | null;
  /** The agent's code (`GOV`, `NGO`). */
  code: string;
  /** `suffix` (`[~GOV]`): written after the actor's code; `prefix` (`[NGO~]`): before it. */
  position: "suffix" | "prefix";
  line: number;
}

export interface AgentDictionary {
  file: string;
  entries: AgentEntry[];
  errors: DyadError[];
}

/** Reads an agent dictionary. Errors name the file and line; with `lenient`, bad lines are skipped and listed. */
export function readAgentDictionary(text: string, file: string, options: ReadOptions = {}): AgentDictionary {
  const sink = new ErrorSink(file, options);
  const subst = new Map<string, string[]>();
  const entries: AgentEntry[] = [];
  for (const { line, text: s } of sourceLines(text)) {
    const t = s.trim();
    if (t === "" || t.startsWith("<")) continue;
    const def = /^!([A-Za-z0-9]+)!\s*=\s*(.+)$/.exec(t);
    if (def) {
      const members = def[2]
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "");
      subst.set(def[1].toUpperCase(), members);
      continue;
    }
    const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(t);
    if (!m) {
      sink.report(line, `an agent is 'PHRASE {plurals} [~CODE]' or '[CODE~]', got '${t}'`);
      continue;
    }
    const code = /^~([A-Za-z0-9]+)$|^([A-Za-z0-9]+)~$/.exec(m[3]);
    if (!code) {
      sink.report(line, `an agent code is [~CODE] or [CODE~], got '[${m[3]}]'`);
      continue;
    }
    // `!PERSON!` stands for each member of its set.
    let phrases = [m[1]];
    let bad = false;
    for (const ref of m[1].match(/!([A-Za-z0-9]+)!/g) ?? []) {
      const members = subst.get(ref.slice(1, -1).toUpperCase());
      if (!members) {
        sink.report(line, `unknown substitution set ${ref}`);
        bad = true;
        break;
      }
      phrases = phrases.flatMap((p) => members.map((x) => p.replace(ref, x)));
    }
    if (bad) continue;
    if (phrases.some((p) => /[[\]{}!~]/.test(p) || phraseWordsOf(p).length === 0)) {
      sink.report(line, `bad agent phrase '${m[1]}'`);
      continue;
    }
    const plurals =
      m[2] === undefined
        ? null
        : m[2]
            .trim()
            .split(/\s+/)
            .filter((x) => x !== "")
            .map(phraseWordsOf);
    for (const p of phrases) {
      entries.push({
        words: phraseWordsOf(p),
        plurals,
        code: (code[1] ?? code[2]).toUpperCase(),
        position: code[1] ? "suffix" : "prefix",
        line,
      });
    }
  }
  return { file, entries, errors: sink.errors };
}
