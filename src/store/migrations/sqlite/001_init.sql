-- Dyad store, SQLite: articles and everything coded from them. Offsets are character offsets into articles.text.
-- seq keeps the rowid stable (VACUUM renumbers implicit rowids), which the full-text index points at.
CREATE TABLE articles (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  title       TEXT,
  url         TEXT,
  source      TEXT,
  origin      TEXT,
  text_hash   TEXT NOT NULL,
  record_hash TEXT NOT NULL,
  text        TEXT NOT NULL,
  errors_json TEXT NOT NULL DEFAULT '[]',
  coded_at    TEXT NOT NULL
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_date ON articles (date);

-- Ids that arrived with the text of an article already stored.
CREATE TABLE article_aliases (
  alias      TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_aliases_article ON article_aliases (article_id);

CREATE TABLE sentences (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n          INTEGER NOT NULL,
  start_char INTEGER,
  end_char   INTEGER,
  text       TEXT NOT NULL,
  PRIMARY KEY (article_id, n)
) WITHOUT ROWID;

CREATE TABLE events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n             INTEGER NOT NULL,
  event_key     TEXT NOT NULL,
  sentence      INTEGER NOT NULL,
  code          TEXT NOT NULL,
  base_code     TEXT NOT NULL,
  root          TEXT NOT NULL,
  name          TEXT NOT NULL,
  quad          INTEGER NOT NULL CHECK (quad BETWEEN 1 AND 4),
  goldstein     REAL NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
  plover_type   TEXT,
  plover_mode   TEXT,
  modality      TEXT NOT NULL,
  date          TEXT NOT NULL,
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_text     TEXT,
  trigger       TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end   INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  confidence    REAL,
  evidence_text TEXT
);
CREATE UNIQUE INDEX events_article_n ON events (article_id, n);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_root_day ON events (root, day);
CREATE INDEX events_code ON events (code);

CREATE TABLE event_actors (
  event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('source', 'target')),
  position   INTEGER NOT NULL,
  code       TEXT NOT NULL,
  country    TEXT,
  org        TEXT,
  sector     TEXT,
  name       TEXT NOT NULL,
  kb_id      TEXT,
  text       TEXT NOT NULL,
  start_char INTEGER NOT NULL,
  end_char   INTEGER NOT NULL,
  PRIMARY KEY (event_id, role, position)
) WITHOUT ROWID;
-- Covering indexes for the actor filters (--actor, --source, --target, --dyad): term -> role -> event.
CREATE INDEX event_actors_code ON event_actors (code, role, event_id);
CREATE INDEX event_actors_country ON event_actors (country, role, event_id);
CREATE INDEX event_actors_org ON event_actors (org, role, event_id);
CREATE INDEX event_actors_name ON event_actors (lower(name), role, event_id);

CREATE TABLE places (
  event_id   INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  country    TEXT,
  lat        REAL,
  lon        REAL,
  text       TEXT NOT NULL,
  start_char INTEGER NOT NULL,
  end_char   INTEGER NOT NULL
);
CREATE INDEX places_name ON places (lower(name));
CREATE INDEX places_country ON places (country);

CREATE TABLE quotes (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  speaker_code    TEXT,
  speaker_country TEXT,
  speaker_org     TEXT,
  speaker_sector  TEXT,
  speaker_name    TEXT,
  speaker_kb_id   TEXT,
  speaker_text    TEXT,
  speaker_start   INTEGER,
  speaker_end     INTEGER,
  cue             TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
  text            TEXT NOT NULL,
  start_char      INTEGER NOT NULL,
  end_char        INTEGER NOT NULL,
  sentence        INTEGER NOT NULL
);
CREATE UNIQUE INDEX quotes_article_n ON quotes (article_id, n);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_speaker_org ON quotes (speaker_org);
CREATE INDEX quotes_speaker_name ON quotes (lower(speaker_name));

-- Articles that could not be read or coded, keyed by article id (or origin when there is no id).
CREATE TABLE errors (
  key         TEXT PRIMARY KEY,
  article_id  TEXT,
  origin      TEXT,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);

-- Full-text search (external content: the text lives once, in articles and quotes).
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = 'quotes', content_rowid = 'id', tokenize = 'porter unicode61');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
