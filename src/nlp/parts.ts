// The parts of real copy besides the body: a headline line that opens the text, and photo captions. Their
// sentences are coded like any other, but their events are marked (evidence.part) so that a headline that
// repeats the lead is not counted twice (docs/realcopy.md).
import type { Part, Sentence, Token } from "../core/types.js";

/**
 * A caption line opens with a caption label ("FILE PHOTO:", "Caption:", "Picture shows", "(Photo: ...)")
 * or ends with a photo credit ("REUTERS/Name", "AP Photo/Name", "(Photo: AFP)", "AFP via Getty Images").
 */
const CAPTION_OPENING =
  /^\s*(?:\(?(?:file\s+)?(?:photo|picture|image|caption|pictured|photograph)\s*(?::|-|–|—)|picture shows\b|pictured\b|in this (?:file )?(?:photo|picture|image)\b)/i;
const AGENCIES =
  "REUTERS|Reuters|AP(?: Photo)?|AFP|EPA(?:-EFE)?|Xinhua|Anadolu|ANI|IRNA|UPI|Getty Images|Bloomberg";
const CAPTION_CREDIT = new RegExp(
  `(?:\\b(?:${AGENCIES})\\s*/\\s*[A-Z][\\p{L}.' -]*(?:/[\\p{L} ]+)*\\.?|\\((?:photo|picture|image|file photo)\\b[^)]*\\)\\.?|\\b(?:${AGENCIES}) via Getty Images\\.?)\\s*$`,
  "iu",
);

/** Sentence-final marks: a line ending with one is prose, not a headline. */
const PROSE_END = /[.!?:;,"”’')\]]\s*$/;
/** A headline is short. */
const HEADLINE_MAX_WORDS = 20;

/** The lines of a text as [start, end) character ranges, without their line breaks. */
function lines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/** Whether one line of copy is a photo caption. */
export function isCaption(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && (CAPTION_OPENING.test(t) || CAPTION_CREDIT.test(t));
}

/**
 * The headline a plain text opens with: its first line, when that line is short, ends with no
 * sentence mark and a blank line follows it ("Iran's leader praises Pakistan PM" then the dateline).
 */
export function headlineLine(text: string): [number, number] | null {
  const all = lines(text);
  let k = 0;
  while (k < all.length && text.slice(all[k][0], all[k][1]).trim() === "") k++;
  if (k + 1 >= all.length) return null;
  const [start, end] = all[k];
  const line = text.slice(start, end).trim();
  if (PROSE_END.test(line) || line.split(/\s+/).length > HEADLINE_MAX_WORDS) return null;
  if (text.slice(all[k + 1][0], all[k + 1][1]).trim() !== "") return null;
  // A line with nothing after the blank line is the whole text, not a headline over a body.
  if (text.slice(all[k + 1][1]).trim() === "") return null;
  return [start, end];
}

/**
 * Splits sentences at the end of a caption line (a credit is no sentence mark: "... REUTERS/Name" runs
 * into the next line otherwise) and marks each sentence with its part. Tokens get their new sentence index.
 */
export function assignParts(text: string, tokens: Token[], sentences: Sentence[]): Sentence[] {
  const captions = lines(text).filter(([s, e]) => isCaption(text.slice(s, e)));
  const headline = headlineLine(text);
  if (captions.length === 0 && headline === null) return sentences;
  const ends = new Set(captions.map(([, e]) => e));
  if (headline) ends.add(headline[1]);
  const out: Sentence[] = [];
  for (const s of sentences) {
    let from = s.tokenStart;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const last = t + 1 === s.tokenEnd;
      // A piece ends at the last token before a marked line's end.
      const cut = !last && [...ends].some((e) => tokens[t].end <= e && tokens[t + 1].start > e);
      if (!cut && !last) continue;
      const start = tokens[from].start;
      const inside = (r: [number, number]) => start >= r[0] && start < r[1];
      const part: Part =
        headline && inside(headline) ? "headline" : captions.some(inside) ? "caption" : "body";
      const index = out.length;
      for (let k = from; k <= t; k++) tokens[k].sentence = index;
      out.push({ index, start, end: tokens[t].end, tokenStart: from, tokenEnd: t + 1, part });
      from = t + 1;
    }
  }
  return out;
}

/** The part of a sentence; sentences built without one are body. */
export function partOf(sentence: Sentence | undefined): Part {
  return sentence?.part ?? "body";
}
