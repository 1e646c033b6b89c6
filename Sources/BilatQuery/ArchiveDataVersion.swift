import Foundation
import GRDB

/// Whether the archive changed since an earlier look: SQLite's `PRAGMA data_version`, which changes on this
/// connection whenever another connection (an import while `bilat serve` runs) commits a change to the file.
/// What the web view keys its cache of answers on.
public enum ArchiveDataVersion {
    /// The current value of `PRAGMA data_version` on the archive's connection.
    public static func current(_ archive: Archive) throws -> Int {
        try archive.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
