// One catalogue of error codes. Every error Dyad reports comes from here, with its context.

export const ERRORS = {
  E_EMPTY: "the article is empty",
  E_BINARY: "the input is binary, not text",
  E_UTF8: "the input is not valid UTF-8",
  E_JSONL: "malformed JSONL line",
  E_FIELD: "a required field is missing or has the wrong type",
  E_NO_DATE: "no date: give --date, a 'date YYYY-MM-DD' header, or a YYYY-MM-DD in the file name",
  E_BAD_DATE: "impossible date",
  E_TOO_LARGE: "the article is larger than the limit",
  E_READ: "the input cannot be read",
  E_NOT_FOUND: "no such file or directory",
  E_NO_INPUT: "no article was read",
  E_LINK: "a symbolic link cannot be followed",
  E_FETCH: "the address cannot be fetched",
  E_TIMEOUT: "the server did not answer in time",
  E_ROBOTS: "the site's robots.txt does not allow fetching this address",
  E_WARC: "the WARC file cannot be read",
  E_FEED: "the feed cannot be read",
  E_PIPELINE: "the pipeline is misconfigured",
  E_PIPELINE_RUN: "a pipeline component failed on this article",
  E_EVENT_LIMIT: "the article gives more events than one article may (the rest are not coded)",
  E_OUTPUT: "the article's record cannot be written",
  E_DATA: "a data file is malformed",
  E_MODEL: "a model file is missing, truncated or corrupt",
  E_STORE: "the store failed",
  E_STORE_URL: "unsupported store URL: give a file path, sqlite:PATH or postgres://...",
  E_STORE_OPEN: "the store cannot be opened",
  E_STORE_MIGRATION: "a schema migration of the store failed",
  E_STORE_VERSION: "the store was written by a newer version of Dyad",
  E_STORE_WRITE: "writing a batch to the store failed; the batch was rolled back",
  E_STORE_QUERY: "a store query failed",
  E_QUEUE: "the work queue failed",
  E_QUEUE_URL: "the work queue needs a PostgreSQL store: give --db postgres://...",
  E_QUEUE_PAYLOAD: "a queued batch cannot be read",
  E_QUEUE_LEASE:
    "the batch's lease was lost (its visibility timeout passed and another worker took it); not written",
  E_QUEUE_PARKED: "the batch failed on every try and is parked",
  E_NO_ARTICLE: "no article with this id in the store",
  E_EXPORT: "the export failed",
  E_USAGE: "invalid command-line usage",
  E_FILTER: "invalid filter",
  E_AUTH: "this request needs a valid bearer token",
  E_BODY_TOO_LARGE: "the request body is larger than the limit",
  E_NOT_ROUTE: "no such endpoint",
  E_READ_ONLY: "the server is read-only: start it with --token (or DYAD_TOKEN) to accept writes",
  E_INTERNAL: "an unexpected error",
  E_SCHEMA: "an output record does not match the contract",
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The tag that ends a DyadError's message: " [E_NO_DATE]". */
const TAG = /\s*\[E_[A-Z_]+\]$/;

/** An error with a code from the catalogue and the place it concerns (file, line, article id). */
export class DyadError extends Error {
  readonly code: ErrorCode;
  readonly origin?: string;
  readonly detail?: string;

  constructor(code: ErrorCode, detail?: string, origin?: string, options?: { cause?: unknown }) {
    // A detail made of another error's message brings its tag along: one tag per message, this error's.
    const own = detail?.replace(TAG, "");
    const parts = [origin, ERRORS[code], own].filter((p) => p !== undefined && p !== "");
    super(`${parts.join(": ")} [${code}]`, options);
    this.name = "DyadError";
    this.code = code;
    this.origin = origin;
    this.detail = detail;
  }
}

export function isDyadError(e: unknown): e is DyadError {
  return e instanceof DyadError;
}

/** Turns anything thrown into a DyadError, keeping the cause. */
export function toDyadError(e: unknown, code: ErrorCode, origin?: string): DyadError {
  if (e instanceof DyadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DyadError(code, message, origin, { cause: e });
}
