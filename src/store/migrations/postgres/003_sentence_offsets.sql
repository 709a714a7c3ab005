-- A sentence row keeps its offsets, and its text only when articles.text cannot give it back by them (the
-- writer's rule: see sliceableUpTo in src/store/rows.ts); the queries read
-- coalesce(text, substr(article text, offsets)). The sentences were the article text a second time.
ALTER TABLE sentences ALTER COLUMN text DROP NOT NULL;
UPDATE sentences s SET text = NULL
  FROM articles a
  WHERE a.id = s.article_id AND s.start_char IS NOT NULL AND s.end_char IS NOT NULL
    AND substr(a.text, s.start_char + 1, s.end_char - s.start_char) = s.text;
