// Loads every data file once and compiles it into in-memory indexes.
import worldCountries from "world-countries";
import { DyadError } from "../core/errors.js";
import { type ActorKb, compileActors, type WorldCountry } from "./actors.js";
import {
  checkDataDir,
  DATA_DIR,
  type DataDirs,
  type DataFile,
  dataLayers,
  readDataFiles,
  readDataFolder,
} from "./files.js";
import { compileOntology, type Ontology } from "./ontology.js";
import { parseTsv } from "./tsv.js";
import { compileLexicon, type Discards, type Evaluative, type Lexicon } from "./verbs.js";

export interface Knowledge {
  ontology: Ontology;
  actors: ActorKb;
  lexicon: Lexicon;
  evaluative: Evaluative;
  discards: Discards;
  /** The data files read, as paths (`dyad kb check` lists them). */
  files?: readonly string[];
  /** Code prefix -> code of the announcement, for events in the future modality (data/intent.tsv). */
  intent: Map<string, string>;
  /** Code prefix -> code of the refusal, for refused acts (data/intent.tsv). */
  refusal: Map<string, string>;
}

function compileIntent(
  files: readonly DataFile[],
  ontology: Ontology,
): { intent: Map<string, string>; refusal: Map<string, string> } {
  const intent = new Map<string, string>();
  const refusal = new Map<string, string>();
  for (const file of files)
    for (const row of parseTsv(file.text, file.name, ["code"])) {
      const where = `${file.name}:${row.line}`;
      ontology.require(row.get("code"), where);
      for (const [column, map] of [
        ["intent", intent],
        ["refusal", refusal],
      ] as const) {
        const value = row.get(column);
        if (value === "") continue;
        ontology.require(value, where);
        map.set(row.get("code"), value);
      }
    }
  return { intent, refusal };
}

function compileEvaluative(files: readonly DataFile[]): Evaluative {
  const polarity = new Map<string, number>();
  for (const file of files)
    for (const row of parseTsv(file.text, file.name, ["word", "polarity"])) {
      const p = row.get("polarity");
      if (p !== "+" && p !== "-")
        throw new DyadError("E_DATA", `polarity must be + or -`, `${file.name}:${row.line}`);
      polarity.set(row.get("word").toLowerCase(), p === "+" ? 1 : -1);
    }
  return { polarity };
}

function compileDiscards(files: readonly DataFile[]): Discards {
  const out: Discards = { article: [], sentence: [] };
  for (const file of files)
    for (const row of parseTsv(file.text, file.name, ["phrase", "scope"])) {
      const scope = row.get("scope");
      if (scope !== "article" && scope !== "sentence") {
        throw new DyadError("E_DATA", `scope must be article or sentence`, `${file.name}:${row.line}`);
      }
      out[scope].push(row.get("phrase").toLowerCase());
    }
  return out;
}

/**
 * Reads and compiles data/ (or another folder with the same layout, or several stacked: each file is read in
 * every folder that has it, except cameo.tsv, which the top folder that has one gives whole). Throws E_DATA
 * naming file and line.
 */
export function loadKnowledge(dir: DataDirs = DATA_DIR): Knowledge {
  for (const layer of dataLayers(dir)) checkDataDir(layer);
  const files: DataFile[] = [];
  const read = (f: DataFile[]): DataFile[] => {
    files.push(...f);
    return f;
  };
  const cameos = readDataFiles("cameo.tsv", dir);
  const cameo = cameos[cameos.length - 1];
  if (!cameo) throw new DyadError("E_DATA", "no cameo.tsv in the knowledge folders", String(dir));
  files.push(cameo);
  const actors = compileActors({
    countriesBase: worldCountries as unknown as WorldCountry[],
    countries: read(readDataFiles("actors/countries.tsv", dir)),
    orgs: read(readDataFiles("actors/orgs.tsv", dir)),
    groups: read(readDataFiles("actors/groups.tsv", dir)),
    agents: read(readDataFiles("actors/agents.tsv", dir)),
    coded: read(readDataFiles("actors/coded.tsv", dir)),
    people: read(readDataFolder("actors/people", ".tsv", dir)),
  });
  const ontology = compileOntology(cameo.text, cameo.name);
  return {
    ontology,
    actors,
    lexicon: compileLexicon(read(readDataFolder("verbs", ".tsv", dir)), ontology),
    evaluative: compileEvaluative(read(readDataFiles("evaluative.tsv", dir))),
    discards: compileDiscards(read(readDataFiles("discards.tsv", dir))),
    ...compileIntent(read(readDataFiles("intent.tsv", dir)), ontology),
    files: files.map((f) => f.path ?? f.name),
  };
}
