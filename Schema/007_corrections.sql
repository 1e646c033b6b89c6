-- Version 7: a person's corrections, kept apart from what was read.
--
-- A correction sets one fact of a meeting by hand (`bilat correct`). The archive's tables show the
-- corrected value (every query reads them as they are), and this table keeps the decision: the value,
-- what had been read when the person made it, their note and the time. When a meeting is made again
-- from its readouts (a changed readout re-imported, another readout linked, `bilat reread`) its
-- corrections are applied again over the new reading; where the new reading differs from what was read
-- when the person corrected it, the meeting goes to review.
--
-- A correction is of the meeting's id, not of its row: a meeting made again keeps its id and gets a
-- new row. `field` is a fact of the meeting (date, start_time, duration_minutes, format, venue, title,
-- parties, topics), a participant's `participant.party` or `participant.role` (`item`: the participant's
-- name as the meeting gives it), a commitment's `commitment.by` (`item`: its sentence; `occurrence`
-- tells apart items of one name or sentence: the first, the second…, in the meeting's order), or a
-- person's decision on readouts: `link` (the readout at the place `item` belongs to this meeting) and
-- `unlink` (it does not; `value` lists the places of the readouts it is apart from). Values are JSON.
-- Whether a correction's readouts have changed since (the meeting is then to review) is read from
-- `read` and `applied_over`, never stored.
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    meeting_id   TEXT NOT NULL,
    field        TEXT NOT NULL,
    item         TEXT NOT NULL DEFAULT '',
    occurrence   INTEGER NOT NULL DEFAULT 0,
    value        TEXT NOT NULL,            -- JSON: what the person set
    read         TEXT NOT NULL,            -- JSON: what had been read when they set it
    -- JSON: what was read under the correction when it was last applied over the tables; NULL while it is
    -- not applied (the meeting is being made again, or its participant or commitment is no longer read).
    applied_over TEXT,
    note         TEXT,
    at           TEXT NOT NULL,            -- UTC, ISO 8601
    UNIQUE (meeting_id, field, item, occurrence)
);
CREATE INDEX corrections_item ON corrections(field, item);
