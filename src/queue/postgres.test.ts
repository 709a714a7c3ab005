// The queue contract on PostgreSQL: a fresh database per run on the server at DYAD_TEST_PG, one schema per test.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { isDyadError } from "../core/errors.js";
import { queueContract } from "./contract.js";
import { openQueue } from "./index.js";

const server = process.env.DYAD_TEST_PG;
const skip = server
  ? undefined
  : "DYAD_TEST_PG is not set: give it a postgres:// URL of a PostgreSQL 15 server to run the queue tests (.ci/run does)";
if (skip) process.stdout.write(`# skipping PostgreSQL queue tests: ${skip}\n`);

const database = `dyad_queue_${process.pid}_${Date.now()}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (server) {
  before(() => admin(`CREATE DATABASE ${database}`));
  after(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}

const fresh = async () => {
  const url = new URL(server ?? "postgres://localhost/postgres");
  url.pathname = `/${database}`;
  return `${url.toString()}?schema=q_${randomUUID().replaceAll("-", "")}`;
};

queueContract("postgres", fresh, openQueue, { skip });

describe("postgres queue", () => {
  it("refuses a SQLite store: the queue needs a server every worker reaches", async () => {
    await assert.rejects(openQueue("./dyad.db"), (e) => isDyadError(e) && e.code === "E_QUEUE_URL");
  });
});
