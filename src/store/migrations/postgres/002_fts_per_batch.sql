-- SQLite's migration 002 moved its full-text inserts from per-row triggers to one statement per batch.
-- PostgreSQL keeps its generated tsvector columns: nothing changes here; the file keeps the version
-- numbers of the two backends in step.
SELECT 1;
