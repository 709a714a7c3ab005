// PLOVER JSON lines: one record per event with the field names of the PLOVER data-interchange format.
import type { Actor } from "../core/types.js";
import type { StoredEvent } from "../store/index.js";

export interface PloverEntity {
  code: string;
  sector: string | null;
  entity_text: string;
  identifier_id: string | null;
  identifier_text: string;
  cameo_code: string;
  start: number;
  end: number;
}

export interface PloverRecord {
  id: string;
  date: string;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  context: string[];
  quad_code: number;
  event_scale: number;
  event_loc: {
    extracted_place: string;
    resolved_place: string;
    lat: number | null;
    lon: number | null;
    country_code: string | null;
  } | null;
  event_text: string[];
  text: string;
  text_info: { sequence: number; start: number; end: number };
  cite_info: { citation: string; url: string | null; title: string | null; publication: string | null };
  cameo: { code: string; name: string; root: string };
  modality: string;
  date_text: string | null;
  confidence: number | null;
  coder: string;
  coded_date: string;
}

/** Options of the projection: the PLOVER context of a CAMEO code comes from the ontology, when known. */
export interface PloverOptions {
  context?: (code: string) => string | null | undefined;
}

function entity(a: Actor): PloverEntity {
  return {
    code: a.country ?? a.org ?? a.code.slice(0, 3),
    sector: a.sector,
    entity_text: a.text,
    identifier_id: a.id,
    identifier_text: a.name,
    cameo_code: a.code,
    start: a.start,
    end: a.end,
  };
}

export function toPlover(e: StoredEvent, options: PloverOptions = {}): PloverRecord {
  const context = options.context?.(e.code);
  return {
    id: e.id.startsWith(e.article.id) ? e.id : `${e.article.id}-${e.id}`,
    date: e.date,
    actor: e.source.map(entity),
    recipient: e.target.map(entity),
    event: e.plover.type ? [e.plover.type] : [],
    mode: e.plover.mode ? [e.plover.mode] : [],
    context: context ? context.split(/[;,]\s*/).filter(Boolean) : [],
    quad_code: e.quad,
    event_scale: e.goldstein,
    event_loc: e.place
      ? {
          extracted_place: e.place.text,
          resolved_place: e.place.name,
          lat: e.place.lat,
          lon: e.place.lon,
          country_code: e.place.country,
        }
      : null,
    event_text: [e.evidence.trigger],
    text: e.evidence.text,
    // Offsets of the event's trigger words in the article body; sequence is the 1-based sentence number.
    text_info: { sequence: e.sentence, start: e.evidence.start, end: e.evidence.end },
    cite_info: {
      citation: e.article.id,
      url: e.article.url,
      title: e.article.title,
      publication: e.article.source,
    },
    cameo: { code: e.code, name: e.name, root: e.root },
    modality: e.modality,
    date_text: e.dateText,
    confidence: e.confidence,
    coder: "dyad",
    coded_date: e.codedAt.slice(0, 10),
  };
}

export function ploverLine(e: StoredEvent, options: PloverOptions = {}): string {
  return `${JSON.stringify(toPlover(e, options))}\n`;
}
