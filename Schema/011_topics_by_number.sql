-- Version 11: topics stored by number.
--
-- Each meeting's and each commitment's topics were stored as slugs, twice (the rows and the index by
-- topic), and the commitments' with the meeting's date as text: at 10,000 meetings 7.2 MB, a tenth of the
-- archive. Topics now carry a number (`topics.num`, given once and kept), the rows hold it and the day
-- as the number YYYYMMDD, as the other indexed tables do; the two tables keep their names and columns as
-- views, for `bilat sql` and other readers.

-- A slug the vocabulary does not hold (written with foreign keys off) keeps its rows: it becomes a topic.
-- Each table's slugs are read one by one from its index by topic (a skip over the index, not a scan of it).
WITH RECURSIVE
    m(slug) AS (SELECT min(topic_slug) FROM meeting_topics
                UNION ALL SELECT (SELECT min(topic_slug) FROM meeting_topics WHERE topic_slug > m.slug) FROM m WHERE m.slug IS NOT NULL),
    c(slug) AS (SELECT min(topic_slug) FROM commitment_topics
                UNION ALL SELECT (SELECT min(topic_slug) FROM commitment_topics WHERE topic_slug > c.slug) FROM c WHERE c.slug IS NOT NULL)
INSERT OR IGNORE INTO topics(slug, label, covers)
SELECT slug, slug, '' FROM m WHERE slug IS NOT NULL UNION SELECT slug, slug, '' FROM c WHERE slug IS NOT NULL;
ALTER TABLE topics ADD COLUMN num INTEGER;
UPDATE topics SET num = rowid;
CREATE UNIQUE INDEX topics_num ON topics(num);

CREATE TABLE meeting_topics_stored (
    meeting_num INTEGER NOT NULL REFERENCES meetings(num) ON DELETE CASCADE,
    topic       INTEGER NOT NULL REFERENCES topics(num),
    meeting_day INTEGER,                   -- the meeting's date as YYYYMMDD, NULL when unknown
    PRIMARY KEY (meeting_num, topic)
) WITHOUT ROWID;
INSERT INTO meeting_topics_stored(meeting_num, topic, meeting_day)
SELECT mt.meeting_num, t.num, mt.meeting_day FROM meeting_topics mt JOIN topics t ON t.slug = mt.topic_slug ORDER BY 1, 2;
DROP TABLE meeting_topics;
CREATE INDEX meeting_topics_topic ON meeting_topics_stored(topic, meeting_day, meeting_num);
CREATE VIEW meeting_topics AS
SELECT mt.meeting_num, t.slug AS topic_slug, mt.meeting_day
FROM meeting_topics_stored mt JOIN topics t ON t.num = mt.topic;

CREATE TABLE commitment_topics_stored (
    commitment_id INTEGER NOT NULL REFERENCES commitments_stored(id) ON DELETE CASCADE,
    topic         INTEGER NOT NULL REFERENCES topics(num),
    meeting_day   INTEGER,                 -- the meeting's date as YYYYMMDD, NULL when unknown
    PRIMARY KEY (commitment_id, topic)
) WITHOUT ROWID;
INSERT INTO commitment_topics_stored(commitment_id, topic, meeting_day)
SELECT ct.commitment_id, t.num, CAST(replace(ct.meeting_date, '-', '') AS INTEGER)
FROM commitment_topics ct JOIN topics t ON t.slug = ct.topic_slug ORDER BY 1, 2;
DROP TABLE commitment_topics;
CREATE INDEX commitment_topics_topic ON commitment_topics_stored(topic, meeting_day, commitment_id);
CREATE VIEW commitment_topics AS
SELECT ct.commitment_id, t.slug AS topic_slug, ct.meeting_day
FROM commitment_topics_stored ct JOIN topics t ON t.num = ct.topic;
