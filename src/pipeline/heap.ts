// V8's heap, tuned for coding. Coding an article allocates many short-lived objects (tokens, mentions,
// matches), and articles coded in batches (codeStream) keep a batch's docs alive across scavenges, so more of
// them reach the old generation, which V8 then lets grow by up to four times its live size before collecting:
// a smaller growing step keeps the peak at the figure of doc-by-doc coding (about 280 MB for
// `dyad code --workers 1`) at no measured cost in speed. That flag is read at every collection, so setting it
// from JavaScript works.
//
// The young generation is another matter: its size is fixed when a heap is made. A worker thread gets it
// from its resourceLimits (below). The process's own thread keeps V8's default, whatever is set from
// JavaScript later (measured: the number of scavenges does not change); it can only be set on the command
// line, as `node --max-semi-space-size=32` or NODE_OPTIONS="--max-semi-space-size=32". Measured on the bench
// corpus (docs/bench.md): 32 MB codes about 3% faster than the default for 60 MB more peak RSS, 64 MB about
// 7% faster for 145 MB more; both within the machine's noise, so the CLI keeps the default.
import { setFlagsFromString } from "node:v8";

/** Semi-space size in MB of a worker thread's heap (its young generation holds about three of them). */
export const SEMI_SPACE_MB = 32;

/** How much the old generation may grow past its live size before the next full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/** Call first thing in an entry point (the CLI, the bench probe): later threads and heaps inherit it. */
export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** A worker thread's young generation, which is set when it starts. */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB };
