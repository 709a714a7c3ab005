// SQLite's rendering of the store queries: FTS5 tables, text dates, strftime periods.
import type { Dialect } from "../sql.js";
import { toFts5 } from "../textquery.js";
import type { Period } from "../types.js";

export const sqliteDialect: Dialect = {
  kind: "sqlite",
  placeholder: () => "?",
  articleMatches: (p) => `ar.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${p})`,
  quoteMatches: (p) => `q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${p})`,
  ftsQuery: toFts5,
  dateText: (column) => column,
  period(by: Period, column: string): string {
    if (by === "day") return column;
    if (by === "month") return `substr(${column}, 1, 7)`;
    if (by === "year") return `substr(${column}, 1, 4)`;
    return `date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`;
  },
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  noLimit: " LIMIT -1",
};
