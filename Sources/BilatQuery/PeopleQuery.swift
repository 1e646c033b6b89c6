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
            let (conditions, arguments) = nameConditions(name, on: "p.id")
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
