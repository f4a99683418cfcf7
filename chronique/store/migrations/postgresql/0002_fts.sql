-- Full-text search (PostgreSQL twin of sqlite/0002_fts.sql). The store writes
-- tsvectors of text it has casefolded and stripped of accents in Python, so
-- that no extension (unaccent) is needed on the server; the backfill below
-- only lowercases (rows stored before this migration).

CREATE TABLE articles_fts (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    doc         TSVECTOR NOT NULL
);
CREATE INDEX articles_fts_doc ON articles_fts USING GIN (doc);

CREATE TABLE events_fts (
    event_id  TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    doc       TSVECTOR NOT NULL
);
CREATE INDEX events_fts_doc ON events_fts USING GIN (doc);

INSERT INTO articles_fts (article_id, doc)
    SELECT id, to_tsvector('simple', lower(coalesce(title, '') || ' ' || text)) FROM articles;
INSERT INTO events_fts (event_id, doc)
    SELECT id, to_tsvector('simple', lower(coalesce(event_text, ''))) FROM events;
