import BilatIngest
import Foundation
import GRDB

/// What happened to one imported file (or one record of a JSON file).
public struct ImportReport: Sendable {
    public var path: String
    /// The outcomes, one per meeting the file holds; empty when it failed.
    public var outcomes: [ImportOutcome]
    /// Why the file was not imported, as one sentence.
    public var failure: String?
}

/// Imports readout files into an archive, each file in its own transaction: a bad file is reported
/// and leaves nothing behind, the others go in. Text and Markdown are read by ``ReadoutParser``;
/// `.json` and `.ndjson` files are Bilat's own exports.
public struct ArchiveImporter: Sendable {
    public static let readoutExtensions: Set<String> = ["txt", "md", "markdown", "text"]
    public static let recordExtensions: Set<String> = ["json", "ndjson", "jsonl"]
    public static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]

    let parser: ReadoutParser

    public init(parser: ReadoutParser = ReadoutParser()) {
        self.parser = parser
    }

    /// The files `paths` name, directories walked recursively (hidden files and symbolic links to
    /// folders skipped, so a link loop cannot trap the walk), in a stable order. See ``FileWalk``.
    public static func files(in paths: [String]) -> [(path: String, error: String?)] {
        Array(FileWalk(paths))
    }

    /// Whether `name` ends in an extension Bilat imports.
    static func isImportable(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return readoutExtensions.contains(ext) || recordExtensions.contains(ext) || pageExtensions.contains(ext)
    }

    /// The bytes of `path` (standard input for "-"), refusing a file over the size limit before reading it.
    public static func load(_ path: String) throws -> Data {
        let limit = SourceDecoder.sizeLimit
        if path == "-" {
            var data = Data()
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
                if data.count > limit { throw IngestError.tooLarge(limit: limit) }
            }
            return data
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? NSNumber, size.intValue > limit { throw IngestError.tooLarge(limit: limit) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(FileManager.default.isReadableFile(atPath: path)
                ? "the file could not be opened" : "permission denied: the file cannot be read")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > limit { throw IngestError.tooLarge(limit: limit) }
            return data
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.unreadable("the file could not be read (\((error as NSError).localizedDescription))")
        }
    }

    /// Reads one file into the readouts it holds, without touching any archive (also for `--dry-run`).
    public func read(path: String, bytes: Data) throws -> [StorableReadout] {
        let name = path == "-" ? "-" : URL(fileURLWithPath: path).lastPathComponent
        let ext = path == "-" ? "txt" : URL(fileURLWithPath: path).pathExtension.lowercased()
        if Self.recordExtensions.contains(ext) {
            let text = try SourceDecoder.decode(bytes)
            return try Self.records(in: text, ndjson: ext != "json").map(StorableReadout.init(exported:))
        }
        let place = path == "-" ? nil : Self.resolvedPath(path)
        if Self.pageExtensions.contains(ext) {
            let parsed = try parser.parseHTML(ReadoutInput(bytes: bytes, fileName: name))
            return [StorableReadout(parsed: parsed, content: bytes, path: place)]
        }
        guard Self.readoutExtensions.contains(ext) || ext.isEmpty else { throw IngestError.unsupportedType(ext) }
        let parsed = try parser.parse(ReadoutInput(bytes: bytes, fileName: name))
        return [StorableReadout(parsed: parsed, content: bytes, path: place)]
    }

    /// The absolute path of `path` with every symbolic link and `.`/`..` resolved: one name for one file,
    /// however it was reached (a relative path, a link, another working folder).
    public static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The records of a `.json` file (one object or an array) or an `.ndjson` file (one object a line).
    static func records(in text: String, ndjson: Bool) throws -> [MeetingRecord] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !ndjson && trimmed.hasPrefix("[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else {
                throw IngestError.badRecord("not valid JSON")
            }
            return try array.map { item in
                let data = try JSONSerialization.data(withJSONObject: item)
                return try MeetingRecord.decode(json: String(decoding: data, as: UTF8.self))
            }
        }
        if !ndjson { return [try MeetingRecord.decode(json: trimmed)] }
        var records: [MeetingRecord] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            do { records.append(try MeetingRecord.decode(json: content)) } catch let error as IngestError {
                throw IngestError.badRecord("line \(number + 1): \(error.description.replacingOccurrences(of: "not a Bilat meeting record: ", with: ""))")
            }
        }
        return records
    }
}

extension ArchiveImporter {
    /// How many files go into one transaction: large transactions make bulk imports fast, and each file
    /// still has its own savepoint, so a bad file leaves nothing behind. A crash loses at most the batch
    /// being written, never part of a file.
    public static let batchSize = 256

    /// Imports `files` into `archive`: readouts are parsed on every core while the previous batch is
    /// written, and `report` is called for each file, in order. A readout of a meeting already in the
    /// archive joins it, unless `link` is false.
    ///
    /// `files` is read as the import goes (a ``FileWalk`` lists folders one at a time), so that memory stays
    /// the same however many files there are.
    public func importFiles(_ files: some Sequence<(path: String, error: String?)>, into archive: Archive, now: Date = Date(),
                            link: Bool = true, report: (ImportReport) -> Void) {
        var remaining = files.makeIterator()
        func nextBatch() -> [(path: String, error: String?)] {
            var batch: [(path: String, error: String?)] = []
            while batch.count < Self.batchSize, let file = remaining.next() { batch.append(file) }
            return batch
        }
        var batch = nextBatch()
        guard !batch.isEmpty else { return }
        var pending = parse(batch)
        while true {
            let parsed = pending.wait()
            batch = nextBatch()
            let more = !batch.isEmpty
            if more { pending = parse(batch) }
            for result in archive.storeBatch(parsed, now: now, link: link) { report(result) }
            if !more { break }
        }
    }

    /// Reads and parses a batch in the background, spread over the cores.
    private func parse(_ batch: [(path: String, error: String?)]) -> ParsedBatch {
        let result = ParsedBatch(count: batch.count)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let (path, error) = batch[i]
                if let error { result.set(i, path, .failure(IngestError.unreadable(error))); return }
                do {
                    result.set(i, path, .success(try read(path: path, bytes: try Self.load(path))))
                } catch {
                    result.set(i, path, .failure(error))
                }
            }
            result.finish()
        }
        return result
    }
}

/// A batch of files being parsed: filled from several threads, read once all are done.
final class ParsedBatch: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var items: [(path: String, result: Result<[StorableReadout], Error>)]

    init(count: Int) {
        items = Array(repeating: ("", .success([])), count: count)
    }

    func set(_ index: Int, _ path: String, _ result: Result<[StorableReadout], Error>) {
        lock.lock()
        items[index] = (path, result)
        lock.unlock()
    }

    func finish() { done.signal() }

    func wait() -> [(path: String, result: Result<[StorableReadout], Error>)] {
        done.wait()
        return items
    }
}

extension Archive {
    /// Stores a batch of parsed files in one transaction, each file in its own savepoint.
    func storeBatch(_ batch: [(path: String, result: Result<[StorableReadout], Error>)], now: Date, link: Bool = true) -> [ImportReport] {
        func failure(_ path: String, _ error: Error) -> ImportReport {
            let reason = (error as? IngestError)?.description ?? (error as? ArchiveError)?.description ?? "\(error)"
            return ImportReport(path: path, outcomes: [], failure: reason)
        }
        var reports: [ImportReport] = []
        do {
            try write { db in
                for (path, result) in batch {
                    switch result {
                    case .failure(let error):
                        reports.append(failure(path, error))
                    case .success(let readouts):
                        do {
                            var outcomes: [ImportOutcome] = []
                            try db.inSavepoint {
                                outcomes = try readouts.map { try Self.store($0, in: db, now: now, link: link) }
                                return .commit
                            }
                            reports.append(ImportReport(path: path, outcomes: outcomes, failure: nil))
                        } catch let error as DatabaseError where [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_READONLY].contains(error.resultCode) {
                            throw error
                        } catch {
                            reports.append(failure(path, error))
                        }
                    }
                }
            }
        } catch {
            // The transaction itself failed (disk full, I/O error): nothing of the batch was written.
            let reason = (error as? ArchiveError)?.description ?? "\(error)"
            return batch.map { ImportReport(path: $0.path, outcomes: [], failure: reason) }
        }
        return reports
    }

    /// Stores every readout of one file in a single transaction.
    public func storeAll(_ readouts: [StorableReadout], now: Date = Date()) throws -> [ImportOutcome] {
        try write { db in try readouts.map { try Self.store($0, in: db, now: now) } }
    }
}

/// The files some paths name, in a stable order, listed as they are read: each folder's entries are
/// listed when the walk reaches it (sorted by name, sub-folders walked in place), never the whole tree
/// at once. Hidden files and symbolic links to folders are skipped, so a link loop cannot trap the walk;
/// a path that does not exist, and a folder with no readouts in it, come out with an error.
public struct FileWalk: Sequence {
    let paths: [String]

    public init(_ paths: [String]) {
        self.paths = paths
    }

    public func makeIterator() -> Iterator { Iterator(paths: paths) }

    public struct Iterator: IteratorProtocol {
        private var roots: IndexingIterator<[String]>
        /// The folders being walked, innermost last: each with its entries still to visit.
        private var stack: [(folder: String, entries: IndexingIterator<[String]>)] = []
        /// The folder given as a path, while it is walked, and whether a readout was found under it.
        private var root: String?
        private var foundUnderRoot = false

        init(paths: [String]) {
            roots = paths.makeIterator()
        }

        public mutating func next() -> (path: String, error: String?)? {
            let fm = FileManager.default
            while true {
                if let top = stack.indices.last {
                    guard let name = stack[top].entries.next() else {
                        stack.removeLast()
                        if stack.isEmpty, let folder = root {
                            root = nil
                            if !foundUnderRoot { return (folder, "the folder holds no readouts (.txt, .md, .html, .json, .ndjson)") }
                        }
                        continue
                    }
                    guard !name.hasPrefix(".") else { continue }
                    let path = stack[top].folder + "/" + name
                    // The entry itself (not what a link points to): a folder is walked; a link is followed
                    // only to a file, since a link to a folder could loop.
                    let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                    if type == .typeDirectory {
                        stack.append((path, Self.entries(of: path)))
                        continue
                    }
                    if type == .typeSymbolicLink {
                        var isDirectory: ObjCBool = false
                        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                    }
                    guard ArchiveImporter.isImportable(name) else { continue }
                    foundUnderRoot = true
                    return (path, nil)
                }
                guard let path = roots.next() else { return nil }
                if path == "-" { return ("-", nil) }
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return (path, "no such file or folder") }
                guard isDirectory.boolValue else { return (path, nil) }
                root = path
                foundUnderRoot = false
                let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                stack.append((folder, Self.entries(of: folder)))
            }
        }

        /// The names in `folder`, sorted.
        private static func entries(of folder: String) -> IndexingIterator<[String]> {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().makeIterator()
        }
    }
}
