// A progress bar with articles/s on a terminal; silent when stderr is not a TTY. When the size of the input
// is known (files, not standard input) it shows how much is done of the total and an ETA.
import type { Writable } from "node:stream";
import cliProgress from "cli-progress";

export interface Progress {
  /** Articles and events done since the last tick, and the bytes of input they came from. */
  tick(articles: number, events: number, bytes?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  enabled?: boolean;
  /** Bytes of input in all, when known: the bar then counts bytes and gives an ETA. */
  totalBytes?: number | null;
  /** Where the bar goes (stderr); a stream that is not a terminal gets a line per update. */
  stream?: Writable & { isTTY?: boolean };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}

/** The bar's line: with a total, the share of the input done and the time left. */
export function progressFormat(label: string, sized: boolean): string {
  const counts = "{articles} articles | {rate} articles/s | {events} events | {erate} events/s";
  return sized
    ? `${label} [{bar}] {percentage}% of {totalMb} MB | ${counts} | ETA {eta_formatted}`
    : `${label} ${counts}`;
}

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? process.stderr.isTTY === true;
  if (!enabled) return { tick() {}, stop() {} };
  const total = options.totalBytes ?? null;
  const sized = total !== null && total > 0;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: progressFormat(label, sized),
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: stream.isTTY !== true,
      notTTYSchedule: 1000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (articles: number, events: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      articles,
      events,
      rate: (articles / seconds).toFixed(1),
      erate: (events / seconds).toFixed(1),
      totalMb: sized ? megabytes(total) : "",
    };
  };
  bar.start(sized ? total : 0, 0, payload(0, 0));
  let events = 0;
  let articles = 0;
  let bytes = 0;
  return {
    tick(a, e, b = 0) {
      articles += a;
      events += e;
      bytes += b;
      if (sized) {
        bar.update(Math.min(bytes, total), payload(articles, events));
      } else {
        bar.setTotal(articles);
        bar.update(articles, payload(articles, events));
      }
    },
    stop() {
      bar.stop();
    },
  };
}
