import BilatIngest
import Foundation
import GRDB

/// Why an archive could not be opened or used. Each case reads as one sentence for the user.
public enum ArchiveError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case missingFolder(path: String)
    case notAnArchive(path: String)
    case newerSchema(path: String)
    case readOnly(path: String)
    case corrupt(path: String, reason: String)
    case noSuchMeeting(String)
    case badQuery(String)
    case writeRefused(String)
    case diskFull(path: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no archive at \(path); create one with `bilat import --db \(path) FILE…`"
        case .missingFolder(let path):
            let folder = (path as NSString).deletingLastPathComponent
            return "cannot create \(path): the folder \(folder) does not exist (make it first, or give another --db)"
        case .notAnArchive(let path):
            return "\(path) is not a Bilat archive"
        case .newerSchema(let path):
            return "\(path) was written by a newer version of Bilat; upgrade bilat to read it"
        case .readOnly(let path):
            return "cannot write to \(path): the archive or its folder is read-only"
        case .corrupt(let path, let reason):
            return "\(path) is damaged (\(reason)); run `bilat check --db \(path)`"
        case .noSuchMeeting(let id):
            return "no meeting with id \(id)"
        case .badQuery(let reason):
            return reason
        case .writeRefused(let reason):
            return "refused: \(reason)"
        case .diskFull(let path):
            return "the disk is full: nothing of this file was written to \(path)"
        case .writeFailed(let path, let reason):
            return "could not write to \(path) (\(reason)): nothing of this file was written"
        }
    }
}

/// A Bilat archive: one SQLite file, its schema (`Schema/*.sql`, applied in order and recorded in the table
/// of GRDB's migrator) and the connection settings every command shares (foreign keys, WAL, a busy timeout).
///
/// Only ``open(path:create:)`` with `create: true` makes a new file: read commands never do.
public final class Archive: @unchecked Sendable {
    /// Where the archive lives.
    public let path: String
    /// The connection. GRDB serialises access; `@unchecked Sendable` because DatabaseQueue is thread-safe.
    let dbQueue: DatabaseQueue
    /// Whether the connection was opened read-only.
    public let isReadOnly: Bool

    /// The migrations' identifiers, one per `Schema/NNN_name.sql` file, in file-name order. Append-only.
    /// An archive records those applied to it in the table GRDB's migrator keeps (`grdb_migrations`);
    /// ``applyPendingMigrations(_:)`` applies the missing ones in a single transaction.
    static var migrationIdentifiers: [String] { EmbeddedSchema.paths.map { String($0.dropLast(4)) } }

    /// Removes the archive file at `path` and the files SQLite keeps beside it (write-ahead log, shared
    /// memory, rollback journal): for a command that made an archive and put nothing into it.
    public static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The schema version this binary writes: the number of migrations it knows.
    public static var schemaVersion: Int { EmbeddedSchema.paths.count }

    private init(path: String, dbQueue: DatabaseQueue, readOnly: Bool) {
        self.path = path
        self.dbQueue = dbQueue
        self.isReadOnly = readOnly
    }

    /// Opens the archive at `path`.
    ///
    /// - Parameters:
    ///   - create: make the file (and apply the schema) when it does not exist; otherwise a missing file is an error.
    ///   - readOnly: open without write access, for commands that only read.
    public static func open(path: String, create: Bool = false, readOnly: Bool = false) throws -> Archive {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw ArchiveError.missing(path: path) }
        if !exists {
            let folder = (path as NSString).deletingLastPathComponent
            var folderIsDirectory: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsDirectory) || !folderIsDirectory.boolValue {
                throw ArchiveError.missingFolder(path: path)
            }
        }
        var isDirectory: ObjCBool = false
        if exists, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ArchiveError.notAnArchive(path: path)
        }
        if exists, !looksLikeSQLite(path) { throw ArchiveError.notAnArchive(path: path) }
        // Refuse before SQLite tries: a write that cannot happen should say why, not "database is locked".
        if exists && !readOnly && !FileManager.default.isWritableFile(atPath: path) { throw ArchiveError.readOnly(path: path) }
        var config = Configuration()
        config.readonly = readOnly
        // Another import or a reader may hold the file: wait for it rather than fail ("database is locked").
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        config.label = "bilat"
        let writable = !readOnly
        config.prepareDatabase { db in
            if writable {
                // 16 KB pages pack readouts of a few KB with little waste (takes effect on a new archive only).
                try db.execute(sql: "PRAGMA page_size = 16384")
                // WAL lets readers go on while one import writes; NORMAL sync is safe with WAL.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // A large import touches many index pages per batch, and a page of the web view reads the same
            // index pages many times: a 64 MB page cache keeps them in memory instead of reading them again
            // (SQLite's default is 2 MB). It grows only as pages are read.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        // A WAL archive in a folder this user cannot write to (a shared, read-only copy) cannot make its
        // shared-memory file; nobody can be writing it either, so it is opened as immutable.
        var openPath = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if readOnly, exists, !FileManager.default.isWritableFile(atPath: folder), !FileManager.default.fileExists(atPath: path + "-wal"),
           let encoded = URL(fileURLWithPath: path).path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            openPath = "file:" + encoded + "?immutable=1"
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: openPath, configuration: config)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        let archive = Archive(path: path, dbQueue: queue, readOnly: readOnly)
        try archive.prepareSchema(newFile: !exists)
        return archive
    }

    /// The first 16 bytes of an SQLite file; an empty file is accepted (SQLite treats it as new).
    private static func looksLikeSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }  // unreadable: SQLite will say why
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return head.isEmpty || head == Data("SQLite format 3\0".utf8)
    }

    /// Checks the schema version; applies the schema to a new archive and pending migrations to an old
    /// one (after writing a backup copy beside it). Refuses an archive of a newer Bilat.
    private func prepareSchema(newFile: Bool) throws {
        // One statement for the common case, an archive of this version: its applied migrations.
        let state: (superseded: Bool, complete: Bool, applied: Int, hasTables: Bool) = try run { db in
            let tables = try Row.fetchOne(db, sql: """
                SELECT count(*) AS tables, coalesce(max(name = 'grdb_migrations'), 0) AS migrations
                FROM sqlite_master WHERE type = 'table'
                """)!
            let known = Set(Self.migrationIdentifiers)
            let applied = tables["migrations"] as Bool
                ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
            return (!applied.isSubset(of: known), known.isSubset(of: applied), applied.intersection(known).count,
                    (tables["tables"] as Int) > 0)
        }
        if state.superseded { throw ArchiveError.newerSchema(path: path) }
        if state.complete { return }
        if state.hasTables && state.applied == 0 { throw ArchiveError.notAnArchive(path: path) }
        if isReadOnly {
            if !state.hasTables { throw ArchiveError.notAnArchive(path: path) }
            throw ArchiveError.badQuery("\(path) uses an older schema; run `bilat check --db \(path)` to upgrade it")
        }
        if state.applied > 0 { try backup(suffix: "v\(state.applied)") }
        do {
            try dbQueue.write { db in try Self.applyPendingMigrations(db) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Applies every migration the archive lacks, in order, in the one transaction of `db`: an archive is
    /// either upgraded whole or left as it was. Applied migrations are recorded in GRDB's migration table,
    /// so that GRDB's migrator reads the archive's version.
    static func applyPendingMigrations(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        for (path, identifier) in zip(EmbeddedSchema.paths, migrationIdentifiers) {
            guard !applied.contains(identifier) else { continue }
            try db.execute(sql: EmbeddedSchema.files[path]!)
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES (?)", arguments: [identifier])
        }
        // Version 6 keeps the sections read from a text: those of the meetings stored before are read once, now.
        if !applied.isEmpty && !applied.contains("006_readouts") { try SectionStore.fillMissing(db) }
        try Vocabulary.sync(db)
        // Every migration keeps references whole; a violation rolls the upgrade back.
        if try !Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty {
            throw ArchiveError.corrupt(path: db.description, reason: "the upgrade would break references between tables")
        }
    }

    /// Copies the archive to `PATH.backup-SUFFIX` (with SQLite's online backup, safe while in use).
    private func backup(suffix: String) throws {
        let target = path + ".backup-" + suffix
        let copy = try DatabaseQueue(path: target)
        try dbQueue.backup(to: copy)
        try copy.close()
    }

    /// Runs `body` in a read transaction, translating SQLite errors into ``ArchiveError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` in one write transaction: everything or nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw ArchiveError.readOnly(path: path) }
        do { return try dbQueue.write(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` in one write transaction, then commits it, or rolls it back when `commit` is false (a dry
    /// run: everything is done and nothing kept).
    func transaction<T>(commit: Bool, _ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw ArchiveError.readOnly(path: path) }
        do {
            var result: T?
            try dbQueue.inTransaction { db in
                result = try body(db)
                return commit ? .commit : .rollback
            }
            return result!
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` with the connection as opened: able to run FTS5's own integrity check when writable.
    func inspect<T>(_ body: (Database) throws -> T) throws -> T {
        try run(body)
    }

    /// Runs `body` outside an explicit transaction (schema checks at open time).
    private func run<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.inDatabase(body) } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_NOTADB: return ArchiveError.notAnArchive(path: path)
        case .SQLITE_CORRUPT: return ArchiveError.corrupt(path: path, reason: error.message ?? "corrupt")
        case .SQLITE_READONLY: return ArchiveError.readOnly(path: path)
        case .SQLITE_CANTOPEN where FileManager.default.fileExists(atPath: path): return ArchiveError.readOnly(path: path)
        case .SQLITE_FULL: return ArchiveError.diskFull(path: path)
        case .SQLITE_IOERR: return ArchiveError.writeFailed(path: path, reason: error.message ?? "input/output error")
        default: return error
        }
    }

    /// Closes the connection (it also closes when the archive is released).
    public func close() throws {
        try dbQueue.close()
    }
}

/// Keeps the `parties` and `topics` tables in step with the vocabulary in `Data/`.
enum Vocabulary {
    static func sync(_ db: Database) throws {
        let data = LanguageData.shared
        let party = try db.cachedStatement(sql: """
            INSERT INTO parties(code, kind, name_en, name_fr, name_ja) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, name_en = excluded.name_en,
                name_fr = excluded.name_fr, name_ja = excluded.name_ja
            """)
        for p in data.parties.values.sorted(by: { $0.code < $1.code }) {
            try party.execute(arguments: [p.code, p.kind, p.nameEn, p.nameFr, p.nameJa])
        }
        let topic = try db.cachedStatement(sql: """
            INSERT INTO topics(slug, label, covers, num) VALUES (?, ?, ?, (SELECT coalesce(max(num), 0) + 1 FROM topics))
            ON CONFLICT(slug) DO UPDATE SET label = excluded.label, covers = excluded.covers, num = coalesce(topics.num, excluded.num)
            """)
        for t in data.topics {
            try topic.execute(arguments: [t.slug, t.label, t.covers])
        }
    }
}

extension DatabaseError {
    /// A failure of the archive itself (disk full, I/O error, damage, no write access), not of one file or
    /// meeting: it ends the whole transaction rather than one savepoint.
    var endsTheTransaction: Bool {
        [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_READONLY].contains(resultCode)
    }
}
