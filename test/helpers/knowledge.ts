// Builds a small Knowledge from inline data files, so tests state exactly what Dyad knows.
import { readFileSync } from "node:fs";
import worldCountries from "world-countries";
import { compileActors, type WorldCountry } from "../../src/knowledge/actors.js";
import type { Knowledge } from "../../src/knowledge/index.js";
import { compileOntology } from "../../src/knowledge/ontology.js";
import { compileLexicon } from "../../src/knowledge/verbs.js";

const cameo = readFileSync(new URL("../../data/cameo.tsv", import.meta.url), "utf8");

export interface InlineData {
  people?: string;
  agents?: string;
  orgs?: string;
  groups?: string;
  countries?: string;
  verbs?: string;
  evaluative?: Record<string, 1 | -1>;
  discards?: { article?: string[]; sentence?: string[] };
  intent?: Record<string, string>;
  refusal?: Record<string, string>;
}

const PEOPLE_HEADER = "person\tname\taliases\tcountry\trole\toffice\tstart\tend\n";
const AGENTS = `phrase\tplurals\tsector\ttitle
prime minister\t\tGOV\tyes
president\t\tGOV\tyes
leader\t\tGOV\tyes
foreign minister\t\tGOV\tyes
government\t\tGOV\tno
regime\t\tGOV\tno
police\tpolice\tCOP\tno
protester\t\tCVL\tno
troops\ttroops\tMIL\tno
negotiator\t\tGOV\tno
official\t\tGOV\tno
`;

/** Rows are "person|name|aliases|country|role|office|start|end", one per line. */
export function people(rows: string): string {
  return (
    PEOPLE_HEADER +
    rows
      .trim()
      .split("\n")
      .map((r) => r.trim().split("|").join("\t"))
      .join("\n")
  );
}

/** Rows are "code|pattern|flags". */
export function verbs(rows: string): string {
  return `code\tpattern\tflags\texample\n${rows
    .trim()
    .split("\n")
    .map((r) => r.trim().split("|").join("\t"))
    .join("\n")}\n`;
}

export function inlineKnowledge(data: InlineData): Knowledge {
  const ontology = compileOntology(cameo);
  return {
    ontology,
    actors: compileActors({
      countriesBase: worldCountries as unknown as WorldCountry[],
      countries: data.countries ? [{ name: "countries.tsv", text: data.countries }] : undefined,
      orgs: data.orgs ? [{ name: "orgs.tsv", text: data.orgs }] : undefined,
      groups: data.groups ? [{ name: "groups.tsv", text: data.groups }] : undefined,
      agents: [{ name: "agents.tsv", text: data.agents ?? AGENTS }],
      people: data.people ? [{ name: "people.tsv", text: data.people }] : [],
    }),
    lexicon: compileLexicon(data.verbs ? [{ name: "verbs.tsv", text: data.verbs }] : [], ontology),
    evaluative: { polarity: new Map(Object.entries(data.evaluative ?? {})) },
    discards: { article: data.discards?.article ?? [], sentence: data.discards?.sentence ?? [] },
    intent: new Map(Object.entries(data.intent ?? {})),
    refusal: new Map(Object.entries(data.refusal ?? {})),
  };
}
