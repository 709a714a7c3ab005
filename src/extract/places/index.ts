// The places component: place names resolved in an offline gazetteer, and the place of an event.
import type { Doc } from "../../core/types.js";
import type { Component } from "../../pipeline/index.js";
import { findDateline } from "./dateline.js";
import type { Gazetteer } from "./gazetteer.js";
import { findPlaces } from "./scan.js";

export { findDateline } from "./dateline.js";
export { eventPlace } from "./event.js";
export {
  type AliasRow,
  createGazetteer,
  type Gazetteer,
  type GazetteerEntry,
  type GazetteerStats,
  loadGazetteer,
  normalizeName,
  parseAliases,
} from "./gazetteer.js";

/**
 * Builds the `places` component over a gazetteer: reads tokens and sentences, writes doc.places and
 * doc.dateline.
 */
export function createPlacesComponent<C = unknown>(gazetteer: Gazetteer): Component<C> {
  return {
    name: "places",
    reads: ["tokens", "sentences"],
    writes: ["places", "dateline"],
    run(doc: Doc): Doc {
      return { ...doc, places: findPlaces(doc, gazetteer), dateline: findDateline(doc, gazetteer) };
    },
  };
}
