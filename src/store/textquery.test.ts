import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDyadError } from "../core/errors.js";
import { parseTextQuery, textMatches, toFts5, toTsquery } from "./textquery.js";

describe("the --text query language", () => {
  it("reads words, OR, phrases and prefixes once, for both backends (issue 19)", () => {
    const q = parseTextQuery('Pakistan\'s sanction* OR "prime minister of Pakistan"');
    assert.deepEqual(q.any, [
      [
        { words: ["pakistan"], prefix: false },
        { words: ["sanction"], prefix: true },
      ],
      [{ words: ["prime", "minister", "of", "pakistan"], prefix: false }],
    ]);
    assert.equal(toFts5(q), '("pakistan" AND "sanction" *) OR ("prime minister of pakistan")');
    assert.equal(toTsquery(q), "(pakistan & sanction:*) | ((prime <1> minister <2> pakistan))");
  });

  it("keeps the backends' own syntax out of reach, and drops words neither indexes alike", () => {
    const q = parseTextQuery('Iran:* & !(Pakistan) NEAR "the');
    assert.deepEqual(
      q.any[0].map((t) => t.words.join(" ")),
      ["iran", "pakistan", "near"],
    );
    assert.throws(
      () => parseTextQuery("the of OR and"),
      (e: unknown) => isDyadError(e) && e.code === "E_USAGE" && /common words/.test(e.message),
    );
    assert.throws(
      () => parseTextQuery('  "" '),
      (e: unknown) => isDyadError(e) && /no word/.test(e.message),
    );
  });

  it("matches in memory with the same meaning", () => {
    const text = "The Prime Minister of Pakistan criticised the sanctions.";
    assert.ok(textMatches(parseTextQuery('"prime minister of pakistan"'), text));
    assert.ok(!textMatches(parseTextQuery('"minister prime"'), text));
    assert.ok(textMatches(parseTextQuery("criticis* sanction"), text));
    assert.ok(textMatches(parseTextQuery("India OR Pakistan's"), text));
    assert.ok(!textMatches(parseTextQuery("India Pakistan"), text));
  });
});
