// Finds and reads Dyad's data files. The only module of src/knowledge that touches the disk.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DyadError, toDyadError } from "../core/errors.js";

/** The data/ folder of this installation (works from src/ under tsx and from dist/ once built); DYAD_DATA_DIR overrides it. */
export const DATA_DIR = process.env.DYAD_DATA_DIR ?? fileURLToPath(new URL("../../data/", import.meta.url));

export interface DataFile {
  /** Path relative to the data folder, used in error messages ("data/verbs/04-consult.tsv"). */
  name: string;
  text: string;
}

/** A data folder that is missing, or a file in its place, is one clear error rather than a stack trace. */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir)) throw new DyadError("E_NOT_FOUND", "the data folder does not exist", dir);
  if (!statSync(dir).isDirectory()) throw new DyadError("E_DATA", "the data folder is not a folder", dir);
}

export function readDataFile(relative: string, dir = DATA_DIR): DataFile {
  const path = join(dir, relative);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const missing = typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ENOENT";
    throw missing
      ? new DyadError("E_NOT_FOUND", "a data file Dyad needs", path, { cause: e })
      : toDyadError(e, "E_DATA", path);
  }
  return { name: `data/${relative}`, text };
}

/** Every file with the given extension in a data sub-folder, sorted by name; empty if the folder is absent. */
export function readDataFolder(relative: string, ext: string, dir = DATA_DIR): DataFile[] {
  const folder = join(dir, relative);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith(ext))
    .sort()
    .map((n) => readDataFile(`${relative}/${n}`, dir));
}
