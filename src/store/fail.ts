// Store errors carry the query that failed and the store's location.
import { DyadError, type ErrorCode } from "../core/errors.js";

export function storeError(code: ErrorCode, query: string, location: string, e: unknown): DyadError {
  if (e instanceof DyadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DyadError(code, `${query}: ${message}`, location, { cause: e });
}

/**
 * A store URL without its password, for messages: whatever the scheme, and whatever the password holds
 * ("@", "/", ":"), everything between the user's ":" and the last "@" is hidden.
 */
export function redactUrl(url: string): string {
  const scheme = url.indexOf("://");
  if (scheme === -1) return url;
  const rest = url.slice(scheme + 3);
  const at = rest.lastIndexOf("@");
  if (at === -1) return url;
  const colon = rest.indexOf(":");
  if (colon === -1 || colon > at) return url;
  return `${url.slice(0, scheme + 3)}${rest.slice(0, colon)}:***${rest.slice(at)}`;
}
