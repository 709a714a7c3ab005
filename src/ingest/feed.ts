// RSS 2.0, RSS 1.0 and Atom feeds -> the entries to fetch. Parsing is @rowanmanning/feed-parser's, a lenient
// parser tested against real-world feeds; here only what Dyad keeps of an entry.
import { createHash } from "node:crypto";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DyadError } from "../core/errors.js";

export interface FeedEntry {
  /** The entry's id (guid, Atom id), else its link: what "seen before" is keyed on. */
  key: string;
  /** The page to fetch, absolute. */
  url: string;
  title?: string;
  /** The entry's publication day (UTC), the fallback date of a page that gives none. */
  published?: string;
  /** A hash of what the feed says of the entry: a new one means the entry changed and is fetched again. */
  fingerprint: string;
}

/** The entries of a feed document, in feed order; entries without a link are left out (nothing to fetch). */
export function parseFeedEntries(xml: string, origin: string, base?: string): FeedEntry[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    throw new DyadError("E_FEED", e instanceof Error ? e.message : String(e), origin, { cause: e });
  }
  const entries: FeedEntry[] = [];
  const keys = new Set<string>();
  for (const item of feed.items) {
    const url = absolute(item.url, base);
    if (!url) continue;
    const key = item.id?.trim() || url;
    // A feed that repeats an entry lists it once: the first, newest by feed convention.
    if (keys.has(key)) continue;
    keys.add(key);
    const fingerprint = createHash("sha256")
      .update(
        JSON.stringify([
          url,
          item.title,
          item.published?.toISOString(),
          item.updated?.toISOString(),
          item.description,
          item.content,
        ]),
      )
      .digest("hex")
      .slice(0, 16);
    const entry: FeedEntry = { key, url, fingerprint };
    if (item.title) entry.title = item.title;
    if (item.published && !Number.isNaN(item.published.getTime())) {
      entry.published = item.published.toISOString().slice(0, 10);
    }
    entries.push(entry);
  }
  return entries;
}

function absolute(url: string | null, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}
