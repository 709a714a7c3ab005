-- A sentence row keeps its offsets, and its text only when articles.text cannot give it back by them (the
-- writer's rule: see sliceableUpTo in src/store/rows.ts); the queries read
-- coalesce(text, substr(article text, offsets)). The sentences were the article text a second time.
-- SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt, keeping a text only where the
-- cut differs from it.
CREATE TABLE sentences_new (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  n          INTEGER NOT NULL,
  start_char INTEGER,
  end_char   INTEGER,
  text       TEXT,
  PRIMARY KEY (article_id, n)
) WITHOUT ROWID;
INSERT INTO sentences_new (article_id, n, start_char, end_char, text)
  SELECT s.article_id, s.n, s.start_char, s.end_char,
    CASE WHEN s.start_char IS NOT NULL AND s.end_char IS NOT NULL
      AND substr(a.text, s.start_char + 1, s.end_char - s.start_char) = s.text THEN NULL ELSE s.text END
  FROM sentences s LEFT JOIN articles a ON a.id = s.article_id;
DROP TABLE sentences;
ALTER TABLE sentences_new RENAME TO sentences;
