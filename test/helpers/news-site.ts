// A small news site for feed tests: a feed of N entries, each with a page whose story can be changed, pages
// that fail, conditional GETs by ETag. Served by test/helpers/http-server.ts.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "./http-server.js";

const STORIES = [
  ["Kenya", "Ethiopia", "signed a border security agreement"],
  ["Chile", "Peru", "held talks on water rights"],
  ["Poland", "Belarus", "expelled two diplomats"],
  ["Japan", "China", "protested a coast guard incursion"],
  ["Ghana", "Togo", "agreed to a gas supply deal"],
];

export interface Entry {
  n: number;
  version: number;
  /** HTTP status the page answers with (200, or 500 for a failing page). */
  status: number;
  /** The page never answers (a stalled server), until released. */
  stall?: boolean;
}

export function entries(count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => ({ n: i + 1, version: 1, status: 200 }));
}

export function pageHtml(e: Entry): string {
  const [a, b, act] = STORIES[e.n % STORIES.length];
  const day = String((e.n % 27) + 1).padStart(2, "0");
  return `<!DOCTYPE html><html><head><title>Story ${e.n} v${e.version}</title>
<meta property="article:published_time" content="2025-05-${day}T08:00:00Z"><meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Story ${e.n}</h1>
<p>${a} ${act} with ${b} on Monday, officials in both capitals said in item ${e.n}, version ${e.version}.</p>
<p>The foreign ministers of ${a} and ${b} are due to meet again next month to review progress.</p>
</article><footer>© Test Wire</footer></body></html>`;
}

export function feedXml(base: string, list: readonly Entry[]): string {
  const items = list
    .map(
      (e) => `<item><title>Story ${e.n} version ${e.version}</title><link>${base}/news/${e.n}</link>
<guid isPermaLink="false">story-${e.n}</guid><pubDate>Mon, 05 May 2025 08:00:00 GMT</pubDate>
<description>Summary of story ${e.n}, version ${e.version}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>
<link>${base}/</link><description>Test feed</description>${items}</channel></rss>`;
}

/** The feed route, answering 304 to a request that names its current ETag. */
export function feedRoute(base: () => string, list: readonly Entry[]): Route {
  return (req: IncomingMessage, res: ServerResponse) => {
    const body = feedXml(base(), list);
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 12)}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  };
}

/** The routes of every entry's page. */
export function pageRoutes(list: readonly Entry[]): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const e of list) {
    routes[`/news/${e.n}`] = (_req, res) => {
      if (e.stall) return;
      if (e.status !== 200) {
        res.writeHead(e.status, { "content-type": "text/plain" }).end("server error");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pageHtml(e));
    };
  }
  return routes;
}
