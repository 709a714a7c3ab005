// Versioned schema migrations: NNN_name.sql files per backend, applied in order on open.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DyadError } from "../core/errors.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * The folder of a backend's .sql files. They ship as sources: next to this module under tsx, and in
 * src/store/migrations when running from dist/ (tsc does not copy them).
 */
export function migrationsDir(kind: "sqlite" | "postgres"): string {
  const candidates = [
    new URL(`./migrations/${kind}/`, import.meta.url),
    new URL(`../../src/store/migrations/${kind}/`, import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(dir));
  if (!found)
    throw new DyadError("E_STORE_MIGRATION", `no migrations folder; looked in ${candidates.join(", ")}`);
  return found;
}

export function loadMigrations(kind: "sqlite" | "postgres", dir = migrationsDir(kind)): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".sql")) continue;
    const m = FILE.exec(file);
    if (!m)
      throw new DyadError(
        "E_STORE_MIGRATION",
        `bad migration file name (want NNN_name.sql)`,
        join(dir, file),
      );
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) {
      throw new DyadError("E_STORE_MIGRATION", `two migrations with version ${version}`, join(dir, file));
    }
    out.push({ version, name: m[2], sql: readFileSync(join(dir, file), "utf8") });
  }
  return out;
}

/** The migrations still to apply; refuses a store that a newer Dyad has migrated further. */
export function pending(
  all: readonly Migration[],
  applied: readonly number[],
  location: string,
): Migration[] {
  const known = new Set(all.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new DyadError("E_STORE_VERSION", `unknown schema version(s) ${unknown.join(", ")}`, location);
  }
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version));
}
