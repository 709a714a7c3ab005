// Registers the store commands: ingest, events, quotes, article, errors, series, export, serve, watch.
import type { Command } from "commander";
import type { Io } from "../io.js";
import { registerArticle } from "./article.js";
import { registerErrors } from "./errors.js";
import { registerEvents } from "./events.js";
import { registerExport } from "./export.js";
import { registerIngest } from "./ingest.js";
import { registerQueueCommands } from "./queue.js";
import { registerQuotes } from "./quotes.js";
import { registerSeries } from "./series.js";
import { registerServe } from "./serve.js";
import { registerWatch } from "./watch.js";

export function registerStoreCommands(program: Command, io: Io): void {
  registerIngest(program, io);
  registerEvents(program, io);
  registerQuotes(program, io);
  registerArticle(program, io);
  registerErrors(program, io);
  registerSeries(program, io);
  registerExport(program, io);
  registerServe(program, io);
  registerQueueCommands(program, io);
  registerWatch(program, io);
}
