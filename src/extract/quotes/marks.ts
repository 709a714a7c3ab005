// Quotation marks in running text: which stretches of the article stand between them.
// Works on the characters alone; the quotes component decides which stretches are quotes.

/** A stretch of text between an opening and a closing mark (marks excluded). */
export interface Segment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the paragraph ended first. */
  close: number | null;
  /** The quoted text: [start, end), trimmed of surrounding spaces. */
  start: number;
  end: number;
}

/** One quotation: a segment, or several joined across paragraphs. */
export interface Quotation {
  parts: Segment[];
}

const OPENERS = new Set(["“", "«", "„"]);
const CLOSERS = new Set(["”", "»", "‟"]);
/** Every character that opens or closes: the straight mark, the openers and the closers. */
const ANY_MARK = /["“«„”»‟]/;
const MARKS = /["“«„”»‟]/g;

/** True when a straight or ambiguous mark at `i` opens: a space (or start) before, a word after. */
function opensHere(text: string, i: number): boolean {
  const before = i === 0 ? " " : text[i - 1];
  const after = text[i + 1] ?? " ";
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}

/** Paragraphs as [start, end) offsets: a paragraph ends at a line break. */
export function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].trim() !== "") out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/**
 * Finds quotations in straight and curly marks. An opening mark with no close at the end of its
 * paragraph continues into the next paragraph when that paragraph opens with a quotation mark
 * (the news convention for quotes that run over several paragraphs); otherwise it ends there.
 */
export function findQuotations(text: string): Quotation[] {
  // Without a mark there is nothing to find; with some, only the marks need looking at.
  if (!ANY_MARK.test(text)) return [];
  const out: Quotation[] = [];
  let carry: Segment[] | null = null;
  const paras = paragraphs(text);
  for (let p = 0; p < paras.length; p++) {
    const [pStart, pEnd] = paras[p];
    let open = -1;
    let first = true;
    const push = (segment: Segment): void => {
      if (first && carry) {
        carry.push(segment);
        if (segment.close !== null) {
          out.push({ parts: carry });
          carry = null;
        }
      } else if (segment.close === null) {
        carry = [segment];
      } else {
        out.push({ parts: [segment] });
      }
      first = false;
    };
    MARKS.lastIndex = pStart;
    for (let m = MARKS.exec(text); m !== null && m.index < pEnd; m = MARKS.exec(text)) {
      const i = m.index;
      const ch = m[0];
      const straight = ch === '"';
      if (open < 0) {
        if (OPENERS.has(ch) || ((straight || CLOSERS.has(ch)) && opensHere(text, i))) open = i;
      } else if (CLOSERS.has(ch) || straight) {
        const [start, end] = trimmed(text, open + 1, i);
        push({ open, close: i, start, end });
        open = -1;
      }
    }
    if (open >= 0) {
      const [start, end] = trimmed(text, open + 1, pEnd);
      push({ open, close: null, start, end });
      // The quotation goes on only if the next paragraph opens with a mark.
      const next = paras[p + 1];
      const opensNext = next ? /^\s*["“«„]/.test(text.slice(next[0], next[1])) : false;
      if (!opensNext && carry) {
        out.push({ parts: carry });
        carry = null;
      }
    } else if (first && carry) {
      // A continued quotation whose next paragraph held no mark at all: it ended before.
      out.push({ parts: carry });
      carry = null;
    }
  }
  if (carry) out.push({ parts: carry });
  return out;
}
