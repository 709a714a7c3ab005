// Preloaded (node --import) into a measured `dyad` process: reports its peak resident set, all threads
// included, on stderr as it exits, so the bench can read it without polling.
import { writeSync } from "node:fs";
import { RSS_MARK } from "./report.js";

process.on("exit", () => {
  writeSync(2, `\n${RSS_MARK}${process.resourceUsage().maxRSS}\n`);
});
