#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the prepare script). When the sources are newer
// than the build (a working checkout being edited), it runs the TypeScript sources through tsx instead,
// so that nobody measures or ships a stale build by accident.
import { existsSync, readdirSync, statSync } from "node:fs";

const compiled = new URL("../dist/cli/bin.js", import.meta.url);
const sources = new URL("../src/", import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    const t = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const fresh =
  existsSync(compiled) && (!existsSync(sources) || statSync(compiled).mtimeMs >= newestSource(sources));
if (fresh) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/bin.ts", import.meta.url).href);
}
