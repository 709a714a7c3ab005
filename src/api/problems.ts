// The one place where Dyad's error catalogue meets HTTP: a status per code and a JSON problem body (RFC 9457).
import { DyadError, ERRORS, type ErrorCode, isDyadError } from "../core/errors.js";

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_FILTER: 400,
  E_USAGE: 400,
  E_JSONL: 400,
  E_FIELD: 400,
  E_NO_DATE: 400,
  E_BAD_DATE: 400,
  E_EMPTY: 400,
  E_UTF8: 400,
  E_BINARY: 400,
  E_AUTH: 401,
  E_READ_ONLY: 403,
  E_NO_ARTICLE: 404,
  E_NOT_ROUTE: 404,
  E_TOO_LARGE: 413,
  E_BODY_TOO_LARGE: 413,
  E_STORE_OPEN: 503,
  E_STORE_VERSION: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  /** The request field at fault (a filter or body field), when there is one. */
  field?: string;
}

/** The problem body for anything thrown; anything outside the catalogue is an E_INTERNAL 500. */
export function toProblem(e: unknown): Problem {
  const error = isDyadError(e) ? e : new DyadError("E_INTERNAL", e instanceof Error ? e.message : String(e));
  const status = statusOf(error.code);
  const problem: Problem = {
    type: `urn:dyad:error:${error.code}`,
    title: ERRORS[error.code],
    status,
    detail: error.message,
    code: error.code,
  };
  if (error.code === "E_FILTER" && error.origin) problem.field = error.origin;
  return problem;
}
