// Helpers for the store's cross-layer tests: run the dyad CLI in-process or as a child process.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { run } from "../src/cli/main.js";

export const ROOT = new URL("..", import.meta.url).pathname;

export async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/**
 * The node arguments that start the dyad executable: `bin/dyad.js` (which runs dist/ when built), unless
 * dist/ is older than the sources, as in a working tree between builds: then the sources through tsx.
 */
export function dyadCommand(): { args: string[]; note?: string } {
  const built = join(ROOT, "dist/cli/commands/ingest.js");
  if (!existsSync(join(ROOT, "dist/cli/bin.js"))) return { args: [join(ROOT, "bin/dyad.js")] };
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(ROOT, "src"))) {
    return { args: [join(ROOT, "bin/dyad.js")] };
  }
  return {
    args: ["--import", "tsx", join(ROOT, "src/cli/bin.ts")],
    note: "dist/ is older than src/: running the sources (run npm run build to test bin/dyad.js on dist/)",
  };
}

/** Starts `dyad ARGS` as a child process. */
export function spawnDyad(args: string[]) {
  const command = dyadCommand();
  return spawn(process.execPath, [...command.args, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `dyad ARGS` as a child process to the end. */
export function runDyadProcess(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnDyad(args);
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}
