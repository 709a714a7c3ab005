import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleWide, fixtureItems } from "./fixtures.js";
import { legacyRecordHash, recordHash, sameRecord } from "./rows.js";
import type { IngestItem } from "./types.js";

type Path = (string | number)[];

/** Every path to a primitive value (null included) under value. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [path];
  const out: Path[] = [];
  for (const [key, v] of Object.entries(value)) {
    out.push(...leaves(v, [...path, Array.isArray(value) ? Number(key) : key]));
  }
  return out;
}

function changed(item: IngestItem, path: Path): IngestItem {
  const copy = structuredClone(item) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const v = at[last];
  at[last] = typeof v === "number" ? v + 1 : typeof v === "string" ? `${v}~` : "~";
  return copy as unknown as IngestItem;
}

describe("record hash", () => {
  const items = [...fixtureItems(), articleWide()];

  it("changes with any value of the record the store keeps", () => {
    for (const item of items) {
      const hash = recordHash(item);
      const { id: _id, ...kept } = item.record;
      for (const path of leaves(kept)) {
        const other = changed(item, ["record", ...path]);
        assert.notEqual(recordHash(other), hash, `record.${path.join(".")}`);
      }
      const moved = changed(item, ["article", "source"]);
      assert.notEqual(recordHash(moved), hash, "article.source");
    }
  });

  it("changes when a list gains or loses an item, or a value moves to the next field", () => {
    const [item] = items;
    const hash = recordHash(item);
    const fewer = structuredClone(item);
    fewer.record.events[0].target.pop();
    assert.notEqual(recordHash(fewer), hash);
    const more = structuredClone(item);
    more.record.events[0].source.push(more.record.events[0].target[0]);
    assert.notEqual(recordHash(more), hash);
    const moved = structuredClone(item);
    moved.record.events[0].source = [];
    moved.record.events[0].target = [...item.record.events[0].source, ...item.record.events[0].target];
    assert.notEqual(recordHash(moved), hash);
    const swapped = structuredClone(item);
    const a = swapped.record.events[0].source[0];
    [a.code, a.name] = [a.name, a.code];
    assert.notEqual(recordHash(swapped), hash);
  });

  it("is the same for equal records, and recognises the hashes of older stores", () => {
    for (const item of items) {
      const hash = recordHash(item);
      assert.equal(recordHash(structuredClone(item)), hash);
      assert.ok(sameRecord(hash, item, hash));
      assert.ok(sameRecord(legacyRecordHash(item), item, hash));
      const other = changed(item, ["record", "title"]);
      assert.ok(!sameRecord(legacyRecordHash(other), item, hash));
      assert.ok(!sameRecord(recordHash(other), item, hash));
    }
  });
});
