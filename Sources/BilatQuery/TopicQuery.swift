import BilatIngest
import Foundation
import GRDB

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
