import BilatIngest
import Foundation
import GRDB

/// What `bilat correct` did to one fact.
public struct CorrectionChange: Equatable, Sendable {
    /// The meeting's id.
    public var id: String
    /// The field as the person named it ("participant:1.party").
    public var field: String
    /// The participant's name or the commitment's sentence, for a correction of one of them.
    public var item: String?
    /// What the readouts give.
    public var read: JSONValue
    /// The value before the command: the value read, or an earlier correction's.
    public var before: JSONValue
    /// The value now.
    public var after: JSONValue
}

/// A person's corrections of meetings (`bilat correct`), kept apart from what was read (the table
/// `corrections`, schema 007) and applied over it.
///
/// The archive's tables show each corrected value, so that every listing, filter and export reads the
/// corrected meeting. A correction remembers what it was applied over; whatever makes a meeting again from
/// its readouts — a changed readout, a readout linked, `bilat reread` — takes the corrections off first
/// (``unapply(_:_:)``) or starts from a new row (``detach(_:_:)``), and applies them again afterwards
/// (``apply(_:_:)``). Where the readouts now give another value than when the person corrected, the meeting
/// is to review (``ReviewReasons``).
public enum CorrectionStore {
    // MARK: A person's commands

    /// Sets `field` of meeting `id` to the value `words` give (`bilat correct ID FIELD VALUE…`), and returns
    /// what changed. The field is a fact (`duration_minutes`), or a participant's or commitment's
    /// (`participant:N.party`, `participant:NAME.role`, `commitment:N.by`, N as `show` numbers them).
    /// Correcting a field again replaces the earlier correction, and what was read is taken anew.
    public static func correct(_ archive: Archive, id: String, field: String, words: [String], note: String?,
                               now: Date = Date()) throws -> CorrectionChange {
        try archive.write { db in
            let num = try meetingNum(id, db)
            let fact = try CorrectedFact.named(field, num: num, db)
            try unapply(id, db)
            guard let read = try fact.current(num: num, db) else { throw CorrectionError.noSuchItem("\(id) has no \(field)") }
            let earlier = try String.fetchOne(db.cachedStatement(sql: """
                SELECT value FROM corrections WHERE meeting_id = ? AND field = ? AND item = ? AND occurrence = ?
                """), arguments: [id, fact.field, fact.item, fact.occurrence]).map(decode)
            let value = try CorrectionInput.value(words, for: Correction.Target(fact.field)!, current: earlier ?? read, db)
            try db.cachedStatement(sql: """
                INSERT INTO corrections(meeting_id, field, item, occurrence, value, read, applied_over, note, at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
                ON CONFLICT(meeting_id, field, item, occurrence) DO UPDATE SET value = excluded.value, read = excluded.read,
                    applied_over = NULL, note = coalesce(excluded.note, note), at = excluded.at
                """).execute(arguments: [id, fact.field, fact.item, fact.occurrence, value.rendered(), read.rendered(), note, Archive.timestamp(now)])
            try apply(id, db)
            return CorrectionChange(id: id, field: field, item: fact.hasItem ? fact.item : nil, read: read, before: earlier ?? read, after: value)
        }
    }

    /// Removes the correction of `field` from meeting `id` (`bilat correct ID --undo FIELD`): the meeting
    /// shows what its readouts give again.
    public static func undo(_ archive: Archive, id: String, field: String) throws -> CorrectionChange {
        try archive.write { db in
            let num = try meetingNum(id, db)
            let fact = try CorrectedFact.named(field, num: num, db, undoing: id)
            let key: StatementArguments = [id, fact.field, fact.item, fact.occurrence]
            let match = "meeting_id = ? AND field = ? AND item = ? AND occurrence = ?"
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT value, read FROM corrections WHERE \(match)"), arguments: key) else {
                throw CorrectionError.nothingToUndo(id: id, field: field)
            }
            try unapply(id, db)
            try db.cachedStatement(sql: "DELETE FROM corrections WHERE \(match)").execute(arguments: key)
            let read = try fact.current(num: num, db) ?? decode(row["read"])
            try apply(id, db)
            return CorrectionChange(id: id, field: field, item: fact.hasItem ? fact.item : nil, read: read, before: try decode(row["value"]), after: read)
        }
    }

    // MARK: Keeping corrections over what is read

    /// The corrections of facts of meeting `id`, in the order they were made.
    private static func facts(of id: String, where condition: String = "", _ db: Database) throws -> [(row: Int64, fact: CorrectedFact, value: String, read: String, over: String?)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, field, item, occurrence, value, read, applied_over FROM corrections
            WHERE meeting_id = ? AND field NOT IN ('link', 'unlink') \(condition) ORDER BY id
            """), arguments: [id]).map {
            ($0["id"], CorrectedFact(field: $0["field"], item: $0["item"], occurrence: $0["occurrence"]), $0["value"], $0["read"], $0["applied_over"])
        }
    }

    /// Takes meeting `id`'s corrections off its tables: each applied one writes back what it was applied
    /// over. Before anything adds to the meeting from a readout.
    static func unapply(_ id: String, _ db: Database) throws {
        guard let num = try Int64.fetchOne(db.cachedStatement(sql: "SELECT num FROM meetings WHERE id = ?"), arguments: [id]) else { return }
        for c in try facts(of: id, where: "AND applied_over IS NOT NULL", db).reversed() {
            try c.fact.write(try decode(c.over!), num: num, db)
            try db.cachedStatement(sql: "UPDATE corrections SET applied_over = NULL WHERE id = ?").execute(arguments: [c.row])
        }
    }

    /// Marks meeting `id`'s corrections as not applied: its row was just made anew from its readouts.
    static func detach(_ id: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE corrections SET applied_over = NULL WHERE meeting_id = ?").execute(arguments: [id])
    }

    /// Applies meeting `id`'s corrections that are not applied over what its tables now hold (what was
    /// read), remembering it. One whose participant or commitment is no longer read waits, unapplied.
    static func apply(_ id: String, _ db: Database) throws {
        guard let num = try Int64.fetchOne(db.cachedStatement(sql: "SELECT num FROM meetings WHERE id = ?"), arguments: [id]) else { return }
        for c in try facts(of: id, where: "AND applied_over IS NULL", db) {
            guard let now = try c.fact.current(num: num, db) else { continue }
            try c.fact.write(try decode(c.value), num: num, db)
            try db.cachedStatement(sql: "UPDATE corrections SET applied_over = ? WHERE id = ?").execute(arguments: [now.rendered(), c.row])
        }
    }

    /// Adds the corrections and decisions an exported record brings for meeting `id`, and applies them: a
    /// correction of a fact the meeting has none of is added, one made later than the meeting's replaces
    /// it. Each value is checked as `bilat correct` checks a person's (a hand-edited export is refused
    /// whole, with the correction at fault).
    static func merge(_ id: String, from record: MeetingRecord, _ db: Database) throws {
        guard !record.corrections.isEmpty else { return }
        try unapply(id, db)
        for (index, c) in record.corrections.enumerated() {
            guard let fact = CorrectedFact.inRecord(c, record) else { continue }
            do {
                try CorrectionInput.check(c, as: fact, db)
            } catch let error as CorrectionError {
                throw IngestError.badRecord("correction \(index + 1) (\(c.field)): \(error.description)")
            }
            try db.cachedStatement(sql: """
                INSERT INTO corrections(meeting_id, field, item, occurrence, value, read, applied_over, note, at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
                ON CONFLICT(meeting_id, field, item, occurrence) DO UPDATE SET value = excluded.value, read = excluded.read,
                    note = excluded.note, at = excluded.at WHERE excluded.at > corrections.at
                """).execute(arguments: [id, fact.field, fact.item, fact.occurrence, c.value.rendered(), c.read.rendered(), c.note, c.at])
        }
        try apply(id, db)
    }

    /// Gives meeting `to` the corrections and decisions of meeting `from`, whose readouts it now holds. Where
    /// both corrected one fact, the later decision is kept; returns the fields of the others (removed).
    /// Neither meeting is applied: the caller makes `to` again or applies its corrections.
    static func move(from: String, to: String, _ db: Database) throws -> [String] {
        // The earlier of two corrections of one fact gives way.
        let superseded = try String.fetchAll(db.cachedStatement(sql: """
            SELECT CASE WHEN a.at > b.at THEN b.id ELSE a.id END FROM corrections a JOIN corrections b
              ON b.field = a.field AND b.item = a.item AND b.occurrence = a.occurrence
            WHERE a.meeting_id = ? AND b.meeting_id = ? AND a.field NOT IN ('link', 'unlink')
            """), arguments: [from, to])
        let dropped = try String.fetchAll(db, sql: """
            SELECT meeting_id || ': ' || field FROM corrections WHERE id IN (\(superseded.isEmpty ? "NULL" : superseded.joined(separator: ",")))
            """)
        try db.execute(sql: "DELETE FROM corrections WHERE id IN (\(superseded.isEmpty ? "NULL" : superseded.joined(separator: ",")))")
        try db.cachedStatement(sql: "UPDATE OR IGNORE corrections SET meeting_id = ?, applied_over = NULL WHERE meeting_id = ?").execute(arguments: [to, from])
        try db.cachedStatement(sql: "DELETE FROM corrections WHERE meeting_id = ?").execute(arguments: [from])
        return dropped
    }

    /// Gives meeting `to` the corrections of meeting `from`'s participants and commitments that wait (their
    /// item is no longer read in `from`) and that `to` reads: a readout unlinked from `from` took them along.
    static func follow(from: String, to: String, _ db: Database) throws {
        guard let num = try Int64.fetchOne(db.cachedStatement(sql: "SELECT num FROM meetings WHERE id = ?"), arguments: [to]) else { return }
        for c in try facts(of: from, where: "AND applied_over IS NULL", db) where c.fact.hasItem {
            guard try c.fact.current(num: num, db) != nil else { continue }
            try db.cachedStatement(sql: "UPDATE OR IGNORE corrections SET meeting_id = ? WHERE id = ?").execute(arguments: [to, c.row])
        }
    }

    /// The corrections of meeting `id` as its record lists them (export.md): a participant's and a
    /// commitment's field with their index in `participants` and `commitments`, and what the readouts give
    /// now (`read_now`) where it is not what they gave when the person decided.
    static func corrections(of id: String, participants: [Participant], commitments: [Commitment], _ db: Database) throws -> [Correction] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT field, item, occurrence, value, read, applied_over, note, at FROM corrections WHERE meeting_id = ? ORDER BY id"),
                         arguments: [id]).map { row in
            let fact = CorrectedFact(field: row["field"], item: row["item"], occurrence: row["occurrence"])
            var index: Int?
            if fact.field.hasPrefix("participant.") { index = fact.index(in: participants.map(\.name)) }
            if fact.field == "commitment.by" { index = fact.index(in: commitments.map(\.text)) }
            let read = try decode(row["read"])
            let now = try (row["applied_over"] as String?).map(decode)
            let hasItem = fact.hasItem || fact.field == "link" || fact.field == "unlink"
            return Correction(field: Correction.Target(fact.field)?.exportName(index: index) ?? fact.field, item: hasItem ? fact.item : nil,
                              value: try decode(row["value"]), read: read, readNow: now == read ? nil : now, note: row["note"], at: row["at"])
        }
    }

    /// The row of meeting `id`, or the error that names it.
    static func meetingNum(_ id: String, _ db: Database) throws -> Int64 {
        guard let num = try Int64.fetchOne(db.cachedStatement(sql: "SELECT num FROM meetings WHERE id = ?"), arguments: [id]) else {
            throw ArchiveError.noSuchMeeting(id)
        }
        return num
    }

    static func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func decodeStrings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

extension JSONValue {
    /// The string this value holds, or `nil`.
    var stringValue: String? { if case .string(let text) = self { return text } else { return nil } }
    /// The number this value holds, or `nil`.
    var intValue: Int? { if case .int(let number) = self { return number } else { return nil } }
    /// The strings of an array value.
    var stringValues: [String] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap(\.stringValue)
    }
}
