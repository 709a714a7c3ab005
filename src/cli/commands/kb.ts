// dyad kb: check the data files; import office-holders from Wikidata.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import { coverage } from "../../knowledge/coverage.js";
import { DATA_DIR } from "../../knowledge/files.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { mergePeople, parseWikidataPositions, WIKIDATA_QUERY } from "../../knowledge/wikidata.js";
import { type Io, plural } from "../io.js";
import { renderTable } from "../table.js";
import { importPetrarch } from "./kb-petrarch.js";

interface ImportOptions {
  into?: string;
  verbs?: string[];
  actors?: string[];
  agents?: string[];
  discards?: string[];
  lenient?: boolean;
}

function importPetrarchCommand(io: Io, opts: ImportOptions): void {
  if (!opts.into) throw new DyadError("E_USAGE", "dyad kb import petrarch: --into DIR is required");
  // The import writes whole files (cameo.tsv, discards.tsv): never over Dyad's own folder.
  if (resolve(opts.into) === resolve(DATA_DIR)) {
    throw new DyadError(
      "E_USAGE",
      "dyad kb import petrarch: --into must be a new folder, not Dyad's own data/",
    );
  }
  if (!opts.verbs && !opts.actors && !opts.agents && !opts.discards) {
    throw new DyadError("E_USAGE", "dyad kb import petrarch: give --verbs, --actors, --agents or --discards");
  }
  const { converted, errors } = importPetrarch(opts, opts.into, { lenient: opts.lenient });
  for (const e of errors) io.err(`skipped: ${e.message}\n`);
  // The folder must load the way `dyad code --kb` will load it.
  loadKnowledge(opts.into);
  const c = converted.counts;
  io.out(
    `${opts.into}: ${c.patterns} verb patterns, ${c.actors} actors, ${c.agents} agents, ${c.discards} discards, ` +
      `${c.codes} codes added to cameo.tsv; ${errors.length} malformed lines skipped, ` +
      `${converted.skipped.length} entries without an equivalent\n`,
  );
  for (const s of converted.skipped.slice(0, 20)) io.err(`not converted: ${s.origin}: ${s.reason}\n`);
  if (converted.skipped.length > 20) io.err(`not converted: ... and ${converted.skipped.length - 20} more\n`);
}

export function registerKb(program: Command, io: Io): Command {
  const kb = program.command("kb").description("the knowledge base: check data files, import from Wikidata");
  kb.command("check")
    .description("validate every data file and print coverage counts")
    .option("--data <dir>", "data folder (default: the installation's data/)")
    .option("--date <YYYY-MM-DD>", "date for the heads-of-state count", new Date().toISOString().slice(0, 10))
    .action((opts: { data?: string; date: string }) => {
      const knowledge = loadKnowledge(opts.data);
      const files = knowledge.files ?? [];
      io.out(`${plural(files.length, "data file")} read from ${opts.data ?? DATA_DIR}:\n`);
      for (const f of files) io.out(`  ${f}\n`);
      io.out("\n");
      const c = coverage(knowledge);
      const heads = c.bodiesHeldOn(opts.date);
      io.out(
        renderTable(
          ["what", "count"],
          [
            ["countries and territories", String(c.countries)],
            ["regions", String(c.regions)],
            ["international bodies", String(c.orgs)],
            ["groups", String(c.groups)],
            ["people", String(c.people)],
            ["terms of office", String(c.terms)],
            [`countries with a head of state or government on ${opts.date}`, String(c.headsOn(opts.date))],
            ["office-holders of international bodies", String(c.international.people)],
            ["their terms of office", String(c.international.terms)],
            ["international bodies with office-holders", String(c.international.bodies)],
            [
              `international bodies with an office-holder on ${opts.date}`,
              `${heads.covered}${heads.missing.length ? ` (none for: ${heads.missing.join(", ")})` : ""}`,
            ],
            ["agents", String(c.agents)],
            ["actor codes of imported dictionaries (actors/coded.tsv)", String(c.coded)],
            ["verb patterns", String(c.patterns)],
            ["evaluative words", String(c.evaluative)],
            ["discard phrases", String(c.discards)],
          ],
        ),
      );
      io.out("\n");
      io.out(
        renderTable(
          ["continent", "countries", "people", "terms"],
          Object.entries(c.continents)
            .sort()
            .map(([k, v]) => [k, String(v.countries), String(v.people), String(v.terms)]),
        ),
      );
      io.out("\n");
      io.out(
        renderTable(
          ["root", "patterns"],
          Object.entries(c.patternsByRoot)
            .sort()
            .map(([k, v]) => [k, String(v)]),
        ),
      );
    });
  kb.command("import")
    .description(
      "import: office-holders from a Wikidata SPARQL JSON result into a people file (wikidata FILE), or " +
        "PETRARCH/TABARI dictionaries into a new knowledge folder (petrarch --verbs F --actors F... --into DIR)",
    )
    .argument("<source>", "wikidata | petrarch")
    .argument("[file]", "wikidata: the JSON a Wikidata SPARQL query returned (the query: dyad kb query)")
    .option(
      "--into <path>",
      "wikidata: people file to merge into (default data/actors/people/wikidata.tsv); petrarch: the knowledge folder to write",
    )
    .option("--verbs <files...>", "petrarch: verb dictionaries")
    .option("--actors <files...>", "petrarch: actor dictionaries")
    .option("--agents <files...>", "petrarch: agent dictionaries")
    .option("--discards <files...>", "petrarch: discard files")
    .option("--lenient", "petrarch: skip malformed dictionary lines (each reported) instead of stopping")
    .action((source: string, file: string | undefined, opts: ImportOptions) => {
      if (source === "petrarch") {
        importPetrarchCommand(io, opts);
        return;
      }
      if (source !== "wikidata")
        throw new DyadError("E_USAGE", `unknown source '${source}' (wikidata, petrarch)`);
      if (!file) throw new DyadError("E_USAGE", "dyad kb import wikidata FILE: the JSON file is missing");
      if (!existsSync(file)) throw new DyadError("E_NOT_FOUND", undefined, file);
      const into = opts.into ?? join(DATA_DIR, "actors/people/wikidata.tsv");
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new DyadError("E_DATA", e instanceof Error ? e.message : String(e), file);
      }
      const rows = parseWikidataPositions(json, file).map((r) => ({
        ...r,
        office: r.office.replace(/ of .*$/, ""),
      }));
      const existing = existsSync(into) ? readFileSync(into, "utf8") : "";
      const merged = mergePeople(existing, rows);
      writeFileSync(into, merged.text);
      // Validate the result the way every run will load it.
      loadKnowledge();
      io.out(
        `${into}: ${plural(merged.added, "term")} added, ${merged.updated} updated, ${merged.unchanged} unchanged\n`,
      );
    });
  kb.command("query")
    .description("print the Wikidata SPARQL query whose JSON result `dyad kb import wikidata` reads")
    .action(() => io.out(`${WIKIDATA_QUERY}\n`));
  return kb;
}
