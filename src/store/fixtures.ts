// Hand-built coded articles for the store and export tests: Iran, Pakistan and others meeting, praising and
// criticising each other in May and June 2025. Offsets are computed from the texts, so they are always right.
import type { Actor, Article, CodedArticle, Event, Modality, Place, Quote } from "../core/types.js";
import type { IngestItem, StoredEvent } from "./types.js";

interface CameoFacts {
  name: string;
  quad: number;
  goldstein: number;
  plover: { type: string | null; mode: string | null };
}

const CAMEO: Record<string, CameoFacts> = {
  "036": {
    name: "Express intent to meet or negotiate",
    quad: 1,
    goldstein: 4,
    plover: { type: "AGREE", mode: null },
  },
  "040": {
    name: "Consult, not specified below",
    quad: 1,
    goldstein: 1,
    plover: { type: "CONSULT", mode: null },
  },
  "042": { name: "Make a visit", quad: 1, goldstein: 1.9, plover: { type: "CONSULT", mode: "visit" } },
  "043": { name: "Host a visit", quad: 1, goldstein: 2.8, plover: { type: "CONSULT", mode: "visit" } },
  "051": { name: "Praise or endorse", quad: 1, goldstein: 3.4, plover: { type: "SUPPORT", mode: null } },
  "111": {
    name: "Criticize or denounce",
    quad: 3,
    goldstein: -2,
    plover: { type: "ACCUSE", mode: "disapprove" },
  },
  "190": {
    name: "Use conventional military force, not specified below",
    quad: 4,
    goldstein: -10,
    plover: { type: "ASSAULT", mode: null },
  },
  "163": {
    name: "Impose embargo, boycott, or sanctions",
    quad: 4,
    goldstein: -8,
    plover: { type: "COERCE", mode: "restrict" },
  },
};

interface ActorSpec {
  code: string;
  country: string | null;
  org?: string | null;
  sector?: string | null;
  name: string;
  id?: string | null;
}

const PEOPLE = {
  pezeshkian: { code: "IRNGOV", country: "IRN", sector: "GOV", name: "Masoud Pezeshkian", id: "Q4384924" },
  araghchi: { code: "IRNGOV", country: "IRN", sector: "GOV", name: "Abbas Araghchi", id: "Q4664240" },
  iran: { code: "IRN", country: "IRN", name: "Iran", id: "Q794" },
  sharif: { code: "PAKGOV", country: "PAK", sector: "GOV", name: "Shehbaz Sharif", id: "Q2345680" },
  dar: { code: "PAKGOV", country: "PAK", sector: "GOV", name: "Ishaq Dar", id: "Q6080020" },
  pakistan: { code: "PAK", country: "PAK", name: "Pakistan", id: "Q843" },
  israel: { code: "ISR", country: "ISR", name: "Israel", id: "Q801" },
  india: { code: "IND", country: "IND", name: "India", id: "Q668" },
  un: { code: "IGOUNO", country: null, org: "UN", sector: null, name: "United Nations", id: "Q1065" },
  guterres: {
    code: "IGOUNO",
    country: null,
    org: "UN",
    sector: null,
    name: "António Guterres",
    id: "Q311440",
  },
  usa: { code: "USAGOV", country: "USA", sector: "GOV", name: "United States", id: "Q30" },
  us: { code: "USA", country: "USA", name: "United States", id: "Q30" },
  russia: { code: "RUS", country: "RUS", name: "Russia", id: "Q159" },
} satisfies Record<string, ActorSpec>;

type Who = keyof typeof PEOPLE;

/** Offsets of the n-th whole-word occurrence (0-based) of words in text; throws when absent. */
function find(text: string, words: string, nth = 0): { start: number; end: number } {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const all = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))];
  const m = all[nth];
  if (!m || m.index === undefined) throw new Error(`fixture: '${words}' (#${nth}) not in text`);
  return { start: m.index, end: m.index + words.length };
}

function sentenceAt(text: string, offset: number): { text: string; index: number } {
  // Sentences here end with . ! or ? followed by a space: enough for the fixture texts.
  let start = 0;
  let index = 1;
  for (const m of text.matchAll(/[.!?]\s+/g)) {
    const end = (m.index ?? 0) + 1;
    if (offset >= start && offset < end) return { text: text.slice(start, end), index };
    start = end + m[0].length - 1;
    index++;
  }
  if (offset >= start && offset < text.length) return { text: text.slice(start), index };
  throw new Error(`fixture: no sentence at ${offset}`);
}

function actor(text: string, who: Who, words: string, nth = 0): Actor {
  const p: ActorSpec = PEOPLE[who];
  const at = find(text, words, nth);
  return {
    code: p.code,
    country: p.country,
    org: p.org ?? null,
    sector: p.sector ?? null,
    name: p.name,
    id: p.id ?? null,
    text: words,
    start: at.start,
    end: at.end,
  };
}

interface EventSpec {
  code: string;
  trigger: string;
  /** Who, the words naming them, and which occurrence of those words (default the first). */
  source: Array<[Who, string, number?]>;
  target: Array<[Who, string, number?]>;
  modality?: Modality;
  date?: string;
  dateText?: string;
  place?: { name: string; country: string | null; lat: number | null; lon: number | null; words: string };
  nth?: number;
}

function event(article: Article, n: number, spec: EventSpec): Event {
  const facts = CAMEO[spec.code];
  const trigger = find(article.text, spec.trigger, spec.nth ?? 0);
  const sentence = sentenceAt(article.text, trigger.start);
  let place: Place | null = null;
  if (spec.place) {
    const at = find(article.text, spec.place.words);
    place = {
      name: spec.place.name,
      country: spec.place.country,
      lat: spec.place.lat,
      lon: spec.place.lon,
      text: spec.place.words,
      start: at.start,
      end: at.end,
    };
  }
  return {
    id: `${article.id}-e${n + 1}`,
    sentence: sentence.index,
    code: spec.code,
    root: spec.code.slice(0, 2),
    name: facts.name,
    quad: facts.quad,
    goldstein: facts.goldstein,
    plover: facts.plover,
    source: spec.source.map(([who, words, nth]) => actor(article.text, who, words, nth)),
    target: spec.target.map(([who, words, nth]) => actor(article.text, who, words, nth)),
    modality: spec.modality ?? "asserted",
    date: spec.date ?? article.date,
    dateText: spec.dateText ?? null,
    place,
    evidence: {
      text: sentence.text,
      trigger: spec.trigger,
      start: trigger.start,
      end: trigger.end,
      rule: `test.${spec.code}`,
    },
    confidence: 0.9,
  };
}

function quote(
  article: Article,
  who: Who | null,
  whoWords: string,
  words: string,
  cue: string,
  kind: Quote["kind"],
): Quote {
  const at = find(article.text, words);
  return {
    speaker: who ? actor(article.text, who, whoWords) : null,
    cue,
    kind,
    text: words,
    start: at.start,
    end: at.end,
    sentence: sentenceAt(article.text, at.start).index,
  };
}

function item(article: Article, events: EventSpec[], quotes: Quote[] = []): IngestItem {
  const record: CodedArticle = {
    id: article.id,
    date: article.date,
    title: article.title ?? null,
    url: article.url ?? null,
    events: events.map((spec, n) => event(article, n, spec)),
    quotes,
    errors: [],
  };
  return { article, record };
}

const TEHRAN = { name: "Tehran", country: "IRN", lat: 35.6892, lon: 51.389, words: "Tehran" };
const ISLAMABAD = { name: "Islamabad", country: "PAK", lat: 33.7215, lon: 73.0433, words: "Islamabad" };

export function articleA(): IngestItem {
  const article: Article = {
    id: "fx-001",
    date: "2025-05-26",
    title: "Iran hosts Pakistani prime minister",
    url: "https://example.org/news/fx-001",
    source: "Example Wire",
    origin: "fixtures:1",
    text:
      "Iranian President Masoud Pezeshkian hosted Pakistani Prime Minister Shehbaz Sharif in Tehran on Monday. " +
      "Pezeshkian praised Pakistan for its principled stance on Gaza. " +
      "The Iranian president also condemned Israel over the strikes, state media reported. " +
      "“Pakistan and Iran stand together against every pressure,” Sharif said.",
  };
  return item(
    article,
    [
      {
        code: "043",
        trigger: "hosted",
        source: [["pezeshkian", "Masoud Pezeshkian"]],
        target: [["sharif", "Shehbaz Sharif"]],
        dateText: "on Monday",
        place: TEHRAN,
      },
      {
        code: "051",
        trigger: "praised",
        source: [["pezeshkian", "Pezeshkian", 1]],
        target: [["pakistan", "Pakistan"]],
      },
      {
        code: "111",
        trigger: "condemned",
        source: [["pezeshkian", "Iranian president"]],
        target: [["israel", "Israel"]],
        modality: "reported",
      },
    ],
    [
      quote(
        article,
        "sharif",
        "Sharif",
        "Pakistan and Iran stand together against every pressure,",
        "said",
        "direct",
      ),
    ],
  );
}

export function articleB(): IngestItem {
  const article: Article = {
    id: "fx-002",
    date: "2025-05-28",
    title: "Pakistan thanks Iran, criticises India",
    url: "https://example.org/news/fx-002",
    source: "Example Wire",
    origin: "fixtures:2",
    text:
      "Pakistani Foreign Minister Ishaq Dar praised Iran for its mediation on Wednesday in Islamabad. " +
      "Dar also criticised India over the suspension of the water treaty. " +
      "Dar said that the sanctions on Iran were unjust and should end.",
  };
  return item(
    article,
    [
      {
        code: "051",
        trigger: "praised",
        source: [["dar", "Ishaq Dar"]],
        target: [["iran", "Iran"]],
        dateText: "on Wednesday",
        place: ISLAMABAD,
      },
      { code: "111", trigger: "criticised", source: [["dar", "Dar", 1]], target: [["india", "India"]] },
      { code: "111", trigger: "unjust", source: [["dar", "Dar", 2]], target: [["iran", "Iran", 1]] },
    ],
    [quote(article, "dar", "Dar", "the sanctions on Iran were unjust and should end", "said", "indirect")],
  );
}

export function articleC(): IngestItem {
  const article: Article = {
    id: "fx-003",
    date: "2025-06-03",
    title: "Tehran rebukes Islamabad over border incident",
    source: "Other Wire",
    origin: "fixtures:3",
    text:
      "Iranian Foreign Minister Abbas Araghchi criticised Pakistan on Tuesday after a border incident. " +
      "Araghchi will visit Islamabad next week, officials said. " +
      "Washington imposed new sanctions on Iran.",
  };
  return item(article, [
    {
      code: "111",
      trigger: "criticised",
      source: [["araghchi", "Abbas Araghchi"]],
      target: [["pakistan", "Pakistan"]],
      date: "2025-06-03",
      dateText: "on Tuesday",
    },
    {
      code: "042",
      trigger: "visit",
      source: [["araghchi", "Araghchi", 1]],
      target: [["pakistan", "Islamabad"]],
      modality: "future",
      date: "2025-06-10",
      dateText: "next week",
      place: ISLAMABAD,
    },
    { code: "163", trigger: "imposed", source: [["usa", "Washington"]], target: [["iran", "Iran"]] },
  ]);
}

export function articleD(): IngestItem {
  const article: Article = {
    id: "fx-004",
    date: "2025-04-10",
    title: "UN chief welcomes Iran-Pakistan talks",
    url: "https://example.org/news/fx-004",
    source: "Example Wire",
    origin: "fixtures:4",
    text:
      "UN Secretary-General António Guterres praised Iran and Pakistan for their border talks. " +
      "“Dialogue between neighbours is the only road to peace,” Guterres said.",
  };
  return item(
    article,
    [
      {
        code: "051",
        trigger: "praised",
        source: [["guterres", "António Guterres"]],
        target: [
          ["iran", "Iran"],
          ["pakistan", "Pakistan"],
        ],
      },
    ],
    [
      quote(
        article,
        "guterres",
        "Guterres",
        "Dialogue between neighbours is the only road to peace,",
        "said",
        "direct",
      ),
    ],
  );
}

/**
 * An article with characters outside the BMP (an emoji: two UTF-16 code units, one character for SQL) before
 * its second and third sentences, and a third event whose evidence text the coder normalised (two spaces in
 * the body, one in the evidence), so that it is found nowhere in the body. Not among fixtureItems().
 */
export function articleWide(): IngestItem {
  const article: Article = {
    id: "fx-wide",
    date: "2025-06-05",
    title: "Handshake 🤝 in Islamabad",
    source: "Example Wire",
    origin: "fixtures:wide",
    text:
      "Iranian President Masoud Pezeshkian praised Pakistan for its mediation. " +
      "Pakistani Prime Minister Shehbaz Sharif hosted Abbas Araghchi 🤝 in Islamabad. " +
      "Ishaq Dar  criticised India over the water treaty.",
  };
  const coded = item(article, [
    {
      code: "051",
      trigger: "praised",
      source: [["pezeshkian", "Masoud Pezeshkian"]],
      target: [["pakistan", "Pakistan"]],
    },
    {
      code: "043",
      trigger: "hosted",
      source: [["sharif", "Shehbaz Sharif"]],
      target: [["araghchi", "Abbas Araghchi"]],
      place: ISLAMABAD,
    },
    { code: "111", trigger: "criticised", source: [["dar", "Ishaq Dar"]], target: [["india", "India"]] },
  ]);
  const last = coded.record.events[2];
  last.evidence = { ...last.evidence, text: last.evidence.text.replace("  ", " ") };
  return coded;
}

/** The four fixture articles, in date order of their publication: D (April), A, B (May), C (June). */
export function fixtureItems(): IngestItem[] {
  return [articleD(), articleA(), articleB(), articleC()];
}

/**
 * Modalities (issue 19): a negated strike, an asserted one, and a stated intent to talk (future, CAMEO 036).
 * Not among fixtureItems: tests add it to the store they need it in.
 */
export function articleModal(): IngestItem {
  const article: Article = {
    id: "fx-modal",
    date: "2025-07-04",
    title: "Strikes and talks",
    source: "Example Wire",
    origin: "fixtures:modal",
    text:
      "Israel did not strike Iran on Thursday. " +
      "Iran struck Israel on Friday. " +
      "Iran said it was ready to negotiate with Israel.",
  };
  return item(article, [
    {
      code: "190",
      trigger: "strike",
      source: [["israel", "Israel"]],
      target: [["iran", "Iran"]],
      modality: "negated",
    },
    { code: "190", trigger: "struck", source: [["iran", "Iran", 1]], target: [["israel", "Israel", 1]] },
    {
      code: "036",
      trigger: "ready to negotiate",
      source: [["iran", "Iran", 2]],
      target: [["israel", "Israel", 2]],
      modality: "future",
    },
  ]);
}

/**
 * A reciprocal compound event (issue 19): "Russia and the United States met", both sides listed on both, as the
 * coder gives reciprocal events.
 */
export function articleReciprocal(): IngestItem {
  const article: Article = {
    id: "fx-recip",
    date: "2025-07-08",
    title: "Russia and the United States meet",
    source: "Example Wire",
    origin: "fixtures:recip",
    text: "Russia and the United States met in Geneva on Tuesday.",
  };
  const both: Array<[Who, string]> = [
    ["russia", "Russia"],
    ["us", "United States"],
  ];
  return item(article, [{ code: "040", trigger: "met", source: both, target: both }]);
}

/** The same article with one event's code changed: the coding changed, the text did not. */
export function recoded(base: IngestItem, change: Partial<Event>): IngestItem {
  const events = base.record.events.map((e, i) => (i === 0 ? { ...e, ...change } : e));
  return { article: base.article, record: { ...base.record, events } };
}

/** The same article with new text and no events: the text changed. */
export function rewritten(base: IngestItem, text: string): IngestItem {
  return {
    article: { ...base.article, text },
    record: { ...base.record, events: [], quotes: [] },
  };
}

/** The fixture events as a store would give them back: gids in order, article references, a coding time. */
export function fixtureStoredEvents(codedAt = "2025-06-04T10:00:00.000Z"): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const { article, record } of fixtureItems()) {
    const ref = {
      id: article.id,
      date: article.date,
      title: article.title ?? null,
      url: article.url ?? null,
      source: article.source ?? null,
    };
    for (const e of record.events) out.push({ ...e, gid: out.length + 1, article: ref, codedAt });
  }
  return out;
}
