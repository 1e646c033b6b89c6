import BilatIngest
import Foundation
import GRDB

/// What `bilat stats` groups by.
public enum StatsKey: String, CaseIterable, Sendable {
    /// Each side of a meeting: a meeting of two sides counts for both.
    case party
    /// The meeting's sides together, sorted: `FRA–JPN`.
    case pair
    /// Each principal (the people who met), by person however the readouts write them.
    case person
    /// Each topic of the meeting; with commitments, each topic of the commitment.
    case topic
    /// `in_person`, `telephone`, `video`, or none stated.
    case format
    /// The meeting's year and month (`2025`, `2025-02`); none for an undated meeting.
    case year, month
    /// The side a commitment binds (`joint` or a party): counts meetings with such commitments, and those commitments.
    case bound

    /// Whether the key orders its groups by time rather than by count.
    var isTime: Bool { self == .year || self == .month }
}

/// One group of `bilat stats`: its key values (in the order of the keys) and its counts.
public struct StatsRow: Equatable, Sendable {
    /// The value of each key; `nil` for none (an undated meeting's year, a meeting without format).
    public var keys: [String?]
    /// Meetings in the group, each once however many readouts it has.
    public var meetings: Int
    /// The group's commitments, when asked for.
    public var commitments: Int?
}

/// Counts of meetings (and commitments) grouped by one or more keys (`bilat stats`): the question
/// researchers ask first — meetings per pair per year, who meets whom most, which topics rise.
///
/// Every meeting counts once (readouts of one meeting are linked), with corrections applied (they are in the
/// tables). With a topic filter, the commitments counted are those on the topics asked for. Groups are ordered by the first key: in time for `year` and `month`, else most meetings first;
/// within a group, the same by the next key.
public enum StatsQuery {
    /// The groups of the meetings `filter` selects (its limit counts groups).
    public static func run(_ archive: Archive, by keys: [StatsKey], filter: MeetingFilter, commitments: Bool) throws -> [StatsRow] {
        precondition(!keys.isEmpty, "stats needs a key")
        return try archive.read { db in
            var selection = filter
            selection.limit = nil
            // Without a filter every meeting counts: the keys' tables are counted alone, in their indexes,
            // instead of each row looked up in `meetings` (stats --by party at 1M: 8.6 s -> 0.2 s). A filter
            // of keys and dates finds its meetings in their indexes, without reading the meetings either.
            let selected: Part?
            // The meetings of keys with their days (YYYYMMDD), when a key names them: years and months are read there.
            var days: Part?
            let keyed = selection.person != nil || selection.party != nil || !selection.topics.isEmpty
            if keyed || selection.from != nil || selection.to != nil, let (keySQL, keyArguments) = try MeetingQuery.keyMeetings(selection, db) {
                selected = ("SELECT meeting_num FROM (\(keySQL))", keyArguments)
                if keyed { days = (keySQL, keyArguments) }
            } else {
                let (conditions, arguments) = try selection.conditions(db)
                selected = conditions.isEmpty ? nil : ("SELECT m.num FROM meetings m WHERE " + conditions.joined(separator: " AND "), arguments)
            }
            var rows = try counts(keys, selected: selected, days: days, commitments: false, db)
                .map { StatsRow(keys: $0.keys, meetings: $0.count, commitments: nil) }
            if commitments {
                // With a topic filter, the commitments that count are those on the topics asked for (by slug
                // or label, as the filter takes them).
                let topics = try TopicQuery.numbers(filter.topics, db)
                let onTopics = topics.isEmpty ? nil : (
                    sql: "SELECT commitment_id FROM commitment_topics_stored WHERE topic IN (\(databaseQuestionMarks(count: topics.count)))",
                    arguments: StatementArguments(topics))
                let counted = Dictionary(try counts(keys, selected: selected, days: days, commitments: true, onTopics: onTopics, db)
                    .map { ($0.keys.map { $0 ?? "\u{0}" }, $0.count) }, uniquingKeysWith: +)
                for index in rows.indices { rows[index].commitments = counted[rows[index].keys.map { $0 ?? "\u{0}" }] ?? 0 }
            }
            rows = ordered(rows, keys)
            if let limit = filter.limit { rows = Array(rows.prefix(limit)) }
            return rows
        }
    }

    /// A statement within a larger one, with its arguments.
    typealias Part = (sql: String, arguments: StatementArguments)

    /// For each group, how many meetings (or commitments) it holds, of the meetings `selected` lists (all
    /// when `nil`, and with their days in `days` when keys name them), and of the commitments `onTopics`
    /// lists (those on the topics of a filter).
    ///
    /// Each source gives a meeting's (or commitment's) value once, so the rows of a group are its items,
    /// each once: counted with `count(*)`. The first key's table leads, read in its `(value, …)` index where
    /// it has one; the selection is written into each source of meetings' values, so that a source that
    /// groups its rows (sides as a pair, principals by name) groups the selected meetings only.
    private static func counts(_ keys: [StatsKey], selected: Part?, days: Part? = nil, commitments counting: Bool, onTopics: Part? = nil,
                               _ db: Database) throws -> [(keys: [String?], count: Int)] {
        let perCommitment = keys.map { counting && $0.isPerCommitment }
        // Commitments are read from their own keys alone when nothing about their meetings is asked.
        let alone = counting && selected == nil && perCommitment.allSatisfy { $0 }
        var from: [String] = counting && !alone ? ["commitments_stored c"] : []
        var arguments = StatementArguments()
        for (index, key) in keys.enumerated() {
            let source: String
            if let days, let value = dayValue(key) {
                // A year or month from the keys' own days: their index answers, without reading the meetings.
                source = "(SELECT meeting_num AS num, \(value) AS value FROM (\(days.sql))) k\(index)"
                _ = arguments.append(contentsOf: days.arguments)
            } else {
                let within = perCommitment[index] ? nil : selected
                source = "(\(self.source(key, commitments: counting, within: within?.sql))) k\(index)"
                if let within { _ = arguments.append(contentsOf: within.arguments) }
            }
            if from.isEmpty {
                from.append(source)
            } else {
                let on = perCommitment[index]
                    ? (alone ? "k\(index).id = k0.id" : "k\(index).id = c.id")
                    : (counting ? "k\(index).num = c.meeting_num" : "k\(index).num = k0.num")
                from.append("JOIN \(source) ON \(on)")
            }
        }
        var conditions: [String] = []
        if counting && !alone, let selected {
            conditions.append("c.meeting_num IN (\(selected.sql))")
            _ = arguments.append(contentsOf: selected.arguments)
        }
        if let onTopics {
            conditions.append("\(alone ? "k0.id" : "c.id") IN (\(onTopics.sql))")
            _ = arguments.append(contentsOf: onTopics.arguments)
        }
        let grouped = keys.indices.map { "k\($0).value" }.joined(separator: ", ")
        // Topics are grouped by their numbers, in their index's order, and named once a group.
        let columns = keys.indices.map { keys[$0] == .topic ? "(SELECT slug FROM topics WHERE num = k\($0).value)" : "k\($0).value" }
            .joined(separator: ", ")
        let sql = "SELECT \(columns), count(*) AS n FROM \(from.joined(separator: " "))"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " GROUP BY \(grouped)"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            (keys.indices.map { row[$0] as String? }, row["n"] as Int)
        }
    }

    /// A time key's value written from a `meeting_day` (YYYYMMDD, NULL for an undated meeting) as `meetings.date`
    /// gives it (`2025`, `2025-02`); `nil` for other keys.
    private static func dayValue(_ key: StatsKey) -> String? {
        switch key {
        case .year: return "CASE WHEN meeting_day IS NULL THEN NULL ELSE printf('%04d', meeting_day / 10000) END"
        case .month: return "CASE WHEN meeting_day IS NULL THEN NULL ELSE printf('%04d-%02d', meeting_day / 10000, meeting_day / 100 % 100) END"
        default: return nil
        }
    }

    /// The key's value of each meeting (`num`, `value`), of the meetings `within` lists (all when `nil`), or
    /// of each commitment (`id`, `value`) for the keys that belong to a commitment when commitments are
    /// counted.
    private static func source(_ key: StatsKey, commitments: Bool, within: String?) -> String {
        func only(_ column: String, _ joiner: String = "WHERE") -> String { within.map { " \(joiner) \(column) IN (\($0))" } ?? "" }
        switch key {
        case .party: return "SELECT meeting_num AS num, party_code AS value FROM meeting_parties" + only("meeting_num")
        case .pair:
            return """
                SELECT meeting_num AS num, group_concat(party_code, '–') AS value
                FROM (SELECT meeting_num, party_code FROM meeting_parties\(only("meeting_num")) ORDER BY meeting_num, party_code) GROUP BY meeting_num
                """
        case .person:
            return """
                SELECT DISTINCT pa.meeting_num AS num, p.name AS value FROM participants pa JOIN people p ON p.id = pa.person_id
                WHERE pa.role = 'principal'\(only("pa.meeting_num", "AND"))
                """
        case .topic:
            // The topic's number: the query names each group (see counts).
            return commitments ? "SELECT commitment_id AS id, topic AS value FROM commitment_topics_stored"
                : "SELECT meeting_num AS num, topic AS value FROM meeting_topics_stored" + only("meeting_num")
        case .format: return "SELECT num, format AS value FROM meetings" + only("num")
        case .year: return "SELECT num, substr(date, 1, 4) AS value FROM meetings" + only("num")
        case .month: return "SELECT num, substr(date, 1, 7) AS value FROM meetings" + only("num")
        case .bound:
            return commitments ? "SELECT id, bound AS value FROM commitments_stored"
                : "SELECT DISTINCT meeting_num AS num, bound AS value FROM commitments_stored" + only("meeting_num")
        }
    }

    /// Groups in the order of their keys: time keys in time, others by their total of meetings, most first.
    static func ordered(_ rows: [StatsRow], _ keys: [StatsKey]) -> [StatsRow] {
        func sortKey(_ level: Int) -> (String?) -> (Int, String) {
            var totals: [String: Int] = [:]
            for row in rows { totals[row.keys[level] ?? "", default: 0] += row.meetings }
            return { value in
                // None last, whatever the key.
                guard let value else { return (Int.max, "") }
                return keys[level].isTime ? (0, value) : (-totals[value]!, value)
            }
        }
        let levels = keys.indices.map(sortKey)
        return rows.sorted { a, b in
            for (level, key) in levels.enumerated() {
                let (x, y) = (key(a.keys[level]), key(b.keys[level]))
                if x != y { return x < y }
            }
            return false
        }
    }
}

extension StatsKey {
    /// Whether, when commitments are counted, the key is the commitment's own (its topics, its side).
    var isPerCommitment: Bool { self == .topic || self == .bound }
}
