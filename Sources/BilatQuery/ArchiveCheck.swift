import BilatIngest
import Foundation
import GRDB

/// `bilat check`: what is wrong with an archive, if anything.
public struct ArchiveReport: Sendable {
    public var schemaVersion: Int
    public var meetings: Int
    public var problems: [String]
    public var ok: Bool { problems.isEmpty }
}

public enum ArchiveCheck {
    /// SQLite's integrity and foreign-key checks, the full-text indexes' own check, readouts and corrections
    /// that belong to no meeting, and the schema version.
    public static func run(_ archive: Archive) throws -> ArchiveReport {
        try archive.inspect { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.prefix(20).map { "integrity: \($0)" } }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !orphans.isEmpty { problems.append("\(orphans.count) rows refer to missing rows (foreign keys)") }
            for table in ["readout_fts", "commitment_fts"] {
                do {
                    try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
                } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                    // A read-only archive: the index check needs write access to run, the rest is checked.
                } catch let error as DatabaseError {
                    problems.append("full-text index \(table): \(error.message ?? "damaged")")
                }
            }
            let unindexed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM readout_fts_docsize d WHERE d.id = s.id)
                """) ?? 0
            if unindexed > 0 { problems.append("\(unindexed) readouts are missing from the search index") }
            let unlinked = try Int.fetchOne(db, sql: "SELECT count(*) FROM sources WHERE meeting_num IS NULL") ?? 0
            if unlinked > 0 { problems.append("\(unlinked) readouts belong to no meeting") }
            // A person's corrections are kept by meeting id: each must have its meeting.
            let lost = try Int.fetchOne(db, sql: "SELECT count(*) FROM corrections WHERE meeting_id NOT IN (SELECT id FROM meetings)") ?? 0
            if lost > 0 { problems.append("\(lost) corrections are of meetings no longer in the archive") }
            let meetings = try Int.fetchOne(db, sql: "SELECT count(*) FROM meetings") ?? 0
            return ArchiveReport(schemaVersion: Archive.schemaVersion, meetings: meetings, problems: problems)
        }
    }
}
