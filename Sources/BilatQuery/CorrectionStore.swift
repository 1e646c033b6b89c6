import BilatIngest
import Foundation
import GRDB

/// What `bilat correct` did to one fact.
public struct CorrectionChange: Equatable, Sendable {
    /// The meeting's id.
    public var id: String
    /// The field as the person named it, with its item for a participant or commitment ("participant:1.party").
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
/// goes to review.
public enum CorrectionStore {
    /// The review reason of a correction whose readouts have changed since.
    static let changedReason = "readout changed since the correction of "

    // MARK: A person's commands

    /// Sets `field` of meeting `id` to the value `words` give (`bilat correct ID FIELD VALUE…`), and returns
    /// what changed. The field is a fact (`duration_minutes`), or a participant's or commitment's
    /// (`participant:N.party`, `participant:NAME.role`, `commitment:N.by`, N as `show` numbers them).
    /// Correcting a field again replaces the earlier correction, and what was read is taken anew.
    public static func correct(_ archive: Archive, id: String, field: String, words: [String], note: String?,
                               now: Date = Date()) throws -> CorrectionChange {
        try archive.write { db in
            let num = try meetingNum(id, db)
            let (target, item) = try resolve(field, num: num, db)
            try unapply(id, db)
            guard let read = try current(target.name, item: item, num: num, db) else {
                throw CorrectionError.noSuchItem("\(id) has no \(field)")
            }
            let earlier = try Row.fetchOne(db, sql: "SELECT value FROM corrections WHERE meeting_id = ? AND field = ? AND item = ?",
                                           arguments: [id, target.name, item ?? ""])
            let value = try CorrectionInput.value(words, for: target, current: earlier.map { try decode($0["value"]) } ?? read, db)
            try db.execute(sql: """
                INSERT INTO corrections(meeting_id, field, item, value, read, applied_over, note, at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
                ON CONFLICT(meeting_id, field, item) DO UPDATE SET value = excluded.value, read = excluded.read, applied_over = NULL,
                    note = coalesce(excluded.note, note), at = excluded.at
                """, arguments: [id, target.name, item ?? "", value.rendered(), read.rendered(), note, Archive.timestamp(now)])
            try clearReview(of: target.name, item: item, num: num, db)
            try apply(id, db)
            return CorrectionChange(id: id, field: field, item: item, read: read,
                                    before: try earlier.map { try decode($0["value"]) } ?? read, after: value)
        }
    }

    /// Removes the correction of `field` from meeting `id` (`bilat correct ID --undo FIELD`): the meeting
    /// shows what its readouts give again.
    public static func undo(_ archive: Archive, id: String, field: String) throws -> CorrectionChange {
        try archive.write { db in
            let num = try meetingNum(id, db)
            let (target, item) = try resolve(field, num: num, db, forUndo: id)
            guard let row = try Row.fetchOne(db, sql: "SELECT value, read FROM corrections WHERE meeting_id = ? AND field = ? AND item = ?",
                                             arguments: [id, target.name, item ?? ""]) else {
                throw CorrectionError.nothingToUndo(id: id, field: field)
            }
            try unapply(id, db)
            try db.execute(sql: "DELETE FROM corrections WHERE meeting_id = ? AND field = ? AND item = ?", arguments: [id, target.name, item ?? ""])
            try clearReview(of: target.name, item: item, num: num, db)
            let read = try current(target.name, item: item, num: num, db) ?? decode(row["read"])
            try apply(id, db)
            return CorrectionChange(id: id, field: field, item: item, read: read, before: try decode(row["value"]), after: read)
        }
    }

    // MARK: Keeping corrections over what is read

    /// Takes meeting `id`'s corrections off its tables: each applied one writes back what it was applied
    /// over. Before anything adds to the meeting from a readout.
    static func unapply(_ id: String, _ db: Database) throws {
        guard let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id]) else { return }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, field, item, applied_over FROM corrections
            WHERE meeting_id = ? AND applied_over IS NOT NULL ORDER BY id DESC
            """, arguments: [id]) {
            try write(row["field"], item: row["item"], value: try decode(row["applied_over"]), num: num, db)
            try db.execute(sql: "UPDATE corrections SET applied_over = NULL WHERE id = ?", arguments: [row["id"] as Int64])
        }
    }

    /// Marks meeting `id`'s corrections as not applied: its row was just made anew from its readouts.
    static func detach(_ id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE corrections SET applied_over = NULL WHERE meeting_id = ?", arguments: [id])
    }

    /// Applies meeting `id`'s corrections that are not applied over what its tables now hold (what was
    /// read). A correction whose readouts now give another value than when it was made, or whose
    /// participant or commitment is no longer read, sends the meeting to review.
    static func apply(_ id: String, _ db: Database) throws {
        guard let meeting = try Row.fetchOne(db, sql: "SELECT num, needs_review FROM meetings WHERE id = ?", arguments: [id]) else { return }
        let num: Int64 = meeting["num"]
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, field, item, value, read FROM corrections
            WHERE meeting_id = ? AND applied_over IS NULL AND field NOT IN ('link', 'unlink') ORDER BY id
            """, arguments: [id])
        guard !rows.isEmpty else { return }
        var review = decodeReasons(meeting["needs_review"])
        for row in rows {
            let field: String = row["field"], item: String = row["item"]
            let reason = changedReason + describe(field, item: item)
            guard let now = try current(field, item: item, num: num, db) else {
                if !review.contains(reason) { review.append(reason) }
                continue
            }
            try write(field, item: item, value: try decode(row["value"]), num: num, db)
            try db.execute(sql: "UPDATE corrections SET applied_over = ? WHERE id = ?", arguments: [now.rendered(), row["id"] as Int64])
            if now != (try decode(row["read"])), !review.contains(reason) { review.append(reason) }
        }
        try db.execute(sql: "UPDATE meetings SET needs_review = ? WHERE num = ?",
                       arguments: [JSONValue.array(review.map(JSONValue.string)).rendered(), num])
    }

    /// Adds the corrections an exported record brings for meeting `id` that the meeting lacks (the archive's
    /// own decisions win), and applies them.
    static func merge(_ id: String, from record: MeetingRecord, _ db: Database) throws {
        guard !record.corrections.isEmpty else { return }
        try unapply(id, db)
        for c in record.corrections {
            guard let target = Correction.Target(c.field) else { continue }
            var item = c.item
            if item == nil, let index = target.index {
                if target.name.hasPrefix("participant."), record.participants.indices.contains(index) { item = record.participants[index].name }
                if target.name == "commitment.by", record.commitments.indices.contains(index) { item = record.commitments[index].text }
            }
            if item == nil, target.name == "link", case .string(let place) = c.value { item = place }
            try db.execute(sql: """
                INSERT OR IGNORE INTO corrections(meeting_id, field, item, value, read, applied_over, note, at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
                """, arguments: [id, target.name, item ?? "", c.value.rendered(), c.read.rendered(), c.note, c.at])
        }
        try apply(id, db)
    }

    /// Gives meeting `to` the corrections and decisions of meeting `from`, whose readouts it now holds,
    /// where it has none of the same field; returns the fields of those it did not take (they are removed).
    /// Neither is applied: the caller makes `to` again or applies its corrections.
    static func move(from: String, to: String, _ db: Database) throws -> [String] {
        try db.execute(sql: "UPDATE OR IGNORE corrections SET meeting_id = ?, applied_over = NULL WHERE meeting_id = ?", arguments: [to, from])
        let left = try String.fetchAll(db, sql: "SELECT field FROM corrections WHERE meeting_id = ? AND field NOT IN ('link', 'unlink') ORDER BY id",
                                       arguments: [from])
        try db.execute(sql: "DELETE FROM corrections WHERE meeting_id = ?", arguments: [from])
        return left
    }

    /// The corrections of meeting `id` as its record lists them (export.md): a participant's and a
    /// commitment's field with their index in `participants` and `commitments`.
    static func corrections(of id: String, participants: [Participant], commitments: [Commitment], _ db: Database) throws -> [Correction] {
        try Row.fetchAll(db, sql: "SELECT field, item, value, read, note, at FROM corrections WHERE meeting_id = ? ORDER BY id",
                         arguments: [id]).map { row in
            let field: String = row["field"], item: String = row["item"]
            var index: Int?
            var named: String?
            if field.hasPrefix("participant.") {
                index = participants.firstIndex { $0.name == item }
                named = item
            } else if field == "commitment.by" {
                index = commitments.firstIndex { $0.text == item }
                named = item
            } else if field == "link" || field == "unlink" {
                named = item
            }
            let target = Correction.Target(field)
            return Correction(field: target?.exportName(index: index) ?? field, item: named, value: try decode(row["value"]),
                              read: try decode(row["read"]), note: row["note"], at: row["at"])
        }
    }

    // MARK: Fields

    /// The participant or commitment a person's field names, and the field: `participant:2.party` (N as
    /// `show` numbers them, from 0) or `participant:rutte.party` (a name, or a part of one). For `--undo`,
    /// a name also finds a correction whose participant is no longer read.
    static func resolve(_ field: String, num: Int64, _ db: Database, forUndo id: String? = nil) throws -> (Correction.Target, String?) {
        let hint = Suggestions.hint(for: field, among: Correction.fieldNames)
        let unknown = CorrectionError.unknownField("unknown field \(field)" + (hint.isEmpty ? "; the fields are " + Correction.fieldNames.joined(separator: ", ") : hint))
        if Correction.meetingFields.contains(field) { return (Correction.Target(field)!, nil) }
        guard let colon = field.firstIndex(of: ":"), let dot = field.lastIndex(of: "."), colon < dot else { throw unknown }
        let kind = String(field[..<colon]), aspect = String(field[field.index(after: dot)...])
        let token = String(field[field.index(after: colon)..<dot])
        guard Correction.Target(kind + ":0." + aspect) != nil else { throw unknown }
        if kind == "commitment" {
            let texts = try String.fetchAll(db, sql: "SELECT text FROM commitments WHERE meeting_num = ? ORDER BY position", arguments: [num])
            guard let n = Int(token), texts.indices.contains(n) else {
                throw CorrectionError.noSuchItem("the meeting has no commitment \(token)"
                    + (texts.isEmpty ? "" : " (its commitments are 0 to \(texts.count - 1), as `bilat show` numbers them)"))
            }
            return (Correction.Target("commitment.by")!, texts[n])
        }
        let names = try String.fetchAll(db, sql: "SELECT name FROM participants WHERE meeting_num = ? ORDER BY position", arguments: [num])
        let named = Correction.Target("participant." + aspect)!
        if let n = Int(token) {
            guard names.indices.contains(n) else {
                throw CorrectionError.noSuchItem("the meeting has no participant \(n)"
                    + (names.isEmpty ? "" : " (its participants are 0 to \(names.count - 1), as `bilat show` numbers them)"))
            }
            return (named, names[n])
        }
        var candidates = names
        if let id {
            candidates += try String.fetchAll(db, sql: "SELECT item FROM corrections WHERE meeting_id = ? AND field = ?", arguments: [id, named.name])
        }
        let wanted = PeopleDirectory.alias(token).split(separator: " ")
        let matches = Array(Set(candidates.filter { name in
            let words = PeopleDirectory.alias(name).split(separator: " ")
            return !wanted.isEmpty && wanted.allSatisfy(words.contains)
        })).sorted()
        guard matches.count == 1 else {
            throw CorrectionError.noSuchItem(matches.isEmpty
                ? "the meeting has no participant named \(token)" + (names.isEmpty ? "" : " (its participants: \(names.joined(separator: ", ")))")
                : "\(token) names several participants (\(matches.joined(separator: ", "))): give their number as `bilat show` prints it")
        }
        return (named, matches[0])
    }

    /// What meeting `num`'s tables now hold for a field; `nil` when its participant or commitment is not there.
    static func current(_ field: String, item: String?, num: Int64, _ db: Database) throws -> JSONValue? {
        switch field {
        case "date", "start_time", "format", "venue", "title":
            return .optional(try String.fetchOne(db, sql: "SELECT \(field) FROM meetings WHERE num = ?", arguments: [num]))
        case "duration_minutes":
            return .optional(try Int.fetchOne(db, sql: "SELECT duration_minutes FROM meetings WHERE num = ?", arguments: [num]))
        case "parties":
            return .array(try MeetingQuery.parties(num, db).map(JSONValue.string))
        case "topics":
            return .array(try MeetingQuery.topics(num, db).map(JSONValue.string))
        case "participant.party", "participant.role":
            guard let position = try participantPosition(item ?? "", num: num, db) else { return nil }
            return .optional(try String.fetchOne(db, sql: """
                SELECT \(field == "participant.party" ? "party_code" : "role") FROM participants WHERE meeting_num = ? AND position = ?
                """, arguments: [num, position]))
        case "commitment.by":
            return try String.fetchOne(db, sql: """
                SELECT bound FROM commitments WHERE meeting_num = ? AND text = ? ORDER BY position LIMIT 1
                """, arguments: [num, item ?? ""]).map(JSONValue.string)
        default:
            return nil
        }
    }

    /// Writes `value` into meeting `num`'s tables for a field (its participant or commitment found by `item`).
    static func write(_ field: String, item: String?, value: JSONValue, num: Int64, _ db: Database) throws {
        switch field {
        case "date":
            let date = value.stringValue
            // The date is copied beside sides, people and topics for their (key, day) indexes (migration 004).
            let day = date.flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
            try db.execute(sql: "UPDATE meetings SET date = ? WHERE num = ?", arguments: [date, num])
            for table in ["meeting_parties", "meeting_topics", "participants"] {
                try db.execute(sql: "UPDATE \(table) SET meeting_day = ? WHERE meeting_num = ?", arguments: [day, num])
            }
            try db.execute(sql: """
                UPDATE commitment_topics SET meeting_date = ? WHERE commitment_id IN (SELECT id FROM commitments_stored WHERE meeting_num = ?)
                """, arguments: [date, num])
        case "start_time", "format", "venue", "title":
            try db.execute(sql: "UPDATE meetings SET \(field) = ? WHERE num = ?", arguments: [value.stringValue, num])
        case "duration_minutes":
            try db.execute(sql: "UPDATE meetings SET duration_minutes = ? WHERE num = ?", arguments: [value.intValue, num])
        case "parties":
            let day = try meetingDay(num, db)
            try db.execute(sql: "DELETE FROM meeting_parties WHERE meeting_num = ?", arguments: [num])
            for (position, code) in value.stringValues.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO meeting_parties(meeting_num, position, party_code, meeting_day) VALUES (?, ?, ?, ?)",
                               arguments: [num, position, code, day])
            }
        case "topics":
            try db.execute(sql: "DELETE FROM meeting_topics WHERE meeting_num = ?", arguments: [num])
            try Archive.insertTopics(value.stringValues, meeting: num, day: try meetingDay(num, db), db)
        case "participant.party", "participant.role":
            guard let position = try participantPosition(item ?? "", num: num, db) else { return }
            try db.execute(sql: "UPDATE participants SET \(field == "participant.party" ? "party_code" : "role") = ? WHERE meeting_num = ? AND position = ?",
                           arguments: [value.stringValue, num, position])
        case "commitment.by":
            try db.execute(sql: """
                UPDATE commitments_stored SET bound = ?
                WHERE id = (SELECT id FROM commitments WHERE meeting_num = ? AND text = ? ORDER BY position LIMIT 1)
                """, arguments: [value.stringValue, num, item ?? ""])
        default:
            return
        }
    }

    /// The position of the participant of meeting `num` named `name`: as the meeting writes them, else the
    /// same person however written.
    private static func participantPosition(_ name: String, num: Int64, _ db: Database) throws -> Int? {
        if let position = try Int.fetchOne(db, sql: "SELECT min(position) FROM participants WHERE meeting_num = ? AND name = ?", arguments: [num, name]) {
            return position
        }
        return try Int.fetchOne(db, sql: """
            SELECT min(position) FROM participants
            WHERE meeting_num = ? AND person_id IN (SELECT person_id FROM person_aliases WHERE alias = ?)
            """, arguments: [num, PeopleDirectory.alias(name)])
    }

    /// A field in words, for a review reason: "duration_minutes", "Mark Rutte's party", "the side of “…”".
    static func describe(_ field: String, item: String) -> String {
        switch field {
        case "participant.party": return "\(item)'s party"
        case "participant.role": return "\(item)'s role"
        case "commitment.by":
            let words = item.count > 60 ? String(item.prefix(60)) + "…" : item
            return "the side bound by “\(words)”"
        default: return field
        }
    }

    /// Takes the review reason of a correction off meeting `num` (the person has just decided on it again).
    private static func clearReview(of field: String, item: String?, num: Int64, _ db: Database) throws {
        let text = try String.fetchOne(db, sql: "SELECT needs_review FROM meetings WHERE num = ?", arguments: [num]) ?? "[]"
        let reason = changedReason + describe(field, item: item ?? "")
        let review = decodeReasons(text).filter { $0 != reason }
        try db.execute(sql: "UPDATE meetings SET needs_review = ? WHERE num = ?", arguments: [JSONValue.array(review.map(JSONValue.string)).rendered(), num])
    }

    /// The row of meeting `id`, or the error that names it.
    static func meetingNum(_ id: String, _ db: Database) throws -> Int64 {
        guard let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id]) else {
            throw ArchiveError.noSuchMeeting(id)
        }
        return num
    }

    private static func meetingDay(_ num: Int64, _ db: Database) throws -> Int? {
        try String.fetchOne(db, sql: "SELECT date FROM meetings WHERE num = ?", arguments: [num]).flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
    }

    static func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func decodeReasons(_ text: String) -> [String] {
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
