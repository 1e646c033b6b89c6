import BilatIngest
import Foundation
import GRDB

/// A commitment with the meeting it was made in.
public struct CommitmentRow: Equatable, Sendable {
    public var meetingID: String
    public var date: String?
    public var parties: [String]
    public var text: String
    /// `joint` or the code of the side that undertook it.
    public var by: String
    public var topics: [String]

    public var json: JSONValue {
        .object([
            ("meeting_id", .string(meetingID)), ("date", .optional(date)), ("parties", .array(parties.map(JSONValue.string))),
            ("by", .string(by)), ("topics", .array(topics.map(JSONValue.string))), ("text", .string(text)),
        ])
    }
}

/// The filters of `bilat commitments`.
public struct CommitmentFilter: Sendable {
    /// Meeting filters (date, person, party); `meetings.topics` is ignored: see ``topics``.
    public var meetings = MeetingFilter()
    /// Commitment topics; a commitment matches when it has any of them.
    public var topics: [String] = []
    /// `joint`, or a party code or name: who is bound.
    public var by: String?
    /// A full-text query over the commitment sentences.
    public var match: String?
    public var limit: Int?

    public init(meetings: MeetingFilter = MeetingFilter(), topics: [String] = [], by: String? = nil, match: String? = nil, limit: Int? = nil) {
        self.meetings = meetings
        self.topics = topics
        self.by = by
        self.match = match
        self.limit = limit
    }
}

/// Commitments across meetings.
public enum CommitmentQuery {
    /// Commitments matching `filter`, newest meeting first, in the order of each readout.
    public static func list(_ archive: Archive, filter: CommitmentFilter) throws -> [CommitmentRow] {
        try archive.read { db in
            let (sql, arguments) = try statement(filter, db)
            let rows = try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: arguments) }
            return try rows.map { row in
                CommitmentRow(meetingID: row["meeting_id"], date: row["date"], parties: try MeetingQuery.parties(row["num"], db),
                              text: row["text"], by: row["bound"], topics: try topics(row["id"], db))
            }
        }
    }

    /// How many commitments match `filter`, whatever its limit.
    public static func count(_ archive: Archive, filter: CommitmentFilter) throws -> Int {
        try archive.read { db in
            let (sql, arguments) = try countStatement(filter, db)
            return try SearchSyntax.translatingFTSErrors { try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
        }
    }

    /// The main statement of ``list(_:filter:)`` with its arguments written in (for the `sqlite3` shell).
    public static func sql(_ archive: Archive, filter: CommitmentFilter) throws -> String {
        try archive.read { db in
            let (sql, arguments) = try statement(filter, db)
            return try SQLText.inline(sql, arguments, db)
        }
    }

    /// Under this many commitments, a filter on commitments (who is bound, topics, words) is read first and
    /// its rows sorted; past it, meetings are read newest first, from an index, and their commitments
    /// tested, which stops at the limit.
    static let fewCommitments = 2000

    /// The statement of ``list(_:filter:)`` and its arguments.
    /// `ordered: false` leaves out the order (for counting); `few` is ``fewCommitments`` but in tests.
    ///
    /// A filter on commitments that names few of them reads those first and sorts them. Else one topic reads
    /// the topic's `(topic, date)` index newest first; a person whose name names one person, or a party,
    /// reads that key's `(key, day)` index newest first, as ``MeetingQuery`` does, and each meeting's
    /// commitments; other filters read meetings newest first. Every other filter tests each row, so that a
    /// page costs about the same in an archive of any size.
    static func statement(_ filter: CommitmentFilter, _ db: Database, ordered: Bool = true,
                          few: Int = fewCommitments) throws -> (String, StatementArguments) {
        var meetingFilter = filter.meetings
        meetingFilter.topics = []
        var conditions: [String] = []
        var arguments = StatementArguments()
        func add(_ more: (sql: [String], arguments: StatementArguments)) {
            conditions += more.sql
            _ = arguments.append(contentsOf: more.arguments)
        }
        // The view reads each sentence out of its readout's text: counting needs no sentence, unless a
        // Japanese --match looks inside them.
        let readsText = ordered || filter.match.map(SearchSyntax.isJapanese) == true
        let commitments = readsText ? "commitments" : "commitments_stored"
        let topics = try TopicQuery.numbers(filter.topics, db)
        let people = try meetingFilter.person.map { name in try PersonMatch.find(name, db).ids }
        var own = try CommitmentCondition.all(filter, topics: topics, db)
        let from: String
        var order = "m.date DESC, m.id DESC, c.position"
        // `CROSS JOIN` keeps the tables in the order written: SQLite would otherwise start from whichever
        // index a filter offers (all `joint` commitments, say) and sort everything it finds.
        if ordered, let driving = try own.firstIndex(where: { try $0.namesFewer(than: few, db) }) {
            from = "FROM \(commitments) c CROSS JOIN meetings m ON m.num = c.meeting_num"
            add(CommitmentCondition.written(own, driving: driving, counting: !ordered))
            add(try meetingFilter.conditions(db, perMeeting: true, personIDs: people))
        } else if topics.count == 1 {
            // One topic: read the newest first from the (topic, day) index rather than sort them all, between
            // the dates asked for (the index holds the meeting's date as YYYYMMDD), so that commitments
            // outside them are never read.
            from = "FROM commitment_topics_stored ct CROSS JOIN \(commitments) c ON c.id = ct.commitment_id CROSS JOIN meetings m ON m.num = c.meeting_num"
            order = "ct.meeting_day DESC, m.id DESC, c.position"
            add((["ct.topic = ?"], [topics[0]]))
            add(meetingFilter.dayConditions("ct.meeting_day"))
            var undated = meetingFilter
            (undated.from, undated.to) = (nil, nil)
            add(try undated.conditions(db, perMeeting: true, personIDs: people))
            own.removeAll { $0.kind == .topics }
            add(CommitmentCondition.written(own, driving: nil, counting: !ordered))
        } else if let key = try MeetingQuery.leadingKey(meetingFilter, people: people, db) {
            // One person or one party (topics here are the commitments'): read their meetings newest first
            // from the (key, day) index, and each one's commitments, rather than gather every commitment of
            // theirs and sort them.
            from = "FROM \(key.table) d CROSS JOIN meetings m ON m.num = d.meeting_num CROSS JOIN \(commitments) c ON c.meeting_num = m.num"
            order = "d.meeting_day DESC, m.id DESC, c.position"
            add(meetingFilter.indexConditions(key.column, [key.value]))
            if let once = key.once { conditions.append(once) }
            add(try key.rest.conditions(db, perMeeting: true, personIDs: people))
            add(CommitmentCondition.written(own, driving: nil, counting: !ordered))
        } else {
            from = "FROM meetings m CROSS JOIN \(commitments) c ON c.meeting_num = m.num"
            add(try meetingFilter.conditions(db, personIDs: people))
            add(CommitmentCondition.written(own, driving: nil, counting: !ordered))
        }
        var sql = (readsText ? "SELECT c.id, c.text, c.bound, m.id AS meeting_id, m.date, m.num " : "SELECT c.id ") + from
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if ordered { sql += " ORDER BY " + order }
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return (sql, arguments)
    }

    /// The statement that counts the commitments matching `filter`, whatever its limit.
    ///
    /// Without order, sentences or the meetings' rows where none is needed: one topic between dates is
    /// counted in its index; a filter on commitments that names few of them, or filters on commitments
    /// alone, in the index of one of them (words before topics before who is bound, which names the most)
    /// with the others tested on each row; meetings named by keys and dates
    /// (``MeetingQuery/keyMeetings(_:_:)``) are found first and their commitments tested, rather than every
    /// commitment of a topic or side looked up in its meeting. Other filters count the unordered listing.
    static func countStatement(_ filter: CommitmentFilter, _ db: Database, few: Int = fewCommitments) throws -> (String, StatementArguments) {
        var meetings = filter.meetings
        meetings.topics = []
        let topics = try TopicQuery.numbers(filter.topics, db)
        let keyed = meetings.person != nil || meetings.party != nil || meetings.conflicts || meetings.needsReview
        let dated = meetings.from != nil || meetings.to != nil
        func whereClause(_ conditions: [String]) -> String {
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        }
        if topics.count == 1 && filter.by == nil && filter.match == nil && !keyed {
            // One topic's commitments, between dates or not: its index alone answers.
            let (bounds, boundArguments) = meetings.dayConditions("ct.meeting_day")
            var arguments = StatementArguments([topics[0]])
            _ = arguments.append(contentsOf: boundArguments)
            return ("SELECT count(*) FROM commitment_topics_stored ct" + whereClause(["ct.topic = ?"] + bounds), arguments)
        }
        let own = try CommitmentCondition.all(filter, topics: topics, db)
        // A Japanese --match looks inside the sentences, which the view reads out of the readouts.
        let commitments = filter.match.map(SearchSyntax.isJapanese) == true ? "commitments" : "commitments_stored"
        let driving = try own.firstIndex { try $0.namesFewer(than: few, db) }
        if driving != nil || (!keyed && !dated) {
            // Past a few driving rows, the others are tested row by row; past many, against their sets.
            var (conditions, arguments) = CommitmentCondition.written(own, driving: driving ?? own.lastIndex { $0.candidates != nil },
                                                                      counting: driving == nil)
            var sql = "SELECT count(*) FROM \(commitments) c"
            if keyed || dated {
                sql += " CROSS JOIN meetings m ON m.num = c.meeting_num"
                let (meetingConditions, meetingArguments) = try meetings.conditions(db, perMeeting: true)
                conditions += meetingConditions
                _ = arguments.append(contentsOf: meetingArguments)
            }
            return (sql + whereClause(conditions), arguments)
        }
        if let (keySQL, keyArguments) = try MeetingQuery.keyMeetings(meetings, db) {
            let (conditions, arguments) = CommitmentCondition.written(own, driving: nil, counting: true)
            var all = keyArguments
            _ = all.append(contentsOf: arguments)
            return ("SELECT count(*) FROM (\(keySQL)) k CROSS JOIN \(commitments) c ON c.meeting_num = k.meeting_num" + whereClause(conditions), all)
        }
        var all = filter
        all.limit = nil
        let (sql, arguments) = try statement(all, db, ordered: false)
        return ("SELECT count(*) FROM (\(sql))", arguments)
    }

    static func topics(_ commitmentID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT t.slug FROM commitment_topics_stored ct JOIN topics t ON t.num = ct.topic
            WHERE ct.commitment_id = ? ORDER BY t.rowid
            """, arguments: [commitmentID])
    }
}
