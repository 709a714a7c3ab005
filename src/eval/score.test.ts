import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Actor, CodedArticle, Event, Modality, Quote } from "../core/types.js";
import type { GoldEvent, GoldItem, GoldQuote } from "./gold.js";
import {
  type Confusion,
  type ItemScore,
  metrics,
  scoreItem,
  scoreSet,
  withoutStatementsGold,
} from "./score.js";

// Hand-built actors: a country actor (optionally with a sector) and an international body.
function country(iso: string, sector: string | null = null, name = iso): Actor {
  return {
    code: `${iso}${sector ?? ""}`,
    country: iso,
    org: null,
    sector,
    name,
    id: null,
    text: name,
    start: 0,
    end: 1,
  };
}

function body(org: string, code: string, countryCode: string | null = null): Actor {
  return { code, country: countryCode, org, sector: null, name: org, id: null, text: org, start: 0, end: 1 };
}

interface EventSpec {
  source?: Actor[];
  target?: Actor[];
  root?: string;
  code?: string;
  plover?: string | null;
  modality?: Modality;
  confidence?: number | null;
  date?: string;
  rule?: string;
}

function event(spec: EventSpec): Event {
  const root = spec.root ?? spec.code?.slice(0, 2) ?? "04";
  return {
    id: "e1",
    sentence: 1,
    code: spec.code ?? `${root}0`,
    root,
    name: "test event",
    quad: 1,
    goldstein: 1,
    plover: { type: spec.plover ?? null, mode: null },
    source: spec.source ?? [],
    target: spec.target ?? [],
    modality: spec.modality ?? "asserted",
    date: spec.date ?? "2025-05-26",
    dateText: null,
    place: null,
    evidence: { text: "The sentence.", trigger: "met", start: 0, end: 3, rule: spec.rule ?? "test:rule" },
    confidence: spec.confidence ?? null,
  };
}

function quote(speaker: Actor | null, text: string): Quote {
  return { speaker, cue: "said", kind: "direct", text, start: 0, end: text.length, sentence: 1 };
}

function gold(events: GoldEvent[], extra: { forbid?: GoldEvent[]; quotes?: GoldQuote[] } = {}): GoldItem {
  return {
    id: "g1",
    date: "2025-05-26",
    text: "The text.",
    events,
    forbid: extra.forbid ?? [],
    quotes: extra.quotes ?? [],
    origin: "test:1",
  };
}

function coded(events: Event[], quotes: Quote[] = []): CodedArticle {
  return { id: "g1", date: "2025-05-26", title: null, url: null, events, quotes, errors: [] };
}

const IRN = country("IRN");
const PAK = country("PAK");

function counts(score: ItemScore) {
  const { tp, fp, fn } = score.counts;
  return { tp, fp, fn };
}

/** The confusion table accounts for every TP, FP and FN exactly once. */
function assertBalanced(confusion: Confusion, c: { tp: number; fp: number; fn: number }): void {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
  const confused = Object.values(confusion.confused).reduce((s, row) => s + sum(row), 0);
  assert.equal(sum(confusion.right), c.tp);
  assert.equal(confused + sum(confusion.misses), c.fn);
  assert.equal(confused + sum(confusion.falseAlarms), c.fp);
}

describe("scoreItem: matching at (source key, target key, root)", () => {
  test("a prediction with the gold actors and an accepted root is a true positive", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([event({ source: [IRN], target: [PAK], code: "040" })]),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(score.metrics, { precision: 1, recall: 1, f1: 1 });
    assert.equal(score.matched[0].pair.source, "IRN");
  });

  test("a root outside the gold list is a false positive and a miss, recorded as a confusion", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([event({ source: [IRN], target: [PAK], root: "05" })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(score.confusion.confused, { "04": { "05": 1 } });
    assertBalanced(score.confusion, counts(score));
  });

  test("swapped source and target do not match", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([event({ source: [PAK], target: [IRN], root: "04" })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 1, fn: 1 });
  });

  test("any root of the gold list is right", () => {
    const g = gold([{ source: "IRN", target: "PAK", root: ["05", "01"] }]);
    assert.equal(scoreItem(g, coded([event({ source: [IRN], target: [PAK], root: "01" })])).counts.tp, 1);
    assert.equal(scoreItem(g, coded([event({ source: [IRN], target: [PAK], root: "05" })])).counts.tp, 1);
  });

  test("the unmatched predictions of an item are listed with their event", () => {
    const stray = event({ source: [IRN], target: [country("ISR")], root: "11", rule: "verbs:accuse" });
    const score = scoreItem(gold([]), coded([stray]));
    assert.equal(score.unmatched.length, 1);
    assert.equal(score.unmatched[0].event, stray);
    assert.equal(score.unmatched[0].event.evidence.rule, "verbs:accuse");
    assert.deepEqual(score.confusion.falseAlarms, { "11": 1 });
  });
});

describe("scoreItem: optional events", () => {
  test("matching an optional event is neither a true positive nor a false positive", () => {
    const score = scoreItem(
      gold([
        { source: "IRN", target: "PAK", root: ["04"] },
        { source: "PAK", target: "IRN", root: ["04"], optional: true },
      ]),
      coded([event({ source: [IRN], target: [PAK] }), event({ source: [PAK], target: [IRN] })]),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 0, fn: 0 });
    assert.equal(score.counts.optional, 1);
  });

  test("an optional event nothing matched is not a miss", () => {
    const score = scoreItem(
      gold([{ source: "PAK", target: "IRN", root: ["04"], optional: true }]),
      coded([]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 0, fn: 0 });
  });

  test("a required event takes the prediction before an optional one does", () => {
    const score = scoreItem(
      gold([
        { source: "IRN", target: "PAK", root: ["04"], optional: true },
        { source: "IRN", target: "PAK", root: ["04"] },
      ]),
      coded([event({ source: [IRN], target: [PAK] })]),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 0, fn: 0 });
    assert.equal(score.counts.optional, 0);
  });
});

describe("scoreItem: forbidden events", () => {
  const forbid: GoldEvent[] = [
    { source: "IRQ", target: "IRN", root: ["19", "18"] },
    { source: "", target: "", root: ["20"] },
  ];

  test("an asserted prediction matching a forbid entry is reported with its event", () => {
    const bad = event({ source: [country("IRQ")], target: [IRN], root: "19" });
    const score = scoreItem(gold([], { forbid }), coded([bad]));
    assert.equal(score.forbidden.length, 1);
    assert.equal(score.forbidden[0].pair.event, bad);
    assert.equal(score.forbidden[0].forbid.index, 0);
    assert.equal(score.counts.fp, 1);
  });

  test("reported and future predictions are checked too", () => {
    for (const modality of ["reported", "future"] as const) {
      const score = scoreItem(
        gold([], { forbid }),
        coded([event({ source: [country("IRQ")], target: [IRN], root: "18", modality })]),
      );
      assert.equal(score.forbidden.length, 1, modality);
    }
  });

  test("negated, hypothetical and historical predictions are not forbidden events", () => {
    for (const modality of ["negated", "hypothetical", "historical"] as const) {
      const score = scoreItem(
        gold([], { forbid }),
        coded([event({ source: [country("IRQ")], target: [IRN], root: "19", modality })]),
      );
      assert.equal(score.forbidden.length, 0, modality);
    }
  });

  test("a wildcard forbid entry catches a self-pair as well", () => {
    const score = scoreItem(
      gold([], { forbid }),
      coded([event({ source: [IRN], target: [IRN], root: "20" })]),
    );
    assert.equal(score.forbidden.length, 1);
    assert.equal(score.counts.fp, 1, "a sole self-pair is scored (and wrong)");
  });

  test("the same forbidden pair coded twice counts once", () => {
    const twice = [0, 1].map(() => event({ source: [country("IRQ")], target: [IRN], root: "19" }));
    assert.equal(scoreItem(gold([], { forbid }), coded(twice)).forbidden.length, 1);
  });
});

describe("scoreItem: modality", () => {
  test("negated, hypothetical and historical predictions are neither right nor wrong", () => {
    for (const modality of ["negated", "hypothetical", "historical"] as const) {
      const right = scoreItem(
        gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
        coded([event({ source: [IRN], target: [PAK], modality })]),
      );
      assert.deepEqual(counts(right), { tp: 0, fp: 0, fn: 1 }, modality);
      const wrong = scoreItem(gold([]), coded([event({ source: [IRN], target: [PAK], modality })]));
      assert.deepEqual(counts(wrong), { tp: 0, fp: 0, fn: 0 }, modality);
      assert.equal(wrong.counts.uncounted, 1);
    }
  });

  test("reported and future predictions are counted", () => {
    for (const modality of ["reported", "future"] as const) {
      const score = scoreItem(
        gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
        coded([
          event({ source: [IRN], target: [PAK], modality }),
          event({ source: [PAK], target: [IRN], modality }),
        ]),
      );
      assert.deepEqual(counts(score), { tp: 1, fp: 1, fn: 0 }, modality);
    }
  });
});

describe("scoreItem: each source x target pair counts once per item", () => {
  test("two actors with one key on one side make one pair, which takes one gold event", () => {
    const leader = country("IRN", "GOV", "Ali Khamenei");
    const score = scoreItem(
      gold([
        { source: "IRN", target: "PAK", root: ["04"] },
        { source: "IRN", target: "PAK", root: ["04"] },
      ]),
      coded([event({ source: [leader, IRN], target: [PAK] })]),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 0, fn: 1 });
  });

  test("a false pair repeated in an item is one false positive", () => {
    const score = scoreItem(
      gold([]),
      coded([0, 1, 2].map(() => event({ source: [IRN], target: [country("ISR")], root: "11" }))),
    );
    assert.equal(score.counts.fp, 1);
    assert.deepEqual(
      score.pairs.map((p) => p.outcome),
      ["false", "duplicate", "duplicate"],
    );
  });

  test("repeats of a matched pair beyond the gold events are not false positives", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([0, 1, 2].map(() => event({ source: [IRN], target: [PAK] }))),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 0, fn: 0 });
  });

  test("distinct events with the same pair each take a gold event when the gold lists several", () => {
    // The reference article: praise of Pakistan in three sentences, three required gold events.
    const g = [0, 1, 2].map((): GoldEvent => ({ source: "IRN", target: "PAK", root: ["05", "01"] }));
    const score = scoreItem(
      gold(g),
      coded([0, 1, 2].map(() => event({ source: [IRN], target: [PAK], code: "051" }))),
    );
    assert.deepEqual(counts(score), { tp: 3, fp: 0, fn: 0 });
  });
});

describe("scoreItem: one-to-one matching", () => {
  test("a gold event is consumed once: a second prediction for it is a false positive", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["05", "01"] }]),
      coded([
        event({ source: [IRN], target: [PAK], root: "05" }),
        event({ source: [IRN], target: [PAK], root: "01" }),
      ]),
    );
    assert.deepEqual(counts(score), { tp: 1, fp: 1, fn: 0 });
  });

  test("the matching is maximal, not greedy", () => {
    // Greedy would give the 01 prediction to the first gold event and leave the 05 prediction unmatched.
    const score = scoreItem(
      gold([
        { source: "IRN", target: "PAK", root: ["05", "01"] },
        { source: "IRN", target: "PAK", root: ["02", "03", "01"] },
      ]),
      coded([
        event({ source: [IRN], target: [PAK], root: "01" }),
        event({ source: [IRN], target: [PAK], root: "05" }),
      ]),
    );
    assert.deepEqual(counts(score), { tp: 2, fp: 0, fn: 0 });
  });
});

describe("scoreItem: actor keys and wildcards", () => {
  test('gold "" matches any actor, or none', () => {
    const g = gold([{ source: "HUN", target: "", plover: ["AGREE"] }]);
    const some = scoreItem(
      g,
      coded([event({ source: [country("HUN")], target: [country("ROU")], plover: "AGREE" })]),
    );
    const none = scoreItem(g, coded([event({ source: [country("HUN")], target: [], plover: "AGREE" })]));
    assert.equal(some.counts.tp, 1);
    assert.equal(none.counts.tp, 1);
  });

  test("a gold actor does not match an empty side", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([event({ source: [IRN], target: [] })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 1, fn: 1 });
    assert.equal(score.unmatched[0].target, "");
  });

  test("'---' in gold data is a wildcard like ''", () => {
    const score = scoreItem(
      gold([{ source: "---", target: "SYR", root: ["19"] }]),
      coded([event({ source: [body("REB", "REB")], target: [country("SYR")], root: "19" })]),
    );
    assert.equal(score.counts.tp, 1);
  });

  test("an org key wins over the country, and the code's first letters stand in for both", () => {
    const g = gold([
      { source: "UN", target: "SDN", root: ["02"] },
      { source: "EU", target: "IRN", root: ["16"] },
      { source: "MOS", target: "ISR", root: ["05"] },
    ]);
    const score = scoreItem(
      g,
      coded([
        event({ source: [body("UN", "IGOUNO")], target: [country("SDN")], root: "02" }),
        event({ source: [body("EU", "IGOEU", "BEL")], target: [IRN], root: "16" }),
        event({
          source: [{ ...IRN, code: "MOSREL", country: null, name: "Muslims" }],
          target: [country("ISR")],
          root: "05",
        }),
      ]),
    );
    assert.deepEqual(counts(score), { tp: 3, fp: 0, fn: 0 });
  });

  test("a country key does not match an org's events", () => {
    const score = scoreItem(
      gold([{ source: "BEL", target: "IRN", root: ["16"] }]),
      coded([event({ source: [body("EU", "IGOEU", "BEL")], target: [IRN], root: "16" })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 1, fn: 1 });
  });
});

describe("scoreItem: self-pairs", () => {
  const HUN = country("HUN");
  const ROU = country("ROU");

  test("a reciprocal event scores its cross pairs only", () => {
    const score = scoreItem(
      gold([
        { source: "HUN", target: "", plover: ["AGREE"] },
        { source: "ROU", target: "", plover: ["AGREE"] },
      ]),
      coded([event({ source: [HUN, ROU], target: [ROU, HUN], plover: "AGREE", root: "03" })]),
    );
    assert.deepEqual(counts(score), { tp: 2, fp: 0, fn: 0 });
    assert.equal(score.pairs.length, 2);
  });

  test("a self-pair is scored when the gold lists that pair", () => {
    const USA = country("USA");
    const g = gold([{ source: "USA", target: "USA", root: ["14"], optional: true }]);
    const protest = scoreItem(g, coded([event({ source: [USA], target: [USA], root: "14" })]));
    assert.equal(protest.counts.optional, 1);
    const meeting = scoreItem(g, coded([event({ source: [USA], target: [USA], root: "04" })]));
    assert.equal(meeting.counts.fp, 1);
    // A self-pair beside other targets is noise and not scored; alone it is the event (domestic unrest).
    const beside = scoreItem(g, coded([event({ source: [IRN], target: [IRN, PAK], root: "04" })]));
    assert.deepEqual(
      beside.pairs.map((p) => `${p.pair.source}>${p.pair.target}`),
      ["IRN>PAK"],
    );
    const alone = scoreItem(
      gold([{ source: "RWA", target: "", root: ["14"] }]),
      coded([event({ source: [country("RWA")], target: [country("RWA")], root: "14" })]),
    );
    assert.equal(alone.counts.tp, 1);
  });
});

describe("scoreItem: PLOVER types, sectors and dates", () => {
  test("a gold event with plover matches on the PLOVER type, whatever the root", () => {
    const g = gold([{ source: "ISR", target: "PSE", plover: ["COERCE"] }]);
    const ISR = country("ISR");
    const PSE = country("PSE");
    assert.equal(
      scoreItem(g, coded([event({ source: [ISR], target: [PSE], root: "17", plover: "COERCE" })])).counts.tp,
      1,
    );
    assert.equal(
      scoreItem(g, coded([event({ source: [ISR], target: [PSE], root: "17", plover: "SANCTION" })])).counts
        .tp,
      0,
    );
    assert.equal(
      scoreItem(g, coded([event({ source: [ISR], target: [PSE], root: "17", plover: null })])).counts.tp,
      0,
    );
  });

  test("the confusion table of a PLOVER set is by type", () => {
    const score = scoreItem(
      gold([{ source: "ISR", target: "PSE", plover: ["COERCE"] }]),
      coded([event({ source: [country("ISR")], target: [country("PSE")], root: "16", plover: "SANCTION" })]),
    );
    assert.equal(score.scheme, "plover");
    assert.deepEqual(score.confusion.confused, { COERCE: { SANCTION: 1 } });
  });

  test("source_sector and target_sector must match when present", () => {
    const g = gold([
      { source: "IRN", target: "PAK", root: ["04"], source_sector: ["GOV"], target_sector: ["GOV"] },
    ]);
    const gov = scoreItem(
      g,
      coded([event({ source: [country("IRN", "GOV")], target: [country("PAK", "GOV")] })]),
    );
    const mil = scoreItem(
      g,
      coded([event({ source: [country("IRN", "MIL")], target: [country("PAK", "GOV")] })]),
    );
    const bare = scoreItem(g, coded([event({ source: [IRN], target: [country("PAK", "GOV")] })]));
    assert.equal(gov.counts.tp, 1);
    assert.equal(mil.counts.tp, 0);
    assert.equal(bare.counts.tp, 0);
  });

  test("a sector held by any actor of the pair's key is enough", () => {
    const g = gold([{ source: "IRN", target: "PAK", root: ["04"], source_sector: ["GOV"] }]);
    const score = scoreItem(g, coded([event({ source: [IRN, country("IRN", "GOV")], target: [PAK] })]));
    assert.equal(score.counts.tp, 1);
  });

  test("the event date must be one the gold lists, when it lists any", () => {
    const g = gold([{ source: "IRN", target: "PAK", root: ["04"], date: ["2025-05-26"] }]);
    assert.equal(
      scoreItem(g, coded([event({ source: [IRN], target: [PAK], date: "2025-05-26" })])).counts.tp,
      1,
    );
    assert.equal(
      scoreItem(g, coded([event({ source: [IRN], target: [PAK], date: "2025-05-25" })])).counts.tp,
      0,
    );
  });
});

describe("scoreItem: quotes", () => {
  const khamenei = country("IRN", "GOV", "Ali Khamenei");
  const goldQuote: GoldQuote = {
    name: "Ali Khamenei",
    // Ten words.
    text: "The two countries can help each other in many areas.",
  };

  test("found when the speaker's name has the gold name's last word and 60% of the words are covered", () => {
    const six = "the two countries can help each";
    const score = scoreItem(gold([], { quotes: [goldQuote] }), coded([], [quote(khamenei, six)]));
    assert.deepEqual(
      { total: score.quotes.total, found: score.quotes.found, recall: score.quotes.recall },
      { total: 1, found: 1, recall: 1 },
    );
  });

  test("not found below 60% coverage", () => {
    const five = "The two countries can help";
    const score = scoreItem(gold([], { quotes: [goldQuote] }), coded([], [quote(khamenei, five)]));
    assert.equal(score.quotes.found, 0);
    assert.equal(score.quotes.missed[0], goldQuote);
  });

  test("the speaker is matched on the last word of the gold name, ignoring case", () => {
    const leader = country("IRN", "GOV", "Ayatollah KHAMENEI");
    const other = country("IRN", "GOV", "Masoud Pezeshkian");
    const g = gold([], { quotes: [goldQuote] });
    assert.equal(scoreItem(g, coded([], [quote(leader, goldQuote.text)])).quotes.found, 1);
    assert.equal(scoreItem(g, coded([], [quote(other, goldQuote.text)])).quotes.found, 0);
    assert.equal(scoreItem(g, coded([], [quote(null, goldQuote.text)])).quotes.found, 0);
  });

  test("curly and straight quotation marks and apostrophes do not matter", () => {
    const g = gold([], {
      quotes: [{ name: "Ali Khamenei", text: "Pakistan’s “very good and strong” stance" }],
    });
    const score = scoreItem(g, coded([], [quote(khamenei, 'Pakistan\'s "very good and strong" stance')]));
    assert.equal(score.quotes.found, 1);
  });

  test("optional quotes are not counted; no required quote gives no recall", () => {
    const g = gold([], { quotes: [{ ...goldQuote, optional: true }] });
    const score = scoreItem(g, coded([], []));
    assert.deepEqual({ total: score.quotes.total, recall: score.quotes.recall }, { total: 0, recall: null });
  });
});

describe("metrics", () => {
  test("nothing to find and nothing predicted is perfect", () => {
    assert.deepEqual(metrics({ tp: 0, fp: 0, fn: 0 }), { precision: 1, recall: 1, f1: 1 });
  });

  test("nothing predicted with events to find is zero", () => {
    assert.deepEqual(metrics({ tp: 0, fp: 0, fn: 3 }), { precision: 0, recall: 0, f1: 0 });
  });

  test("precision, recall and F1 from counts", () => {
    const m = metrics({ tp: 2, fp: 2, fn: 0 });
    assert.equal(m.precision, 0.5);
    assert.equal(m.recall, 1);
    assert.ok(Math.abs(m.f1 - 2 / 3) < 1e-12);
  });
});

describe("scoreSet", () => {
  test("sums the items (micro average), lists forbidden events by item and balances the confusion table", () => {
    const g1 = gold([
      { source: "IRN", target: "PAK", root: ["04"] },
      { source: "PAK", target: "IRN", root: ["05"] },
    ]);
    const g2 = {
      ...gold([{ source: "USA", target: "CHN", root: ["04"] }], {
        forbid: [{ source: "", target: "", root: ["19"] }],
      }),
      id: "g2",
    };
    const score = scoreSet([
      {
        gold: g1,
        predicted: coded([
          event({ source: [IRN], target: [PAK], root: "04" }),
          event({ source: [PAK], target: [IRN], root: "11" }),
        ]),
      },
      {
        gold: g2,
        predicted: coded([event({ source: [country("USA")], target: [country("CHN")], root: "19" })]),
      },
    ]);
    assert.deepEqual(score.counts, { tp: 1, fp: 2, fn: 2, optional: 0, uncounted: 0, statements: 0 });
    assert.equal(score.items.length, 2);
    assert.deepEqual(
      score.forbidden.map((f) => f.id),
      ["g2"],
    );
    assert.equal(score.scheme, "cameo");
    assert.deepEqual(score.confusion.confused, { "05": { "11": 1 }, "04": { "19": 1 } });
    assertBalanced(score.confusion, score.counts);
  });

  test("quote recall over the set; null when the gold has no quotes", () => {
    const withQuotes = gold([], {
      quotes: [
        { name: "A B", text: "one two three" },
        { name: "C D", text: "four five" },
      ],
    });
    const score = scoreSet([
      { gold: withQuotes, predicted: coded([], [quote(country("IRN", null, "A B"), "one two three")]) },
    ]);
    assert.equal(score.quotes.recall, 0.5);
    assert.equal(scoreSet([{ gold: gold([]), predicted: coded([]) }]).quotes.recall, null);
  });

  test("the calibration table buckets counted predictions by confidence", () => {
    const g = gold([
      { source: "IRN", target: "PAK", root: ["04"] },
      { source: "PAK", target: "IRN", root: ["04"], optional: true },
    ]);
    const score = scoreSet([
      {
        gold: g,
        predicted: coded([
          event({ source: [IRN], target: [PAK], confidence: 0.9 }),
          event({ source: [PAK], target: [IRN], confidence: 0.72 }),
          event({ source: [IRN], target: [country("ISR")], root: "11", confidence: 0.3 }),
          event({ source: [IRN], target: [country("IND")], root: "11", confidence: 0.5 }),
          event({
            source: [IRN],
            target: [country("IND")],
            root: "11",
            confidence: 0.4,
            modality: "negated",
          }),
          event({ source: [IRN], target: [country("USA")], root: "11", confidence: null }),
        ]),
      },
    ]);
    const byLabel = Object.fromEntries(
      score.calibration.map((b) => [b.label, [b.predictions, b.right, b.precision]]),
    );
    assert.deepEqual(byLabel, {
      "<0.5": [1, 0, 0],
      "0.5-0.7": [1, 0, 0],
      "0.7-0.85": [1, 1, 1],
      ">=0.85": [1, 1, 1],
      none: [1, 0, 0],
    });
  });
});

describe("scoreItem on random items", () => {
  test("finds as many required events as any one-to-one assignment could, and the books balance", () => {
    let state = 42;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const keys = ["IRN", "PAK", ""];
    const roots = ["01", "04", "05"];
    for (let round = 0; round < 300; round++) {
      const goldEvents: GoldEvent[] = Array.from({ length: next(5) }, () => ({
        source: keys[next(3)],
        target: keys[next(3)],
        root: roots.filter(() => next(2) === 0).concat(roots[next(3)]),
        ...(next(4) === 0 ? { optional: true } : {}),
      }));
      const predictions = Array.from({ length: next(5) }, () =>
        event({
          source: [country(["IRN", "PAK"][next(2)])],
          target: [country(["IRN", "PAK", "IND"][next(3)])],
          root: roots[next(3)],
        }),
      );
      const g = gold(goldEvents);
      const score = scoreItem(g, coded(predictions));
      const required = goldEvents.filter((e) => e.optional !== true).length;
      assert.equal(score.counts.tp + score.counts.fn, required);
      assertBalanced(score.confusion, score.counts);
      // Brute force: the most required events any one-to-one assignment of counted pairs can match.
      const pairs = score.pairs.map((p) => p.pair);
      const best = (i: number, used: Set<number>): number => {
        if (i === pairs.length) return 0;
        let top = best(i + 1, used);
        goldEvents.forEach((e, j) => {
          if (used.has(j) || e.optional === true) return;
          const sameActors =
            (e.source === "" || e.source === pairs[i].source) &&
            (e.target === "" || e.target === pairs[i].target);
          if (!sameActors || !e.root?.includes(pairs[i].event.root)) return;
          top = Math.max(top, 1 + best(i + 1, new Set([...used, j])));
        });
        return top;
      };
      assert.equal(
        score.counts.tp,
        best(0, new Set()),
        JSON.stringify({ goldEvents, predictions: score.pairs.length }),
      );
    }
  });
});

describe("scoreItem: CAMEO actor types in the gold", () => {
  test("a gold IGO matches any intergovernmental body by its code, a gold NGO any non-governmental one", () => {
    const g = gold([
      { source: "GRC", target: "IGO", root: ["10"] },
      { source: "NGO", target: "SDN", root: ["10"] },
    ]);
    const score = scoreItem(
      g,
      coded([
        event({ source: [country("GRC")], target: [body("EU", "IGOEU")], root: "10" }),
        event({ source: [body("AMNESTY", "NGOAMN")], target: [country("SDN")], root: "10" }),
      ]),
    );
    assert.deepEqual(counts(score), { tp: 2, fp: 0, fn: 0 });
  });

  test("a named body still has its own key: a gold EU does not match the UN", () => {
    const score = scoreItem(
      gold([{ source: "GRC", target: "EU", root: ["10"] }]),
      coded([event({ source: [country("GRC")], target: [body("UN", "IGOUNO")], root: "10" })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 1, fn: 1 });
  });
});

describe("statements: figures with and without them (issue 14)", () => {
  test("a statement predicted on a set that codes none is neither right nor wrong", () => {
    const score = scoreSet([
      {
        gold: gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
        predicted: coded([
          event({ source: [IRN], target: [PAK], root: "04" }),
          event({ source: [IRN], target: [PAK], root: "01" }),
        ]),
      },
    ]);
    assert.equal(score.statementsCoded, false);
    assert.deepEqual(score.counts, { tp: 1, fp: 0, fn: 0, optional: 0, uncounted: 0, statements: 1 });
    assert.deepEqual(score.withoutStatements.metrics, score.metrics);
  });

  test("a statement predicted on a PLOVER set is not a false positive", () => {
    const score = scoreSet([
      {
        gold: gold([{ source: "IRN", target: "PAK", plover: ["CONSULT"] }]),
        predicted: coded([event({ source: [IRN], target: [PAK], root: "01" })]),
      },
    ]);
    assert.deepEqual(counts(score.items[0]), { tp: 0, fp: 0, fn: 1 });
  });

  test("on a set that codes statements a stray statement is a false positive with them, not without", () => {
    const score = scoreSet([
      {
        gold: gold([
          { source: "IRN", target: "PAK", root: ["04"] },
          { source: "PAK", target: "", root: ["01"] },
        ]),
        predicted: coded([
          event({ source: [IRN], target: [PAK], root: "04" }),
          event({ source: [PAK], target: [], root: "01" }),
          event({ source: [IRN], target: [PAK], root: "01" }),
        ]),
      },
    ]);
    assert.equal(score.statementsCoded, true);
    assert.deepEqual(
      { tp: score.counts.tp, fp: score.counts.fp, fn: score.counts.fn },
      { tp: 2, fp: 1, fn: 0 },
    );
    const without = score.withoutStatements.counts;
    assert.deepEqual({ tp: without.tp, fp: without.fp, fn: without.fn }, { tp: 1, fp: 0, fn: 0 });
    assert.equal(without.statements, 2);
    assert.notEqual(score.metrics.f1, score.withoutStatements.metrics.f1);
  });

  test("the two figures differ: a found statement counts with statements, and is gone without them", () => {
    const score = scoreSet([
      {
        gold: gold([
          { source: "IRN", target: "PAK", root: ["01"] },
          { source: "IRN", target: "PAK", root: ["04"] },
        ]),
        predicted: coded([event({ source: [IRN], target: [PAK], root: "01" })]),
      },
    ]);
    assert.deepEqual(counts(score.items[0]), { tp: 1, fp: 0, fn: 1 });
    assert.equal(score.metrics.recall, 0.5);
    assert.deepEqual(score.withoutStatements.metrics, { precision: 0, recall: 0, f1: 0 });
  });

  test("without statements, '05|01' needs the praise itself, and '01|03' is an optional intent", () => {
    const g = gold([
      { source: "IRN", target: "PAK", root: ["05", "01"] },
      { source: "PAK", target: "IRN", root: ["01", "03"] },
    ]);
    const predicted = coded([
      event({ source: [IRN], target: [PAK], root: "01" }),
      event({ source: [PAK], target: [IRN], root: "03" }),
    ]);
    const all = scoreItem(g, predicted);
    assert.deepEqual(counts(all), { tp: 2, fp: 0, fn: 0 });
    const plain = scoreItem(g, predicted, { statements: false });
    assert.deepEqual(counts(plain), { tp: 0, fp: 0, fn: 1 });
    assert.equal(plain.counts.optional, 1);
    assert.deepEqual(plain.missed[0].event.root, ["05"]);
  });

  test("without statements, a statement forbid entry is dropped and 01 is struck from the others", () => {
    const g = withoutStatementsGold(
      gold([], {
        forbid: [
          { source: "IRN", target: "", root: ["01"] },
          { source: "IRN", target: "PAK", root: ["16", "01"] },
        ],
      }),
    );
    assert.deepEqual(g.forbid, [{ source: "IRN", target: "PAK", root: ["16"] }]);
  });

  test("an item scored alone follows its own gold: no 01 there, predicted statements left out", () => {
    const score = scoreItem(
      gold([{ source: "IRN", target: "PAK", root: ["04"] }]),
      coded([event({ source: [IRN], target: [PAK], root: "01" })]),
    );
    assert.deepEqual(counts(score), { tp: 0, fp: 0, fn: 1 });
    assert.equal(score.counts.statements, 1);
  });
});
