// A progress bar with articles/s on a terminal; silent when stderr is not a TTY.
import cliProgress from "cli-progress";

export interface Progress {
  tick(articles: number, events: number): void;
  stop(): void;
}

export function createProgress(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {value} articles | {rate} articles/s | {events} events | {erate} events/s`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { rate: "0", events: 0, erate: "0" });
  let events = 0;
  let articles = 0;
  return {
    tick(a, e) {
      articles += a;
      events += e;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.setTotal(articles);
      bar.update(articles, {
        rate: (articles / seconds).toFixed(1),
        events,
        erate: (events / seconds).toFixed(1),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
