// Actors: the most active actors, and who acts on whom (edges coloured by mean Goldstein).
import * as Plot from "@observablehq/plot";
import { get } from "../api.js";
import { fill, h, message } from "../dom.js";

/** Nodes on a circle, the most active first: a layout that needs no simulation and reads the same each time. */
function circle(nodes) {
  const n = nodes.length;
  return new Map(
    nodes.map((node, i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      return [node.code, { ...node, x: Math.cos(angle), y: Math.sin(angle) }];
    }),
  );
}

export async function actorsView(root) {
  const [top, network] = await Promise.all([
    get("actors/top", { limit: 20 }),
    get("actors/network", { limit: 25 }),
  ]);
  const topChart = h("div", { class: "chart", id: "top-actors" });
  const netChart = h("div", { class: "chart", id: "actor-network" });
  fill(
    root,
    h("h1", {}, "Actors"),
    h("h2", {}, "Most active"),
    topChart,
    h("h2", {}, "Who acts on whom"),
    h(
      "p",
      { class: "note" },
      "An edge runs from source to target; its colour is the mean Goldstein score of the events.",
    ),
    netChart,
  );
  if (top.items.length === 0) {
    fill(topChart, message("The store has no events yet."));
    fill(netChart, "");
    return;
  }
  fill(
    topChart,
    Plot.plot({
      width: 900,
      height: 24 * top.items.length + 40,
      marginLeft: 220,
      x: { label: "events", grid: true },
      y: { label: null, domain: top.items.map((a) => `${a.name} (${a.code})`) },
      color: { domain: ["as source", "as target"], range: ["#1f618d", "#7fb3d5"], legend: true },
      marks: [
        Plot.barX(
          top.items.flatMap((a) => [
            { actor: `${a.name} (${a.code})`, role: "as source", n: a.asSource },
            { actor: `${a.name} (${a.code})`, role: "as target", n: a.asTarget },
          ]),
          { y: "actor", x: "n", fill: "role", tip: true },
        ),
      ],
    }),
  );
  const at = circle(network.nodes);
  const edges = network.edges.map((e) => ({ ...e, from: at.get(e.source), to: at.get(e.target) }));
  const nodes = [...at.values()];
  fill(
    netChart,
    Plot.plot({
      width: 700,
      height: 700,
      inset: 90,
      x: { axis: null },
      y: { axis: null },
      color: { type: "diverging", scheme: "RdBu", domain: [-10, 10], legend: true, label: "mean Goldstein" },
      r: { range: [3, 14] },
      marks: [
        Plot.arrow(edges, {
          x1: (e) => e.from.x,
          y1: (e) => e.from.y,
          x2: (e) => e.to.x,
          y2: (e) => e.to.y,
          stroke: "goldsteinMean",
          strokeWidth: (e) => 1 + Math.log2(e.events),
          bend: true,
          insetEnd: 8,
          title: (e) => `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldsteinMean}`,
        }),
        Plot.dot(nodes, {
          x: "x",
          y: "y",
          r: "events",
          fill: "#444",
          title: (d) => `${d.name}: ${d.events} events`,
        }),
        Plot.text(nodes, {
          x: "x",
          y: "y",
          text: "code",
          dy: -14,
          fontSize: 11,
        }),
      ],
    }),
  );
}
