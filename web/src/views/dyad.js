// Dyad over time: events per period stacked by QuadClass, mean Goldstein as a line; a bar lists its events.
import * as Plot from "@observablehq/plot";
import { get } from "../api.js";
import { fill, h, message } from "../dom.js";
import { actorsLabel, periodRange, QUAD_COLORS, QUADS } from "../format.js";

/** Series rows -> one bar segment per period and QuadClass with events. */
function segments(rows, quads) {
  return rows.flatMap((r) =>
    r.quad
      .map((count, i) => ({ period: r.period, quad: QUADS[i], q: i + 1, count }))
      .filter((s) => s.count > 0 && quads.includes(s.q)),
  );
}

/** Mean Goldstein per period over the QuadClasses shown (from each QuadClass's own series). */
function means(byQuad, quads) {
  const acc = new Map();
  for (const q of quads) {
    for (const r of byQuad.get(q) ?? []) {
      const a = acc.get(r.period) ?? { period: r.period, sum: 0, events: 0 };
      a.sum += r.goldsteinSum;
      a.events += r.events;
      acc.set(r.period, a);
    }
  }
  return [...acc.values()]
    .filter((a) => a.events > 0)
    .map((a) => ({ period: a.period, mean: Math.round((a.sum / a.events) * 100) / 100 }))
    .sort((x, y) => (x.period < y.period ? -1 : 1));
}

function eventList(events) {
  if (events.length === 0) return message("No events.");
  return h(
    "ul",
    { class: "event-list" },
    events.map((e) =>
      h(
        "li",
        {},
        h(
          "a",
          { href: `#/article/${encodeURIComponent(e.article.id)}?event=${encodeURIComponent(e.id)}` },
          e.date,
        ),
        " ",
        actorsLabel(e.source),
        " → ",
        h("b", {}, `${e.code} ${e.name}`),
        " → ",
        actorsLabel(e.target),
        h("div", { class: "evidence" }, e.evidence.text),
      ),
    ),
  );
}

export async function dyadView(root, { params }) {
  // The most active actors are offered as choices, and the first two are the pair shown when none is asked for.
  const top = await get("actors/top", { limit: 50 });
  const a = params.get("a") || (top.items[0]?.code ?? "");
  const b = params.get("b") || (top.items[1]?.code ?? "");
  const choices = h(
    "datalist",
    { id: "actor-choices" },
    top.items.map((x) => h("option", { value: x.code }, `${x.name} (${x.events} events)`)),
  );
  const by = params.get("by") === "week" ? "week" : "month";
  const statements = params.get("statements") !== "false";
  const form = h(
    "form",
    { class: "filters", id: "dyad-form" },
    choices,
    h(
      "label",
      {},
      "Actor A ",
      h("input", { name: "a", value: a, required: true, size: 10, list: "actor-choices" }),
    ),
    h(
      "label",
      {},
      "Actor B ",
      h("input", { name: "b", value: b, required: true, size: 10, list: "actor-choices" }),
    ),
    h(
      "label",
      {},
      "per ",
      h(
        "select",
        { name: "by" },
        h("option", { value: "month", selected: by === "month" }, "month"),
        h("option", { value: "week", selected: by === "week" }, "week"),
      ),
    ),
    h(
      "label",
      { title: "verbal cooperation and verbal conflict (QuadClass 1 and 3)" },
      h("input", { type: "checkbox", name: "statements", checked: statements }),
      " statements",
    ),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const q = new URLSearchParams({ a: data.get("a"), b: data.get("b"), by: data.get("by") });
    if (!data.get("statements")) q.set("statements", "false");
    location.hash = `#/dyad?${q}`;
  });
  form.querySelector("select").addEventListener("change", () => form.requestSubmit());
  form.querySelector("[name=statements]").addEventListener("change", () => form.requestSubmit());
  const chart = h("div", { class: "chart", id: "dyad-chart" });
  const line = h("div", { class: "chart", id: "goldstein-chart" });
  const list = h("div", { id: "period-events" });
  fill(root, h("h1", {}, "Dyad over time"), form, chart, line, list);
  if (!a || !b) {
    fill(chart, message("The store has no events yet."));
    return;
  }
  const dyad = `${a}:${b}`;
  const quads = statements ? [1, 2, 3, 4] : [2, 4];
  const [all, ...perQuad] = await Promise.all([
    get("series", { dyad, by }),
    ...quads.map((quad) => get("series", { dyad, by, quad })),
  ]);
  const byQuad = new Map(quads.map((q, i) => [q, perQuad[i].items]));
  const bars = segments(all.items, quads);
  if (bars.length === 0) {
    fill(chart, message(`No events between ${a} and ${b}.`));
    return;
  }
  const periods = all.items.filter((r) => bars.some((s) => s.period === r.period)).map((r) => r.period);
  const x = { domain: periods, label: by === "week" ? "week (Monday)" : "month", tickRotate: -30 };
  const plot = Plot.plot({
    width: 900,
    height: 300,
    marginBottom: 50,
    x,
    y: { label: "events", grid: true },
    color: { domain: QUADS, range: QUAD_COLORS, legend: true },
    marks: [Plot.barY(bars, { x: "period", y: "count", fill: "quad", tip: true }), Plot.ruleY([0])],
  });
  plot.addEventListener("click", async () => {
    const picked = plot.value;
    if (!picked) return;
    const range = periodRange(picked.period, by);
    const page = await get("events", { dyad, ...range, quad: picked.q, limit: 200 });
    fill(
      list,
      h("h2", {}, `${picked.period}: ${picked.quad} (${page.items.length} events)`),
      eventList(page.items),
    );
  });
  fill(chart, plot);
  const goldstein = means(byQuad, quads);
  fill(
    line,
    Plot.plot({
      width: 900,
      height: 180,
      marginBottom: 50,
      x: { ...x, type: "point" },
      y: { label: "mean Goldstein", domain: [-10, 10], grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "#999" }),
        Plot.lineY(goldstein, { x: "period", y: "mean", stroke: "#333" }),
        Plot.dot(goldstein, { x: "period", y: "mean", fill: "#333", tip: true }),
      ],
    }),
  );
  fill(list, message("Click a bar to list its events."));
}
