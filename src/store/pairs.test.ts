import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Actor } from "../core/types.js";
import { articleReciprocal } from "./fixtures.js";
import { actorPairs } from "./rows.js";

function actor(code: string, name: string, country: string | null = code.slice(0, 3)): Actor {
  return { code, country, org: null, sector: null, name, id: null, text: name, start: 0, end: name.length };
}

const codes = (pairs: ReturnType<typeof actorPairs>) =>
  pairs.map(([s, t]) => `${s?.code ?? ""}>${t?.code ?? ""}`);

describe("source-target pairs", () => {
  it("pair a reciprocal event's sides with each other, never an actor with itself (issue 19)", () => {
    const [e] = articleReciprocal().record.events;
    assert.deepEqual(codes(actorPairs(e.source, e.target)), ["RUS>USA", "USA>RUS"]);
  });

  it("keep a domestic pair: two actors of one country with different codes (issue 19)", () => {
    const police = actor("USACOP", "police");
    const protesters = actor("USAOPP", "protesters");
    assert.deepEqual(codes(actorPairs([police], [protesters])), ["USACOP>USAOPP"]);
    const india = actor("IND", "India");
    assert.deepEqual(codes(actorPairs([india, police], [india, protesters])), [
      "IND>USAOPP",
      "USACOP>IND",
      "USACOP>USAOPP",
    ]);
  });

  it("give an event with one side, or only self-pairs, one row with an empty side", () => {
    const iran = actor("IRN", "Iran");
    assert.deepEqual(codes(actorPairs([iran], [])), ["IRN>"]);
    assert.deepEqual(codes(actorPairs([], [iran])), [">IRN"]);
    assert.deepEqual(codes(actorPairs([iran], [actor("IRN", "Iran")])), ["IRN>"]);
    assert.deepEqual(codes(actorPairs([iran, actor("PAK", "Pakistan")], [actor("PAK", "Pakistan")])), [
      "IRN>PAK",
    ]);
  });
});
