-- Version 12: the search indexes are written by the importer, not by triggers.
--
-- An INSERT that fires a trigger (or inserts the rows a SELECT gives) may fail half-way, so SQLite copies
-- every page the statement changes into a statement journal first: inside an import's transaction that
-- was every index page a readout touches, 16 KB each, about 1.2 MB of writes a readout for 7 KB of
-- archive. The importer now inserts each readout's and each commitment's row of the full-text indexes
-- itself, by its values (`Archive.insertSource`, `Archive.insertCommitments`), what these triggers did.
-- The triggers that take rows out of the indexes when a readout is deleted stay.
DROP TRIGGER sources_fts_insert;
DROP TRIGGER sources_trigram_insert;
DROP TRIGGER commitments_fts_insert;
