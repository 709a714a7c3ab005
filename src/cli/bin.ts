// Entry point of the dyad executable.
import { tuneHeap } from "../pipeline/heap.js";
import { run } from "./main.js";

tuneHeap();

const code = await run(process.argv.slice(2));
process.stdout.write("", () => process.exit(code));
