// --kb DIR / --kb +DIR: the knowledge a coding command uses instead of, or on top of, the bundled data/.
import { existsSync } from "node:fs";
import { DyadError } from "../../core/errors.js";
import { DATA_DIR, type DataDirs } from "../../knowledge/files.js";

export const KB_OPTION = "--kb <dir>";
export const KB_HELP =
  "knowledge folder to code with instead of the bundled data/ (a folder `dyad kb import` wrote); +DIR: on top of it";

/** The knowledge folders of --kb, bottom first; undefined without the option (the bundled data/). */
export function kbDirs(value: string | undefined): DataDirs | undefined {
  if (value === undefined) return undefined;
  const on = value.startsWith("+");
  const dir = on ? value.slice(1) : value;
  if (dir === "") throw new DyadError("E_USAGE", "--kb needs a folder (DIR or +DIR)");
  if (!existsSync(dir)) throw new DyadError("E_NOT_FOUND", "no such knowledge folder", dir);
  return on ? [DATA_DIR, dir] : dir;
}
