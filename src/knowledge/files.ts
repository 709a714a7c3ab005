// Finds and reads Dyad's data files. The only module of src/knowledge that touches the disk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The data/ folder of this installation (works from src/ under tsx and from dist/ once built); DYAD_DATA_DIR overrides it. */
export const DATA_DIR = process.env.DYAD_DATA_DIR ?? fileURLToPath(new URL("../../data/", import.meta.url));

export interface DataFile {
  /** Path relative to the data folder, used in error messages ("data/verbs/04-consult.tsv"). */
  name: string;
  text: string;
}

export function readDataFile(relative: string, dir = DATA_DIR): DataFile {
  return { name: `data/${relative}`, text: readFileSync(join(dir, relative), "utf8") };
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
