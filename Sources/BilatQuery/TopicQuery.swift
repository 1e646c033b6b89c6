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
            try Row.fetchAll(db, sql: summarySQL + " ORDER BY t.rowid").map(summary)
        }
    }

    /// The topic `slug` with its meeting and commitment counts; `nil` when the vocabulary has no such slug.
    /// Counts that one topic only (a topic's page need not count them all: 0.7 s at a million meetings).
    public static func summary(_ archive: Archive, slug: String) throws -> TopicSummary? {
        try archive.read { db in
            try Row.fetchOne(db, sql: summarySQL + " WHERE t.slug = ?", arguments: [slug]).map(summary)
        }
    }

    /// Each topic's slug, label and counts, from the topics' `(topic, …)` indexes.
    private static let summarySQL = """
        SELECT t.slug, t.label,
               (SELECT count(*) FROM meeting_topics_stored mt WHERE mt.topic = t.num) AS meetings,
               (SELECT count(*) FROM commitment_topics_stored ct WHERE ct.topic = t.num) AS commitments
        FROM topics t
        """

    private static func summary(_ row: Row) -> TopicSummary {
        TopicSummary(slug: row["slug"], label: row["label"], meetings: row["meetings"], commitments: row["commitments"])
    }

    /// The numbers by which the topic tables store the topics `topics` name (as ``slugs(_:_:)`` reads them).
    /// A topic another tool added without a number has no rows: it gets 0, which no row holds.
    static func numbers(_ topics: [String], _ db: Database) throws -> [Int64] {
        let number = try db.cachedStatement(sql: "SELECT num FROM topics WHERE slug = ?")
        return try slugs(topics, db).map { try Int64.fetchOne(number, arguments: [$0]) ?? 0 }
    }

    /// The slugs `topics` name: a slug, or a topic's label, in any case or accents, with spaces or
    /// hyphens ("defence-cooperation" and "Defence cooperation" for defense-cooperation, "Ukraine" for
    /// ukraine). A value that names no topic is refused, with the nearest slugs.
    public static func slugs(_ topics: [String], _ db: Database) throws -> [String] {
        guard !topics.isEmpty else { return [] }
        let vocabulary = try Row.fetchAll(db, sql: "SELECT slug, label FROM topics ORDER BY rowid").map { (slug: $0["slug"] as String, label: $0["label"] as String) }
        func key(_ text: String) -> String {
            TextFolding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        }
        return try topics.map { topic in
            if vocabulary.contains(where: { $0.slug == topic }) { return topic }
            let typed = key(topic)
            if let found = vocabulary.first(where: { key($0.slug) == typed || key($0.label) == typed }) { return found.slug }
            let hint = Suggestions.hint(for: typed, among: vocabulary.map(\.slug))
            throw ArchiveError.badQuery("unknown topic \"\(topic)\"" + (hint.isEmpty ? "; `bilat topics` lists them" : hint + " (`bilat topics` lists them)"))
        }
    }

}
