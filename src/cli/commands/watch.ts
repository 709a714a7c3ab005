// dyad watch: poll RSS/Atom feeds, fetch, code and store each new or changed entry's page; --once for cron.
import type { Command } from "commander";
import { DEFAULT_MAX_ATTEMPTS, type PollSummary, Watcher } from "../../app/watch.js";
import { DEFAULT_STORE, openStore } from "../../store/index.js";
import { EXIT } from "../exit.js";
import { type Io, PAGE_OPTIONS, pageReadOptions, parseDuration, parseMaxBytes, reportError } from "../io.js";
import { KB_HELP, KB_OPTION, kbDirs } from "./kb-option.js";
import { addDbOption, parsePositiveInt } from "./store-options.js";

interface WatchCliOptions {
  db?: string;
  every: string;
  once?: boolean;
  delay: string;
  date?: string;
  maxBytes: string;
  maxPageBytes?: string;
  timeout?: string;
  maxAttempts: string;
  json?: boolean;
  kb?: string;
}

export function renderPoll(s: PollSummary, at: string): string {
  const feeds = `${s.feeds} feed${s.feeds === 1 ? "" : "s"} (${s.notModified} not modified, ${s.feedsFailed} failed)`;
  return `${at} polled ${feeds}: ${s.entries} entries, ${s.seen} seen before, ${s.fetched} fetched: ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed; ${s.events} events stored\n`;
}

export function registerWatch(program: Command, io: Io): void {
  const cmd = program
    .command("watch")
    .description("poll RSS/Atom feeds and code and store each new or changed entry's page")
    .argument("<feed...>", "feed URLs (http, https) or feed files");
  addDbOption(cmd)
    .option("--every <duration>", "time between polls (15m, 1h, 90s)", "15m")
    .option("--once", "poll once and exit (for cron); exit 1 when a feed or an entry failed")
    .option(
      "--delay <duration>",
      "least time between two requests to one host (robots.txt Crawl-delay if longer)",
      "1s",
    )
    .option("-d, --date <YYYY-MM-DD>", "date for pages that give none, when the feed entry gives none either")
    .option("--max-bytes <n>", "largest article text accepted, in bytes", "5242880")
    .option(
      "--max-attempts <n>",
      "fetches of a failing entry before it is given up",
      String(DEFAULT_MAX_ATTEMPTS),
    )
    .option("--json", "print each poll's summary as one JSON object");
  for (const [flag, help, value] of PAGE_OPTIONS) cmd.option(flag, help, value);
  cmd.option(KB_OPTION, KB_HELP).action(async (feeds: string[], opts: WatchCliOptions) => {
    const every = parseDuration(opts.every, "--every");
    const delayMs = opts.delay === "0" ? 0 : parseDuration(opts.delay, "--delay");
    const maxAttempts = parsePositiveInt(opts.maxAttempts, "--max-attempts") ?? DEFAULT_MAX_ATTEMPTS;
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const { createDyad } = await import("../../pipeline/dyad.js");
    const dyad = createDyad({ dataDir: kbDirs(opts.kb) });
    const store = await openStore(opts.db ?? DEFAULT_STORE);
    let failed = false;
    try {
      const watcher = new Watcher(
        { store, code: (article) => dyad.codeMany([article])[0], report: (e) => reportError(io, e) },
        {
          date: opts.date,
          maxBytes: parseMaxBytes(opts.maxBytes),
          ...pageReadOptions(opts),
          delayMs,
          maxAttempts,
          signal: stop.signal,
        },
      );
      for (;;) {
        const summary = await watcher.poll(feeds);
        const at = new Date().toISOString().slice(0, 19).concat("Z");
        io.out(opts.json ? `${JSON.stringify({ at, ...summary })}\n` : renderPoll(summary, at));
        if (summary.failed > 0 || summary.feedsFailed > 0) failed = true;
        if (opts.once || stop.signal.aborted) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, every);
          stop.signal.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (stop.signal.aborted) break;
      }
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await store.close();
    }
    if (failed && opts.once) io.exit(EXIT.ARTICLES_FAILED);
  });
}
