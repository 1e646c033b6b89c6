-- Version 5: a readout is known by the place it came from, never by its base name.
--
-- Until version 4 a changed file replaced the readout stored under the same base name, so two readouts
-- both saved as `readout.txt` (or `index.html`) in different folders replaced one another. A readout's
-- place is now the resolved absolute path of its file, or the canonical URL of a web page; the base name
-- stays for display. Readouts stored before this version have no path (it was never recorded): they are
-- never replaced by another file's name, and take their path when the same bytes are imported again.
ALTER TABLE sources ADD COLUMN path TEXT;

DROP INDEX sources_file_name;
CREATE INDEX sources_path ON sources(path) WHERE path IS NOT NULL;
CREATE INDEX sources_page_url ON sources(url) WHERE url IS NOT NULL AND media_type = 'text/html';

-- A text that says nothing of how the sides met has no format (NULL), as it has no date or time. Only
-- the NOT NULL constraint goes: that changes nothing in the stored rows, so the table's definition is
-- edited in place (SQLite's documented way to drop such a constraint) instead of copying every meeting.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, 'format           TEXT NOT NULL CHECK', 'format           TEXT CHECK')
WHERE type = 'table' AND name = 'meetings';
PRAGMA writable_schema = RESET;
