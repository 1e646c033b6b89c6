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
        var all = filter
        all.limit = nil
        return try archive.read { db in
            // Unordered, so that SQLite counts the rows without reading their sentences or sorting them.
            let (sql, arguments) = try statement(all, db, ordered: false)
            return try SearchSyntax.translatingFTSErrors { try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: arguments) ?? 0 }
        }
    }

    /// The main statement of ``list(_:filter:)`` with its arguments written in (for the `sqlite3` shell).
    public static func sql(_ archive: Archive, filter: CommitmentFilter) throws -> String {
        try archive.read { db in
            let (sql, arguments) = try statement(filter, db)
            return try SQLText.inline(sql, arguments, db)
        }
    }

    /// The statement of ``list(_:filter:)`` and its arguments.
    /// `ordered: false` leaves out the order (for counting).
    static func statement(_ filter: CommitmentFilter, _ db: Database, ordered: Bool = true) throws -> (String, StatementArguments) {
        var meetingFilter = filter.meetings
        meetingFilter.topics = []
        var conditions: [String]
        var arguments: StatementArguments
        // The view reads each sentence out of its readout's text: counting needs no sentence, unless a
        // Japanese --match looks inside them.
        let readsText = ordered || filter.match.map(SearchSyntax.isJapanese) == true
        let commitments = readsText ? "commitments" : "commitments_stored"
        var from = "FROM \(commitments) c JOIN meetings m ON m.num = c.meeting_num"
        var order = "m.date DESC, m.id DESC, c.position"
        let topics = try TopicQuery.slugs(filter.topics, db)
        if topics.count == 1 {
            // One topic: read the newest first from the (topic, date) index rather than sort them all, between
            // the dates asked for (the index holds the meeting's date, as `m.date` does), so that commitments
            // outside them are never read.
            var dated = meetingFilter
            (dated.from, dated.to) = (nil, nil)
            (conditions, arguments) = try dated.conditions(db)
            from = "FROM commitment_topics ct JOIN \(commitments) c ON c.id = ct.commitment_id JOIN meetings m ON m.num = c.meeting_num"
            order = "ct.meeting_date DESC, m.id DESC, c.position"
            let (bounds, boundArguments) = meetingFilter.dateConditions("ct.meeting_date")
            conditions = ["ct.topic_slug = ?"] + bounds + conditions
            var first = StatementArguments([topics[0]])
            _ = first.append(contentsOf: boundArguments)
            _ = first.append(contentsOf: arguments)
            arguments = first
        } else if let party = meetingFilter.party {
            // One party: read its meetings newest first from the (party, day) index, and their commitments,
            // rather than gather every commitment of the party and sort them.
            var rest = meetingFilter
            rest.party = nil
            let (others, otherArguments) = try rest.conditions(db, perMeeting: true)
            from = "FROM meeting_parties d JOIN meetings m ON m.num = d.meeting_num JOIN \(commitments) c ON c.meeting_num = m.num"
            order = "d.meeting_day DESC, m.id DESC, c.position"
            (conditions, arguments) = meetingFilter.indexConditions("party_code", try MeetingFilter.partyCode(party, db))
            conditions += others
            _ = arguments.append(contentsOf: otherArguments)
        } else {
            (conditions, arguments) = try meetingFilter.conditions(db)
        }
        if topics.count > 1 {
            conditions.append("c.id IN (SELECT commitment_id FROM commitment_topics WHERE topic_slug IN (\(databaseQuestionMarks(count: topics.count))))")
            _ = arguments.append(contentsOf: StatementArguments(topics))
        }
        if let by = filter.by {
            conditions.append("c.bound = ?")
            _ = arguments.append(contentsOf: [by.lowercased() == Commitment.joint ? Commitment.joint : try MeetingFilter.partyCode(by, db)])
        }
        if let match = filter.match, SearchSyntax.isJapanese(match) {
            // Japanese runs words together, which the word index cannot split: each term is found in the sentence.
            for term in match.split(whereSeparator: { $0.isWhitespace || $0 == "　" }) {
                conditions.append("c.text LIKE ? ESCAPE '\\'")
                _ = arguments.append(contentsOf: ["%" + SearchSyntax.likeEscaped(String(term)) + "%"])
            }
        } else if let match = filter.match {
            conditions.append("c.id IN (SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?)")
            _ = arguments.append(contentsOf: [try SearchSyntax.ftsQuery(match)])
        }
        if !readsText && topics.count == 1 && conditions.allSatisfy({ $0.hasPrefix("ct.") }) {
            // Counting one topic's commitments, between dates or not, and nothing else: its index alone answers.
            from = "FROM commitment_topics ct"
        }
        var sql = (readsText ? "SELECT c.id, c.text, c.bound, m.id AS meeting_id, m.date, m.num " : "SELECT \(topics.count == 1 ? "ct.commitment_id" : "c.id") ") + from
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if ordered { sql += " ORDER BY " + order }
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return (sql, arguments)
    }

    static func topics(_ commitmentID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT ct.topic_slug FROM commitment_topics ct JOIN topics t ON t.slug = ct.topic_slug
            WHERE ct.commitment_id = ? ORDER BY t.rowid
            """, arguments: [commitmentID])
    }
}
