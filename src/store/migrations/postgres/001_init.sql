-- Dyad store, PostgreSQL: articles and everything coded from them. Offsets are character offsets into articles.text.
CREATE TABLE articles (
  id          text PRIMARY KEY,
  date        date NOT NULL,
  title       text,
  url         text,
  source      text,
  origin      text,
  text_hash   text NOT NULL,
  record_hash text NOT NULL,
  text        text NOT NULL,
  errors_json text NOT NULL DEFAULT '[]',
  coded_at    text NOT NULL,
  tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- Ids that arrived with the text of an article already stored.
CREATE TABLE article_aliases (
  alias      text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_aliases_article ON article_aliases (article_id);

CREATE TABLE sentences (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n          integer NOT NULL,
  start_char integer,
  end_char   integer,
  text       text NOT NULL,
  PRIMARY KEY (article_id, n)
);

CREATE TABLE events (
  id            bigserial PRIMARY KEY,
  article_id    text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n             integer NOT NULL,
  event_key     text NOT NULL,
  sentence      integer NOT NULL,
  code          text NOT NULL,
  base_code     text NOT NULL,
  root          text NOT NULL,
  name          text NOT NULL,
  quad          smallint NOT NULL CHECK (quad BETWEEN 1 AND 4),
  goldstein     double precision NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
  plover_type   text,
  plover_mode   text,
  modality      text NOT NULL,
  date          text NOT NULL,
  day           date NOT NULL,
  date_text     text,
  trigger       text NOT NULL,
  trigger_start integer NOT NULL,
  trigger_end   integer NOT NULL,
  rule          text NOT NULL,
  confidence    double precision,
  evidence_text text
);
CREATE UNIQUE INDEX events_article_n ON events (article_id, n);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_root_day ON events (root, day);
CREATE INDEX events_code ON events (code text_pattern_ops);

CREATE TABLE event_actors (
  event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('source', 'target')),
  position   integer NOT NULL,
  code       text NOT NULL,
  country    text,
  org        text,
  sector     text,
  name       text NOT NULL,
  kb_id      text,
  text       text NOT NULL,
  start_char integer NOT NULL,
  end_char   integer NOT NULL,
  PRIMARY KEY (event_id, role, position)
);
-- For the actor filters (--actor, --source, --target, --dyad): term -> role -> event.
CREATE INDEX event_actors_code ON event_actors (code text_pattern_ops, role, event_id);
CREATE INDEX event_actors_country ON event_actors (country, role, event_id);
CREATE INDEX event_actors_org ON event_actors (org, role, event_id);
CREATE INDEX event_actors_name ON event_actors (lower(name), role, event_id);

CREATE TABLE places (
  event_id   bigint PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  name       text NOT NULL,
  country    text,
  lat        double precision,
  lon        double precision,
  text       text NOT NULL,
  start_char integer NOT NULL,
  end_char   integer NOT NULL
);
CREATE INDEX places_name ON places (lower(name));
CREATE INDEX places_country ON places (country);

CREATE TABLE quotes (
  id              bigserial PRIMARY KEY,
  article_id      text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n               integer NOT NULL,
  speaker_code    text,
  speaker_country text,
  speaker_org     text,
  speaker_sector  text,
  speaker_name    text,
  speaker_kb_id   text,
  speaker_text    text,
  speaker_start   integer,
  speaker_end     integer,
  cue             text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('direct', 'indirect')),
  text            text NOT NULL,
  start_char      integer NOT NULL,
  end_char        integer NOT NULL,
  sentence        integer NOT NULL,
  tsv             tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE UNIQUE INDEX quotes_article_n ON quotes (article_id, n);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code text_pattern_ops);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_speaker_org ON quotes (speaker_org);
CREATE INDEX quotes_speaker_name ON quotes (lower(speaker_name));
CREATE INDEX quotes_tsv ON quotes USING gin (tsv);

-- Articles that could not be read or coded, keyed by article id (or origin when there is no id).
CREATE TABLE errors (
  key         text PRIMARY KEY,
  article_id  text,
  origin      text,
  code        text NOT NULL,
  message     text NOT NULL,
  recorded_at text NOT NULL
);
