-- Version 6: one meeting, many readouts.
--
-- A meeting is the event; a readout is one published text about it. Both sides often publish one, in
-- several languages. Each row of `sources` is now a readout of a meeting (`meeting_num`, in import
-- order `position`), with what is known of it as a publication (its own title, language, publishing
-- side, publication date) and what it states of the meeting itself (date, clock, length, format,
-- venue): the meeting keeps the first-imported readout's value of each fact, and readouts that state
-- another are its conflicts. `meetings.source_id` stays the first readout.
--
-- A readout known only from an export (a meeting record lists every readout, but carries the text of
-- none) is a row with no bytes of its own (media type application/x-bilat-readout).

ALTER TABLE sources ADD COLUMN meeting_num INTEGER REFERENCES meetings(num);
ALTER TABLE sources ADD COLUMN position INTEGER;
ALTER TABLE sources ADD COLUMN language TEXT;
ALTER TABLE sources ADD COLUMN title TEXT;
ALTER TABLE sources ADD COLUMN publisher TEXT REFERENCES parties(code);
ALTER TABLE sources ADD COLUMN published TEXT;
-- (Named apart from the meeting's own columns, so that a query joining the two stays unambiguous.)
ALTER TABLE sources ADD COLUMN stated_date TEXT;
ALTER TABLE sources ADD COLUMN stated_start_time TEXT;
ALTER TABLE sources ADD COLUMN stated_duration_minutes INTEGER;
ALTER TABLE sources ADD COLUMN stated_format TEXT;
ALTER TABLE sources ADD COLUMN stated_venue TEXT;

-- Until now each meeting had one readout, whose facts are the meeting's. Which side published it was
-- not recorded: it stays unknown.
UPDATE sources AS s
SET meeting_num = m.num, position = 0, language = m.language, title = m.title, stated_date = m.date,
    stated_start_time = m.start_time, stated_duration_minutes = m.duration_minutes, stated_format = m.format,
    stated_venue = m.venue
FROM meetings m WHERE m.source_id = s.id;
CREATE INDEX sources_meeting ON sources(meeting_num, position);
-- The meetings of more than one readout, for `list --conflicts`.
CREATE INDEX sources_linked ON sources(meeting_num) WHERE position > 0;

-- The readouts, as `bilat sql` users read them.
CREATE VIEW readouts AS
SELECT s.id, m.id AS meeting_id, s.position, s.file_name, s.path, s.sha256, s.url, s.media_type, s.language, s.title,
       s.publisher, s.published, s.imported_at, s.stated_date AS date, s.stated_start_time AS start_time,
       s.stated_duration_minutes AS duration_minutes, s.stated_format AS format, s.stated_venue AS venue
FROM sources s JOIN meetings m ON m.num = s.meeting_num;

-- Each participant and commitment knows the readout it was read from, and goes with it.
ALTER TABLE participants ADD COLUMN source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE;
UPDATE participants AS p SET source_id = m.source_id FROM meetings m WHERE m.num = p.meeting_num;
ALTER TABLE commitments_stored ADD COLUMN source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE;
UPDATE commitments_stored AS c SET source_id = m.source_id FROM meetings m WHERE m.num = c.meeting_num;
CREATE INDEX participants_source ON participants(source_id);
CREATE INDEX commitments_source ON commitments_stored(source_id);

-- A commitment's sentence is read from its own readout's text.
DROP TRIGGER sources_commitment_fts_delete;
DROP VIEW commitments;
CREATE VIEW commitments AS
SELECT c.id,
       c.meeting_num,
       c.position,
       CASE WHEN c.text_start IS NULL THEN c.text
            ELSE substr(coalesce(s.text, CAST(s.content AS TEXT)), c.text_start, c.text_length) END AS text,
       c.bound,
       c.char_offset,
       c.source_id
FROM commitments_stored c
LEFT JOIN sources s ON s.id = c.source_id;
CREATE TRIGGER sources_commitment_fts_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO commitment_fts(commitment_fts, rowid, text)
    SELECT 'delete', c.id, c.text
    FROM commitments_stored cs JOIN commitments c ON c.id = cs.id
    WHERE cs.source_id = old.id AND cs.text_start IS NOT NULL;
END;

-- Search indexes each readout (rowid = sources.id) under its own title; a meeting is found by the words
-- of any of its readouts. The indexes are made anew from the readouts.
DROP TRIGGER meetings_fts_insert;
DROP TRIGGER meetings_trigram_insert;
DROP TRIGGER sources_fts_delete;
DROP TABLE readout_fts;
DROP TABLE readout_trigram;
DROP VIEW readout_documents;

CREATE VIEW readout_documents AS
SELECT s.id, coalesce(s.title, '') AS title, coalesce(s.text, CAST(s.content AS TEXT)) AS body
FROM sources s;

CREATE VIRTUAL TABLE readout_fts USING fts5(
    title, body,
    content = 'readout_documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE readout_trigram USING fts5(
    title, body,
    content = 'readout_documents', content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO readout_fts(readout_fts) VALUES ('rebuild');
INSERT INTO readout_trigram(rowid, title, body)
SELECT d.id, d.title, d.body FROM readout_documents d JOIN sources s ON s.id = d.id WHERE s.language = 'ja';

-- A readout enters the indexes when it is stored (its title and language are set then, and never
-- change), and leaves them before its bytes go.
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO readout_fts(rowid, title, body) SELECT id, title, body FROM readout_documents WHERE id = new.id;
END;
CREATE TRIGGER sources_trigram_insert AFTER INSERT ON sources WHEN new.language = 'ja' BEGIN
    INSERT INTO readout_trigram(rowid, title, body) SELECT id, title, body FROM readout_documents WHERE id = new.id;
END;
CREATE TRIGGER sources_fts_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO readout_fts(readout_fts, rowid, title, body)
    SELECT 'delete', id, title, body FROM readout_documents WHERE id = old.id;
    INSERT INTO readout_trigram(readout_trigram, rowid, title, body)
    SELECT 'delete', id, title, body FROM readout_documents WHERE id = old.id AND old.language = 'ja';
END;

-- The words of a readout from which a fact of its meeting was read: `field` is date, start_time,
-- duration_minutes, format, venue or participant (`item` the participant's position in the meeting).
-- A commitment's words are its sentence, read from `commitments`. Readouts stored before this version
-- have none. The words are kept as their place in the readout's text (`text_start`, from 1 as substr
-- counts, and `text_length`; `text` is then ''), or as themselves when the text does not hold them (a
-- record's). For a participant, `value` is what the readout states of them (side and role, "JPN
-- principal"): readouts that state different ones are in conflict; a statement known from an export's
-- conflicts without words has no words at all.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    item        INTEGER,
    text        TEXT NOT NULL,
    text_start  INTEGER,
    text_length INTEGER,
    value       TEXT
);
CREATE INDEX evidence_meeting ON evidence(meeting_num);
CREATE INDEX evidence_source ON evidence(source_id);

-- What was read is stored, so that an upgrade of the reader never changes what an archive shows: the
-- sections of a text or page are kept as the places of their lines in the first readout's text
-- (`spans`, a JSON array of [start, length] in code points, from 0; `text` is then ''), the sections of a
-- record as their text. Bilat fills the sections of the meetings already stored when it applies this version.
ALTER TABLE sections ADD COLUMN spans TEXT;
