// Loads every data file once and compiles it into in-memory indexes.
import { existsSync } from "node:fs";
import { join } from "node:path";
import worldCountries from "world-countries";
import { DyadError } from "../core/errors.js";
import { type ActorKb, compileActors, type WorldCountry } from "./actors.js";
import { checkDataDir, DATA_DIR, type DataFile, readDataFile, readDataFolder } from "./files.js";
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
  file: DataFile | undefined,
  ontology: Ontology,
): { intent: Map<string, string>; refusal: Map<string, string> } {
  const intent = new Map<string, string>();
  const refusal = new Map<string, string>();
  if (!file) return { intent, refusal };
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

function compileEvaluative(file: DataFile | undefined): Evaluative {
  const polarity = new Map<string, number>();
  if (!file) return { polarity };
  for (const row of parseTsv(file.text, file.name, ["word", "polarity"])) {
    const p = row.get("polarity");
    if (p !== "+" && p !== "-")
      throw new DyadError("E_DATA", `polarity must be + or -`, `${file.name}:${row.line}`);
    polarity.set(row.get("word").toLowerCase(), p === "+" ? 1 : -1);
  }
  return { polarity };
}

function compileDiscards(file: DataFile | undefined): Discards {
  const out: Discards = { article: [], sentence: [] };
  if (!file) return out;
  for (const row of parseTsv(file.text, file.name, ["phrase", "scope"])) {
    const scope = row.get("scope");
    if (scope !== "article" && scope !== "sentence") {
      throw new DyadError("E_DATA", `scope must be article or sentence`, `${file.name}:${row.line}`);
    }
    out[scope].push(row.get("phrase").toLowerCase());
  }
  return out;
}

function optional(relative: string, dir: string): DataFile | undefined {
  return existsSync(join(dir, relative)) ? readDataFile(relative, dir) : undefined;
}

/** Reads and compiles data/ (or another folder with the same layout). Throws E_DATA naming file and line. */
export function loadKnowledge(dir: string = DATA_DIR): Knowledge {
  checkDataDir(dir);
  const files: DataFile[] = [];
  const read = <T extends DataFile | DataFile[] | undefined>(f: T): T => {
    if (Array.isArray(f)) files.push(...f);
    else if (f) files.push(f);
    return f;
  };
  const cameo = read(readDataFile("cameo.tsv", dir));
  const actors = compileActors({
    countriesBase: worldCountries as unknown as WorldCountry[],
    countries: read(optional("actors/countries.tsv", dir)),
    orgs: read(optional("actors/orgs.tsv", dir)),
    groups: read(optional("actors/groups.tsv", dir)),
    agents: read(optional("actors/agents.tsv", dir)),
    people: read(readDataFolder("actors/people", ".tsv", dir)),
  });
  const ontology = compileOntology(cameo.text, cameo.name);
  return {
    ontology,
    actors,
    lexicon: compileLexicon(read(readDataFolder("verbs", ".tsv", dir)), ontology),
    evaluative: compileEvaluative(read(optional("evaluative.tsv", dir))),
    discards: compileDiscards(read(optional("discards.tsv", dir))),
    ...compileIntent(read(optional("intent.tsv", dir)), ontology),
    files: files.map((f) => join(dir, f.name.replace(/^data\//, ""))),
  };
}
