// One sentence per CAMEO root, coded with Dyad's own data files (issue 4: an event for each of the 20 roots).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createDyad } from "../src/pipeline/dyad.js";

const dyad = createDyad();

const SENTENCES: [string, string, string, string][] = [
  ["01", "Iran denied Pakistan's claims.", "IRN", "PAK"],
  ["02", "Iran appealed to Pakistan for help.", "IRN", "PAK"],
  ["03", "Iran offered to mediate between Pakistan and India.", "IRN", "PAK"],
  ["04", "Iran met with Pakistan in Geneva.", "IRN", "PAK"],
  ["05", "Iran praised Pakistan for its stance.", "IRN", "PAK"],
  ["06", "Iran and Pakistan exchanged intelligence.", "IRN", "PAK"],
  ["07", "Iran sent humanitarian aid to Pakistan.", "IRN", "PAK"],
  ["08", "Iran released Pakistani prisoners.", "IRN", "PAK"],
  ["09", "Iran launched an investigation into Pakistan's role.", "IRN", "PAK"],
  ["10", "Iran demanded that Pakistan withdraw its troops.", "IRN", "PAK"],
  ["11", "Iran accused Pakistan of supporting terrorists.", "IRN", "PAK"],
  ["12", "Iran rejected Pakistan's proposal.", "IRN", "PAK"],
  ["13", "Iran threatened Pakistan with sanctions.", "IRN", "PAK"],
  ["14", "Iranian protesters demonstrated against Pakistan.", "IRN", "PAK"],
  ["15", "Iran deployed troops along the border with Pakistan.", "IRN", "PAK"],
  ["16", "Iran cut diplomatic ties with Pakistan.", "IRN", "PAK"],
  ["17", "Iran arrested Pakistani journalists.", "IRN", "PAK"],
  ["18", "Iranian militants abducted Pakistani engineers.", "IRN", "PAK"],
  ["19", "Iranian troops clashed with Pakistani forces.", "IRN", "PAK"],
  ["20", "Iranian forces massacred Pakistani civilians.", "IRN", "PAK"],
];

for (const [root, text, source, target] of SENTENCES) {
  test(`root ${root}: "${text}"`, () => {
    const { events } = dyad.code({ id: `root-${root}`, date: "2025-05-26", text });
    const hit = events.find(
      (e) =>
        e.root === root &&
        e.modality === "asserted" &&
        e.source.some((a) => a.country === source) &&
        e.target.some((a) => a.country === target),
    );
    assert.ok(
      hit,
      `no asserted ${source} -> ${target} event of root ${root}; got ${JSON.stringify(events.map((e) => [e.code, e.evidence.rule]))}`,
    );
  });
}
