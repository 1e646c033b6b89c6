import BilatIngest
import Foundation
import GRDB

/// The tables `bilat export --table` writes: one row per item with its meeting's id, as researchers load
/// them into pandas, R or DuckDB.
public enum ExportTable: String, CaseIterable, Sendable {
    case meetings, readouts, participants, commitments, topics
}

/// The rows of one ``ExportTable`` for the meetings a filter selects, ordered by meeting date then id.
public enum TableExport {
    /// The column names and the rows (values as JSON: strings, numbers or null; lists joined with `;`).
    public static func rows(_ archive: Archive, table: ExportTable, filter: MeetingFilter) throws -> (columns: [String], rows: [[JSONValue]]) {
        try archive.read { db in
            let (selected, arguments) = try MeetingQuery.exportStatement(filter, columns: "m.num, m.id, m.date", db)
            let statement = try db.makeStatement(sql: "WITH selected AS (\(selected)) " + sql(table))
            statement.arguments = arguments
            let columns = statement.columnNames
            let rows: [[JSONValue]] = try Row.fetchAll(statement).map { row in row.databaseValues.map(json) }
            return (columns, rows)
        }
    }

    /// A value of a row as JSON (no table holds a blob column that is exported).
    static func json(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null, .blob: return .null
        case .int64(let number): return .int(Int(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        }
    }

    /// The statement of each table over the `selected` meetings (`num`, `id`, `date`, in export order).
    /// Indexes (`readout`, `position`) count from 0, as the meeting record's do.
    static func sql(_ table: ExportTable) -> String {
        switch table {
        case .meetings:
            return """
                SELECT m.id, m.date, m.start_time, m.duration_minutes, m.format, m.venue, m.title, m.language,
                       (SELECT group_concat(party_code, ';') FROM (SELECT party_code FROM meeting_parties WHERE meeting_num = m.num ORDER BY position)) AS parties,
                       (SELECT group_concat(name, ';') FROM (SELECT name FROM participants WHERE meeting_num = m.num AND role = 'principal' ORDER BY position)) AS principals,
                       (SELECT group_concat(slug, ';') FROM (SELECT t.slug FROM meeting_topics_stored mt JOIN topics t ON t.num = mt.topic
                                                              WHERE mt.meeting_num = m.num ORDER BY t.rowid)) AS topics,
                       (SELECT count(*) FROM commitments_stored WHERE meeting_num = m.num) AS commitments,
                       (SELECT count(*) FROM sources WHERE meeting_num = m.num) AS readouts,
                       (SELECT group_concat(value, ';') FROM json_each(m.needs_review)) AS needs_review,
                       (SELECT group_concat(field, ';') FROM (SELECT DISTINCT field FROM corrections WHERE meeting_id = m.id
                                                               AND field NOT IN ('link', 'unlink') ORDER BY field)) AS corrected
                FROM selected x JOIN meetings m ON m.num = x.num
                ORDER BY x.date, x.id
                """
        case .readouts:
            return """
                SELECT x.id AS meeting_id, row_number() OVER (PARTITION BY s.meeting_num ORDER BY s.position) - 1 AS readout,
                       s.file_name AS file, s.path, s.sha256, s.url, s.media_type, s.language, s.title, s.publisher, s.published, s.imported_at,
                       s.stated_date AS date, s.stated_start_time AS start_time, s.stated_duration_minutes AS duration_minutes,
                       s.stated_format AS format, s.stated_venue AS venue
                FROM selected x JOIN sources s ON s.meeting_num = x.num
                ORDER BY x.date, x.id, s.position
                """
        case .participants:
            return """
                SELECT x.id AS meeting_id, row_number() OVER (PARTITION BY p.meeting_num ORDER BY p.position) - 1 AS position,
                       p.name, p.family_name, p.given_name, p.title, p.party_code AS party, p.role,
                       (SELECT count(*) FROM sources s WHERE s.meeting_num = p.meeting_num AND s.position < r.position) AS readout
                FROM selected x JOIN participants p ON p.meeting_num = x.num LEFT JOIN sources r ON r.id = p.source_id
                ORDER BY x.date, x.id, p.position
                """
        case .commitments:
            return """
                SELECT x.id AS meeting_id, row_number() OVER (PARTITION BY c.meeting_num ORDER BY c.position) - 1 AS position,
                       c.bound AS "by",
                       (SELECT group_concat(slug, ';') FROM (SELECT t.slug FROM commitment_topics_stored ct JOIN topics t ON t.num = ct.topic
                                                              WHERE ct.commitment_id = c.id ORDER BY t.rowid)) AS topics,
                       (SELECT count(*) FROM sources s WHERE s.meeting_num = c.meeting_num AND s.position < r.position) AS readout,
                       c.text
                FROM selected x JOIN commitments c ON c.meeting_num = x.num LEFT JOIN sources r ON r.id = c.source_id
                ORDER BY x.date, x.id, c.position
                """
        case .topics:
            return """
                SELECT x.id AS meeting_id, t.slug AS topic, t.label,
                       (SELECT count(*) FROM commitment_topics_stored ct JOIN commitments_stored c ON c.id = ct.commitment_id
                        WHERE c.meeting_num = x.num AND ct.topic = mt.topic) AS commitments
                FROM selected x JOIN meeting_topics_stored mt ON mt.meeting_num = x.num JOIN topics t ON t.num = mt.topic
                ORDER BY x.date, x.id, t.rowid
                """
        }
    }
}
