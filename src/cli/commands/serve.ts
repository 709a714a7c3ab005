// dyad serve: the HTTP API and the dashboard over a store, on loopback unless --host says otherwise.
import type { AddressInfo } from "node:net";
import type { Command } from "commander";
import { DyadError } from "../../core/errors.js";
import { DEFAULT_STORE, openStore } from "../../store/index.js";
import type { Io } from "../io.js";
import { addDbOption, parsePositiveInt } from "./store-options.js";

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  maxBody: string;
  cors?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new DyadError("E_USAGE", `--port wants 0-65535, got '${value}'`);
  return n;
}

/** The address to print: an IPv6 host goes in brackets. */
export function serverUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
}

export function registerServe(program: Command, io: Io): void {
  const cmd = program
    .command("serve")
    .description("serve the store over HTTP: the JSON API under /api, /openapi.json and the dashboard")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option(
      "--host <address>",
      "address to bind (loopback by default; 0.0.0.0 opens it to the network)",
      "127.0.0.1",
    )
    .option(
      "--token <token>",
      "accept writes (POST /api/articles) with Authorization: Bearer TOKEN (or DYAD_TOKEN)",
    )
    .option("--max-body <bytes>", "largest request body accepted", String(10 * 1024 * 1024))
    .option("--cors <origin>", "let pages from this origin call the API (default: no CORS)");
  addDbOption(cmd).action(async (opts: ServeOptions) => {
    const port = parsePort(opts.port);
    const maxBodyBytes = parsePositiveInt(opts.maxBody, "--max-body");
    const token = opts.token ?? (process.env.DYAD_TOKEN || undefined);
    const store = await openStore(opts.db ?? DEFAULT_STORE);
    const { createApp } = await import("../../api/app.js");
    const { serve } = await import("@hono/node-server");
    const app = createApp({ store, token, maxBodyBytes, corsOrigin: opts.cors });
    await new Promise<void>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info: AddressInfo) => {
        io.out(`Dyad serving ${store.location} at ${serverUrl(opts.host, info.port)}\n`);
        io.out(
          token
            ? "writes accepted with the bearer token\n"
            : "read-only (start with --token to accept writes)\n",
        );
      });
      server.on("error", (e) =>
        reject(new DyadError("E_USAGE", `cannot listen on ${opts.host}:${port}: ${e.message}`)),
      );
      const stop = () => {
        server.close(() => resolve());
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    }).finally(() => store.close());
  });
}
