import BilatIngest
import Foundation
import GRDB

/// One page of a meeting listing with its facets, as the web view (`bilat serve`) shows `/meetings`: the
/// filters of `list`, optional words that a readout of each meeting must contain, an offset, and counts of
/// the whole selection by party, person, topic, year and format.
///
/// The listing is ``MeetingQuery``'s own statement (the same order, the same filters, corrections
/// applied); the facets count the same selection as ``StatsQuery`` does, in one statement made for it.
public enum MeetingPageQuery {
    /// A page of meetings and the size of the whole selection.
    public struct Page: Sendable {
        /// The meetings of the page, newest first (undated last).
        public var meetings: [MeetingSummary]
        /// How many meetings the filters select in all.
        public var total: Int
    }

    /// One facet: the key and its groups (value and count of meetings), most meetings first (years in time).
    public struct Facet: Sendable {
        public var key: StatsKey
        /// `(value, meetings)`; a `nil` value is the group of meetings without one (undated, no format stated).
        public var values: [(value: String?, meetings: Int)]
    }

    /// The meetings `filter` (and `words`, when given) select, `limit` of them from `offset`.
    ///
    /// - Parameter words: a search as `bilat search` takes it; a meeting matches when one of its readouts does.
    ///   The SQL (on top of ``MeetingQuery``'s listing):
    ///   `SELECT * FROM (listing) m WHERE m.num IN (SELECT s.meeting_num FROM readout_fts JOIN sources s ON s.id = readout_fts.rowid WHERE readout_fts MATCH ?) AND m.format = ? ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?`
    /// - Parameter format: `in_person`, `telephone`, `video`, or `none` for meetings whose format is not stated.
    public static func page(_ archive: Archive, filter: MeetingFilter, words: String? = nil, format: String? = nil,
                            offset: Int, limit: Int) throws -> Page {
        let match = try condition(words: words, format: format)
        return try archive.read { db in
            var selection = filter
            selection.limit = nil
            var (sql, arguments) = try MeetingQuery.listStatement(selection, db)
            if let match {
                sql = "SELECT * FROM (\(sql)) m WHERE \(match.sql) ORDER BY m.date DESC, m.id DESC"
                _ = arguments.append(contentsOf: match.arguments)
            }
            sql += " LIMIT ? OFFSET ?"
            _ = arguments.append(contentsOf: [max(0, limit), max(0, offset)])
            let rows = try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: arguments) }
            let meetings = try rows.map { try MeetingQuery.summary($0, db) }
            let (selected, selectedArguments) = try selectedStatement(selection, match: match, db)
            let total = try SearchSyntax.translatingFTSErrors {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(selected))", arguments: selectedArguments) ?? 0
            }
            return Page(meetings: meetings, total: total)
        }
    }

    /// Counts of the meetings `filter` (and `words`, `format`) select by party, person, topic, year and format:
    /// at most `limit` values per key, the most frequent first (years in time, the latest kept; the group
    /// without a value last). They count what `bilat stats --by KEY` counts — each meeting once per value,
    /// persons as principals, by name — in one statement that reads the selection once:
    ///
    ///     WITH x AS MATERIALIZED (SELECT m.num FROM meetings m WHERE …)
    ///     SELECT 'party', mp.party_code, count(*) FROM x JOIN meeting_parties mp ON mp.meeting_num = x.num GROUP BY 2
    ///     UNION ALL SELECT 'person', p.name, count(DISTINCT pa.meeting_num) FROM x JOIN participants pa ON pa.meeting_num = x.num
    ///               JOIN people p ON p.id = pa.person_id WHERE pa.role = 'principal' GROUP BY 2
    ///     UNION ALL SELECT 'topic', (SELECT slug FROM topics WHERE num = mt.topic), count(*) FROM x JOIN meeting_topics_stored mt
    ///               ON mt.meeting_num = x.num GROUP BY mt.topic
    ///     UNION ALL SELECT 'year', substr(m.date, 1, 4), count(*) FROM x JOIN meetings m ON m.num = x.num GROUP BY 2
    ///     UNION ALL SELECT 'format', m.format, count(*) FROM x JOIN meetings m ON m.num = x.num GROUP BY 2
    ///
    /// Each count is driven from the selection through the tables' `(meeting_num, …)` keys, so that a narrow
    /// selection costs little in an archive of any size; without any filter the tables are counted whole.
    public static func facets(_ archive: Archive, filter: MeetingFilter, words: String? = nil, format: String? = nil,
                              limit: Int) throws -> [Facet] {
        let match = try condition(words: words, format: format)
        return try archive.read { db in
            var selection = filter
            selection.limit = nil
            let (selected, arguments) = try selectedStatement(selection, match: match, db)
            let whole = selected == "SELECT m.num FROM meetings m"
            let x = whole ? "" : "WITH x AS MATERIALIZED (\(selected)) "
            func join(_ table: String, _ alias: String) -> String {
                whole ? "\(table) \(alias)" : "x JOIN \(table) \(alias) ON \(alias).\(table == "meetings" ? "num" : "meeting_num") = x.num"
            }
            let sql = x + """
                SELECT 'party' AS key, mp.party_code AS value, count(*) AS n FROM \(join("meeting_parties", "mp")) GROUP BY 2
                UNION ALL SELECT 'person', p.name, count(DISTINCT pa.meeting_num) FROM \(join("participants", "pa"))
                    JOIN people p ON p.id = pa.person_id WHERE pa.role = 'principal' GROUP BY 2
                UNION ALL SELECT 'topic', (SELECT slug FROM topics WHERE num = mt.topic), count(*) FROM \(join("meeting_topics_stored", "mt"))
                    GROUP BY mt.topic
                UNION ALL SELECT 'year', substr(m.date, 1, 4), count(*) FROM \(join("meetings", "m")) GROUP BY 2
                UNION ALL SELECT 'format', m.format, count(*) FROM \(join("meetings", "m")) GROUP BY 2
                """
            var groups: [String: [StatsRow]] = [:]
            let rows = try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: whole ? [] : arguments) }
            for row in rows {
                groups[row["key"], default: []].append(StatsRow(keys: [row["value"] as String?], meetings: row["n"], commitments: nil))
            }
            return [StatsKey.party, .person, .topic, .year, .format].map { key in facet(key, groups[key.rawValue] ?? [], limit: limit) }
        }
    }

    /// The same facets, counted in memory from `index` over the meetings the filters select (read with
    /// `SELECT m.num FROM meetings m WHERE …`; nothing at all is read without a filter).
    public static func facets(_ archive: Archive, index: MeetingFacetIndex, filter: MeetingFilter, words: String? = nil, format: String? = nil,
                              limit: Int) throws -> [Facet] {
        let match = try condition(words: words, format: format)
        let nums: [Int64]? = try archive.read { db in
            var selection = filter
            selection.limit = nil
            let (selected, arguments) = try selectedStatement(selection, match: match, db)
            if selected == "SELECT m.num FROM meetings m" { return nil }
            return try SearchSyntax.translatingFTSErrors { try Int64.fetchAll(db, sql: selected, arguments: arguments) }
        }
        return index.facets(of: nums, limit: limit)
    }

    /// One facet from its groups: ordered as `bilat stats` orders them, at most `limit` values (years: the latest).
    static func facet(_ key: StatsKey, _ groups: [StatsRow], limit: Int) -> Facet {
        var rows = StatsQuery.ordered(groups, [key])
        if key.isTime {
            rows = Array(rows.filter { $0.keys[0] != nil }.suffix(limit)) + rows.filter { $0.keys[0] == nil }
        } else {
            rows = Array(rows.prefix(limit))
        }
        return Facet(key: key, values: rows.map { ($0.keys[0], $0.meetings) })
    }

    /// `SELECT m.num FROM meetings m WHERE …`: the selection of `filter` and the words' condition.
    static func selectedStatement(_ filter: MeetingFilter, match: (sql: String, arguments: StatementArguments)?,
                                  _ db: Database) throws -> (String, StatementArguments) {
        var (conditions, arguments) = try filter.conditions(db)
        if let match {
            conditions.append(match.sql)
            _ = arguments.append(contentsOf: match.arguments)
        }
        return ("SELECT m.num FROM meetings m" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")), arguments)
    }

    /// The condition on `m` (a meeting row with `num` and `format`) of the words and the format, if any.
    static func condition(words: String?, format: String?) throws -> (sql: String, arguments: StatementArguments)? {
        var parts: [String] = []
        var arguments = StatementArguments()
        if let words {
            let match = try wordsCondition(words)
            parts.append("m.num IN (\(match.sql))")
            _ = arguments.append(contentsOf: match.arguments)
        }
        if let format {
            if format == "none" {
                parts.append("m.format IS NULL")
            } else {
                guard MeetingFormat(rawValue: format) != nil else {
                    throw ArchiveError.badQuery("unknown format \"\(format)\": give in_person, telephone, video or none")
                }
                parts.append("m.format = ?")
                _ = arguments.append(contentsOf: [format])
            }
        }
        return parts.isEmpty ? nil : (parts.joined(separator: " AND "), arguments)
    }

    /// The meetings with a readout matching `words`: `SELECT meeting_num` from the full-text index
    /// (the trigram index for Japanese, as `bilat search` does).
    static func wordsCondition(_ words: String) throws -> (sql: String, arguments: StatementArguments) {
        if SearchSyntax.isJapanese(words) {
            let (match, short) = try SearchSyntax.japaneseTerms(words)
            let (conditions, arguments) = SearchSyntax.trigramConditions(match: match, short: short)
            return ("SELECT s.meeting_num FROM readout_trigram JOIN sources s INDEXED BY sources_meeting_of ON s.id = readout_trigram.rowid WHERE 1" + conditions, arguments)
        }
        return ("SELECT s.meeting_num FROM readout_fts JOIN sources s INDEXED BY sources_meeting_of ON s.id = readout_fts.rowid WHERE readout_fts MATCH ?",
                [try SearchSyntax.ftsQuery(words)])
    }
}
