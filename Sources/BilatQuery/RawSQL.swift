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
            } catch let error as DatabaseError where error.message?.hasPrefix("Multiple statements found") == true {
                // GRDB's message gives advice for its own API, not for this command.
                throw ArchiveError.badQuery("`bilat sql` runs one statement at a time: give one SELECT, with nothing after its ';'")
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
