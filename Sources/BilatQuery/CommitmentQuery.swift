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

/// A statement handed out of a query instead of being run.
struct SQLStatement: Error { let text: String }

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
    /// Set by ``CommitmentQuery/sql(_:filter:)``: build the statement, run nothing.
    var explainOnly = false

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
            var meetingFilter = filter.meetings
            meetingFilter.topics = []
            var (conditions, arguments) = try meetingFilter.conditions(db)
            var from = "FROM commitments c JOIN meetings m ON m.num = c.meeting_num"
            var order = "m.date DESC, m.id DESC, c.position"
            if !filter.topics.isEmpty { try TopicQuery.validate(filter.topics, db) }
            if filter.topics.count == 1 {
                // One topic: read the newest first from the (topic, date) index rather than sort them all.
                from = "FROM commitment_topics ct JOIN commitments c ON c.id = ct.commitment_id JOIN meetings m ON m.num = c.meeting_num"
                order = "ct.meeting_date DESC, m.id DESC, c.position"
                conditions.insert("ct.topic_slug = ?", at: 0)
                var first = StatementArguments([filter.topics[0]])
                _ = first.append(contentsOf: arguments)
                arguments = first
            } else if !filter.topics.isEmpty {
                conditions.append("c.id IN (SELECT commitment_id FROM commitment_topics WHERE topic_slug IN (\(databaseQuestionMarks(count: filter.topics.count))))")
                _ = arguments.append(contentsOf: StatementArguments(filter.topics))
            }
            if let by = filter.by {
                conditions.append("c.bound = ?")
                _ = arguments.append(contentsOf: [by.lowercased() == Commitment.joint ? Commitment.joint : try MeetingFilter.partyCode(by, db)])
            }
            if let match = filter.match {
                conditions.append("c.id IN (SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?)")
                _ = arguments.append(contentsOf: [try SearchSyntax.ftsQuery(match)])
            }
            var sql = "SELECT c.id, c.text, c.bound, m.id AS meeting_id, m.date, m.num " + from
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY " + order
            if let limit = filter.limit { sql += " LIMIT \(limit)" }
            if filter.explainOnly { throw SQLStatement(text: try SQLText.inline(sql, arguments, db)) }
            let rows = try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: arguments) }
            return try rows.map { row in
                CommitmentRow(meetingID: row["meeting_id"], date: row["date"], parties: try MeetingQuery.parties(row["num"], db),
                              text: row["text"], by: row["bound"], topics: try topics(row["id"], db))
            }
        }
    }

    /// The main statement of ``list(_:filter:)`` with its arguments written in (for the `sqlite3` shell).
    public static func sql(_ archive: Archive, filter: CommitmentFilter) throws -> String {
        var f = filter
        f.explainOnly = true
        do { _ = try list(archive, filter: f) } catch let statement as SQLStatement { return statement.text }
        throw ArchiveError.badQuery("no statement")
    }

    static func topics(_ commitmentID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT ct.topic_slug FROM commitment_topics ct JOIN topics t ON t.slug = ct.topic_slug
            WHERE ct.commitment_id = ? ORDER BY t.rowid
            """, arguments: [commitmentID])
    }
}

/// The topic vocabulary with how often each topic occurs.
public struct TopicSummary: Equatable, Sendable {
    public var slug: String
    public var label: String
    public var meetings: Int
    public var commitments: Int

    public var json: JSONValue {
        .object([("slug", .string(slug)), ("label", .string(label)), ("meetings", .int(meetings)), ("commitments", .int(commitments))])
    }
}

public enum TopicQuery {
    /// Every topic, in vocabulary order, with its meeting and commitment counts.
    public static func list(_ archive: Archive) throws -> [TopicSummary] {
        try archive.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.slug, t.label,
                       (SELECT count(*) FROM meeting_topics mt WHERE mt.topic_slug = t.slug) AS meetings,
                       (SELECT count(*) FROM commitment_topics ct WHERE ct.topic_slug = t.slug) AS commitments
                FROM topics t ORDER BY t.rowid
                """).map { TopicSummary(slug: $0["slug"], label: $0["label"], meetings: $0["meetings"], commitments: $0["commitments"]) }
        }
    }

    /// Refuses a slug that is not in the vocabulary, naming it.
    static func validate(_ slugs: [String], _ db: Database) throws {
        for slug in slugs where try Int.fetchOne(db, sql: "SELECT count(*) FROM topics WHERE slug = ?", arguments: [slug]) == 0 {
            throw ArchiveError.badQuery("unknown topic \"\(slug)\"; `bilat topics` lists them")
        }
    }
}

/// A person with the titles and sides the readouts give them.
public struct PersonSummary: Equatable, Sendable {
    public struct Title: Equatable, Sendable {
        public var title: String
        public var first: String?
        public var last: String?
    }
    public var name: String
    public var familyName: String?
    public var givenName: String?
    public var titles: [Title]
    public var parties: [String]
    public var meetings: Int
    public var firstMeeting: String?
    public var lastMeeting: String?

    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("family_name", .optional(familyName)), ("given_name", .optional(givenName)),
            ("titles", .array(titles.map { .object([("title", .string($0.title)), ("first", .optional($0.first)), ("last", .optional($0.last))]) })),
            ("parties", .array(parties.map(JSONValue.string))), ("meetings", .int(meetings)),
            ("first_meeting", .optional(firstMeeting)), ("last_meeting", .optional(lastMeeting)),
        ])
    }
}

public enum PeopleQuery {
    /// People whose name contains every word of `name` (any order, case or accents), most met first.
    public static func list(_ archive: Archive, name: String?, limit: Int?) throws -> [PersonSummary] {
        try archive.read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            for word in (name.map(PeopleDirectory.alias) ?? "").split(separator: " ") {
                conditions.append("p.id IN (SELECT person_id FROM person_aliases WHERE ' ' || alias || ' ' LIKE ?)")
                _ = arguments.append(contentsOf: ["% \(word) %"])
            }
            var sql = """
                SELECT p.id, p.name, p.family_name, p.given_name, count(DISTINCT pa.meeting_num) AS meetings,
                       min(m.date) AS first, max(m.date) AS last
                FROM people p JOIN participants pa ON pa.person_id = p.id JOIN meetings m ON m.num = pa.meeting_num
                """
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " GROUP BY p.id ORDER BY meetings DESC, p.name"
            if let limit { sql += " LIMIT \(limit)" }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let id: Int64 = row["id"]
                let titles = try Row.fetchAll(db, sql: """
                    SELECT pa.title, min(m.date) AS first, max(m.date) AS last FROM participants pa
                    JOIN meetings m ON m.num = pa.meeting_num WHERE pa.person_id = ? AND pa.title IS NOT NULL
                    GROUP BY pa.title ORDER BY min(coalesce(m.date, '9999'))
                    """, arguments: [id]).map { PersonSummary.Title(title: $0["title"], first: $0["first"], last: $0["last"]) }
                let parties = try String.fetchAll(db, sql: """
                    SELECT DISTINCT party_code FROM participants WHERE person_id = ? AND party_code IS NOT NULL ORDER BY party_code
                    """, arguments: [id])
                return PersonSummary(name: row["name"], familyName: row["family_name"], givenName: row["given_name"], titles: titles,
                                     parties: parties, meetings: row["meetings"], firstMeeting: row["first"], lastMeeting: row["last"])
            }
        }
    }
}
