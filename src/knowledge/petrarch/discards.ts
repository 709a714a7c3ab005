// Reader for PETRARCH/TABARI discard files: `+PHRASE` discards the story, `PHRASE` the sentence.
import type { DyadError } from "../../core/errors.js";
import { ErrorSink, phraseWordsOf, type ReadOptions, sourceLines } from "./lines.js";

export interface DiscardEntry {
  words: string[];
  scope: "article" | "sentence";
  line: number;
}

export interface DiscardDictionary {
  file: string;
  entries: DiscardEntry[];
  errors: DyadError[];
}

export function readDiscardDictionary(
  text: string,
  file: string,
  options: ReadOptions = {},
): DiscardDictionary {
  const sink = new ErrorSink(file, options);
  const entries: DiscardEntry[] = [];
  for (const { line, text: s } of sourceLines(text)) {
    const t = s.trim();
    if (t === "" || t.startsWith("<")) continue;
    const story = t.startsWith("+");
    const phrase = story ? t.slice(1).trim() : t;
    if (/[[\]{}]/.test(phrase) || phraseWordsOf(phrase).length === 0) {
      sink.report(line, `a discard is a phrase, '+' before it for the whole story; got '${t}'`);
      continue;
    }
    entries.push({ words: phraseWordsOf(phrase), scope: story ? "article" : "sentence", line });
  }
  return { file, entries, errors: sink.errors };
}
