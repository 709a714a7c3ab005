// Web pages -> Article: the story's paragraphs, title, publication date and outlet. Pure: no I/O, the
// bytes come from a file, a URL or a WARC record read elsewhere in ingest/.
import { createHash } from "node:crypto";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { DyadError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { checkDate, DEFAULT_MAX_BYTES } from "./parse.js";

/** Default limit on a page's size before extraction: scripts and styles make pages far larger than their text. */
export const DEFAULT_MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface HtmlOptions {
  /** Date from the command line, used only when the page itself gives none. */
  date?: string;
  /** Where the page was fetched from; the canonical link in the page wins for the article's url. */
  url?: string;
  /** Limit on the extracted text, as for any article. */
  maxBytes?: number;
  /** Limit on the page itself. */
  maxPageBytes?: number;
  /** An id given by the caller (a feed item's); else one from the url, else from date and text. */
  id?: string;
}

/** What a page says about itself, read before Readability (which rewrites the document). */
export interface PageMeta {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

// Elements whose text is never part of the story, even when Readability keeps them inside the article.
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "IFRAME",
  "FIGURE",
  "FIGCAPTION",
  "ASIDE",
  "NAV",
  "BUTTON",
  "FORM",
  "SVG",
  "TEMPLATE",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
  "SELECT",
]);
// A copyright line closes a page, never a story.
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)/i;
const BLOCK = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "DL",
  "DT",
  "DD",
  "HR",
]);

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="DC.date"]',
  'meta[name="dc.date"]',
  'meta[name="date"]',
];
// schema.org's Article and its subtypes (NewsArticle, ReportageNewsArticle, ...), and blog posts.
const ARTICLE_TYPES = /(?:Article|BlogPosting)$/;
// Tags whose content is never the story: removed before Readability scores the page.
const STRIP_TAGS =
  "script,style,noscript,iframe,template,svg,form,button,select,input,textarea,dialog,nav,aside,figure,figcaption,header,footer,object,embed,video,audio," +
  "amp-ad,amp-embed,amp-sticky-ad,amp-social-share,amp-sidebar,amp-iframe,amp-video,amp-youtube,amp-twitter,amp-instagram";
const STRIP_ROLES =
  '[hidden],[aria-hidden="true"],[role=dialog],[role=alertdialog],[role=navigation],[role=banner],[role=contentinfo],[role=complementary]';
// Words of class, id and data-component names that mark page furniture on news sites.
const FURNITURE = new Set(
  (
    "cookie cookies consent gdpr privacy banner byline bylines author authors dateline timestamp caption credit credits " +
    "share sharing social related readmore read-more readnext more-on recommended recommendations mostread most-read " +
    "popular trending newsletter signup subscribe subscription promo promotion advert advertisement ad ads adslot " +
    "sponsor sponsored outbrain taboola comment comments disqus tags tag topics keywords submeta breadcrumb breadcrumbs " +
    "pagination paywall standfirst dek kicker sidebar widget toolbar masthead footer header menu nav skip modal popup " +
    "overlay links rich-link embed tweet twitter-tweet instagram-media sr-only visually-hidden hidden meta " +
    // the same furniture on Spanish, Portuguese, French and German sites
    "publicidad publicidade publicite publicité werbung anzeige pie rodape pied cabecera menu-lateral"
  ).split(" "),
);

/** Decodes a page's bytes: the charset of the HTTP header, else of a meta tag, else UTF-8. */
export function decodeHtml(bytes: Uint8Array, origin: string, headerCharset?: string): string {
  if (bytes.includes(0)) throw new DyadError("E_BINARY", "it contains NUL bytes", origin);
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const declared =
    headerCharset ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w-]+)/i.exec(head)?.[1];
  let label = (declared ?? "utf-8").toLowerCase();
  try {
    new TextDecoder(label);
  } catch {
    label = "utf-8";
  }
  try {
    return new TextDecoder(label, { fatal: label === "utf-8" }).decode(bytes).replace(/^\uFEFF/, "");
  } catch (e) {
    throw new DyadError("E_UTF8", undefined, origin, { cause: e });
  }
}

/** True when text looks like an HTML document rather than an article in the reference format. */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head);
}

/** Reads a page: metadata, then the story's paragraphs joined by blank lines. */
export function parseHtml(html: string, origin: string, options: HtmlOptions = {}): Article {
  const maxPage = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const size = Buffer.byteLength(html, "utf8");
  if (size > maxPage) throw new DyadError("E_TOO_LARGE", `a page of ${size} bytes, limit ${maxPage}`, origin);
  const { document } = parseHTML(html);
  const meta = pageMeta(document as unknown as Document, options.url);
  stripFurniture(document as unknown as Document);
  const parsed = new Readability<Node>(document as unknown as Document, {
    serializer: (node) => node,
    // Short wire stories are stories too; the default threshold of 500 characters drops them.
    charThreshold: 200,
  }).parse();
  const paragraphs = parsed?.content ? storyParagraphs(parsed.content) : [];
  const title = withoutOutlet(meta.title ?? clean(parsed?.title ?? ""), meta.outlet);
  if (paragraphs.length > 0 && title && paragraphs[0] === title) paragraphs.shift();
  const text = paragraphs.join("\n\n");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new DyadError("E_TOO_LARGE", `the story has more than ${maxBytes} bytes`, origin);
  }
  if (text === "") throw new DyadError("E_EMPTY", "no story text found in the page", origin);
  const found = meta.date ?? (parsed?.publishedTime ? toDay(parsed.publishedTime) : undefined);
  const date = found ?? (options.date ? checkDate(options.date, origin) : undefined);
  if (!date) {
    throw new DyadError(
      "E_NO_DATE",
      "the page gives no publication date (meta tags, JSON-LD or its URL): give --date",
      origin,
    );
  }
  const url = meta.url ?? options.url;
  const id = options.id ?? (url ? urlId(url) : contentIdOf(date, text));
  const article: Article = { id, date, text, origin };
  if (title) article.title = title;
  if (url) article.url = url;
  const outlet = meta.outlet ?? clean(parsed?.siteName ?? "") ?? hostOf(url);
  if (outlet) article.source = outlet;
  else if (url) article.source = hostOf(url);
  return article;
}

/** A stable id for a page: the same address is the same article, updated when its text changes. */
export function urlId(url: string): string {
  return createHash("sha256").update("url\n").update(url).digest("hex").slice(0, 16);
}

function contentIdOf(date: string, text: string): string {
  return createHash("sha256").update(date).update("\n").update(text).digest("hex").slice(0, 16);
}

/** Title, date, outlet and address from JSON-LD, meta tags and the URL, in that order of trust. */
export function pageMeta(document: Document, fetchedFrom?: string): PageMeta {
  const meta: PageMeta = {};
  for (const item of jsonLdItems(document)) {
    const type = item["@type"];
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) continue;
    meta.title ??= str(item.headline) ?? str(item.name);
    meta.date ??= toDay(str(item.datePublished) ?? str(item.dateCreated));
    const publisher = item.publisher as Record<string, unknown> | undefined;
    meta.outlet ??= str(publisher?.name);
    meta.url ??= absolute(str(item.url) ?? str(item.mainEntityOfPage), fetchedFrom);
  }
  const content = (selector: string) =>
    clean(document.querySelector(selector)?.getAttribute("content") ?? "");
  for (const selector of DATE_META) {
    if (meta.date) break;
    meta.date = toDay(content(selector));
  }
  meta.date ??= toDay(document.querySelector("time[itemprop=datePublished]")?.getAttribute("datetime") ?? "");
  meta.title ??= content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]');
  meta.outlet ??= content('meta[property="og:site_name"]') ?? content('meta[name="application-name"]');
  meta.url ??=
    absolute(
      document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
      fetchedFrom,
    ) ?? absolute(content('meta[property="og:url"]'), fetchedFrom);
  meta.date ??= dateInUrl(meta.url) ?? dateInUrl(fetchedFrom);
  return meta;
}

function jsonLdItems(document: Document): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      items.push(record);
      if (record["@graph"]) visit(record["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Broken JSON-LD is common on real sites; the meta tags and the URL still give the facts.
    }
  }
  return items;
}

/** The day a timestamp names, as written: "2025-05-26T23:30:00-05:00" is the 26th where it was published. */
export function toDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return valid(iso[1]);
  const compact = /^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(value);
  if (compact) return valid(`${compact[1]}-${compact[2]}-${compact[3]}`);
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return valid(`${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`);
}

/** A date in an article's address: /2025/05/26/, /2025-05-26-, /20250526/. */
export function dateInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? valid(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`) : undefined;
}

function valid(day: string): string | undefined {
  try {
    return checkDate(day);
  } catch {
    return undefined;
  }
}

/**
 * Removes what is never the story (scripts, embeds, navigation, cookie banners, bylines, captions, related
 * links, newsletter boxes, comments): Readability keeps such blocks when they sit inside the article.
 * A block holding most of the page's paragraph text is kept whatever its name: some sites wrap the whole
 * story in a "main-header" or "content-meta".
 */
function stripFurniture(document: Document): void {
  for (const el of [...document.querySelectorAll(STRIP_TAGS)]) {
    if (!holdsStory(el, document)) el.remove();
  }
  for (const el of [...document.querySelectorAll(STRIP_ROLES)]) {
    if (!holdsStory(el, document)) el.remove();
  }
  for (const el of [...document.querySelectorAll("[class],[id],[data-component]")]) {
    if (!el.isConnected) continue;
    const names = [el.getAttribute("class"), el.getAttribute("id"), el.getAttribute("data-component")]
      .join(" ")
      .toLowerCase();
    const words = names.split(/[\s_]+/).flatMap((w) => [w, ...w.split("-")]);
    if (!words.some((w) => FURNITURE.has(w))) continue;
    if (!holdsStory(el, document)) el.remove();
  }
}

function holdsStory(el: Element, document: Document): boolean {
  if (el.querySelector("article,main,[itemprop=articleBody]")) return true;
  const total = paragraphText(document.body ?? document.documentElement);
  return total > 0 && paragraphText(el) > total / 2;
}

function paragraphText(root: Element): number {
  let n = 0;
  for (const p of root.querySelectorAll("p")) n += (p.textContent ?? "").length;
  return n;
}

/** The story as paragraphs: text of block elements, captions, embeds and widgets left out. */
function storyParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  const headings = new Set<string>();
  // Blocks made (mostly) of links: lists of related stories and topic tags, not sentences of the story.
  const linkLists = new Set<string>();
  let buffer = "";
  const flush = () => {
    const p = clean(buffer);
    if (p) paragraphs.push(p);
    buffer = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).tagName.toUpperCase();
    if (SKIP.has(name) || (node as Element).getAttribute("hidden") !== null) return;
    if (name === "BR") {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (block && /^(P|LI|DIV|H[1-6]|DD|TD)$/.test(name) && isLinkList(node as Element)) {
      const text = clean(node.textContent ?? "");
      if (text) linkLists.add(text);
    }
    if (/^H[1-6]$/.test(name)) {
      const text = clean(node.textContent ?? "");
      if (text) headings.add(text);
    }
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  const kept = paragraphs.filter((p) => !linkLists.has(p) && !COPYRIGHT.test(p));
  // A heading introduces what follows it; with nothing of the story after it, it titled removed furniture.
  return kept.filter((p, i) => !headings.has(p) || (i + 1 < kept.length && !headings.has(kept[i + 1])));
}

/** "Talks resume :: Daily News" -> "Talks resume" when the page names its outlet "Daily News". */
function withoutOutlet(title: string | undefined, outlet: string | undefined): string | undefined {
  if (!title || !outlet || !title.endsWith(outlet) || title.length === outlet.length) return title;
  const head = title.slice(0, -outlet.length);
  const cut = /\s*[|:\-–—»·/\\]+\s*$/.exec(head);
  return cut ? head.slice(0, cut.index) || title : title;
}

function isLinkList(el: Element): boolean {
  const all = (el.textContent ?? "").replace(/\s+/g, "").length;
  if (all === 0) return false;
  let linked = 0;
  for (const a of el.querySelectorAll("a")) linked += (a.textContent ?? "").replace(/\s+/g, "").length;
  return linked / all > 0.6;
}

function clean(s: string): string | undefined {
  const t = s.replace(/\s+/g, " ").trim();
  return t === "" ? undefined : t;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return clean(v);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const record = v as Record<string, unknown>;
    return str(record["@id"] ?? record.url);
  }
  return undefined;
}

function absolute(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}
