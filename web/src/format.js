// Labels shared by the views.

export const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

export const QUAD_COLORS = ["#7fb3d5", "#1f618d", "#f0b27a", "#c0392b"];

export function actorsLabel(actors) {
  return actors.map((a) => `${a.name} (${a.code})`).join(", ") || "-";
}

/** The first and last day of a series period: a day, a week (its Monday) or a month (YYYY-MM). */
export function periodRange(period, by) {
  if (by === "month") {
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { since: `${period}-01`, until: `${period}-${String(last).padStart(2, "0")}` };
  }
  if (by === "week") {
    const start = new Date(`${period}T00:00:00Z`);
    const end = new Date(start.getTime() + 6 * 86400000);
    return { since: period, until: end.toISOString().slice(0, 10) };
  }
  return { since: period, until: period };
}
