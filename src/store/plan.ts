// Decides what a batch writes, from the batch and what the store already holds. Pure: both backends run it
// inside their write transaction, so idempotence means the same thing on SQLite and PostgreSQL.
import { type ArticleRows, type ItemHashes, itemHashes, sameRecord, toRows } from "./rows.js";
import type { BatchResult, FailedItem, IngestItem, WriteBatch, WriteOutcome } from "./types.js";

/** What the store holds for an article id or text hash of the batch. */
export interface ExistingArticle {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  text_hash: string;
  record_hash: string;
}

export interface ErrorRow {
  key: string;
  article_id: string | null;
  origin: string | null;
  code: string;
  message: string;
  recorded_at: string;
}

export interface AliasRow {
  alias: string;
  article_id: string;
}

export interface BatchPlan {
  /** Articles to (re)write, one per id. */
  writes: { status: "new" | "updated"; rows: ArticleRows }[];
  /** Ids already stored whose events, quotes and sentences are deleted before the new ones go in. */
  replace: string[];
  aliases: AliasRow[];
  /** Error keys to clear: articles that were coded this time. */
  clearErrors: string[];
  errors: ErrorRow[];
  outcomes: WriteOutcome[];
}

/** A batch with the hashes of each coded article, computed once for the lookup, the plan and the rows. */
export interface HashedBatch {
  coded: readonly (IngestItem & { hashes: ItemHashes })[];
  failed: readonly FailedItem[];
}

export function hashBatch(batch: WriteBatch): HashedBatch {
  return {
    coded: batch.coded.map((item) => ({ ...item, hashes: itemHashes(item) })),
    failed: batch.failed ?? [],
  };
}

/** The ids and text hashes a backend must look up before planning. */
export function lookupKeys(batch: HashedBatch): { ids: string[]; hashes: string[] } {
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const item of batch.coded) {
    ids.add(item.article.id);
    hashes.add(item.hashes.text);
  }
  return { ids: [...ids], hashes: [...hashes] };
}

function errorKey(f: FailedItem): string {
  return f.articleId ?? f.origin ?? "unknown";
}

/**
 * What makes two articles without a common id the same article: the same text on the same day. A wire
 * brief repeated on another day reports another day's events (issue 19).
 */
function identity(textHash: string, date: string): string {
  return `${textHash} ${date}`;
}

export function planBatch(batch: HashedBatch, existing: readonly ExistingArticle[], now: string): BatchPlan {
  const byId = new Map<string, { key: string; text_hash: string; record_hash: string }>();
  const byHash = new Map<string, string>();
  for (const e of existing) {
    const key = identity(e.text_hash, e.date);
    byId.set(e.id, { key, text_hash: e.text_hash, record_hash: e.record_hash });
    if (!byHash.has(key)) byHash.set(key, e.id);
  }
  const stored = new Set(existing.map((e) => e.id));
  const writes = new Map<string, { status: "new" | "updated"; rows: ArticleRows }>();
  const aliases = new Map<string, AliasRow>();
  const outcomes: WriteOutcome[] = [];
  const clearErrors = new Set<string>();

  for (const item of batch.coded) {
    const id = item.article.id;
    clearErrors.add(id);
    if (item.article.origin) clearErrors.add(item.article.origin);
    const th = item.hashes.text;
    const key = identity(th, item.article.date);
    const rh = item.hashes.record;
    const known = byId.get(id);
    // A store written before the current record hash holds the older kind: compared as such, so that
    // re-ingesting unchanged articles still writes nothing (and they keep their older hash).
    if (known && known.text_hash === th && sameRecord(known.record_hash, item, rh)) {
      outcomes.push({ id, status: "unchanged" });
      continue;
    }
    if (!known) {
      const other = byHash.get(key);
      if (other !== undefined && other !== id) {
        aliases.set(id, { alias: id, article_id: other });
        outcomes.push({ id, status: "duplicate", of: other });
        continue;
      }
    }
    if (known && byHash.get(known.key) === id) byHash.delete(known.key);
    byId.set(id, { key, text_hash: th, record_hash: rh });
    if (!byHash.has(key)) byHash.set(key, id);
    aliases.delete(id);
    const rows = toRows(item, now, item.hashes);
    const status = known ? "updated" : "new";
    const earlier = writes.get(id);
    writes.set(id, { status: earlier?.status === "new" ? "new" : status, rows });
    outcomes.push({ id, status, events: rows.events.length, quotes: rows.quotes.length });
  }

  const errors = new Map<string, ErrorRow>();
  for (const f of batch.failed) {
    const key = errorKey(f);
    errors.set(key, {
      key,
      article_id: f.articleId ?? null,
      origin: f.origin ?? null,
      code: f.code,
      message: f.message,
      recorded_at: now,
    });
  }
  return {
    writes: [...writes.values()],
    replace: [...writes.values()].filter((w) => stored.has(w.rows.article.id)).map((w) => w.rows.article.id),
    aliases: [...aliases.values()],
    clearErrors: [...clearErrors].filter((k) => !errors.has(k)),
    errors: [...errors.values()],
    outcomes,
  };
}

/** Totals of a planned batch, as reported to the caller once it is committed. */
export function summarise(plan: BatchPlan): BatchResult {
  const count = (s: WriteOutcome["status"]) => plan.outcomes.filter((o) => o.status === s).length;
  return {
    new: count("new"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    duplicate: count("duplicate"),
    failed: plan.errors.length,
    events: plan.writes.reduce((n, w) => n + w.rows.events.length, 0),
    quotes: plan.writes.reduce((n, w) => n + w.rows.quotes.length, 0),
    outcomes: plan.outcomes,
  };
}
