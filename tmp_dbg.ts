import { readFileSync } from "node:fs";
import { createDyad } from "./src/pipeline/dyad.js";
const dyad = createDyad();
const lines = readFileSync("/tmp/hl.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
for (const a of lines) {
  const doc = dyad.analyse({ id: "t", date: a.date, text: a.title });
  const sentences = doc.sentences.map((s) => ({ ...s, part: "headline" as const }));
  const d2 = dyad.pipeline.run({ ...dyad.analyse({ id: "t", date: a.date, text: a.title }), events: [] }, { knowledge: dyad.knowledge });
  console.log(a.title);
  console.log("  " + doc.tokens.map((t) => `${t.text}/${t.pos}/${doc.parse?.upos[t.i]}:${doc.parse?.deprel[t.i]}`).join(" "));
  console.log("  mentions: " + doc.mentions.map((m) => `${m.text}=${m.referent?.code}`).join(", "));
}
