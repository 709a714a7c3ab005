// Loads every data file once and compiles it into in-memory indexes.
import { readDataFile } from "./files.js";
import { compileOntology, type Ontology } from "./ontology.js";

export interface Knowledge {
  ontology: Ontology;
}

/** Reads and compiles data/ (or another folder with the same layout). Throws E_DATA naming file and line. */
export function loadKnowledge(dir?: string): Knowledge {
  const cameo = readDataFile("cameo.tsv", dir);
  return { ontology: compileOntology(cameo.text, cameo.name) };
}
