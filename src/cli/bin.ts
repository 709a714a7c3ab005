// Entry point of the dyad executable.
import { run } from "./main.js";

const code = await run(process.argv.slice(2));
process.stdout.write("", () => process.exit(code));
