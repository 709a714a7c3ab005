// dyad kb: check the data files; import office-holders from Wikidata.
import type { Command } from "commander";
import { coverage } from "../../knowledge/coverage.js";
import { loadKnowledge } from "../../knowledge/index.js";
import type { Io } from "../io.js";
import { renderTable } from "../table.js";

export function registerKb(program: Command, io: Io): Command {
  const kb = program.command("kb").description("the knowledge base: check data files, import from Wikidata");
  kb.command("check")
    .description("validate every data file and print coverage counts")
    .option("--data <dir>", "data folder (default: the installation's data/)")
    .option("--date <YYYY-MM-DD>", "date for the heads-of-state count", new Date().toISOString().slice(0, 10))
    .action((opts: { data?: string; date: string }) => {
      const c = coverage(loadKnowledge(opts.data));
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
  return kb;
}
