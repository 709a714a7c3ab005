// The store contract on PostgreSQL: a fresh database per run on the server at DYAD_TEST_PG, one schema per test.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { storeContract } from "../contract.js";
import { openStore } from "../index.js";
import { parsePostgresUrl } from "./index.js";

const server = process.env.DYAD_TEST_PG;
const skip = server
  ? undefined
  : "DYAD_TEST_PG is not set: give it a postgres:// URL of a PostgreSQL 15 server to run the PostgreSQL store tests (.ci/run does)";
if (skip) process.stdout.write(`# skipping PostgreSQL store tests: ${skip}\n`);

const database = `dyad_test_${process.pid}_${Date.now()}`;

function databaseUrl(name: string): string {
  const url = new URL(server ?? "postgres://localhost/postgres");
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

if (server) {
  before(() => admin((c) => c.query(`CREATE DATABASE ${database}`)));
  after(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));
}

const freshUrl = async () => `${databaseUrl(database)}?schema=t_${randomUUID().replaceAll("-", "")}`;

storeContract("postgres", freshUrl, { skip });

describe("postgres store", () => {
  it("keeps passwords out of its location", () => {
    const t = parsePostgresUrl("postgres://dyad:secret@db.example:5433/events?schema=team_a");
    assert.equal(t.schema, "team_a");
    assert.doesNotMatch(t.location, /secret/);
    assert.doesNotMatch(t.connectionString, /schema=/);
  });

  it("lets two stores open the same fresh schema at once", { skip }, async () => {
    const url = await freshUrl();
    const [a, b] = await Promise.all([openStore(url), openStore(url)]);
    assert.deepEqual(await a.migrations(), await b.migrations());
    await Promise.all([a.close(), b.close()]);
  });
});
