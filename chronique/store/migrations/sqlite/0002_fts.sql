-- optional: fts5
-- Full-text search over article title/text and event sentences. SQLite builds
-- without FTS5 skip this migration; the store then searches with LIKE.
-- remove_diacritics 2: "frappe" finds "frappé", as French users type it.

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    article_id UNINDEXED, title, text,
    tokenize = "unicode61 remove_diacritics 2"
);
CREATE VIRTUAL TABLE events_fts USING fts5 (
    event_id UNINDEXED, event_text,
    tokenize = "unicode61 remove_diacritics 2"
);
INSERT INTO articles_fts (article_id, title, text) SELECT id, title, text FROM articles;
INSERT INTO events_fts (event_id, event_text) SELECT id, event_text FROM events;
