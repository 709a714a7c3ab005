// robots.txt (RFC 9309) and per-host politeness for `dyad watch`. State lives in instances made per run.
import robotsParserModule from "robots-parser";
import { DyadError } from "../core/errors.js";
import { fetchBytes } from "./http.js";

/** The product token Dyad answers to in robots.txt groups. */
export const ROBOTS_AGENT = "Dyad";
const ROBOTS_MAX_BYTES = 500 * 1024;
const ROBOTS_TTL_MS = 24 * 3600 * 1000;

interface Rules {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package is CommonJS whose module.exports is the function; its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Rules;
type Entry = { at: number; rules: Rules | null; unreachable?: string };

/**
 * The robots.txt of each host, fetched once a day. As RFC 9309 says: a 4xx answer means no rules (all
 * allowed); a 5xx answer or no answer means the site cannot say, so nothing is fetched from it until it can.
 */
export class RobotsRules {
  private readonly cache = new Map<string, Promise<Entry>>();

  constructor(private readonly options: { timeoutMs?: number; now?: () => number } = {}) {}

  /** Throws E_ROBOTS when the address may not be fetched; returns the host's Crawl-delay in ms, if any. */
  async check(url: string): Promise<number | undefined> {
    const origin = new URL(url).origin;
    const now = this.options.now?.() ?? Date.now();
    let entry = this.cache.get(origin);
    const cached = entry ? await entry : undefined;
    if (!cached || now - cached.at > ROBOTS_TTL_MS || cached.unreachable) {
      entry = this.load(origin, now);
      this.cache.set(origin, entry);
    }
    const { rules, unreachable } = await (entry as Promise<Entry>);
    if (unreachable) throw new DyadError("E_ROBOTS", `robots.txt could not be read (${unreachable})`, url);
    if (rules?.isDisallowed(url, ROBOTS_AGENT)) throw new DyadError("E_ROBOTS", undefined, url);
    const delay = rules?.getCrawlDelay(ROBOTS_AGENT);
    return delay === undefined ? undefined : delay * 1000;
  }

  private async load(origin: string, at: number): Promise<Entry> {
    const address = `${origin}/robots.txt`;
    try {
      const got = await fetchBytes(address, {
        maxBytes: ROBOTS_MAX_BYTES,
        timeoutMs: this.options.timeoutMs,
      });
      if (got.status >= 500) return { at, rules: null, unreachable: `HTTP ${got.status}` };
      if (got.status >= 400) return { at, rules: null };
      return { at, rules: robotsParser(address, Buffer.from(got.bytes).toString("utf8")) };
    } catch (e) {
      return { at, rules: null, unreachable: e instanceof Error ? e.message : String(e) };
    }
  }
}

/**
 * Spaces requests to the same host by at least a delay (or the host's Crawl-delay when longer). A slot is
 * taken synchronously, so concurrent callers queue rather than fire together.
 */
export class HostGate {
  private readonly next = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  async wait(url: string, hostDelayMs = 0): Promise<void> {
    const host = new URL(url).host;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + Math.max(this.delayMs, hostDelayMs));
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
