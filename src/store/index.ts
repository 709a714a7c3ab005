// The event store: one interface, two backends. openStore picks the backend from the URL.
import { DyadError } from "../core/errors.js";
import { redactUrl } from "./fail.js";
import type { Store } from "./types.js";

export type * from "./types.js";

/** Where the store lives when --db is not given. */
export const DEFAULT_STORE = "./dyad.db";

export type StoreKind = "sqlite" | "postgres";

/** The backend a URL names: postgres:// or postgresql:// for PostgreSQL, sqlite: or a file path for SQLite. */
export function storeKind(url: string): StoreKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^sqlite:/i.test(url)) return "sqlite";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new DyadError("E_STORE_URL", redactUrl(url));
  return "sqlite";
}

export { redactUrl };

/**
 * Opens (and migrates) a store: `./dyad.db`, `sqlite:PATH`, or `postgres://user:pass@host:port/db[?schema=name]`.
 */
export async function openStore(
  url: string = DEFAULT_STORE,
  options: { readonly?: boolean } = {},
): Promise<Store> {
  if (storeKind(url) === "postgres") {
    const { openPostgresStore } = await import("./postgres/index.js");
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import("./sqlite/index.js");
  return openSqliteStore(url, options);
}

/**
 * Runs fn with a store opened for reading and closes it afterwards, whatever happens. A SQLite store must
 * exist (only ingest creates one) and is opened read-only.
 */
export async function withStore<T>(url: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url ?? DEFAULT_STORE, { readonly: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
