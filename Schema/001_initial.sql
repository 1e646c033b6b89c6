-- Bilat archive schema, version 1.
-- Migrations are append-only: never edit a released file, add the next number.

-- The imported bytes, verbatim, and the text read from them.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,             -- base name of the imported file ("-" for standard input)
    sha256      TEXT NOT NULL UNIQUE,      -- of content: re-importing identical bytes changes nothing
    url         TEXT,
    media_type  TEXT NOT NULL,             -- text/plain, text/markdown, text/html, application/json
    content     BLOB NOT NULL,             -- the bytes as imported
    text        TEXT,                      -- the readout text as read (decoded, front matter removed);
                                           -- NULL when it is exactly the imported bytes
    imported_at TEXT NOT NULL              -- UTC, ISO 8601
);
CREATE INDEX sources_file_name ON sources(file_name);

-- Parties: states (ISO 3166-1 alpha-3), sub-national governments (ISO 3166-2), organisations.
CREATE TABLE parties (
    code    TEXT PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('state', 'subdivision', 'organization')),
    name_en TEXT NOT NULL,
    name_fr TEXT,
    name_ja TEXT
);

-- The topic vocabulary (shared/spec/topics.md), seeded by the application.
CREATE TABLE topics (
    slug  TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    covers TEXT NOT NULL
);

CREATE TABLE meetings (
    num              INTEGER PRIMARY KEY,  -- stable rowid for the full-text index
    id               TEXT NOT NULL UNIQUE, -- public identifier, e.g. 2025-04-09-jpn-nato
    source_id        INTEGER NOT NULL UNIQUE REFERENCES sources(id) ON DELETE CASCADE,
    title            TEXT,
    language         TEXT NOT NULL,
    date             TEXT,                 -- YYYY-MM-DD, NULL when the text gives no year
    start_time       TEXT,                 -- HH:MM
    duration_minutes INTEGER,
    format           TEXT NOT NULL CHECK (format IN ('in_person', 'telephone', 'video')),
    venue            TEXT,
    needs_review     TEXT NOT NULL DEFAULT '[]' -- JSON array of reasons
);
CREATE INDEX meetings_date ON meetings(date, id);

-- Primary-key columns first: SQLite 3.40's integrity_check misreports WITHOUT ROWID tables otherwise.
CREATE TABLE meeting_parties (
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    party_code  TEXT NOT NULL REFERENCES parties(code),
    position    INTEGER NOT NULL,
    PRIMARY KEY (meeting_num, party_code)
) WITHOUT ROWID;
CREATE INDEX meeting_parties_party ON meeting_parties(party_code, meeting_num);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,             -- "Given Family" in Latin script, or as written in Japanese
    family_name TEXT,
    given_name  TEXT,
    name_key    TEXT NOT NULL UNIQUE       -- folded family + given name: one person however written
);

-- Folded spellings of a person's name, each word order: what `--person` matches.
CREATE TABLE person_aliases (
    alias     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, person_id)
) WITHOUT ROWID;
CREATE INDEX person_aliases_person ON person_aliases(person_id);

-- A person's part in one meeting, with the name as this readout writes it ("石破茂", "Shigeru Ishiba").
CREATE TABLE participants (
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    person_id   INTEGER REFERENCES people(id),  -- NULL for someone named by title alone ("The Prime Minister")
    name        TEXT NOT NULL,
    family_name TEXT,
    given_name  TEXT,
    party_code  TEXT REFERENCES parties(code),
    title       TEXT,
    role        TEXT NOT NULL CHECK (role IN ('principal', 'attendee')),
    PRIMARY KEY (meeting_num, position)
) WITHOUT ROWID;
CREATE INDEX participants_person ON participants(person_id, meeting_num);

-- Sections of readouts imported from an export. A readout imported as text or HTML keeps no copy: its
-- sections are read again from its text (they are the text's own headings and lines).
CREATE TABLE sections (
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    heading     TEXT,
    text        TEXT NOT NULL,
    UNIQUE (meeting_num, position)
);

CREATE TABLE commitments (
    id          INTEGER PRIMARY KEY,
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    position    INTEGER NOT NULL,          -- order in the readout
    text        TEXT NOT NULL,             -- the sentence, verbatim
    bound       TEXT NOT NULL,             -- 'joint' or the code of the party that undertook it
    char_offset INTEGER,                   -- where the sentence starts in sources.text
    UNIQUE (meeting_num, position)
);
CREATE INDEX commitments_bound ON commitments(bound, meeting_num);

CREATE TABLE meeting_topics (
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    topic_slug  TEXT NOT NULL REFERENCES topics(slug),
    PRIMARY KEY (meeting_num, topic_slug)
) WITHOUT ROWID;
CREATE INDEX meeting_topics_topic ON meeting_topics(topic_slug, meeting_num);

-- The meeting's date is copied in so that `commitments --topic` reads the newest first from the index
-- instead of sorting every commitment of the topic.
CREATE TABLE commitment_topics (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    topic_slug    TEXT NOT NULL REFERENCES topics(slug),
    meeting_date  TEXT,
    PRIMARY KEY (commitment_id, topic_slug)
) WITHOUT ROWID;
CREATE INDEX commitment_topics_topic ON commitment_topics(topic_slug, meeting_date, commitment_id);

-- The searchable text of each meeting, by meetings.num: what the full-text indexes read their content
-- from (they keep no copy of their own). `sources.text` is NULL when it equals the imported bytes.
CREATE VIEW readout_documents AS
SELECT m.num, coalesce(m.title, '') AS title, coalesce(s.text, CAST(s.content AS TEXT)) AS body
FROM meetings m JOIN sources s ON s.id = m.source_id;

-- Full-text search over readouts: accent-insensitive words, bm25 ranking.
-- The rowid is meetings.num; triggers keep it in step within the importing transaction.
CREATE VIRTUAL TABLE readout_fts USING fts5(
    title, body,
    content = 'readout_documents', content_rowid = 'num',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Japanese runs words together, which unicode61 cannot split: Japanese readouts are also indexed
-- by character trigrams (terms of one or two characters are matched with LIKE on the same table).
CREATE VIRTUAL TABLE readout_trigram USING fts5(
    title, body,
    content = 'readout_documents', content_rowid = 'num',
    tokenize = 'trigram'
);

CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO readout_fts(rowid, title, body)
    SELECT num, title, body FROM readout_documents WHERE num = new.num;
END;

CREATE TRIGGER meetings_trigram_insert AFTER INSERT ON meetings WHEN new.language = 'ja' BEGIN
    INSERT INTO readout_trigram(rowid, title, body)
    SELECT num, title, body FROM readout_documents WHERE num = new.num;
END;

-- A meeting leaves the indexes before its source goes: removing an entry needs the text it indexed.
CREATE TRIGGER sources_fts_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO readout_fts(readout_fts, rowid, title, body)
    SELECT 'delete', d.num, d.title, d.body FROM readout_documents d JOIN meetings m ON m.num = d.num
    WHERE m.source_id = old.id;
    INSERT INTO readout_trigram(readout_trigram, rowid, title, body)
    SELECT 'delete', d.num, d.title, d.body FROM readout_documents d JOIN meetings m ON m.num = d.num
    WHERE m.source_id = old.id AND m.language = 'ja';
END;

-- Full-text search over commitment sentences (`commitments --match`).
CREATE VIRTUAL TABLE commitment_fts USING fts5(
    text,
    content = 'commitments', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO commitment_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments BEGIN
    INSERT INTO commitment_fts(commitment_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
