-- The writer fills articles_fts and quotes_fts once per batch (INSERT ... SELECT of the rows the batch added)
-- instead of a trigger per row: FTS5 flushes its pending terms at every statement that writes to it, so the
-- triggers made a new index segment per article and per quote. Deletes and updates keep their triggers.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER quotes_fts_insert;
