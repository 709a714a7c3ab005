// Loads every data file once and compiles it into in-memory indexes.
import { existsSync } from "node:fs";
import { join } from "node:path";
import worldCountries from "world-countries";
import { type ActorKb, compileActors, type WorldCountry } from "./actors.js";
import { DATA_DIR, type DataFile, readDataFile, readDataFolder } from "./files.js";
import { compileOntology, type Ontology } from "./ontology.js";

export interface Knowledge {
  ontology: Ontology;
  actors: ActorKb;
}

function optional(relative: string, dir: string): DataFile | undefined {
  return existsSync(join(dir, relative)) ? readDataFile(relative, dir) : undefined;
}

/** Reads and compiles data/ (or another folder with the same layout). Throws E_DATA naming file and line. */
export function loadKnowledge(dir: string = DATA_DIR): Knowledge {
  const cameo = readDataFile("cameo.tsv", dir);
  const actors = compileActors({
    countriesBase: worldCountries as unknown as WorldCountry[],
    countries: optional("actors/countries.tsv", dir),
    orgs: optional("actors/orgs.tsv", dir),
    groups: optional("actors/groups.tsv", dir),
    agents: optional("actors/agents.tsv", dir),
    people: readDataFolder("actors/people", ".tsv", dir),
  });
  return { ontology: compileOntology(cameo.text, cameo.name), actors };
}
