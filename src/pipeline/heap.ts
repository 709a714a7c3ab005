// V8's heap, tuned for coding. Coding an article allocates many short-lived objects (tokens, mentions,
// matches): with V8's default semi-space the scavenger runs so often that it costs about a tenth of the coding
// time, and a larger one buys 7-15% in `npm run bench` (docs/bench.md). Articles coded in batches
// (codeStream) keep a batch's docs alive across scavenges, so more of them reach the old generation, which V8
// then lets grow by up to four times its live size before collecting: a smaller growing step keeps the peak
// at the figure of doc-by-doc coding (about 280 MB for `dyad code --workers 1`) at no measured cost in speed.
import { setFlagsFromString } from "node:v8";

/** Semi-space size in MB (the young generation holds about three of them). */
export const SEMI_SPACE_MB = 32;

/** How much the old generation may grow past its live size before the next full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/** Call first thing in an entry point (the CLI, the bench probe): later threads and heaps inherit it. */
export function tuneHeap(): void {
  setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** The same for a worker thread, whose heap limits are set when it starts. */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB };
