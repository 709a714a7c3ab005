import { createDyad } from "./src/pipeline/dyad.js";
const dyad = createDyad({ dataDir: "/tmp/pv" });
const text = process.argv[2];
const doc = dyad.analyse({ id: "x", date: process.argv[3] ?? "1995-01-03", text });
for (const m of doc.mentions) console.log(m.index, m.kind, JSON.stringify(m.text), m.referent?.code, m.members ?? "", m.placeOnly ? "place" : "");
console.log(doc.tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`).join(" "));
for (const e of doc.events) console.log(e.code, e.source.map((a) => a.code), e.target.map((a) => a.code), e.evidence.rule);
