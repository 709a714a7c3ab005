import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { WARCRecord, WARCSerializer } from "warcio";
import { html, startServer, type TestServer } from "../../test/helpers/http-server.js";
import { type ReadResult, readInputs } from "./index.js";

const PAGE = readFileSync("test/fixtures/pages/01-wire.html", "utf8");
const NO_DATE = readFileSync("test/fixtures/pages/07-no-date.html", "utf8");
let server: TestServer;

before(async () => {
  server = await startServer({
    "/world/kenya": html(PAGE),
    "/slow": (_req, res) => {
      // Headers and a first chunk at once, then nothing: the time limit covers the body too.
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>Iran and Iraq");
    },
    "/announced-50mb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      res.write("<html>");
    },
    "/streamed-50mb": async (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(1024 * 1024, "a");
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    },
  });
});
after(() => server.close());

async function all(inputs: string[], options = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(inputs, options)) out.push(r);
  return out;
}

function codes(results: ReadResult[]): string[] {
  return results.map((r) => (r.ok ? `ok ${r.article.date}` : r.error.code));
}

test("a URL is fetched and read as a page: story, title, date, outlet and its address (issue 18)", async () => {
  const [r] = await all([`${server.base}/world/kenya`]);
  assert.ok(r.ok);
  assert.equal(r.article.date, "2025-03-14");
  assert.equal(r.article.source, "Continental Wire");
  assert.equal(r.article.title, "Kenya and Ethiopia sign border security pact");
  assert.ok(r.article.text.startsWith("NAIROBI, March 14"));
});

test("a slow server hits the time limit with E_TIMEOUT naming the address, and the batch goes on (issue 18)", async () => {
  const results = await all([`${server.base}/slow`, `${server.base}/world/kenya`], { timeoutMs: 300 });
  assert.deepEqual(codes(results), ["E_TIMEOUT", "ok 2025-03-14"]);
  assert.ok(!results[0].ok && results[0].error.message.includes("/slow"));
});

test("a 50 MB page is refused, announced or streamed, with E_TOO_LARGE (issue 18)", async () => {
  const results = await all([`${server.base}/announced-50mb`, `${server.base}/streamed-50mb`]);
  assert.deepEqual(codes(results), ["E_TOO_LARGE", "E_TOO_LARGE"]);
});

test("an HTTP error or an unreachable server is E_FETCH naming the address", async () => {
  const results = await all([`${server.base}/gone`, "http://127.0.0.1:1/x"]);
  assert.deepEqual(codes(results), ["E_FETCH", "E_FETCH"]);
  assert.ok(!results[0].ok && /HTTP 404/.test(results[0].error.message));
});

test("a directory of saved pages gives one article a page; the undated one fails with E_NO_DATE by name", async () => {
  const results = await all(["test/fixtures/pages"]);
  assert.equal(results.length, 20);
  const failed = results.filter((r) => !r.ok);
  assert.equal(failed.length, 1);
  assert.ok(
    !failed[0].ok &&
      failed[0].error.code === "E_NO_DATE" &&
      failed[0].error.message.includes("07-no-date.html"),
  );
  const dated = await all(["test/fixtures/pages"], { date: "2025-08-18" });
  assert.equal(dated.filter((r) => r.ok).length, 20);
});

async function warcRecord(
  url: string,
  body: string | Uint8Array,
  type: string,
  kind: "response" | "request" = "response",
) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const record = WARCRecord.create(
    {
      url,
      date: "2025-12-01T10:00:00Z",
      type: kind,
      httpHeaders: kind === "response" ? { "Content-Type": type } : { Host: new URL(url).host },
      statusline: kind === "response" ? "HTTP/1.1 200 OK" : "GET / HTTP/1.1",
    },
    (async function* () {
      yield bytes;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

test("a WARC archive gives its HTML responses; requests and images are skipped; the capture date is not a publication date (issue 18)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-warc-"));
  const path = join(dir, "crawl.warc.gz");
  const parts = [
    await warcRecord("https://www.continentalwire.example/x", "", "", "request"),
    await warcRecord(
      "https://www.continentalwire.example/y",
      PAGE.replace("2025-03-14T09", "2025-03-15T09"),
      "text/html",
    ),
    await warcRecord("https://www.continentalwire.example/x", PAGE, "text/html; charset=utf-8"),
    await warcRecord("https://img.example/a.jpg", new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg"),
    await warcRecord("https://andes.example/talks", NO_DATE, "text/html"),
  ];
  writeFileSync(path, Buffer.concat(parts));
  const results = await all([path]);
  assert.deepEqual(codes(results), ["ok 2025-03-15", "ok 2025-03-14", "E_NO_DATE"]);
  assert.ok(!results[2].ok && results[2].error.message.includes("https://andes.example/talks"));
  assert.ok(results[1].ok && results[1].article.source === "Continental Wire");
});

test("a file that is not a WARC archive is E_WARC", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-warc-"));
  const path = join(dir, "broken.warc");
  writeFileSync(path, "this is not an archive\n\n");
  const results = await all([path]);
  assert.deepEqual(codes(results), ["E_WARC"]);
});
