// Article reader: the text with actors, triggers, dates, places and quotes marked; each event with its evidence.
import { get } from "../api.js";
import { fill, h } from "../dom.js";
import { actorsLabel } from "../format.js";

/** Marked spans of the text: [start, end, kind, event gid or null]. */
function spans(record, text) {
  const out = [];
  for (const e of record.events) {
    for (const a of [...e.source, ...e.target]) out.push([a.start, a.end, "actor"]);
    out.push([e.evidence.start, e.evidence.end, "trigger", e.id]);
    if (e.place) out.push([e.place.start, e.place.end, "place"]);
    if (e.dateText) {
      // The record keeps the date's words, not their offsets: they are looked for in the event's sentence.
      const sentenceStart = text.indexOf(e.evidence.text);
      const at = sentenceStart >= 0 ? text.indexOf(e.dateText, sentenceStart) : -1;
      if (at >= 0 && at < sentenceStart + e.evidence.text.length)
        out.push([at, at + e.dateText.length, "date"]);
    }
  }
  for (const q of record.quotes) {
    out.push([q.start, q.end, "quote"]);
    if (q.speaker) out.push([q.speaker.start, q.speaker.end, "actor"]);
  }
  return out.filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s < e && e <= text.length);
}

/** The text cut at every span boundary; each piece a text node inside a span with the kinds that cover it. */
function markedText(text, marks, selected) {
  const cuts = new Set([0, text.length]);
  for (const [s, e] of marks) {
    cuts.add(s);
    cuts.add(e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = marks.filter(([s, e]) => s <= from && e >= to);
    const piece = text.slice(from, to);
    if (covering.length === 0) {
      pieces.push(piece);
      continue;
    }
    const kinds = [...new Set(covering.map(([, , kind]) => `mark-${kind}`))];
    const events = covering.filter(([, , kind]) => kind === "trigger").map(([, , , id]) => id);
    if (events.some((id) => id === selected)) kinds.push("selected");
    pieces.push(
      h("span", { class: kinds.join(" "), dataset: events.length ? { event: events[0] } : {} }, piece),
    );
  }
  return pieces;
}

export async function articleView(root, { arg, params }) {
  const stored = await get(`articles/${encodeURIComponent(arg ?? "")}`);
  const { article, record } = stored;
  const selected = params.get("event");
  // A link only to the web: a stored url such as javascript:... is shown as text.
  const link = /^https?:\/\//i.test(article.url ?? "") ? article.url : null;
  const legend = h(
    "p",
    { class: "legend" },
    ["actor", "trigger", "date", "place", "quote"].map((k) => h("span", { class: `mark-${k}` }, k)),
  );
  const events = h(
    "table",
    { class: "events", id: "article-events" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["sent", "source", "code", "event", "target", "modality", "confidence", "rule"].map((c) =>
          h("th", {}, c),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      record.events.map((e) =>
        h(
          "tr",
          { class: e.id === selected ? "selected" : "", dataset: { event: e.id } },
          h("td", {}, e.sentence),
          h("td", {}, actorsLabel(e.source)),
          h("td", {}, e.code),
          h("td", {}, e.name),
          h("td", {}, actorsLabel(e.target)),
          h("td", {}, e.modality),
          h("td", {}, e.confidence === null ? "-" : e.confidence.toFixed(2)),
          h("td", { class: "rule" }, e.evidence.rule),
        ),
      ),
    ),
  );
  const quotes = h(
    "ul",
    { class: "quotes" },
    record.quotes.map((q) =>
      h(
        "li",
        {},
        h("b", {}, q.speaker ? `${q.speaker.name} (${q.speaker.code})` : "unknown speaker"),
        ` ${q.cue}: `,
        q.text,
      ),
    ),
  );
  fill(
    root,
    h("h1", { id: "article-title" }, article.title ?? article.id),
    h(
      "p",
      { class: "meta" },
      `${article.date} · ${article.source ?? "no source"} · id ${article.id}`,
      link ? [" · ", h("a", { href: link, rel: "noreferrer noopener", target: "_blank" }, "original")] : null,
    ),
    legend,
    h("article", { id: "article-text" }, markedText(article.text, spans(record, article.text), selected)),
    h("h2", {}, `Events (${record.events.length})`),
    events,
    h("h2", {}, `Quotes (${record.quotes.length})`),
    quotes,
  );
  root.querySelector(".selected")?.scrollIntoView({ block: "center" });
}
