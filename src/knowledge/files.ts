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
  /** Where the file was read from (`dyad kb check` lists these). */
  path?: string;
}

/**
 * The knowledge folders of a run, bottom first: one folder (data/, or a folder `dyad kb import` wrote), or
 * several stacked (`--kb +DIR`: the bundled data/ and DIR on top).
 */
export type DataDirs = string | readonly string[];

export function dataLayers(dirs: DataDirs = DATA_DIR): readonly string[] {
  return typeof dirs === "string" ? [dirs] : dirs;
}

/** A data folder that is missing, or a file in its place, is one clear error rather than a stack trace. */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir)) throw new DyadError("E_NOT_FOUND", "the data folder does not exist", dir);
  if (!statSync(dir).isDirectory()) throw new DyadError("E_DATA", "the data folder is not a folder", dir);
}

function displayName(relative: string, dir: string): string {
  return join(dir) === join(DATA_DIR) ? `data/${relative}` : join(dir, relative);
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
  return { name: displayName(relative, dir), text, path };
}

/** The file in every layer that has it, bottom first. */
export function readDataFiles(relative: string, dirs: DataDirs = DATA_DIR): DataFile[] {
  return dataLayers(dirs)
    .filter((d) => existsSync(join(d, relative)))
    .map((d) => readDataFile(relative, d));
}

/** Every file with the given extension in a data sub-folder, sorted by name; empty if the folder is absent. */
export function readDataFolder(relative: string, ext: string, dirs: DataDirs = DATA_DIR): DataFile[] {
  return dataLayers(dirs).flatMap((dir) => {
    const folder = join(dir, relative);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((n) => n.endsWith(ext))
      .sort()
      .map((n) => readDataFile(`${relative}/${n}`, dir));
  });
}
