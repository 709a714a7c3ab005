// dyad eval: code every item of gold files, score them, print a report; optionally raise the baseline.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { DyadError, toDyadError } from "../../core/errors.js";
import type { CodedArticle } from "../../core/types.js";
import { type Figures, figuresOf, parseBaseline, raiseBaseline } from "../../eval/baseline.js";
import { type GoldItem, parseGoldLines } from "../../eval/gold.js";
import {
  goldLabelText,
  type ItemView,
  labelRows,
  type PairView,
  type SetView,
  setView,
} from "../../eval/report.js";
import { type SetScore, scoreSet } from "../../eval/score.js";
import type { Dyad } from "../../pipeline/dyad.js";
import { EXIT } from "../exit.js";
import { type Io, plural, reportError } from "../io.js";
import { createProgress } from "../progress.js";
import { renderTable } from "../table.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";

export type Show = "misses" | "errors" | "all";

export interface SetResult {
  file: string;
  /** The file name, the key of the baseline. */
  name: string;
  gold: GoldItem[];
  /** Malformed gold items left out. */
  skipped: number;
  score: SetScore;
}

/** Reads and parses a gold file; a missing file stops the run, a malformed item is returned as an error. */
export async function readGold(file: string): Promise<{ items: GoldItem[]; errors: DyadError[] }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const missing = e instanceof Error && "code" in e && e.code === "ENOENT";
    throw missing
      ? new DyadError("E_NOT_FOUND", undefined, file, { cause: e })
      : toDyadError(e, "E_READ", file);
  }
  return parseGoldLines(text, file);
}

/** A record for an item the pipeline failed on: no events, the error kept, so the item scores as missed. */
function failedRecord(item: GoldItem, error: DyadError): CodedArticle {
  return {
    id: item.id,
    date: item.date,
    title: item.title ?? null,
    url: item.url ?? null,
    events: [],
    quotes: [],
    errors: [{ code: error.code, message: error.message, origin: item.origin }],
  };
}

/**
 * Codes every item of a gold file with `dyad` and scores it. Malformed gold items are reported and left out;
 * items the pipeline fails on are reported and scored as coded empty.
 */
export async function evaluateGoldFile(
  file: string,
  dyad: Dyad,
  onError: (error: DyadError) => void = () => {},
): Promise<SetResult> {
  const { items, errors } = await readGold(file);
  errors.forEach(onError);
  const progress = createProgress(`eval ${basename(file)}`);
  const entries = items.map((gold) => {
    let predicted: CodedArticle;
    try {
      predicted = dyad.code({ id: gold.id, date: gold.date, text: gold.text, origin: gold.origin });
    } catch (e) {
      const error = toDyadError(e, "E_PIPELINE_RUN", gold.origin);
      onError(error);
      predicted = failedRecord(gold, error);
    }
    progress.tick(1, predicted.events.length);
    return { gold, predicted };
  });
  progress.stop();
  return { file, name: basename(file), gold: items, skipped: errors.length, score: scoreSet(entries) };
}

const f3 = (x: number | null) => (x === null ? "-" : x.toFixed(3));

function pairLine(p: PairView): string {
  const modality = p.modality === "asserted" ? "" : ` ${p.modality}`;
  const confidence = p.confidence === null ? "" : ` conf ${p.confidence.toFixed(2)}`;
  const actors = `${p.sourceActors.join("+") || "-"} -> ${p.targetActors.join("+") || "-"}`;
  return (
    `${p.source || "*"} -> ${p.target || "*"} ${p.code} ${p.name}${p.plover ? ` [${p.plover}]` : ""}` +
    `${modality}${confidence}  (${actors}; s${p.sentence} "${p.trigger}"; rule ${p.rule})`
  );
}

function clip(text: string, n: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** The figures without statements, or why there are none to add. */
function statementLine(view: SetView): string {
  const w = view.withoutStatements;
  if (!view.statementsCoded) {
    return (
      `statements not coded in this gold: ${plural(view.statements, "predicted statement")} ` +
      "left out (neither right nor wrong)"
    );
  }
  return (
    `no stmts   P ${f3(w.precision)}  R ${f3(w.recall)}  F1 ${f3(w.f1)}   TP ${w.tp}  FP ${w.fp}  FN ${w.fn}` +
    `   (statements, root 01, removed from gold and predictions; ${w.statements} predicted left out)`
  );
}

function renderSummary(view: SetView): string {
  const lines = [
    `== ${view.name}: ${plural(view.items, "item")}` +
      `${view.skipped ? `, ${view.skipped} malformed left out` : ""}` +
      `${view.failed ? `, ${view.failed} with coding errors` : ""} ==`,
    `events     P ${f3(view.precision)}  R ${f3(view.recall)}  F1 ${f3(view.f1)}   ` +
      `TP ${view.tp}  FP ${view.fp}  FN ${view.fn}`,
    `           optional events matched ${view.optional}; predictions not counted ` +
      `(negated, hypothetical, historical) ${view.uncounted}`,
    statementLine(view),
    `forbidden  ${view.forbidden}`,
    `quotes     ${view.quotes.total === 0 ? "no quotes in the gold" : `recall ${f3(view.quoteRecall)} (${view.quotes.found} of ${view.quotes.total})`}`,
  ];
  for (const item of view.perItem) {
    for (const hit of item.forbidden) {
      lines.push(`  ! ${item.id}: ${pairLine(hit.prediction)} matches forbid ${goldLabelText(hit.forbid)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderLabels(view: SetView): string {
  const rows = labelRows(view.confusion);
  if (rows.length === 0) return "";
  const unit = view.scheme === "plover" ? "PLOVER type" : "root";
  const table = renderTable(
    [unit, "gold", "right", "coded as", "missed", "predicted", "false alarms", "P", "R"],
    rows.map((r) => [
      r.label,
      String(r.gold),
      String(r.right),
      Object.entries(r.asOther)
        .sort((a, b) => b[1] - a[1])
        .map(([label, n]) => `${label}:${n}`)
        .join(" ") || "-",
      String(r.missed),
      String(r.predicted),
      String(r.falseAlarms),
      f3(r.precision),
      f3(r.recall),
    ]),
  );
  return `\nby ${unit} (gold vs predicted)\n${table}`;
}

function renderCalibration(view: SetView): string {
  const rows = view.calibration.filter((b) => b.label !== "none" || b.predictions > 0);
  if (rows.every((b) => b.predictions === 0)) return "\nconfidence  no counted predictions\n";
  const table = renderTable(
    ["confidence", "predictions", "right", "precision"],
    rows.map((b) => [b.label, String(b.predictions), String(b.right), f3(b.precision)]),
  );
  return `\nconfidence calibration (counted predictions)\n${table}`;
}

function itemDetails(item: ItemView, text: string, show: Show): string | null {
  const lines: string[] = [];
  if (show === "all") {
    for (const m of item.matched) {
      lines.push(
        `  ${m.optional ? "optional" : "found   "} ${goldLabelText(m.gold)}  <= ${pairLine(m.prediction)}`,
      );
    }
  }
  if (show !== "errors") {
    for (const gold of item.missed) lines.push(`  missed   ${goldLabelText(gold)}`);
    for (const p of item.unmatched) {
      lines.push(`  extra    ${pairLine(p)}`, `           "${clip(p.text, 160)}"`);
    }
    for (const q of item.quotes.missed) lines.push(`  quote    missed ${q.name}: "${clip(q.text, 100)}"`);
  }
  if (show !== "misses") {
    for (const hit of item.forbidden) {
      lines.push(`  FORBID   ${pairLine(hit.prediction)} matches ${goldLabelText(hit.forbid)}`);
      lines.push(`           "${clip(hit.prediction.text, 160)}"`);
    }
    for (const e of item.errors) lines.push(`  error    ${e.code}: ${e.message}`);
  }
  if (lines.length === 0) return null;
  const head = `-- ${item.id} (${item.origin})  TP ${item.tp}  FP ${item.fp}  FN ${item.fn}`;
  return `${head}\n  text     "${clip(text, 200)}"\n${lines.join("\n")}\n`;
}

function renderDetails(view: SetView, texts: ReadonlyMap<string, string>, show: Show, limit: number): string {
  const out: string[] = [];
  let omitted = 0;
  for (const item of view.perItem) {
    const block = itemDetails(item, texts.get(item.id) ?? "", show);
    if (block === null) continue;
    if (out.length < limit) out.push(block);
    else omitted++;
  }
  if (out.length === 0) return `\n${show}: nothing to show\n`;
  const more = omitted ? `... ${omitted} more items (raise --limit)\n` : "";
  return `\n${show} by item\n${out.join("")}${more}`;
}

function renderComparison(views: readonly SetView[]): string {
  const table = renderTable(
    ["gold set", "items", "P", "R", "F1", "F1 no stmts", "TP", "FP", "FN", "forbidden", "quote R"],
    views.map((v) => [
      v.name,
      String(v.items),
      f3(v.precision),
      f3(v.recall),
      f3(v.f1),
      v.statementsCoded ? f3(v.withoutStatements.f1) : "(same)",
      String(v.tp),
      String(v.fp),
      String(v.fn),
      String(v.forbidden),
      f3(v.quoteRecall),
    ]),
  );
  return `\n== all sets ==\n${table}`;
}

/** The report for people: per set the figures and tables, then (with `show`) the items; then a comparison. */
export function renderReport(
  results: readonly SetResult[],
  options: { show?: Show; limit?: number } = {},
): string {
  const views = results.map((r) => setView(r.score, r.file, r.name, r.skipped));
  const parts = views.map((view, i) => {
    let text = renderSummary(view) + renderLabels(view) + renderCalibration(view);
    if (options.show) {
      const texts = new Map(results[i].gold.map((item) => [item.id, item.text]));
      text += renderDetails(view, texts, options.show, options.limit ?? Number.POSITIVE_INFINITY);
    }
    return text;
  });
  return parts.join("\n") + (views.length > 1 ? renderComparison(views) : "");
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new DyadError("E_USAGE", "--limit must be a non-negative integer");
  return n;
}

async function writeBaseline(io: Io, path: string, results: readonly SetResult[]): Promise<void> {
  let current = null;
  if (existsSync(path)) current = parseBaseline(await readFile(path, "utf8"), path);
  const figures: Record<string, Figures> = {};
  for (const r of results) figures[r.name] = figuresOf(r.score);
  const { baseline, changes } = raiseBaseline(current, figures);
  try {
    await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (e) {
    throw toDyadError(e, "E_READ", path);
  }
  for (const c of changes) {
    const note = c.worse ? "  (LOWER than before: is this a regression?)" : "";
    io.err(`baseline ${c.set} ${c.figure}: ${c.from ?? "-"} -> ${c.to ?? "-"}${note}\n`);
  }
  io.err(`baseline written to ${path} (${results.map((r) => r.name).join(", ")})\n`);
}

interface EvalOptions {
  json?: boolean;
  show?: string;
  limit?: string;
  writeBaseline?: string;
  kb?: string;
  petrarchSuite?: string;
}

export function registerEval(program: Command, io: Io): void {
  program
    .command("eval")
    .description("code gold files (../shared/gold format) and score the events and quotes against them")
    .argument("[gold...]", "gold JSONL files")
    .option("--json", "print the evaluation as one JSON object")
    .option("--show <what>", "list items: misses (missed gold, unmatched predictions) | errors | all")
    .option("--limit <n>", "list at most n items under --show")
    .option(
      "--write-baseline <file>",
      "write the figures as the new floors of these sets (test/eval-baseline.json)",
    )
    .option(KB_OPTION, KB_HELP)
    .option(
      "--petrarch-suite <xml>",
      "run PETRARCH's unit-test records (PETR.UnitTest.records.xml) with the dictionaries they name, converted",
    )
    .action(async (files: string[], opts: EvalOptions) => {
      if (opts.show !== undefined && !["misses", "errors", "all"].includes(opts.show)) {
        io.err(`dyad eval: unknown --show '${opts.show}' (misses, errors or all) [E_USAGE]\n`);
        io.exit(EXIT.USAGE);
        return;
      }
      const limit = parseLimit(opts.limit);
      if (opts.petrarchSuite) {
        const { renderSuite, runSuite } = await import("./eval-petrarch.js");
        const run = await runSuite(opts.petrarchSuite);
        if (opts.json) {
          const s = run.score;
          io.out(
            `${JSON.stringify({ ...s, byFailure: Object.fromEntries([...s.byFailure].map(([k, v]) => [k, v.map((r) => r.record.id)])), byCategory: Object.fromEntries(s.byCategory) }, null, 2)}\n`,
          );
        } else io.out(renderSuite(run, { show: opts.show !== undefined, limit }));
        return;
      }
      if (files.length === 0) throw new DyadError("E_USAGE", "give gold files or --petrarch-suite FILE.xml");
      const { createDyad } = await import("../../pipeline/dyad.js");
      const dyad = createDyad({ dataDir: kbDirs(opts.kb) });
      let failed = 0;
      const results: SetResult[] = [];
      for (const file of files) {
        const result = await evaluateGoldFile(file, dyad, (error) => {
          failed++;
          reportError(io, error);
        });
        results.push(result);
      }
      if (opts.json) {
        const views = results.map((r) => setView(r.score, r.file, r.name, r.skipped));
        io.out(`${JSON.stringify({ sets: views }, null, 2)}\n`);
      } else {
        io.out(renderReport(results, { show: opts.show as Show | undefined, limit }));
      }
      if (opts.writeBaseline) await writeBaseline(io, opts.writeBaseline, results);
      if (failed > 0) io.exit(EXIT.ARTICLES_FAILED);
    });
}
