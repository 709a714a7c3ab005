// WARC archives (ISO 28500, plain or gzipped, as crawlers and web archives write them) -> one article per
// archived HTML page.
import { createReadStream } from "node:fs";
import { WARCParser } from "warcio";
import { DyadError, toDyadError } from "../core/errors.js";
import { DEFAULT_MAX_PAGE_BYTES, decodeHtml, parseHtml } from "./html.js";
import { charsetOf } from "./http.js";
import type { ReadOptions, ReadResult } from "./index.js";

/**
 * Reads the archive's response records whose HTTP answer is a 2xx HTML page; requests, metadata, images
 * and redirects are skipped. The capture date is not the publication date: a page that gives none takes
 * --date, else fails with E_NO_DATE naming the page and the archive.
 */
export async function* readWarc(path: string, options: ReadOptions): AsyncGenerator<ReadResult> {
  const maxPage = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  let n = 0;
  try {
    for await (const record of new WARCParser(createReadStream(path))) {
      n++;
      if (!record.warcHeaders.statusline.startsWith("WARC/")) {
        throw new DyadError("E_WARC", `record ${n} does not start with a WARC version line`, path);
      }
      if (record.warcType !== "response") continue;
      const uri = record.warcTargetURI ?? undefined;
      const http = record.httpHeaders;
      const type = http?.headers.get("content-type") ?? "";
      const status = Number(http?.statusCode ?? 0);
      if (!/html/i.test(type) || status < 200 || status >= 300) continue;
      const origin = `${path}#${n}${uri ? ` ${uri}` : ""}`;
      try {
        const length = Number(record.warcHeader("Content-Length") ?? 0);
        if (length > maxPage) {
          throw new DyadError("E_TOO_LARGE", `a record of ${length} bytes, limit ${maxPage}`, origin);
        }
        const bytes = await record.readFully(true);
        const html = decodeHtml(bytes, origin, charsetOf(type));
        yield {
          ok: true,
          article: parseHtml(html, origin, {
            date: options.date,
            maxBytes: options.maxBytes,
            maxPageBytes: maxPage,
            url: uri,
          }),
        };
      } catch (e) {
        yield { ok: false, error: toDyadError(e, "E_READ", origin) };
      }
    }
  } catch (e) {
    yield { ok: false, error: toDyadError(e, "E_WARC", `${path}#${n}`) };
  }
  if (n === 0) yield { ok: false, error: new DyadError("E_WARC", "no WARC record in the file", path) };
}
