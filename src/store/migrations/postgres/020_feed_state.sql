-- dyad watch (issue 18): what each feed answered last, for conditional requests (ETag, Last-Modified), and
-- every item seen with the fingerprint of its feed entry, so that a restart fetches nothing stored twice and a
-- changed entry is fetched again. Numbered 020 to stay clear of the 00x migrations other work adds.
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  polled_at TEXT,
  status INTEGER,
  error TEXT
);
CREATE TABLE feed_items (
  feed_url TEXT NOT NULL,
  item_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  page_url TEXT NOT NULL,
  article_id TEXT,
  state TEXT NOT NULL CHECK (state IN ('stored', 'failed')),
  attempts INTEGER NOT NULL,
  error TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
