// Helpers for the store's cross-layer tests: run the dyad CLI in-process or as a child process.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { run } from "../src/cli/main.js";

export const ROOT = new URL("..", import.meta.url).pathname;

export async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** `node bin/dyad.js`: it runs dist/ when the build is fresh, and the sources through tsx otherwise. */
export const DYAD_BIN = join(ROOT, "bin/dyad.js");

/** Starts `dyad ARGS` as a child process. */
export function spawnDyad(args: string[]) {
  return spawn(process.execPath, [DYAD_BIN, ...args], {
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
