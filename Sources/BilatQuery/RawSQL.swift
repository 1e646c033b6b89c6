import BilatIngest
import Foundation
import GRDB
import GRDBSQLite

/// The result of a power user's SELECT: column names and rows of JSON values.
public struct SQLResult: Sendable {
    public var columns: [String]
    public var rows: [[JSONValue]]
    /// Whether rows were left out because of the row cap.
    public var truncated: Bool
}

/// `bilat sql`: one read-only statement. The connection is opened read-only, `query_only` is on, an
/// SQLite authorizer refuses anything but reading (writes, ATTACH, PRAGMA settings, loading extensions),
/// the statement is interrupted after a time limit and rows past a cap are left out.
public enum RawSQL {
    /// The default time limit of one query, in seconds.
    public static let defaultTimeLimit: Double = 10

    public static func run(_ archive: Archive, sql: String, maxRows: Int = 10_000, timeLimit: Double = defaultTimeLimit) throws -> SQLResult {
        let finished = Finished()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { [weak archive] in
            if !finished.value { archive?.dbQueue.interrupt() }
        }
        defer { finished.value = true }
        return try archive.read { db in
            try db.execute(sql: "PRAGMA query_only = ON")
            let connection = db.sqliteConnection
            sqlite3_set_authorizer(connection, readOnlyAuthorizer, nil)
            defer { sqlite3_set_authorizer(connection, nil, nil) }
            let statement: Statement
            do {
                statement = try db.makeStatement(sql: sql)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_AUTH {
                throw ArchiveError.writeRefused("`bilat sql` only reads; use `bilat import` to change the archive")
            } catch let error as DatabaseError {
                throw ArchiveError.badQuery("SQL error: \(error.message ?? "invalid statement")")
            }
            guard statement.isReadonly else {
                throw ArchiveError.writeRefused("`bilat sql` only reads; use `bilat import` to change the archive")
            }
            var rows: [[JSONValue]] = []
            var truncated = false
            do {
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    if rows.count >= maxRows { truncated = true; break }
                    rows.append(row.databaseValues.map(json))
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                throw ArchiveError.badQuery("the query was stopped after \(Int(timeLimit)) seconds (the time limit of `bilat sql`)")
            } catch let error as DatabaseError {
                throw ArchiveError.badQuery("SQL error: \(error.message ?? "query failed")")
            }
            return SQLResult(columns: statement.columnNames, rows: rows, truncated: truncated)
        }
    }

    /// Set once the query is over, so that a late timer does not interrupt the next one.
    private final class Finished: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        var value: Bool {
            get { lock.lock(); defer { lock.unlock() }; return done }
            set { lock.lock(); done = newValue; lock.unlock() }
        }
    }

    static func json(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .blob(let data): return .string(String(data: data, encoding: .utf8) ?? "<\(data.count) bytes>")
        }
    }
}

/// `bilat check`: what is wrong with an archive, if anything.
public struct ArchiveReport: Sendable {
    public var schemaVersion: Int
    public var meetings: Int
    public var problems: [String]
    public var ok: Bool { problems.isEmpty }
}

/// SQL text with its arguments written in as literals (for the `sqlite3` shell and for users).
public enum SQLText {
    static func inline(_ sql: String, _ arguments: StatementArguments, _ db: Database) throws -> String {
        // SQLite's own quote() writes each value as a literal.
        var placeholders = 0
        var quoted = false
        for c in sql { if c == "'" { quoted.toggle() } else if c == "?" && !quoted { placeholders += 1 } }
        let values = placeholders == 0 ? [] : try Row.fetchOne(
            db, sql: "SELECT " + Array(repeating: "quote(?)", count: placeholders).joined(separator: ", "), arguments: arguments
        )?.databaseValues.map { String.fromDatabaseValue($0) ?? "NULL" } ?? []
        var out = ""
        var index = 0
        var inString = false
        for c in sql {
            if c == "'" { inString.toggle() }
            if c == "?" && !inString && index < values.count {
                out += values[index]
                index += 1
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Allows reading only: SELECT, reading columns, functions other than load_extension, recursive CTEs
/// and PRAGMAs that read (no value given).
private let readOnlyAuthorizer: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                                UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32 = { _, action, first, second, _, _ in
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE, SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
        return SQLITE_OK
    case SQLITE_FUNCTION:
        let name = second.map { String(cString: $0).lowercased() } ?? ""
        return name == "load_extension" || name == "writefile" || name == "readfile" ? SQLITE_DENY : SQLITE_OK
    case SQLITE_PRAGMA:
        // A PRAGMA with a value changes a setting; without one it only reads.
        return second == nil ? SQLITE_OK : SQLITE_DENY
    default:
        return SQLITE_DENY
    }
}

public enum ArchiveCheck {
    /// SQLite's integrity and foreign-key checks, the full-text indexes' own check, and the schema version.
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
            let meetings = try Int.fetchOne(db, sql: "SELECT count(*) FROM meetings") ?? 0
            return ArchiveReport(schemaVersion: Archive.schemaVersion, meetings: meetings, problems: problems)
        }
    }
}
