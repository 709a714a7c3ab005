// A small reader for Dyad's TSV data files: '#' comments, a header row, tab-separated fields.
import { DyadError } from "../core/errors.js";

export interface TsvRow {
  /** 1-based line number in the file, for error messages. */
  line: number;
  get(column: string): string;
}

/**
 * Parses TSV text with a header row. Blank lines and lines starting with '#' are skipped.
 * A row with more fields than the header, or missing a required column, is an error naming file and line.
 */
export function parseTsv(text: string, file: string, required: readonly string[] = []): TsvRow[] {
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    if (raw.trim() === "" || raw.startsWith("#")) continue;
    const fields = raw.split("\t");
    if (!header) {
      header = fields.map((f) => f.trim());
      for (const column of required) {
        if (!header.includes(column)) {
          throw new DyadError("E_DATA", `the header has no column '${column}'`, `${file}:${n + 1}`);
        }
      }
      continue;
    }
    if (fields.length > header.length) {
      throw new DyadError(
        "E_DATA",
        `${fields.length} fields, the header has ${header.length}`,
        `${file}:${n + 1}`,
      );
    }
    const index = new Map(header.map((h, i) => [h, i]));
    const values = fields.map((f) => f.trim());
    const line = n + 1;
    for (const column of required) {
      const v = values[index.get(column)!];
      if (v === undefined || v === "") {
        throw new DyadError("E_DATA", `the column '${column}' is empty`, `${file}:${line}`);
      }
    }
    rows.push({
      line,
      get(column: string) {
        const i = index.get(column);
        return i === undefined ? "" : (values[i] ?? "");
      },
    });
  }
  return rows;
}

/** Splits a '|'-separated list field, dropping empty items. */
export function list(field: string): string[] {
  return field
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
