-- Event lists are ordered by date (undated last), then id: an index in that order
-- lets a page of the list be read without sorting every matching event.
CREATE INDEX IF NOT EXISTS events_list_order ON events ((date_lo IS NULL), date_lo, id);
ANALYZE events;
