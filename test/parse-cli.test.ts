// The `dyad parse` command (issue 13): CoNLL-U and table output over Dyad's tokens, and --eval's figures.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { run } from "../src/cli/main.js";
import { createParser, loadSyntaxModel } from "../src/nlp/syntax/index.js";

async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test("dyad parse prints one CoNLL-U block per sentence, a tree over the article's tokens", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-parse-"));
  const file = join(dir, "a.txt");
  writeFileSync(file, "date 2025-05-26\nThe army attacked the village. Talks resumed on Monday.");
  const { code, out } = await dyad(["parse", file]);
  assert.equal(code, 0);
  const blocks = out.trim().split("\n\n");
  assert.equal(blocks.length, 2);
  for (const block of blocks) {
    const rows = block.split("\n").filter((l) => !l.startsWith("#"));
    assert.equal(rows.filter((r) => r.split("\t")[6] === "0").length, 1, "one root");
    for (const r of rows) assert.equal(r.split("\t").length, 10);
  }
  assert.match(out, /^2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\tTokenRange=/m);
  const table = await dyad(["parse", "--format", "table", file]);
  assert.match(table.out, /village\s+NOUN\s+NN\s+obj\s+3 attacked/);
});

test("dyad parse --eval counts UPOS, heads and universal relations against the file's gold", async () => {
  // Gold made from the parser's own answer with known changes: one head, one relation (universal part) and
  // one tag of eight words altered, and one subtype only, which LAS ignores.
  const words = ["The", "army", "attacked", "the", "village", "on", "Monday", "."];
  const p = createParser(loadSyntaxModel()).parse(words);
  const head = Array.from(p.head);
  const deprel = [...p.deprel];
  const upos = [...p.upos];
  head[7] = head[7] === 0 ? 1 : 0;
  const obj = deprel.indexOf("obj");
  deprel[obj] = "iobj";
  const subject = deprel.indexOf("nsubj");
  deprel[subject] = "nsubj:outer";
  upos[0] = upos[0] === "DET" ? "PRON" : "DET";
  const lines = words.map((w, i) =>
    [i + 1, w, "_", upos[i], "_", "_", head[i] + 1, deprel[i], "_", "_"].join("\t"),
  );
  const dir = mkdtempSync(join(tmpdir(), "dyad-eval-"));
  const file = join(dir, "gold.conllu");
  writeFileSync(
    file,
    `# sent_id = 1\n# text = ${words.join(" ")}\n1-2\tThe army\t_\t_\t_\t_\t_\t_\t_\t_\n${lines.join("\n")}\n\n`,
  );
  const { code, out } = await dyad(["parse", "--eval", file]);
  assert.equal(code, 0);
  assert.match(out, /1 sentences, 8 words/);
  assert.match(out, /UPOS 0\.8750/); // 7 of 8
  assert.match(out, /UAS {2}0\.8750/); // 7 of 8
  assert.match(out, /LAS {2}0\.7500/); // 6 of 8: the changed head and the changed relation
});
