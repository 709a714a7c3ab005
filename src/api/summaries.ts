// Summaries of many events that the store has no query for: who acts on whom, and where. Computed from the
// store's own event iterator, over at most MAX_SUMMARY_EVENTS events.
import type { EventFilter, Store } from "../store/index.js";
import { MAX_SUMMARY_EVENTS } from "./schemas.js";

interface Edge {
  source: string;
  target: string;
  events: number;
  goldsteinSum: number;
}

/** Who acts on whom: the most active actors and the events between them, from the first events matched. */
export async function network(store: Store, filter: EventFilter, nodes: number) {
  const actors = new Map<string, { code: string; name: string; events: number }>();
  const edges = new Map<string, Edge>();
  let seen = 0;
  for await (const e of store.iterateEvents(filter, 2000)) {
    if (seen++ >= MAX_SUMMARY_EVENTS) break;
    const involved = new Set<string>();
    for (const s of e.source) {
      involved.add(s.code);
      if (!actors.has(s.code)) actors.set(s.code, { code: s.code, name: s.name, events: 0 });
      for (const t of e.target) {
        if (t.code === s.code) continue;
        const key = `${s.code}\u0000${t.code}`;
        const edge = edges.get(key) ?? { source: s.code, target: t.code, events: 0, goldsteinSum: 0 };
        edge.events++;
        edge.goldsteinSum += e.goldstein;
        edges.set(key, edge);
      }
    }
    for (const t of e.target) {
      involved.add(t.code);
      if (!actors.has(t.code)) actors.set(t.code, { code: t.code, name: t.name, events: 0 });
    }
    for (const code of involved) {
      const actor = actors.get(code);
      if (actor) actor.events++;
    }
  }
  const kept = [...actors.values()].sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : 1));
  const top = kept.slice(0, nodes);
  const codes = new Set(top.map((a) => a.code));
  return {
    nodes: top,
    edges: [...edges.values()]
      .filter((e) => codes.has(e.source) && codes.has(e.target))
      .map((e) => ({
        source: e.source,
        target: e.target,
        events: e.events,
        goldsteinMean: Math.round((e.goldsteinSum / e.events) * 100) / 100,
      })),
    truncated: seen > MAX_SUMMARY_EVENTS,
  };
}

/** Event places with coordinates, counted by place. */
export async function places(store: Store, filter: EventFilter) {
  const byPlace = new Map<
    string,
    { name: string; country: string | null; lat: number; lon: number; events: number; goldsteinSum: number }
  >();
  let seen = 0;
  for await (const e of store.iterateEvents(filter, 2000)) {
    if (seen++ >= MAX_SUMMARY_EVENTS) break;
    const p = e.place;
    if (!p || p.lat === null || p.lon === null) continue;
    const key = `${p.name}\u0000${p.country ?? ""}`;
    const entry = byPlace.get(key) ?? {
      name: p.name,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      events: 0,
      goldsteinSum: 0,
    };
    entry.events++;
    entry.goldsteinSum += e.goldstein;
    byPlace.set(key, entry);
  }
  return {
    items: [...byPlace.values()]
      .sort((a, b) => b.events - a.events)
      .map(({ goldsteinSum, ...p }) => ({
        ...p,
        goldsteinMean: Math.round((goldsteinSum / p.events) * 100) / 100,
      })),
    truncated: seen > MAX_SUMMARY_EVENTS,
  };
}
