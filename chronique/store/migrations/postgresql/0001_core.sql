-- chronique schema, version 1 (PostgreSQL twin of sqlite/0001_core.sql).
-- Every event keeps its full PLOVER record as JSON in `record`; the other
-- columns are copies made for filtering and never the source of truth.

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    url           TEXT,
    title         TEXT,
    published     TEXT,
    lang          TEXT,
    outlet        TEXT,
    source        TEXT,
    text          TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    doc_id          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_type      TEXT,            -- first PLOVER type
    event_types     TEXT,            -- every PLOVER type, space separated
    mode            TEXT,            -- every mode, space separated
    context         TEXT,            -- every context, space separated
    date            TEXT,
    enddate         TEXT,
    date_lo         TEXT,            -- first day the date range covers (YYYY-MM-DD)
    date_hi         TEXT,            -- last day the date range covers (YYYY-MM-DD)
    date_precision  TEXT,
    country         TEXT,            -- alpha-2 country of event_loc
    geonameid       INTEGER,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    place           TEXT,
    modality        TEXT,
    dead            INTEGER,
    injured         INTEGER,
    lang            TEXT,
    event_text      TEXT,            -- the event's sentences, newline separated
    record          TEXT NOT NULL    -- the full event record (JSON)
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_dates ON events (date_lo, date_hi);
CREATE INDEX events_country ON events (country);

CREATE TABLE event_actors (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'claimant')),
    position  INTEGER NOT NULL,
    text      TEXT,
    name      TEXT,
    country   TEXT,                  -- alpha-3
    sector    TEXT,
    text_lc   TEXT,                  -- casefolded copies: case-insensitive matching
    name_lc   TEXT,                  -- that works for accents in every dialect
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_actors_name ON event_actors (name_lc);
CREATE INDEX event_actors_country ON event_actors (country);
