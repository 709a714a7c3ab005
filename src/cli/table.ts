// Aligned text tables for people.
import type { Actor, Event } from "../core/types.js";
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth = 60,
): string {
  const clip = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const all = [header, ...rows].map((r) => r.map((c) => clip(c.replace(/\s+/g, " "))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const out = [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)];
  return `${out.join("\n")}\n`;
}

/** Actors in a table cell: their codes joined by "+", or "-" when there are none. */
export function actorsLabel(actors: readonly Actor[]): string {
  return actors.map((a) => a.code).join("+") || "-";
}

/** An event in a table cell: its code and name, and its modality unless it is asserted. */
/**
 * Code and name, with the modality when it is not asserted, and where the sentence stands when it is not
 * the body ("[headline]", "[caption, repeat]": a repeat of a body event, which counts leave out).
 */
export function eventLabel(
  e: Pick<Event, "code" | "name" | "modality"> & { evidence?: Event["evidence"] },
): string {
  const part = e.evidence?.part ?? "body";
  const where = part === "body" ? "" : ` [${part}${e.evidence?.repeats ? ", repeat" : ""}]`;
  return `${e.code} ${e.name}${e.modality === "asserted" ? "" : ` (${e.modality})`}${where}`;
}
