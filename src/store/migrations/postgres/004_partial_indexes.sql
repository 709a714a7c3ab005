-- Indexes on columns that are mostly null hold only the rows with a value: the queries compare these columns
-- with =, a strict operator that implies IS NOT NULL, so the planner uses the partial index just as it used
-- the full one. Most actors have no org key, many quotes no speaker country or org, and about one actor in
-- six no country. (The same change as SQLite's migration 004.)
DROP INDEX event_actors_org;
CREATE INDEX event_actors_org ON event_actors (org, role, event_id) WHERE org IS NOT NULL;
DROP INDEX event_actors_country;
CREATE INDEX event_actors_country ON event_actors (country, role, event_id) WHERE country IS NOT NULL;
DROP INDEX quotes_speaker_org;
CREATE INDEX quotes_speaker_org ON quotes (speaker_org) WHERE speaker_org IS NOT NULL;
DROP INDEX quotes_speaker_country;
CREATE INDEX quotes_speaker_country ON quotes (speaker_country) WHERE speaker_country IS NOT NULL;
