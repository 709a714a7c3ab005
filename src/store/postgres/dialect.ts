// PostgreSQL's rendering of the store queries: tsvector search, date columns, date_trunc periods.
import type { Dialect } from "../sql.js";
import { toTsquery } from "../textquery.js";
import type { Period } from "../types.js";

export const postgresDialect: Dialect = {
  kind: "postgres",
  placeholder: (n) => `$${n}`,
  articleMatches: (p) => `ar.tsv @@ to_tsquery('english', ${p})`,
  quoteMatches: (p) => `q.tsv @@ to_tsquery('english', ${p})`,
  ftsQuery: toTsquery,
  dateText: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
  period(by: Period, column: string): string {
    if (by === "day") return `to_char(${column}, 'YYYY-MM-DD')`;
    if (by === "month") return `to_char(${column}, 'YYYY-MM')`;
    if (by === "year") return `to_char(${column}, 'YYYY')`;
    return `to_char(date_trunc('week', ${column}), 'YYYY-MM-DD')`;
  },
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  noLimit: "",
};
