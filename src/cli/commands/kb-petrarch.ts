// dyad kb import petrarch: PETRARCH/TABARI dictionaries -> a knowledge folder in Dyad's own format.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DyadError } from "../../core/errors.js";
import { DATA_DIR, readDataFile } from "../../knowledge/files.js";
import { readActorDictionary } from "../../knowledge/petrarch/actors.js";
import { readAgentDictionary } from "../../knowledge/petrarch/agents.js";
import { type Converted, convertPetrarch } from "../../knowledge/petrarch/convert.js";
import { readDiscardDictionary } from "../../knowledge/petrarch/discards.js";
import { readVerbDictionary } from "../../knowledge/petrarch/verbs.js";

export interface PetrarchFiles {
  verbs?: readonly string[];
  actors?: readonly string[];
  agents?: readonly string[];
  discards?: readonly string[];
}

export interface Imported {
  converted: Converted;
  /** Bad lines skipped under --lenient, each naming its file and line. */
  errors: DyadError[];
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const missing = e instanceof Error && "code" in e && e.code === "ENOENT";
    throw new DyadError(missing ? "E_NOT_FOUND" : "E_READ", undefined, file, { cause: e });
  }
}

/**
 * Reads the dictionaries, converts them and writes the files into `into` (created if needed). Errors name
 * the dictionary's file and line; with `lenient`, bad lines are skipped and returned.
 */
export function importPetrarch(
  files: PetrarchFiles,
  into: string,
  options: { lenient?: boolean } = {},
): Imported {
  const name = (f: string) => basename(f);
  const verbs = (files.verbs ?? []).map((f) => readVerbDictionary(read(f), name(f), options));
  const actors = (files.actors ?? []).map((f) => readActorDictionary(read(f), name(f), options));
  const agents = (files.agents ?? []).map((f) => readAgentDictionary(read(f), name(f), options));
  const discards = (files.discards ?? []).map((f) => readDiscardDictionary(read(f), name(f), options));
  const converted = convertPetrarch({
    verbs,
    actors,
    agents,
    discards,
    cameo: readDataFile("cameo.tsv", DATA_DIR).text,
  });
  for (const [relative, text] of converted.files) {
    const path = join(into, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { converted, errors: [...verbs, ...actors, ...agents, ...discards].flatMap((d) => d.errors) };
}
