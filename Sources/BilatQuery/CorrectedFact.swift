import BilatIngest
import Foundation
import GRDB

/// One fact of a meeting that a person can correct, as a row of `corrections` names it: a field, and for a
/// participant's or commitment's the item (name or sentence) and which of the items of that name or
/// sentence (`occurrence`, from 0, in the meeting's order). Reads and writes the fact in the meeting's tables.
struct CorrectedFact: Hashable, Sendable {
    /// A meeting fact, `participant.party`, `participant.role` or `commitment.by`.
    var field: String
    var item: String = ""
    var occurrence: Int = 0

    /// Whether the fact is a participant's or a commitment's.
    var hasItem: Bool { field.hasPrefix("participant.") || field == "commitment.by" }

    /// The fact a person's field names: `duration_minutes`, `participant:2.party` (N as `show` numbers them,
    /// from 0), `participant:rutte.party` (a name, or a part of one) or `commitment:0.by`. For `--undo`
    /// (`undoing` the meeting's id), a name also finds a correction whose participant is no longer read.
    static func named(_ field: String, num: Int64, _ db: Database, undoing id: String? = nil) throws -> CorrectedFact {
        let hint = Suggestions.hint(for: field, among: Correction.fieldNames)
        let unknown = CorrectionError.unknownField("unknown field \(field)"
            + (hint.isEmpty ? "; the fields are " + Correction.fieldNames.joined(separator: ", ") : hint))
        if Correction.meetingFields.contains(field) { return CorrectedFact(field: field) }
        guard let colon = field.firstIndex(of: ":"), let dot = field.lastIndex(of: "."), colon < dot else { throw unknown }
        let kind = String(field[..<colon]), aspect = String(field[field.index(after: dot)...])
        let token = String(field[field.index(after: colon)..<dot])
        guard let target = Correction.Target(kind + "." + aspect) else { throw unknown }
        if kind == "commitment" {
            let texts = try String.fetchAll(db, sql: "SELECT text FROM commitments WHERE meeting_num = ? ORDER BY position", arguments: [num])
            guard let n = Int(token), texts.indices.contains(n) else {
                throw CorrectionError.noSuchItem("the meeting has no commitment \(token)"
                    + (texts.isEmpty ? "" : " (its commitments are 0 to \(texts.count - 1), as `bilat show` numbers them)"))
            }
            return CorrectedFact(field: target.name, item: texts[n], occurrence: texts[..<n].filter { $0 == texts[n] }.count)
        }
        let names = try String.fetchAll(db, sql: "SELECT name FROM participants WHERE meeting_num = ? ORDER BY position", arguments: [num])
        if let n = Int(token) {
            guard names.indices.contains(n) else {
                throw CorrectionError.noSuchItem("the meeting has no participant \(n)"
                    + (names.isEmpty ? "" : " (its participants are 0 to \(names.count - 1), as `bilat show` numbers them)"))
            }
            return CorrectedFact(field: target.name, item: names[n], occurrence: names[..<n].filter { $0 == names[n] }.count)
        }
        var candidates = names
        if let id {
            candidates += try String.fetchAll(db, sql: "SELECT item FROM corrections WHERE meeting_id = ? AND field = ?", arguments: [id, target.name])
        }
        let wanted = PeopleDirectory.alias(token).split(separator: " ")
        let matches = Array(Set(candidates.filter { name in
            let words = PeopleDirectory.alias(name).split(separator: " ")
            return !wanted.isEmpty && wanted.allSatisfy(words.contains)
        })).sorted()
        guard matches.count == 1 else {
            let words = Array(Set(candidates.flatMap { PeopleDirectory.alias($0).split(separator: " ").map(String.init) }))
            let near = wanted.count == 1 ? Suggestions.hint(for: token, among: words) : ""
            throw CorrectionError.noSuchItem(matches.isEmpty
                ? "the meeting has no participant named \(token)" + near + (names.isEmpty ? "" : " (its participants: \(names.joined(separator: ", ")))")
                : "\(token) names several participants (\(matches.joined(separator: ", "))): give their number as `bilat show` prints it")
        }
        // The same name twice: the person names the first; a number tells the others apart.
        return CorrectedFact(field: target.name, item: matches[0])
    }

    /// The fact as a record's correction names it, with the record's participants and commitments (an
    /// index, else the item) — `nil` when the record holds no such item.
    static func inRecord(_ c: Correction, _ record: MeetingRecord) -> CorrectedFact? {
        guard let target = Correction.Target(c.field) else { return nil }
        if target.name == "link" || target.name == "unlink" {
            return CorrectedFact(field: target.name, item: c.item ?? c.value.stringValue ?? "")
        }
        let items: [String]
        switch target.name {
        case "participant.party", "participant.role": items = record.participants.map(\.name)
        case "commitment.by": items = record.commitments.map(\.text)
        default: return CorrectedFact(field: target.name)
        }
        // The index where it names the item (or no item is given), else the first of the item's name or sentence.
        if let n = target.index, items.indices.contains(n), c.item == nil || items[n] == c.item {
            return CorrectedFact(field: target.name, item: items[n], occurrence: items[..<n].filter { $0 == items[n] }.count)
        }
        return c.item.map { CorrectedFact(field: target.name, item: $0) }
    }

    /// The item's index among `items` (a record's participants' names or commitments' sentences).
    func index(in items: [String]) -> Int? {
        items.indices.filter { items[$0] == item }.dropFirst(occurrence).first
    }

    /// What meeting `num`'s tables now hold for the fact; `nil` when its participant or commitment is not there.
    func current(num: Int64, _ db: Database) throws -> JSONValue? {
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
            guard let position = try participantPosition(num: num, db) else { return nil }
            return .optional(try String.fetchOne(db, sql: """
                SELECT \(field == "participant.party" ? "party_code" : "role") FROM participants WHERE meeting_num = ? AND position = ?
                """, arguments: [num, position]))
        case "commitment.by":
            guard let id = try commitmentID(num: num, db) else { return nil }
            return try String.fetchOne(db, sql: "SELECT bound FROM commitments_stored WHERE id = ?", arguments: [id]).map(JSONValue.string)
        default:
            return nil
        }
    }

    /// Writes `value` into meeting `num`'s tables.
    func write(_ value: JSONValue, num: Int64, _ db: Database) throws {
        switch field {
        case "date":
            let date = value.stringValue
            // The date is copied beside sides, people and topics for their (key, day) indexes (migration 004).
            let day = date.flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
            try db.execute(sql: "UPDATE meetings SET date = ? WHERE num = ?", arguments: [date, num])
            for table in ["meeting_parties", "meeting_topics_stored", "participants"] {
                try db.execute(sql: "UPDATE \(table) SET meeting_day = ? WHERE meeting_num = ?", arguments: [day, num])
            }
            try db.execute(sql: """
                UPDATE commitment_topics_stored SET meeting_day = ? WHERE commitment_id IN (SELECT id FROM commitments_stored WHERE meeting_num = ?)
                """, arguments: [day, num])
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
            try db.execute(sql: "DELETE FROM meeting_topics_stored WHERE meeting_num = ?", arguments: [num])
            try Archive.insertTopics(value.stringValues, meeting: num, day: try meetingDay(num, db), db)
        case "participant.party", "participant.role":
            guard let position = try participantPosition(num: num, db) else { return }
            try db.execute(sql: "UPDATE participants SET \(field == "participant.party" ? "party_code" : "role") = ? WHERE meeting_num = ? AND position = ?",
                           arguments: [value.stringValue, num, position])
        case "commitment.by":
            guard let id = try commitmentID(num: num, db) else { return }
            try db.execute(sql: "UPDATE commitments_stored SET bound = ? WHERE id = ?", arguments: [value.stringValue, id])
        default:
            return
        }
    }

    /// The position of the participant: the `occurrence`-th of that name as the meeting writes it, else the
    /// same person however written.
    private func participantPosition(num: Int64, _ db: Database) throws -> Int? {
        if let position = try Int.fetchOne(db, sql: """
            SELECT position FROM participants WHERE meeting_num = ? AND name = ? ORDER BY position LIMIT 1 OFFSET ?
            """, arguments: [num, item, occurrence]) {
            return position
        }
        guard occurrence == 0 else { return nil }
        return try Int.fetchOne(db, sql: """
            SELECT min(position) FROM participants
            WHERE meeting_num = ? AND person_id IN (SELECT person_id FROM person_aliases WHERE alias = ?)
            """, arguments: [num, PeopleDirectory.alias(item)])
    }

    /// The row of the `occurrence`-th commitment of the meeting with the sentence.
    private func commitmentID(num: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM commitments WHERE meeting_num = ? AND text = ? ORDER BY position LIMIT 1 OFFSET ?",
                           arguments: [num, item, occurrence])
    }

    private func meetingDay(_ num: Int64, _ db: Database) throws -> Int? {
        try String.fetchOne(db, sql: "SELECT date FROM meetings WHERE num = ?", arguments: [num]).flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
    }

    /// The fact in words, for a review reason: "duration_minutes", "Mark Rutte's party", "the side bound by “…”".
    var described: String {
        switch field {
        case "participant.party": return "\(item)'s party"
        case "participant.role": return "\(item)'s role"
        case "commitment.by":
            let words = item.count > 60 ? String(item.prefix(60)) + "…" : item
            return "the side bound by “\(words)”"
        default: return field
        }
    }
}
