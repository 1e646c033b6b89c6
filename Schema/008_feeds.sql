-- Version 8: the feeds a person follows (`bilat feed add`), and what each pull has seen of them.
--
-- A feed is an RSS 2.0 or Atom document a ministry publishes; `bilat feed pull` reads it and imports each
-- item not imported before. The answer's ETag and Last-Modified are kept for the next pull's conditional
-- request, so that an unchanged feed costs one "304 Not Modified". An item is known by its guid (RSS) or
-- id (Atom), else its link; it is `imported_at` once its page went in, and an item that failed keeps its
-- reason and is tried again on the next pull.
CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    url            TEXT NOT NULL UNIQUE,
    etag           TEXT,
    last_modified  TEXT,
    added_at       TEXT NOT NULL,
    pulled_at      TEXT                    -- the last pull that read the feed (or was told it had not changed)
);

CREATE TABLE feed_items (
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,            -- guid or id, else the link
    link         TEXT NOT NULL,
    title        TEXT,
    published    TEXT,                     -- YYYY-MM-DD where the feed gives a date
    imported_at  TEXT,                     -- NULL until the item's page is in the archive
    meeting_id   TEXT,
    error        TEXT,                     -- why the last try failed
    PRIMARY KEY (feed_id, key)
);
