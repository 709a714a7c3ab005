// The dateline that opens a wire story: "ISLAMABAD:", "ISLAMABAD, May 3 -", "NEW YORK (Reuters) -",
// "KYIV, Ukraine —", "BEIRUT (AP) —". Read from the start of the body and resolved in the gazetteer.
import type { Dateline, Doc, Place } from "../../core/types.js";
import { type Gazetteer, type GazetteerEntry, normalizeName } from "./gazetteer.js";

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
/** A word of a place written in capitals ("NEW", "YORK", "D.C.", "AL-ARISH"). */
const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]*";
/** A word of a place written with an initial capital ("Kyiv", "Gaza", "Rio"). */
const TITLE_WORD = "\\p{Lu}[\\p{Ll}\\p{M}.'’\\-]+";
const REGION = `,\\s*(${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2}|${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,2})`;
const DATE = `,?\\s+${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?`;
const AGENCY = "\\s*\\(\\p{Lu}[\\p{L}.&'’ \\-]{0,30}\\)";
const SEPARATOR = "\\s*(?:--|[:\\-–—])(?=\\s)";

/** A place in capitals, then an optional region or country, date and agency, then the separator. */
const CAPS_DATELINE = new RegExp(
  `^\\s*(${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3})(?:${REGION})?(${DATE})?(${AGENCY})?${SEPARATOR}`,
  "u",
);
/**
 * A place with an initial capital is a dateline only with a date or an agency after it: "Note: ..." or
 * "Officials - ..." must not read as one.
 */
const TITLE_DATELINE = new RegExp(
  `^\\s*(${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2})(?:${REGION})?(?:(${DATE})(${AGENCY})?|()(${AGENCY}))${SEPARATOR}`,
  "u",
);

/** The dateline the text opens with, or null. */
export function findDateline(doc: Doc, gazetteer: Gazetteer): Dateline | null {
  const text = doc.text.slice(0, 200);
  const caps = CAPS_DATELINE.exec(text);
  // "ISLAMABAD:" needs two capitals in a row: "I:" or "A-" is no place.
  const m = caps && /\p{Lu}{2}/u.test(caps[1]) ? caps : TITLE_DATELINE.exec(text);
  if (!m) return null;
  const name = m[1];
  const region = m[2] ?? null;
  const start = m.index + m[0].search(/\S/);
  const end = m.index + m[0].length;
  const regionEntry = region ? (gazetteer.lookup(normalizeName(region))[0] ?? null) : null;
  const candidates = gazetteer.lookup(normalizeName(name));
  // "BREAKING:", "UPDATE -": capitals the gazetteer does not know, with nothing else of a dateline, are no place.
  if (candidates.length === 0 && !region && !m[3] && !m[4] && !m[5] && !m[6]) return null;
  // "KYIV, Ukraine": the country written after the place chooses among places of the same name.
  const entry: GazetteerEntry | null =
    (regionEntry?.country ? candidates.find((c) => c.country === regionEntry.country) : undefined) ??
    candidates[0] ??
    null;
  const placeStart = doc.text.indexOf(name, start);
  const place: Place | null = entry
    ? {
        name: entry.name,
        country: entry.country,
        lat: entry.lat,
        lon: entry.lon,
        text: name,
        start: placeStart,
        end: placeStart + name.length,
      }
    : null;
  return {
    text: doc.text.slice(start, end),
    start,
    end,
    place,
    country: entry?.country ?? regionEntry?.country ?? null,
  };
}
