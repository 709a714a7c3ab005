// V8's young generation. Coding an article allocates many short-lived objects (tokens, mentions, matches);
// with V8's default semi-space the scavenger runs so often that it costs about a tenth of the coding time.
// A larger one costs about 30 MB of memory per thread and buys 7-15% in `npm run bench` (docs/bench.md).
import { setFlagsFromString } from "node:v8";

/** Semi-space size in MB (the young generation holds about three of them). */
export const SEMI_SPACE_MB = 32;

/** Call first thing in an entry point (the CLI, the bench probe): later threads and heaps inherit it. */
export function tuneHeap(): void {
  setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MB}`);
}

/** The same for a worker thread, whose heap limits are set when it starts. */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB };
