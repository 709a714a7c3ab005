import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../core/types.js";
import type { StoredEvent } from "../store/index.js";
import { clusterEvents } from "./events.js";
import { nearDuplicateGroups, shingles, signature, similarity } from "./minhash.js";

const WIRE =
  "Kenya signed a border security agreement with Ethiopia on Monday, setting up joint patrols along a frontier where cattle raids have killed dozens of herders this year. The pact sets up a joint command post in the border town of Moyale.";

test("MinHash estimates the Jaccard similarity of word shingles", () => {
  const a = signature(shingles(WIRE));
  assert.equal(similarity(a, signature(shingles(WIRE))), 1);
  assert.ok(similarity(a, signature(shingles(`NAIROBI (Wire) - ${WIRE}`))) > 0.8);
  assert.ok(
    similarity(
      a,
      signature(shingles("Kenya signed a security pact with Ethiopia on Monday after months of clashes.")),
    ) < 0.2,
  );
});

test("near-duplicate articles are grouped; rewrites of the same news are not (issue 18)", () => {
  const groups = nearDuplicateGroups([
    { id: "a", text: WIRE },
    { id: "b", text: `NAIROBI (Continental Wire) - ${WIRE}` },
    { id: "c", text: `${WIRE} Reporting by Continental Wire.` },
    { id: "d", text: "Kenya signed a security pact with Ethiopia on Monday after months of deadly clashes." },
    { id: "e", text: "Japan protested to China on Wednesday over a coast guard incursion near the islands." },
  ]);
  assert.deepEqual(Object.fromEntries(groups), { a: "a", b: "a", c: "a", d: "d", e: "e" });
});

function actor(code: string): Actor {
  return {
    code,
    country: code.slice(0, 3),
    org: null,
    sector: null,
    name: code,
    id: code,
    text: code,
    start: 0,
    end: 3,
  };
}

let gid = 0;
function event(over: {
  code?: string;
  source?: string;
  target?: string;
  date: string;
  article: string;
  outlet?: string;
  place?: string;
}): StoredEvent {
  gid++;
  return {
    id: `${over.article}:1:${gid}`,
    gid,
    sentence: 1,
    code: over.code ?? "057",
    root: (over.code ?? "057").slice(0, 2),
    name: "Sign formal agreement",
    quad: 1,
    goldstein: 8,
    plover: { type: "AGREE", mode: null },
    source: [actor(over.source ?? "KEN")],
    target: [actor(over.target ?? "ETH")],
    modality: "asserted",
    date: over.date,
    dateText: null,
    place: over.place
      ? { name: over.place, country: null, lat: null, lon: null, text: over.place, start: 0, end: 1 }
      : null,
    evidence: { text: "s", trigger: "signed", start: 0, end: 6, rule: "r" },
    confidence: 0.8,
    article: { id: over.article, date: over.date, title: null, url: null, source: over.outlet ?? null },
    codedAt: "2025-01-01T00:00:00.000Z",
  } as StoredEvent;
}

test("events with the same code and actors within a day are one event; counts of mentions, articles and sources (issue 18)", () => {
  const clusters = clusterEvents([
    event({ date: "2025-03-10", article: "a1", outlet: "Wire" }),
    event({ date: "2025-03-11", article: "a2", outlet: "Daily" }),
    event({ date: "2025-03-10", article: "a2", outlet: "Daily" }),
    event({ date: "2025-03-10", article: "a3", outlet: "wire" }),
    // two days later: another event
    event({ date: "2025-03-12", article: "a4", outlet: "Daily" }),
    // another code, other actors: other events
    event({ code: "114", date: "2025-03-10", article: "a1" }),
    event({ source: "ETH", target: "KEN", date: "2025-03-10", article: "a1" }),
  ]);
  assert.deepEqual(
    clusters.map((c) => [c.date, c.event.code, c.numMentions, c.numArticles, c.numSources]),
    [
      ["2025-03-10", "057", 4, 3, 2],
      ["2025-03-10", "114", 1, 1, 1],
      ["2025-03-10", "057", 1, 1, 1],
      ["2025-03-12", "057", 1, 1, 1],
    ],
  );
  assert.equal(clusters[0].firstSeen, "2025-03-10");
});

test("a place, when both mentions give one, must agree; a mention without a place joins", () => {
  const clusters = clusterEvents([
    event({ date: "2025-03-10", article: "a1", place: "Moyale" }),
    event({ date: "2025-03-10", article: "a2" }),
    event({ date: "2025-03-10", article: "a3", place: "Nairobi" }),
    event({ date: "2025-03-10", article: "a4", place: "moyale" }),
  ]);
  assert.deepEqual(
    clusters.map((c) => c.mentions.map((m) => m.article.id)),
    [["a1", "a2", "a4"], ["a3"]],
  );
});
