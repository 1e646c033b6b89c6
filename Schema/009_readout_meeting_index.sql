-- Version 9: which meeting a readout is of, readable without its row.
--
-- A row of `sources` holds the readout's bytes, so reading one row reads a page of text. A search maps
-- every matching readout (an FTS5 rowid, `sources.id`) to its meeting before ranking and counting them:
-- through this covering index that costs a few bytes per match instead of a page (a word in 7,000 of
-- 20,000 readouts: 29 → 4 ms). Statements name it with INDEXED BY, since SQLite otherwise looks a
-- rowid up in the table itself.
CREATE INDEX sources_meeting_of ON sources(id, meeting_num);
