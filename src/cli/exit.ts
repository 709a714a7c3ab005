// Exit codes of the dyad command, documented in the README.
export const EXIT = {
  OK: 0,
  /** Some articles failed; the others were processed. */
  ARTICLES_FAILED: 1,
  /** Invalid usage: unknown option, missing argument. */
  USAGE: 2,
  /** Nothing could be done: data files, store or pipeline broken. */
  FATAL: 3,
} as const;
