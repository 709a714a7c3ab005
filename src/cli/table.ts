// Aligned text tables for people.
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
