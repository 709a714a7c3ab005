// Store errors carry the query that failed and the store's location.
import { DyadError, type ErrorCode } from "../core/errors.js";

export function storeError(code: ErrorCode, query: string, location: string, e: unknown): DyadError {
  if (e instanceof DyadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DyadError(code, `${query}: ${message}`, location, { cause: e });
}
