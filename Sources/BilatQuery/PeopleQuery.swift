import BilatIngest
import Foundation
import GRDB

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
            // Counted from the participants' index on (person, day, meeting) alone, without reading the
            // meetings: the dates are the meetings' days kept beside each participant. A person listed
            // twice in a meeting counts it once: DISTINCT in the index's own order needs no sort.
            let (conditions, arguments) = nameConditions(name, on: "pa.person_id")
            var sql = """
                WITH counted AS (
                    SELECT id, count(*) AS meetings, min(day) AS first, max(day) AS last
                    FROM (SELECT DISTINCT pa.person_id AS id, pa.meeting_day AS day, pa.meeting_num FROM participants pa
                          WHERE pa.person_id IS NOT NULL
                """
            for condition in conditions { sql += " AND " + condition }
            sql += """
                ) GROUP BY id)
                SELECT p.id, p.name, p.family_name, p.given_name, c.meetings, c.first, c.last
                FROM counted c JOIN people p ON p.id = c.id ORDER BY c.meetings DESC, p.name
                """
            if let limit { sql += " LIMIT \(limit)" }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let id: Int64 = row["id"]
                let titles = try Row.fetchAll(db, sql: """
                    SELECT title, min(meeting_day) AS first, max(meeting_day) AS last FROM participants
                    WHERE person_id = ? AND title IS NOT NULL GROUP BY title ORDER BY min(coalesce(meeting_day, 99999999))
                    """, arguments: [id]).map { PersonSummary.Title(title: $0["title"], first: day($0["first"]), last: day($0["last"])) }
                let parties = try String.fetchAll(db, sql: """
                    SELECT DISTINCT party_code FROM participants WHERE person_id = ? AND party_code IS NOT NULL ORDER BY party_code
                    """, arguments: [id])
                return PersonSummary(name: row["name"], familyName: row["family_name"], givenName: row["given_name"], titles: titles,
                                     parties: parties, meetings: row["meetings"], firstMeeting: day(row["first"]), lastMeeting: day(row["last"]))
            }
        }
    }

    /// A `meeting_day` (YYYYMMDD) as the date it stands for ("2024-11-05").
    static func day(_ value: Int?) -> String? {
        value.map { String(format: "%04d-%02d-%02d", $0 / 10_000, $0 / 100 % 100, $0 % 100) }
    }

    /// How many people ``list(_:name:limit:)`` gives without a limit.
    public static func count(_ archive: Archive, name: String?) throws -> Int {
        try archive.read { db in
            let (conditions, arguments) = nameConditions(name, on: "pa.person_id")
            var sql = "SELECT count(DISTINCT pa.person_id) FROM participants pa"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
    }

    /// People whose name has every word of `name`: a condition on the person id `column` for each word.
    static func nameConditions(_ name: String?, on column: String) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        for word in (name.map(PeopleDirectory.alias) ?? "").split(separator: " ") {
            conditions.append("\(column) IN (SELECT person_id FROM person_aliases WHERE ' ' || alias || ' ' LIKE ?)")
            _ = arguments.append(contentsOf: ["% \(word) %"])
        }
        return (conditions, arguments)
    }
}
