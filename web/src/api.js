// The dashboard's only data source: the JSON API of `dyad serve`, on the same origin.

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail ?? problem.title ?? "request failed");
    this.problem = problem;
  }
}

/** GET /api/PATH with the given parameters (empty values left out); resolves to the JSON body. */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    query.set(key, value === true ? "true" : String(value));
  }
  const qs = query.toString();
  const res = await fetch(`api/${path}${qs ? `?${qs}` : ""}`, { headers: { accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new ApiError(body);
  return body;
}
