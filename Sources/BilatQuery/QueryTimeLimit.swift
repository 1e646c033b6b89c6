import Foundation
import GRDB
import GRDBSQLite

/// A time limit on the queries of one piece of work (a web page): SQLite's progress handler is set on the
/// archive's connection for the duration of `body`, and any statement still running past the deadline is
/// stopped (SQLITE_INTERRUPT) and reported as ``Exceeded``.
///
/// The handler is called every 1000 virtual-machine steps (every step for a limit of 0, which then stops
/// every statement at once: what the tests use). Calls must not overlap on one archive (the web view runs them one at a time).
public enum QueryTimeLimit {
    /// The work took longer than its time limit and was stopped.
    public struct Exceeded: Error, CustomStringConvertible, Sendable {
        public var seconds: Double
        public var description: String { "the query was stopped after \(seconds) seconds (its time limit)" }
    }

    /// Runs `body` with every statement it runs on `archive` stopped once `seconds` have passed.
    public static func run<T>(_ archive: Archive, seconds: Double, _ body: () throws -> T) throws -> T {
        let deadline = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        defer { deadline.deallocate() }
        deadline.pointee = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1e9)
        archive.dbQueue.inDatabase { db in
            sqlite3_progress_handler(db.sqliteConnection, seconds > 0 ? 1000 : 1, progress, UnsafeMutableRawPointer(deadline))
        }
        defer { archive.dbQueue.inDatabase { db in sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) } }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw Exceeded(seconds: seconds)
        }
    }
}

/// Stops the statement (a non-zero answer) once the deadline `context` points to has passed.
private let progress: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
    guard let deadline = context?.assumingMemoryBound(to: UInt64.self).pointee else { return 0 }
    return DispatchTime.now().uptimeNanoseconds > deadline ? 1 : 0
}
