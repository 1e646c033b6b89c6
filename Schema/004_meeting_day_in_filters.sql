-- Version 4: each meeting's date is copied into its sides, topics and participants (as the number
-- YYYYMMDD, NULL when the date is unknown) and indexed with them, so that `list --party`, `--topic` or
-- `--person` reads that party's, topic's or person's meetings newest first and stops after the page it
-- shows, whatever the size of the archive.

ALTER TABLE meeting_parties ADD COLUMN meeting_day INTEGER;
ALTER TABLE meeting_topics ADD COLUMN meeting_day INTEGER;
ALTER TABLE participants ADD COLUMN meeting_day INTEGER;

UPDATE meeting_parties AS x SET meeting_day = CAST(replace(m.date, '-', '') AS INTEGER)
FROM meetings m WHERE m.num = x.meeting_num AND m.date IS NOT NULL;
UPDATE meeting_topics AS x SET meeting_day = CAST(replace(m.date, '-', '') AS INTEGER)
FROM meetings m WHERE m.num = x.meeting_num AND m.date IS NOT NULL;
UPDATE participants AS x SET meeting_day = CAST(replace(m.date, '-', '') AS INTEGER)
FROM meetings m WHERE m.num = x.meeting_num AND m.date IS NOT NULL;

DROP INDEX meeting_parties_party;
CREATE INDEX meeting_parties_party ON meeting_parties(party_code, meeting_day, meeting_num);
DROP INDEX meeting_topics_topic;
CREATE INDEX meeting_topics_topic ON meeting_topics(topic_slug, meeting_day, meeting_num);
DROP INDEX participants_person;
CREATE INDEX participants_person ON participants(person_id, meeting_day, meeting_num);
