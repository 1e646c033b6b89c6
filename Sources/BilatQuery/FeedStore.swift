import BilatIngest
import Foundation
import GRDB

/// A feed a person follows, as `bilat feed list` shows it.
public struct Feed: Equatable, Sendable {
    public var name: String
    public var url: String
    /// The validators of the last answer, sent back as a conditional request.
    public var etag: String?
    public var lastModified: String?
    public var addedAt: String
    public var pulledAt: String?
    /// Items imported, and items that failed the last time they were tried.
    public var imported: Int
    public var failing: Int

    public var json: JSONValue {
        .object([("name", .string(name)), ("url", .string(url)), ("added_at", .string(addedAt)), ("pulled_at", .optional(pulledAt)),
                 ("imported", .int(imported)), ("failing", .int(failing))])
    }
}

/// What a feed holds about one item, and whether it is in the archive.
public struct FeedItemState: Equatable, Sendable {
    public var key: String
    public var importedAt: String?
    public var error: String?
}

/// The feeds of an archive and what their pulls have seen: every statement on `feeds` and `feed_items`.
public enum FeedStore {
    /// Follows the feed at `url` as `name` (default: the URL's host, made unique); returns the name.
    public static func add(_ archive: Archive, url: String, name: String?, now: Date = Date()) throws -> String {
        try archive.write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT name FROM feeds WHERE url = ?", arguments: [url]) {
                throw ArchiveError.badQuery("the feed \(url) is already followed, as \(existing)")
            }
            var chosen = name ?? URLComponents(string: url)?.host ?? url
            if name != nil, try Bool.fetchOne(db, sql: "SELECT 1 FROM feeds WHERE name = ?", arguments: [chosen]) == true {
                throw ArchiveError.badQuery("a feed is already named \(chosen): give another --name")
            }
            var n = 2
            let base = chosen
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM feeds WHERE name = ?", arguments: [chosen]) == true {
                chosen = "\(base)-\(n)"
                n += 1
            }
            try db.execute(sql: "INSERT INTO feeds(name, url, added_at) VALUES (?, ?, ?)", arguments: [chosen, url, Archive.timestamp(now)])
            return chosen
        }
    }

    /// Stops following the feed named `nameOrURL` (its items' readouts stay in the archive).
    public static func remove(_ archive: Archive, _ nameOrURL: String) throws -> Feed {
        try archive.write { db in
            let feed = try find(nameOrURL, db)
            try db.execute(sql: "DELETE FROM feeds WHERE name = ?", arguments: [feed.name])
            return feed
        }
    }

    /// Every feed followed, in the order they were added.
    public static func list(_ archive: Archive) throws -> [Feed] {
        try archive.read { db in try Row.fetchAll(db, sql: "\(selectFeeds) ORDER BY f.id").map(feed) }
    }

    /// The feed named `nameOrURL` (its name or its URL), or an error naming the feeds there are.
    public static func find(_ archive: Archive, _ nameOrURL: String) throws -> Feed {
        try archive.read { db in try find(nameOrURL, db) }
    }

    static func find(_ nameOrURL: String, _ db: Database) throws -> Feed {
        if let row = try Row.fetchOne(db, sql: "\(selectFeeds) WHERE f.name = ?1 OR f.url = ?1", arguments: [nameOrURL]) { return feed(row) }
        let names = try String.fetchAll(db, sql: "SELECT name FROM feeds ORDER BY id")
        let hint = Suggestions.hint(for: nameOrURL, among: names)
        throw ArchiveError.badQuery("no feed named \(nameOrURL)" + (hint.isEmpty ? (names.isEmpty ? "; add one with `bilat feed add URL`" : "; `bilat feed list` lists them") : hint))
    }

    private static let selectFeeds = """
        SELECT f.name, f.url, f.etag, f.last_modified, f.added_at, f.pulled_at,
               (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.imported_at IS NOT NULL) AS imported,
               (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.imported_at IS NULL AND i.error IS NOT NULL) AS failing
        FROM feeds f
        """

    private static func feed(_ row: Row) -> Feed {
        Feed(name: row["name"], url: row["url"], etag: row["etag"], lastModified: row["last_modified"], addedAt: row["added_at"],
             pulledAt: row["pulled_at"], imported: row["imported"], failing: row["failing"])
    }

    /// What the feed `name` knows of the items with these keys: imported, failed, or (absent) never seen.
    public static func items(_ archive: Archive, feed name: String, keys: [String]) throws -> [String: FeedItemState] {
        try archive.read { db in
            var states: [String: FeedItemState] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT i.key, i.imported_at, i.error FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE f.name = ? AND i.key = ?
                """)
            for key in keys {
                if let row = try Row.fetchOne(statement, arguments: [name, key]) {
                    states[key] = FeedItemState(key: key, importedAt: row["imported_at"], error: row["error"])
                }
            }
            return states
        }
    }

    /// Records the outcome of one item: imported into `meetingID`, or failed for `error`.
    public static func record(_ archive: Archive, feed name: String, key: String, link: String, title: String?, published: String?,
                              meetingID: String?, error: String?, now: Date = Date()) throws {
        try archive.write { db in
            try db.execute(sql: """
                INSERT INTO feed_items(feed_id, key, link, title, published, imported_at, meeting_id, error)
                VALUES ((SELECT id FROM feeds WHERE name = ?), ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (feed_id, key) DO UPDATE SET link = excluded.link, title = excluded.title, published = excluded.published,
                    imported_at = coalesce(excluded.imported_at, feed_items.imported_at),
                    meeting_id = coalesce(excluded.meeting_id, feed_items.meeting_id), error = excluded.error
                """, arguments: [name, key, link, title, published, meetingID == nil ? nil : Archive.timestamp(now), meetingID, error])
        }
    }

    /// Records a pull of the feed `name`: the validators of its answer (kept as they were when the server
    /// said "not modified").
    public static func pulled(_ archive: Archive, feed name: String, etag: String?, lastModified: String?, notModified: Bool,
                              now: Date = Date()) throws {
        try archive.write { db in
            if notModified {
                try db.execute(sql: "UPDATE feeds SET pulled_at = ? WHERE name = ?", arguments: [Archive.timestamp(now), name])
            } else {
                try db.execute(sql: "UPDATE feeds SET etag = ?, last_modified = ?, pulled_at = ? WHERE name = ?",
                               arguments: [etag, lastModified, Archive.timestamp(now), name])
            }
        }
    }
}
