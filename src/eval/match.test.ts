import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Actor, Event } from "../core/types.js";
import { actorKey, coverage, expandPairs, isWildcard, words } from "./match.js";

function actor(code: string, country: string | null, org: string | null = null): Actor {
  return { code, country, org, sector: null, name: code, id: null, text: code, start: 0, end: 1 };
}

function event(source: Actor[], target: Actor[]): Event {
  return {
    id: "e1",
    sentence: 1,
    code: "040",
    root: "04",
    name: "consult",
    quad: 1,
    goldstein: 1,
    plover: { type: "CONSULT", mode: null },
    source,
    target,
    modality: "asserted",
    date: "2025-05-26",
    dateText: null,
    place: null,
    evidence: { text: "s", trigger: "met", start: 0, end: 3, rule: "r", part: "body", repeats: null },
    confidence: null,
  };
}

describe("actorKey", () => {
  test("org when set, else country, else the first three letters of the code", () => {
    assert.equal(actorKey(actor("IGOUNO", null, "UN")), "UN");
    assert.equal(actorKey(actor("IGOEUR", "BEL", "EU")), "EU");
    assert.equal(actorKey(actor("IRNGOV", "IRN")), "IRN");
    assert.equal(actorKey(actor("MOSREL", null)), "MOS");
  });

  test("'' and '---' are the gold wildcards", () => {
    assert.ok(isWildcard(""));
    assert.ok(isWildcard("---"));
    assert.ok(!isWildcard("IRN"));
  });
});

describe("expandPairs", () => {
  const IRN = actor("IRN", "IRN");
  const PAK = actor("PAK", "PAK");
  const IND = actor("IND", "IND");

  test("sources times targets, one pair per key pair", () => {
    const pairs = expandPairs(event([IRN, actor("IRNGOV", "IRN")], [PAK, IND]), 0);
    assert.deepEqual(
      pairs.map((p) => `${p.source}>${p.target}`),
      ["IRN>PAK", "IRN>IND"],
    );
    assert.equal(pairs[0].sourceActors.length, 2);
  });

  test('an empty side gives one pair with ""', () => {
    assert.deepEqual(
      expandPairs(event([IRN], []), 3).map((p) => [p.source, p.target, p.eventIndex]),
      [["IRN", "", 3]],
    );
    assert.deepEqual(
      expandPairs(event([], []), 0).map((p) => [p.source, p.target]),
      [["", ""]],
    );
  });

  test("self-pairs are dropped unless kept by key or all kept", () => {
    const reciprocal = event([IRN, PAK], [PAK, IRN]);
    assert.deepEqual(
      expandPairs(reciprocal, 0).map((p) => `${p.source}>${p.target}`),
      ["IRN>PAK", "PAK>IRN"],
    );
    assert.deepEqual(
      expandPairs(reciprocal, 0, new Set(["PAK"])).map((p) => `${p.source}>${p.target}`),
      ["IRN>PAK", "PAK>PAK", "PAK>IRN"],
    );
    assert.equal(expandPairs(reciprocal, 0, "all").length, 4);
  });
});

describe("quote words", () => {
  test("lower-case word tokens; punctuation and apostrophes split", () => {
    assert.deepEqual(words("Iran’s “warm and brotherly” ties, 1980-88."), [
      "iran",
      "s",
      "warm",
      "and",
      "brotherly",
      "ties",
      "1980",
      "88",
    ]);
  });

  test("coverage counts repeated gold words only as often as the prediction has them", () => {
    assert.equal(coverage("the cat and the dog", "the cat dog"), 0.6);
    assert.equal(coverage("a b", "b a c d"), 1);
    assert.equal(coverage("", "anything"), 0);
  });
});
