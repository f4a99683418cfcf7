-- Merging across articles (chronique/crossmerge): near-duplicate articles are
-- recorded as copies (MinHash signature and LSH band keys per article); every
-- article-level event is a report of one merged event (events.cluster_id), with
-- why it was attached (events.attached, JSON); merged_events keeps the merged
-- record and the keys its reports are scored by; merge_splits keeps the pairs of
-- reports a person split apart, so that no later ingest merges them again.

ALTER TABLE articles ADD COLUMN copy_of TEXT;
ALTER TABLE articles ADD COLUMN copy_similarity DOUBLE PRECISION;

CREATE TABLE article_minhash (
    article_id  TEXT PRIMARY KEY,
    signature   TEXT NOT NULL          -- hex of the MinHash values
);
CREATE TABLE article_bands (
    band        TEXT NOT NULL,         -- 'band number:hash of its rows'
    article_id  TEXT NOT NULL,
    PRIMARY KEY (band, article_id)
);

ALTER TABLE events ADD COLUMN cluster_id TEXT;
ALTER TABLE events ADD COLUMN attached TEXT;
CREATE INDEX events_cluster ON events (cluster_id);

CREATE TABLE merged_events (
    id             TEXT PRIMARY KEY,   -- the id of the report that founded it (stable)
    family         TEXT,               -- event family; NULL: never a merge candidate
    block_lo       TEXT,               -- days the reports may cover, slack included
    block_hi       TEXT,
    date_lo        TEXT,               -- the merged record's own date range (ordering)
    n_reports      INTEGER NOT NULL,
    n_sources      INTEGER NOT NULL,
    corroboration  TEXT NOT NULL,
    keys           TEXT NOT NULL,      -- JSON list of the reports' keys
    record         TEXT NOT NULL       -- the merged record (JSON)
);
CREATE INDEX merged_events_block ON merged_events (family, block_lo);
CREATE INDEX merged_events_order ON merged_events ((date_lo IS NULL), date_lo, id);

CREATE TABLE merge_splits (
    a           TEXT NOT NULL,         -- article-level event ids that must never share a merged event
    b           TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (a, b)
);
