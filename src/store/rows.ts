// Pure projections between the coder's records and the store's table rows, shared by every backend.
import { createHash } from "node:crypto";
import type { Actor, ArticleError, Event, Modality, Place, Quote } from "../core/types.js";
import { textHash } from "../ingest/parse.js";
import type { ArticleRef, IngestItem, StoredEvent, StoredQuote } from "./types.js";

export interface ArticleRow {
  id: string;
  date: string;
  title: string | null;
  url: string | null;
  source: string | null;
  origin: string | null;
  text_hash: string;
  record_hash: string;
  text: string;
  errors_json: string;
  coded_at: string;
}

export interface SentenceRow {
  article_id: string;
  n: number;
  start_char: number | null;
  end_char: number | null;
  /**
   * The sentence, only when it cannot be read back from the article by its offsets (see `sliceableUpTo`);
   * null otherwise, and the queries take it from articles.text (migration 003).
   */
  text: string | null;
}

export interface EventRow {
  article_id: string;
  /** Position of the event in its article's event list. */
  n: number;
  event_key: string;
  sentence: number;
  code: string;
  base_code: string;
  root: string;
  name: string;
  quad: number;
  goldstein: number;
  plover_type: string | null;
  plover_mode: string | null;
  modality: string;
  /** The event's date as the coder gave it (a day, or a period "A/B"). */
  date: string;
  /** The day the event is filed under: its date, or the first day of its period. */
  day: string;
  date_text: string | null;
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  rule: string;
  confidence: number | null;
  /** The evidence sentence when it differs from the sentence row (rare); null otherwise. */
  evidence_text: string | null;
}

export type Role = "source" | "target";

export interface ActorRow {
  event_n: number;
  role: Role;
  position: number;
  code: string;
  country: string | null;
  org: string | null;
  sector: string | null;
  name: string;
  kb_id: string | null;
  text: string;
  start_char: number;
  end_char: number;
}

export interface PlaceRow {
  event_n: number;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  text: string;
  start_char: number;
  end_char: number;
}

export interface QuoteRow {
  article_id: string;
  n: number;
  speaker_code: string | null;
  speaker_country: string | null;
  speaker_org: string | null;
  speaker_sector: string | null;
  speaker_name: string | null;
  speaker_kb_id: string | null;
  speaker_text: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string;
  kind: string;
  text: string;
  start_char: number;
  end_char: number;
  sentence: number;
}

/** Everything one article writes. */
export interface ArticleRows {
  article: ArticleRow;
  sentences: SentenceRow[];
  events: EventRow[];
  actors: ActorRow[];
  places: PlaceRow[];
  quotes: QuoteRow[];
}

/** The hashes the store keeps of an article: computed once per article and write. */
export interface ItemHashes {
  /** Of the body alone: recognises the same text under another id. */
  text: string;
  /** Of everything the coder said about it: a change means its events must be rewritten. */
  record: string;
}

export function itemHashes(item: IngestItem): ItemHashes {
  return { text: textHash(item.article.text), record: recordHash(item) };
}

function pushActor(out: unknown[], a: Actor): void {
  out.push(a.code, a.country, a.org, a.sector, a.name, a.id, a.text, a.start, a.end);
}

/** Record hashes carry their format: "2:" and the hex digest (version 1, plain hex, is `legacyRecordHash`). */
const RECORD_HASH_PREFIX = "2:";

/**
 * Hash of everything the coder said about an article: a change means its events must be rewritten. The input
 * is one flat JSON array of every value the store keeps of the record (the fields of toRows), with the
 * length of each list before its items: as unambiguous as the JSON of the record itself, without its keys
 * and nesting, which made it twice as long and slow to build. `rows.test.ts` checks that a change to any
 * value of a record changes its hash.
 */
export function recordHash(item: IngestItem): string {
  const { record, article } = item;
  const out: unknown[] = [
    record.date,
    record.title,
    record.url,
    article.source ?? null,
    record.events.length,
  ];
  for (const e of record.events) {
    const v = e.evidence;
    out.push(e.id, e.sentence, e.code, e.root, e.name, e.quad, e.goldstein, e.plover.type, e.plover.mode);
    out.push(e.modality, e.date, e.dateText, v.text, v.trigger, v.start, v.end, v.rule, e.confidence);
    out.push(e.source.length);
    for (const a of e.source) pushActor(out, a);
    out.push(e.target.length);
    for (const a of e.target) pushActor(out, a);
    const p = e.place;
    if (p) out.push(1, p.name, p.country, p.lat, p.lon, p.text, p.start, p.end);
    else out.push(0);
  }
  out.push(record.quotes.length);
  for (const q of record.quotes) {
    if (q.speaker) {
      out.push(1);
      pushActor(out, q.speaker);
    } else out.push(0);
    out.push(q.cue, q.kind, q.text, q.start, q.end, q.sentence);
  }
  out.push(JSON.stringify(record.errors));
  return RECORD_HASH_PREFIX + createHash("sha256").update(JSON.stringify(out)).digest("hex");
}

/** The record hash of stores written before the "2:" hashes: the JSON of the record's parts. */
export function legacyRecordHash(item: IngestItem): string {
  const { record, article } = item;
  const payload = JSON.stringify([
    record.date,
    record.title,
    record.url,
    article.source ?? null,
    record.events,
    record.quotes,
    record.errors,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

/** Whether a stored record hash (of either format) is that of the item, whose current hash is `hash`. */
export function sameRecord(stored: string, item: IngestItem, hash: string): boolean {
  if (stored.startsWith(RECORD_HASH_PREFIX)) return stored === hash;
  return stored === legacyRecordHash(item);
}

/**
 * The source-target pairs of an event: each source with each target, never an actor with itself. Reciprocal
 * and compound events ("Russia and the United States met") list both sides on both, which crossed naively
 * gives RUS->RUS and USA->USA; a pair with the same code on both sides is left out, while a domestic event
 * between two actors of one country (USACOP against USAOPP) keeps its pair. An event whose every pair would
 * be a self-pair gives its source alone; an event without a source or a target pairs with an empty side.
 * The store's dyad queries (sql.ts) select by the same pairs.
 */
export function actorPairs(
  source: readonly Actor[],
  target: readonly Actor[],
): Array<[Actor | undefined, Actor | undefined]> {
  if (source.length === 0 || target.length === 0) {
    const sides: Array<Actor | undefined> = source.length ? [...source] : [undefined];
    const others: Array<Actor | undefined> = target.length ? [...target] : [undefined];
    return sides.flatMap((s) => others.map((t): [Actor | undefined, Actor | undefined] => [s, t]));
  }
  const pairs: Array<[Actor, Actor]> = [];
  const seen = new Set<string>();
  for (const s of source) {
    for (const t of target) {
      if (s.code === t.code) continue;
      const key = JSON.stringify([s.code, s.name, t.code, t.name]);
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([s, t]);
    }
  }
  if (pairs.length > 0) return pairs;
  return [[source[0], undefined]];
}

/** GDELT-style three-digit base code: 0431 -> 043, 043 -> 043, 04 -> 040. */
export function baseCode(code: string): string {
  return code.length === 2 ? `${code}0` : code.slice(0, 3);
}

/** The day an event is filed under: its date, or the first day of a period "YYYY-MM-DD/YYYY-MM-DD". */
export function eventDay(date: string, fallback: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  return m ? m[1] : fallback;
}

/** Finds the sentence around an event's trigger in the body; null offsets when the text was normalised. */
function locateSentence(body: string, sentence: string, anchor: number): [number | null, number | null] {
  let at = body.lastIndexOf(sentence, anchor);
  if (at === -1 || at + sentence.length < anchor) at = body.indexOf(sentence);
  return at === -1 ? [null, null] : [at, at + sentence.length];
}

function actorRows(eventN: number, role: Role, actors: readonly Actor[]): ActorRow[] {
  return actors.map((a, position) => ({
    event_n: eventN,
    role,
    position,
    code: a.code,
    country: a.country,
    org: a.org,
    sector: a.sector,
    name: a.name,
    kb_id: a.id,
    text: a.text,
    start_char: a.start,
    end_char: a.end,
  }));
}

/**
 * How far into a body SQL can cut sentences out by offsets: substr() in SQLite and PostgreSQL counts
 * characters (code points) where our offsets count UTF-16 code units, so the two agree up to the first
 * character outside the BMP (a surrogate); a NUL also stops it. The length of the body when neither occurs.
 */
export function sliceableUpTo(text: string): number {
  const at = text.search(/[\u0000\uD800-\uDFFF]/);
  return at === -1 ? text.length : at;
}

/** Projects one coded article onto the rows of every table. */
export function toRows(
  item: IngestItem,
  codedAt: string,
  hashes: ItemHashes = itemHashes(item),
): ArticleRows {
  const { article, record } = item;
  // Sentence number -> its row and its text (the evidence text of its first event).
  const sentences = new Map<number, { row: SentenceRow; text: string }>();
  const events: EventRow[] = [];
  const actors: ActorRow[] = [];
  const places: PlaceRow[] = [];
  let sliceable = -1;
  record.events.forEach((e, n) => {
    let sentence = sentences.get(e.sentence);
    if (!sentence) {
      const text = e.evidence.text;
      const [start, end] = locateSentence(article.text, text, e.evidence.start);
      if (end !== null && sliceable === -1) sliceable = sliceableUpTo(article.text);
      const row: SentenceRow = {
        article_id: article.id,
        n: e.sentence,
        start_char: start,
        end_char: end,
        text: end !== null && end <= sliceable ? null : text,
      };
      sentence = { row, text };
      sentences.set(e.sentence, sentence);
    }
    events.push({
      article_id: article.id,
      n,
      event_key: e.id,
      sentence: e.sentence,
      code: e.code,
      base_code: baseCode(e.code),
      root: e.root,
      name: e.name,
      quad: e.quad,
      goldstein: e.goldstein,
      plover_type: e.plover.type,
      plover_mode: e.plover.mode,
      modality: e.modality,
      date: e.date,
      day: eventDay(e.date, record.date),
      date_text: e.dateText,
      trigger: e.evidence.trigger,
      trigger_start: e.evidence.start,
      trigger_end: e.evidence.end,
      rule: e.evidence.rule,
      confidence: e.confidence,
      evidence_text: sentence.text === e.evidence.text ? null : e.evidence.text,
    });
    actors.push(...actorRows(n, "source", e.source), ...actorRows(n, "target", e.target));
    if (e.place) {
      const p = e.place;
      places.push({
        event_n: n,
        name: p.name,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        text: p.text,
        start_char: p.start,
        end_char: p.end,
      });
    }
  });
  const quotes: QuoteRow[] = record.quotes.map((q, n) => ({
    article_id: article.id,
    n,
    speaker_code: q.speaker?.code ?? null,
    speaker_country: q.speaker?.country ?? null,
    speaker_org: q.speaker?.org ?? null,
    speaker_sector: q.speaker?.sector ?? null,
    speaker_name: q.speaker?.name ?? null,
    speaker_kb_id: q.speaker?.id ?? null,
    speaker_text: q.speaker?.text ?? null,
    speaker_start: q.speaker?.start ?? null,
    speaker_end: q.speaker?.end ?? null,
    cue: q.cue,
    kind: q.kind,
    text: q.text,
    start_char: q.start,
    end_char: q.end,
    sentence: q.sentence,
  }));
  return {
    article: {
      id: article.id,
      date: record.date,
      title: record.title,
      url: record.url,
      source: article.source ?? null,
      origin: article.origin ?? null,
      text_hash: hashes.text,
      record_hash: hashes.record,
      text: article.text,
      errors_json: JSON.stringify(record.errors),
      coded_at: codedAt,
    },
    sentences: [...sentences.values()].map((s) => s.row).sort((a, b) => a.n - b.n),
    events,
    actors,
    places,
    quotes,
  };
}

// Reading back: rows as the backends return them (same column names on both).

export interface ArticleRefRow {
  article_id: string;
  article_date: string;
  title: string | null;
  url: string | null;
  source: string | null;
}

export type EventReadRow = Omit<EventRow, "article_id" | "day"> &
  ArticleRefRow & { gid: number; sentence_text: string | null; coded_at: string };

export type ActorReadRow = Omit<ActorRow, "event_n"> & { event_id: number };
export type PlaceReadRow = Omit<PlaceRow, "event_n"> & { event_id: number };
export type QuoteReadRow = Omit<QuoteRow, "article_id"> & ArticleRefRow;

export function articleRef(row: ArticleRefRow): ArticleRef {
  return { id: row.article_id, date: row.article_date, title: row.title, url: row.url, source: row.source };
}

export function actorFromRow(row: Omit<ActorRow, "event_n" | "role" | "position">): Actor {
  return {
    code: row.code,
    country: row.country,
    org: row.org,
    sector: row.sector,
    name: row.name,
    id: row.kb_id,
    text: row.text,
    start: row.start_char,
    end: row.end_char,
  };
}

export function placeFromRow(row: Omit<PlaceRow, "event_n">): Place {
  return {
    name: row.name,
    country: row.country,
    lat: row.lat,
    lon: row.lon,
    text: row.text,
    start: row.start_char,
    end: row.end_char,
  };
}

/** Rebuilds stored events from their rows; actor rows must come ordered by event, role and position. */
export function assembleEvents(
  rows: readonly EventReadRow[],
  actors: readonly ActorReadRow[],
  places: readonly PlaceReadRow[],
): StoredEvent[] {
  const byEvent = new Map<number, { source: Actor[]; target: Actor[]; place: Place | null }>();
  for (const row of rows) byEvent.set(row.gid, { source: [], target: [], place: null });
  for (const a of actors) byEvent.get(a.event_id)?.[a.role].push(actorFromRow(a));
  for (const p of places) {
    const slot = byEvent.get(p.event_id);
    if (slot) slot.place = placeFromRow(p);
  }
  return rows.map((row) => {
    const slot = byEvent.get(row.gid) ?? { source: [], target: [], place: null };
    const event: Event = {
      id: row.event_key,
      sentence: row.sentence,
      code: row.code,
      root: row.root,
      name: row.name,
      quad: row.quad,
      goldstein: row.goldstein,
      plover: { type: row.plover_type, mode: row.plover_mode },
      source: slot.source,
      target: slot.target,
      modality: row.modality as Modality,
      date: row.date,
      dateText: row.date_text,
      place: slot.place,
      evidence: {
        text: row.evidence_text ?? row.sentence_text ?? "",
        trigger: row.trigger,
        start: row.trigger_start,
        end: row.trigger_end,
        rule: row.rule,
      },
      confidence: row.confidence,
    };
    return { ...event, gid: row.gid, article: articleRef(row), codedAt: row.coded_at };
  });
}

export function quoteFromRow(row: Omit<QuoteRow, "article_id" | "n">): Quote {
  const speaker: Actor | null =
    row.speaker_code === null
      ? null
      : {
          code: row.speaker_code,
          country: row.speaker_country,
          org: row.speaker_org,
          sector: row.speaker_sector,
          name: row.speaker_name ?? "",
          id: row.speaker_kb_id,
          text: row.speaker_text ?? "",
          start: row.speaker_start ?? 0,
          end: row.speaker_end ?? 0,
        };
  return {
    speaker,
    cue: row.cue,
    kind: row.kind as Quote["kind"],
    text: row.text,
    start: row.start_char,
    end: row.end_char,
    sentence: row.sentence,
  };
}

export function storedQuote(row: QuoteReadRow): StoredQuote {
  return { ...quoteFromRow(row), article: articleRef(row) };
}

export function parseErrors(json: string): ArticleError[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as ArticleError[]) : [];
}

/** A StoredEvent without the store's additions: the coder's event as it was written. */
export function plainEvent(e: StoredEvent): Event {
  const { gid: _gid, article: _article, codedAt: _codedAt, ...event } = e;
  return event;
}
