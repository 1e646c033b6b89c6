import BilatIngest
import Foundation
import GRDB

/// One line of a meeting listing.
public struct MeetingSummary: Equatable, Sendable {
    public var id: String
    public var date: String?
    public var title: String?
    /// `in_person`, `telephone` or `video`; `nil` when the readout does not say.
    public var format: String?
    public var language: String
    public var parties: [String]
    /// The principals' and attendees' names, principals first.
    public var participants: [Participant]
    public var topics: [String]

    /// The summary as JSON (the listing's record form).
    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("date", .optional(date)), ("title", .optional(title)), ("format", .optional(format)),
            ("language", .string(language)), ("parties", .array(parties.map(JSONValue.string))),
            ("participants", .array(participants.map(\.json))), ("topics", .array(topics.map(JSONValue.string))),
        ])
    }
}

/// Meetings: listing with filters, one meeting in full, its original text, and the export stream.
public enum MeetingQuery {
    /// Meetings matching `filter`, newest first (undated last).
    public static func list(_ archive: Archive, filter: MeetingFilter) throws -> [MeetingSummary] {
        try archive.read { db in
            let (sql, arguments) = try listStatement(filter, db)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try summary($0, db) }
        }
    }

    /// The summary of the meeting a row of ``listStatement(_:_:)`` (or a statement over it) selects.
    static func summary(_ row: Row, _ db: Database) throws -> MeetingSummary {
        let num: Int64 = row["num"]
        return MeetingSummary(
            id: row["id"], date: row["date"], title: row["title"], format: row["format"], language: row["language"],
            parties: try parties(num, db), participants: try participants(num, db), topics: try topics(num, db))
    }

    /// How many meetings match `filter`, whatever its limit (for "20 of 601 shown").
    public static func count(_ archive: Archive, filter: MeetingFilter) throws -> Int {
        try archive.read { db in
            let (sql, arguments) = try countStatement(filter, db)
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
    }

    /// The statement of ``count(_:filter:)`` with its arguments written in, as the `sqlite3` shell would run it.
    public static func countSQL(_ archive: Archive, filter: MeetingFilter) throws -> String {
        try archive.read { db in
            let (sql, arguments) = try countStatement(filter, db)
            return try SQLText.inline(sql, arguments, db)
        }
    }

    /// The statement that counts the meetings matching `filter`, whatever its limit: the meetings that keys
    /// name together merged from their indexes (``keyIntersection(_:_:)``), else the listing's statement
    /// counted, unordered so that SQLite counts the rows without sorting them.
    static func countStatement(_ filter: MeetingFilter, _ db: Database) throws -> (String, StatementArguments) {
        var all = filter
        all.limit = nil
        if let merged = try keyIntersection(all, db) { return merged }
        let (sql, arguments) = try listStatement(all, db, ordered: false)
        return ("SELECT count(*) FROM (\(sql))", arguments)
    }

    /// Counting the meetings that two or three keys name together and nothing else (a person, a party, one
    /// topic, within dates): each key's `(key, meeting_day, meeting_num)` index lists its meetings in day
    /// order, and a compound `INTERSECT` ordered the same way lets SQLite merge the lists, reading each once
    /// in order, instead of looking one key up for every meeting of another (`list --party NOR --topic space`
    /// at 100k: 23 → 5 ms in the sqlite3 shell). `nil` for any other filter.
    static func keyIntersection(_ filter: MeetingFilter, _ db: Database) throws -> (String, StatementArguments)? {
        // Decided on the filter first: a count of one key (the usual case) looks nothing up here that the
        // listing's statement would look up again.
        let named = [filter.person != nil, filter.party != nil, filter.topics.count == 1].filter { $0 }.count
        guard named >= 2, let (sql, arguments) = try keyMeetings(filter, db) else { return nil }
        return ("SELECT count(*) FROM (\(sql) ORDER BY 1, 2)", arguments)
    }

    /// The meetings that the keys of `filter` (a person, a party, one topic) name together within its dates,
    /// each once, as a statement selecting `meeting_day, meeting_num` from the keys' indexes (several keys
    /// intersected); the meetings within the dates when there is no key. `nil` when the filter has anything
    /// else (several topics, conflicts, review) or names nobody.
    static func keyMeetings(_ filter: MeetingFilter, _ db: Database) throws -> (String, StatementArguments)? {
        guard !filter.conflicts, !filter.needsReview, filter.topics.count <= 1 else { return nil }
        var keys: [(table: String, column: String, values: [DatabaseValueConvertible])] = []
        if let person = filter.person {
            let ids = try PersonMatch.find(person, db).ids
            guard !ids.isEmpty else { return nil }
            keys.append(("participants", "person_id", ids))
        }
        if let party = filter.party { keys.append(("meeting_parties", "party_code", [try MeetingFilter.partyCode(party, db)])) }
        if let topic = filter.topics.first { keys.append(("meeting_topics_stored", "topic", [try TopicQuery.numbers([topic], db)[0]])) }
        if keys.isEmpty {
            let (conditions, arguments) = filter.dateConditions("m.date")
            return ("SELECT NULL AS meeting_day, m.num AS meeting_num FROM meetings m"
                    + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")), arguments)
        }
        var selects: [String] = []
        var arguments = StatementArguments()
        for key in keys {
            let (conditions, keyArguments) = filter.indexConditions(key.column, key.values)
            // A person listed twice in a meeting, or people a name names together, give it once (an INTERSECT
            // keeps each row once already).
            let distinct = keys.count == 1 && key.table == "participants" ? "DISTINCT " : ""
            selects.append("SELECT \(distinct)d.meeting_day, d.meeting_num FROM \(key.table) d WHERE " + conditions.joined(separator: " AND "))
            _ = arguments.append(contentsOf: keyArguments)
        }
        return (selects.joined(separator: " INTERSECT "), arguments)
    }

    /// The main statement of ``list(_:filter:)`` with its arguments written in, as the `sqlite3` shell would
    /// run it: what benchmarks compare against, and what a user can paste into `bilat sql`.
    public static func listSQL(_ archive: Archive, filter: MeetingFilter) throws -> String {
        try archive.read { db in
            let (sql, arguments) = try listStatement(filter, db)
            return try SQLText.inline(sql, arguments, db)
        }
    }

    /// Meetings matching `filter`, newest first: the statement and its arguments.
    ///
    /// A filter on a person (whose name names one person), a party or one topic reads that person's,
    /// party's or topic's meetings newest first from its `(key, meeting_day)` index and tests the other
    /// filters on each, so that a page of results costs the same in an archive of any size. Other filters
    /// gather their matches and sort them.
    /// `ordered: false` leaves out the order (for counting).
    static func listStatement(_ filter: MeetingFilter, _ db: Database, ordered: Bool = true) throws -> (String, StatementArguments) {
        let people = try filter.person.map { name in try PersonMatch.find(name, db).ids }
        let driver = try leadingKey(filter, people: people, db)
        let rest = driver?.rest ?? filter
        let columns = "m.num, m.id, m.date, m.title, m.format, m.language"
        var sql: String
        var conditions: [String]
        var arguments: StatementArguments
        if let driver {
            (conditions, arguments) = try rest.conditions(db, perMeeting: true, personIDs: people)
            var (driverConditions, driverArguments) = filter.indexConditions(driver.column, [driver.value])
            if !ordered, let onKeys = Self.keyConditions(conditions) {
                // Counting the meetings of one key whose other filters, if any, are keys too (a party and a
                // topic): the index's meeting numbers are counted and tested without reading the meetings (every
                // row has its meeting; a person listed twice in a meeting counts once).
                conditions = onKeys
                sql = "SELECT DISTINCT d.meeting_num FROM \(driver.table) d"
            } else {
                driverConditions += [driver.once].compactMap { $0 }
                sql = "SELECT \(columns) FROM \(driver.table) d JOIN meetings m ON m.num = d.meeting_num"
            }
            conditions = driverConditions + conditions
            _ = driverArguments.append(contentsOf: arguments)
            arguments = driverArguments
        } else {
            (conditions, arguments) = try filter.conditions(db, personIDs: people)
            sql = "SELECT \(columns) FROM meetings m"
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if ordered { sql += driver == nil ? " ORDER BY m.date DESC, m.id DESC" : " ORDER BY d.meeting_day DESC, m.id DESC" }
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return (sql, arguments)
    }

    /// The key whose `(key, meeting_day)` index a listing of `filter` reads newest first: a person whose name
    /// names one person (`people`: the ids the name names), else a party, else one topic; `nil` for none.
    /// `once` is the condition that keeps one of the key's rows `d` a meeting (a person may be listed twice
    /// in one); `rest` is the filter without the key, for the conditions tested on each meeting.
    static func leadingKey(_ filter: MeetingFilter, people: [Int64]?, _ db: Database) throws
        -> (table: String, column: String, value: DatabaseValueConvertible, once: String?, rest: MeetingFilter)? {
        var rest = filter
        if let people, people.count == 1 {
            rest.person = nil
            return ("participants", "person_id", people[0],
                    "d.position = (SELECT min(position) FROM participants WHERE meeting_num = d.meeting_num AND person_id = d.person_id)", rest)
        }
        if let party = filter.party {
            rest.party = nil
            return ("meeting_parties", "party_code", try MeetingFilter.partyCode(party, db), nil, rest)
        }
        if filter.topics.count == 1 {
            rest.topics = []
            return ("meeting_topics_stored", "topic", try TopicQuery.numbers(filter.topics, db)[0], nil, rest)
        }
        return nil
    }

    /// `conditions` written on `d.meeting_num` instead of `m.num`, when the meeting's number is all of the
    /// meeting they read (the tests of a person, party or topic); `nil` when one reads another column.
    static func keyConditions(_ conditions: [String]) -> [String]? {
        let column = /\bm\.(\w+)/
        guard conditions.allSatisfy({ $0.matches(of: column).allSatisfy { $0.1 == "num" } }) else { return nil }
        return conditions.map { $0.replacing(column) { _ in "d.meeting_num" } }
    }

    /// The meeting `id` in full, as export.md defines it.
    public static func record(_ archive: Archive, id: String) throws -> MeetingRecord {
        try archive.read { db in
            guard let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id]) else {
                throw ArchiveError.noSuchMeeting(id)
            }
            return try record(num: num, db)
        }
    }

    /// The readout text of meeting `id` exactly as imported (decoded, front matter removed): its first
    /// readout's. ``texts(_:id:)`` gives every readout's.
    public static func text(_ archive: Archive, id: String) throws -> String {
        guard let first = try texts(archive, id: id).first else { throw ArchiveError.noSuchMeeting(id) }
        return first.text ?? ""
    }

    /// Each readout of meeting `id` with its text exactly as imported, in import order; `nil` text for a
    /// readout known only from an export's list of readouts.
    public static func texts(_ archive: Archive, id: String) throws -> [(readout: ReadoutInfo, text: String?)] {
        try archive.read { db in
            guard let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id]) else {
                throw ArchiveError.noSuchMeeting(id)
            }
            let bodies = try Row.fetchAll(db, sql: """
                SELECT media_type, coalesce(text, CAST(content AS TEXT)) AS body FROM sources WHERE meeting_num = ? ORDER BY position
                """, arguments: [num])
            return zip(try readouts(num, db), bodies).map { readout, row in
                (readout, (row["media_type"] as String) == StorableReadout.referenceMediaType ? nil : row["body"])
            }
        }
    }

    /// The meetings matching `filter` in the order of an export (date, then id; undated first), selecting
    /// `columns` of `meetings AS m`: the statement and its arguments.
    static func exportStatement(_ filter: MeetingFilter, columns: String, _ db: Database) throws -> (String, StatementArguments) {
        let (conditions, arguments) = try filter.conditions(db)
        var sql = "SELECT \(columns) FROM meetings m"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY m.date, m.id"
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return (sql, arguments)
    }

    /// Every meeting matching `filter` in full, ordered by date then id, handed to `body` one at a time
    /// so that an export of any size runs in constant memory.
    public static func export(_ archive: Archive, filter: MeetingFilter, _ body: (MeetingRecord) throws -> Void) throws {
        try archive.read { db in
            let (sql, arguments) = try exportStatement(filter, columns: "m.num", db)
            let nums = try Int64.fetchAll(db, sql: sql, arguments: arguments)
            for num in nums { try body(try record(num: num, db)) }
        }
    }

    static func record(num: Int64, _ db: Database) throws -> MeetingRecord {
        guard let m = try Row.fetchOne(db, sql: """
            SELECT m.*, s.file_name, s.sha256, s.url, s.imported_at, s.media_type,
                   coalesce(s.text, CAST(s.content AS TEXT)) AS body
            FROM meetings m JOIN sources s ON s.id = m.source_id
            WHERE m.num = ?
            """, arguments: [num]) else { throw ArchiveError.noSuchMeeting(String(num)) }
        let sections = try SectionStore.sections(num, body: m["body"], db)
        let commitmentRows = try Row.fetchAll(db, sql: """
            SELECT id, text, bound, char_offset, source_id FROM commitments WHERE meeting_num = ? ORDER BY position
            """, arguments: [num])
        let commitments = try commitmentRows.map { row in
            Commitment(text: row["text"], by: row["bound"], topics: try CommitmentQuery.topics(row["id"], db), offset: row["char_offset"])
        }
        let review = try ReviewReasons.reasons(stored: CorrectionStore.decodeStrings(m["needs_review"]), of: m["id"], db)
        let participants = try participants(num, db)
        return MeetingRecord(
            id: m["id"], title: m["title"], language: m["language"], date: m["date"], startTime: m["start_time"],
            durationMinutes: m["duration_minutes"], format: (m["format"] as String?).flatMap(MeetingFormat.init(rawValue:)), venue: m["venue"],
            parties: try parties(num, db), participants: participants, topics: try topics(num, db),
            commitments: commitments, sections: sections, needsReview: review,
            source: SourceInfo(file: m["file_name"], sha256: m["sha256"], url: m["url"], importedAt: m["imported_at"]),
            readouts: try readouts(num, db), conflicts: try MeetingFacts.conflicts(num, db),
            evidence: try evidence(num, commitments: commitmentRows, db),
            corrections: try CorrectionStore.corrections(of: m["id"], participants: participants, commitments: commitments, db))
    }

    /// The evidence of meeting `num`'s facts, in the order of the record's fields: each with the index of its
    /// readout; a participant's and a commitment's with their index in the record.
    static func evidence(_ num: Int64, commitments: [Row], _ db: Database) throws -> [Evidence] {
        let readoutIndex = try MeetingFacts.readoutIndexes(num, db)
        let participantIndex = try MeetingFacts.participantIndexes(num, db)
        var found: [(rank: Int, item: Int, evidence: Evidence)] = []
        let ranks = Dictionary(uniqueKeysWithValues: (MeetingFacts.fields + ["participant"]).enumerated().map { ($1, $0) })
        for row in try Row.fetchAll(db, sql: """
            SELECT e.source_id, e.field, e.item,
                   CASE WHEN e.text_start IS NULL THEN e.text
                        ELSE substr(coalesce(s.text, CAST(s.content AS TEXT)), e.text_start, e.text_length) END AS text
            FROM evidence e JOIN sources s ON s.id = e.source_id
            WHERE e.meeting_num = ? AND (e.text <> '' OR e.text_start IS NOT NULL) ORDER BY e.id
            """, arguments: [num]) {
            let field: String = row["field"]
            guard let rank = ranks[field], let readout = readoutIndex[row["source_id"]] else { continue }
            var item = 0
            var name = field
            if field == "participant" {
                guard let index = (row["item"] as Int?).flatMap({ participantIndex[$0] }) else { continue }
                item = index
                name = "participant:\(index)"
            }
            found.append((rank, item, Evidence(field: name, readout: readout, text: row["text"])))
        }
        for (index, row) in commitments.enumerated() {
            guard let readout = (row["source_id"] as Int64?).flatMap({ readoutIndex[$0] }) else { continue }
            found.append((ranks.count, index, Evidence(field: "commitment:\(index)", readout: readout, text: row["text"])))
        }
        return found.enumerated().sorted { a, b in
            (a.element.rank, a.element.item, a.element.evidence.readout, a.offset) < (b.element.rank, b.element.item, b.element.evidence.readout, b.offset)
        }.map(\.element.evidence)
    }

    /// The readouts of meeting `num`, in import order.
    static func readouts(_ num: Int64, _ db: Database) throws -> [ReadoutInfo] {
        try ReadoutInfo.fetchAll(db, sql: """
            SELECT file_name, path, sha256, url, language, title, publisher, published, imported_at
            FROM sources WHERE meeting_num = ? ORDER BY position
            """, arguments: [num])
    }

    static func parties(_ num: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT party_code FROM meeting_parties WHERE meeting_num = ? ORDER BY position", arguments: [num])
    }

    static func topics(_ num: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT t.slug FROM meeting_topics_stored mt JOIN topics t ON t.num = mt.topic
            WHERE mt.meeting_num = ? ORDER BY t.rowid
            """, arguments: [num])
    }

    static func participants(_ num: Int64, _ db: Database) throws -> [Participant] {
        try Participant.fetchAll(db, sql: """
            SELECT name, family_name, given_name, title, party_code, role
            FROM participants WHERE meeting_num = ? ORDER BY position
            """, arguments: [num])
    }
}

/// A readout as a row of `sources`.
extension ReadoutInfo: FetchableRecord {
    public init(row: Row) {
        self.init(file: row["file_name"], path: row["path"], sha256: row["sha256"], url: row["url"], language: row["language"],
                  title: row["title"], publisher: row["publisher"], published: row["published"], importedAt: row["imported_at"])
    }
}

/// A participant as a row of `participants`.
extension Participant: FetchableRecord {
    public init(row: Row) {
        self.init(name: row["name"], familyName: row["family_name"], givenName: row["given_name"], title: row["title"],
                  party: row["party_code"], role: ParticipantRole(rawValue: row["role"]) ?? .attendee)
    }
}
