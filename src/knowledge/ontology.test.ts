import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DyadError } from "../core/errors.js";
import { compileOntology } from "./ontology.js";

const cameo = readFileSync(new URL("../../data/cameo.tsv", import.meta.url), "utf8");

test("every CAMEO code is there with root, Goldstein weight, QuadClass and PLOVER type", () => {
  const o = compileOntology(cameo);
  assert.equal(o.codes.length, 312);
  assert.equal(o.codes.filter((c) => c.level === 1).length, 20);
  const host = o.require("043");
  assert.deepEqual(
    [host.root, host.goldstein, host.quad, host.plover.type, host.plover.mode],
    ["04", 2.8, 1, "CONSULT", "visit"],
  );
  assert.equal(o.require("190").quad, 4);
  assert.equal(o.require("0871").plover.mode, "ceasefire");
  assert.equal(o.require("010").plover.type, null, "PLOVER drops CAMEO 01 statements");
  assert.equal(o.require("020").plover.type, "REQUEST", "CAMEO 02 appeals are PLOVER requests");
  for (const c of o.codes) {
    assert.ok(c.goldstein >= -10 && c.goldstein <= 10, c.code);
    assert.ok(c.code.startsWith(c.root), c.code);
  }
});

test("a malformed row is refused with file and line", () => {
  const bad = "code\troot\tname\tgoldstein\tquad\n043\t04\tHost\t2.8\t7\n";
  assert.throws(
    () => compileOntology(bad, "data/cameo.tsv"),
    (e: unknown) =>
      e instanceof DyadError && /data\/cameo\.tsv:2/.test(e.message) && /QuadClass/.test(e.message),
  );
});
