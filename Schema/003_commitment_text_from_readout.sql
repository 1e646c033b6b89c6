-- Version 3: a commitment's sentence is part of its readout's text, so it is no longer stored twice.
--
-- The table becomes `commitments_stored`: what is kept of each commitment (its place, its side) and
-- where its sentence lies in the readout text, or the sentence itself when the text does not hold it
-- (a record imported from an export). `commitments` becomes a view that reads the sentence back, so
-- every query — and `bilat sql` — reads commitments as before.

DROP TRIGGER commitments_fts_insert;
DROP TRIGGER commitments_fts_delete;
DROP TABLE commitment_fts;
-- Renaming keeps the rows, the indexes and the references of commitment_topics, and points the
-- overview's count at the stored rows (the sentences are not needed for a count).
ALTER TABLE commitments RENAME TO commitments_stored;
-- Where the sentence starts in the readout text (in characters, from 1, as substr counts) and its length;
-- NULL when `text` holds the sentence itself. `text` is '' when the sentence is read from the readout.
ALTER TABLE commitments_stored ADD COLUMN text_start INTEGER;
ALTER TABLE commitments_stored ADD COLUMN text_length INTEGER;

UPDATE commitments_stored AS c
SET text_start = instr(d.body, c.text), text_length = length(c.text), text = ''
FROM readout_documents d
WHERE d.num = c.meeting_num AND instr(d.body, c.text) > 0;

-- Each commitment with its sentence (the joins are lookups by primary key).
CREATE VIEW commitments AS
SELECT c.id,
       c.meeting_num,
       c.position,
       CASE WHEN c.text_start IS NULL THEN c.text
            ELSE substr(coalesce(s.text, CAST(s.content AS TEXT)), c.text_start, c.text_length) END AS text,
       c.bound,
       c.char_offset
FROM commitments_stored c
LEFT JOIN meetings m ON m.num = c.meeting_num
LEFT JOIN sources s ON s.id = m.source_id;

-- Full-text search over commitment sentences (`commitments --match`), reading them through the view.
-- Matches are listed by date, not ranked, so the index keeps no document sizes (columnsize = 0).
CREATE VIRTUAL TABLE commitment_fts USING fts5(
    text,
    content = 'commitments', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);
INSERT INTO commitment_fts(commitment_fts) VALUES ('rebuild');

CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments_stored BEGIN
    INSERT INTO commitment_fts(rowid, text) SELECT id, text FROM commitments WHERE id = new.id;
END;
-- A sentence kept in the row leaves the index with the row. A sentence read from a readout leaves it
-- before the readout's source goes (when the row goes, the text it was read from is gone already).
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments_stored WHEN old.text_start IS NULL BEGIN
    INSERT INTO commitment_fts(commitment_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sources_commitment_fts_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO commitment_fts(commitment_fts, rowid, text)
    SELECT 'delete', c.id, c.text
    FROM commitments_stored cs JOIN commitments c ON c.id = cs.id JOIN meetings m ON m.num = cs.meeting_num
    WHERE m.source_id = old.id AND cs.text_start IS NOT NULL;
END;
