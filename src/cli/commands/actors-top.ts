// The most active actors in the store: `dyad actors --top` (the actors command calls runActorsTop).
import { parseEventFilter } from "../../store/filters.js";
import type { ActorCount, EventFilter, Store } from "../../store/index.js";
import { withStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { renderTable } from "../table.js";
import { parseFormat, parsePositiveInt } from "./store-options.js";

/**
 * The actors (by code and name) in the most events, with how often they act and are acted upon; by default
 * counting the events that happened (store/filters.ts), as series and exports do.
 */
export function topActors(
  store: Store,
  limit: number,
  filter: EventFilter = parseEventFilter({}),
): Promise<ActorCount[]> {
  return store.topActors(limit, filter);
}

const FORMATS = ["table", "jsonl"] as const;

/**
 * Options as the actors command passes them: db, limit (or a number in top), format. Strings or numbers.
 */
export async function runActorsTop(io: Io, opts: Record<string, unknown>): Promise<void> {
  const pick = (key: string) =>
    typeof opts[key] === "string" || typeof opts[key] === "number" ? String(opts[key]) : undefined;
  const limit = parsePositiveInt(pick("top") ?? pick("limit"), "--limit") ?? 20;
  const format = parseFormat(pick("format") ?? "table", FORMATS, "actors --top");
  const filter = parseEventFilter({ modality: pick("modality") });
  const rows = await withStore(pick("db"), (store) => topActors(store, limit, filter));
  if (format === "jsonl") {
    for (const r of rows) io.out(`${JSON.stringify(r)}\n`);
    return;
  }
  io.out(
    renderTable(
      ["rank", "code", "name", "events", "as source", "as target", "articles"],
      rows.map((r, i) => [
        String(i + 1),
        r.code,
        r.name,
        String(r.events),
        String(r.asSource),
        String(r.asTarget),
        String(r.articles),
      ]),
    ),
  );
}
