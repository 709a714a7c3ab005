// dyad eval --petrarch-suite FILE.xml: PETRARCH's unit-test records coded by Dyad with the dictionaries
// the file names, converted into Dyad's format (the Penn Treebank parses in the file are not read).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DyadError } from "../../core/errors.js";
import type { Article } from "../../core/types.js";
import {
  codingsOf,
  parseSuite,
  type RecordResult,
  type SuiteEvent,
  type SuiteScore,
  scoreRecord,
  scoreSuite,
} from "../../eval/petrarch-suite.js";
import { renderTable } from "../table.js";
import { importPetrarch } from "./kb-petrarch.js";

export interface SuiteRun {
  score: SuiteScore;
  results: RecordResult[];
}

/** Converts the suite's dictionaries into a temporary knowledge folder and codes every record with it. */
export async function runSuite(file: string): Promise<SuiteRun> {
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch (e) {
    const missing = e instanceof Error && "code" in e && e.code === "ENOENT";
    throw new DyadError(missing ? "E_NOT_FOUND" : "E_READ", undefined, file, { cause: e });
  }
  const suite = parseSuite(xml, file);
  const at = (f: string | undefined) => (f ? [join(dirname(file), f)] : undefined);
  const dir = mkdtempSync(join(tmpdir(), "dyad-petrarch-"));
  try {
    importPetrarch(
      {
        verbs: at(suite.files.verbs),
        actors: at(suite.files.actors),
        agents: at(suite.files.agents),
        discards: at(suite.files.discards),
      },
      dir,
      { lenient: true },
    );
    const { createDyad } = await import("../../pipeline/dyad.js");
    const dyad = createDyad({ dataDir: dir });
    const articles: Article[] = suite.records.map((r) => ({
      id: r.id,
      date: r.date,
      text: r.text,
      origin: `${file}:${r.line}`,
    }));
    const coded = dyad.codeMany(articles);
    const results = suite.records.map((r, k) => {
      const c = coded[k];
      return scoreRecord(r, c.ok ? codingsOf(c.record) : []);
    });
    return { score: scoreSuite(results), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function eventText(e: SuiteEvent): string {
  return `${e.source} ${e.code} ${e.target}`;
}

export function renderSuite(run: SuiteRun, options: { show?: boolean; limit?: number } = {}): string {
  const s = run.score;
  const f = (x: number) => x.toFixed(3);
  let out = renderTable(
    ["records", "fully right", "events expected", "coded", "right", "precision", "recall", "F1"],
    [
      [
        String(s.records),
        String(s.recordsRight),
        String(s.expected),
        String(s.predicted),
        String(s.right),
        f(s.precision),
        f(s.recall),
        f(s.f1),
      ],
    ],
  );
  out += "\n";
  out += renderTable(
    ["category", "records", "fully right"],
    [...s.byCategory.entries()].map(([c, v]) => [c, String(v.records), String(v.right)]),
  );
  out += "\n";
  out += renderTable(
    ["failure", "records", "first records"],
    [...s.byFailure.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([kind, rs]) => [
        kind,
        String(rs.length),
        rs
          .slice(0, 6)
          .map((r) => r.record.id)
          .join(" "),
      ]),
  );
  if (options.show) {
    const failed = run.results.filter((r) => !r.ok).slice(0, options.limit ?? Number.POSITIVE_INFINITY);
    for (const r of failed) {
      out += `\n${r.record.id} (${r.failure}): ${r.record.text}\n`;
      out += `  expected: ${r.record.expected.map(eventText).join("; ") || `none (${r.record.expectsNone})`}\n`;
      out += `  coded:    ${r.predicted.map(eventText).join("; ") || "none"}\n`;
    }
  }
  return out;
}
