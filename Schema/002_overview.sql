-- A flat view of the archive for `bilat sql`: one row per meeting, its sides, people and topics joined.
CREATE VIEW meeting_overview AS
SELECT m.id,
       m.date,
       m.title,
       m.format,
       m.language,
       (SELECT group_concat(party_code, ';')
          FROM (SELECT party_code FROM meeting_parties WHERE meeting_num = m.num ORDER BY position)) AS parties,
       (SELECT group_concat(name, ';')
          FROM (SELECT name FROM participants WHERE meeting_num = m.num AND role = 'principal' ORDER BY position)) AS principals,
       (SELECT group_concat(topic_slug, ';')
          FROM (SELECT topic_slug FROM meeting_topics WHERE meeting_num = m.num ORDER BY topic_slug)) AS topics,
       (SELECT count(*) FROM commitments WHERE meeting_num = m.num) AS commitments,
       s.file_name AS source_file
FROM meetings m JOIN sources s ON s.id = m.source_id;
