// Map: event places on a world map drawn from the bundled Natural Earth outlines (world-atlas); no tiles.
import * as Plot from "@observablehq/plot";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { get } from "../api.js";
import { fill, h, message } from "../dom.js";

const countries = feature(world, world.objects.countries);

export async function mapView(root) {
  const places = await get("places");
  const chart = h("div", { class: "chart", id: "map" });
  fill(root, h("h1", {}, "Where events happen"), chart);
  const map = Plot.plot({
    width: 960,
    projection: "equal-earth",
    r: { range: [3, 20] },
    color: { type: "diverging", scheme: "RdBu", domain: [-10, 10], legend: true, label: "mean Goldstein" },
    marks: [
      Plot.sphere({ fill: "#eef4f8", stroke: "#aaa" }),
      Plot.geo(countries, { fill: "#fafafa", stroke: "#bbb", strokeWidth: 0.5 }),
      Plot.dot(places.items, {
        x: "lon",
        y: "lat",
        r: "events",
        fill: "goldsteinMean",
        stroke: "#333",
        tip: true,
        channels: { place: "name", country: "country", events: "events" },
      }),
    ],
  });
  fill(chart, map, places.items.length === 0 ? message("No event has a place with coordinates yet.") : null);
}
