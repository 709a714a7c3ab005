// dyad kb: check the data files; import office-holders from Wikidata.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import { coverage } from "../../knowledge/coverage.js";
import { DATA_DIR } from "../../knowledge/files.js";
import { loadKnowledge } from "../../knowledge/index.js";
import { mergePeople, parseWikidataPositions, WIKIDATA_QUERY } from "../../knowledge/wikidata.js";
import { type Io, plural } from "../io.js";
import { renderTable } from "../table.js";

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
    .description("merge office-holders from a Wikidata SPARQL JSON result into a people file")
    .argument("<source>", "only 'wikidata' for now")
    .argument("<file>", "the JSON a Wikidata SPARQL query returned (the query: dyad kb query)")
    .option("--into <tsv>", "people file to merge into", join(DATA_DIR, "actors/people/wikidata.tsv"))
    .action((source: string, file: string, opts: { into: string }) => {
      if (source !== "wikidata") throw new DyadError("E_USAGE", `unknown source '${source}' (wikidata)`);
      if (!existsSync(file)) throw new DyadError("E_NOT_FOUND", undefined, file);
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
      const existing = existsSync(opts.into) ? readFileSync(opts.into, "utf8") : "";
      const merged = mergePeople(existing, rows);
      writeFileSync(opts.into, merged.text);
      // Validate the result the way every run will load it.
      loadKnowledge();
      io.out(
        `${opts.into}: ${plural(merged.added, "term")} added, ${merged.updated} updated, ${merged.unchanged} unchanged\n`,
      );
    });
  kb.command("query")
    .description("print the Wikidata SPARQL query whose JSON result `dyad kb import wikidata` reads")
    .action(() => io.out(`${WIKIDATA_QUERY}\n`));
  return kb;
}
