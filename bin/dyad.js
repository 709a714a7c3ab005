#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the prepare script).
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli/bin.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  // A checkout without a build: run the TypeScript sources through tsx.
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/bin.ts", import.meta.url).href);
}
