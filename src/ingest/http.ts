// Fetching one address with a time limit and a size limit: the only network code of the readers.
import { DyadError } from "../core/errors.js";

export const DEFAULT_TIMEOUT_MS = 20_000;
export const USER_AGENT = "Dyad/0.1 (open political event coder)";

export interface FetchOptions {
  /** The whole exchange, headers and body, must end within this time. */
  timeoutMs?: number;
  /** A body larger than this is refused, announced or not. */
  maxBytes: number;
  headers?: Record<string, string>;
}

export interface Fetched {
  status: number;
  /** The address after redirects. */
  url: string;
  headers: Headers;
  bytes: Uint8Array;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * GETs an address. Statuses are returned, not thrown (a feed's 304 is an answer); a network failure is
 * E_FETCH, running out of time E_TIMEOUT, a body over the limit E_TOO_LARGE, each naming the address.
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: "follow",
      headers: { "user-agent": USER_AGENT, ...options.headers },
    });
    const announced = Number(response.headers.get("content-length") ?? "");
    if (Number.isFinite(announced) && announced > options.maxBytes) {
      await response.body?.cancel();
      throw new DyadError(
        "E_TOO_LARGE",
        `the server announces ${announced} bytes, limit ${options.maxBytes}`,
        url,
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > options.maxBytes) {
          await reader.cancel();
          throw new DyadError("E_TOO_LARGE", `more than ${options.maxBytes} bytes`, url);
        }
        chunks.push(value);
      }
    }
    return {
      status: response.status,
      url: response.url || url,
      headers: response.headers,
      bytes: Buffer.concat(chunks),
    };
  } catch (e) {
    if (e instanceof DyadError) throw e;
    if (signal.aborted)
      throw new DyadError("E_TIMEOUT", `no complete answer within ${timeoutMs} ms`, url, { cause: e });
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    throw new DyadError("E_FETCH", `${e instanceof Error ? e.message : String(e)}${cause}`, url, {
      cause: e,
    });
  }
}

/** The charset a Content-Type header names, if any. */
export function charsetOf(contentType: string | null): string | undefined {
  return contentType ? /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] : undefined;
}
