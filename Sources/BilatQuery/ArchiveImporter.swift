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

    public init(path: String, outcomes: [ImportOutcome], failure: String?) {
        self.path = path
        self.outcomes = outcomes
        self.failure = failure
    }
}

/// Imports readout files into an archive: each file is read (``ReadoutFile``) on every core while the
/// batch before it is written, and written in its own savepoint of the batch's transaction, so that a bad
/// file is reported and leaves nothing behind while the others go in.
public struct ArchiveImporter: Sendable {
    /// Reads each file.
    public let reader: ReadoutFile

    public init(reader: ReadoutFile = ReadoutFile()) {
        self.reader = reader
    }

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

    /// Imports one page fetched from `url` (see ``ReadoutFile/readPage(url:bytes:charset:)``): read as a
    /// saved page is, in its own transaction; a page that cannot be read writes nothing.
    public func importPage(url: String, bytes: Data, charset: String?, into archive: Archive, now: Date = Date(),
                           link: Bool = true) -> ImportReport {
        let result: Result<[StorableReadout], Error> = Result { try reader.readPage(url: url, bytes: bytes, charset: charset) }
        return archive.storeBatch([(url, result)], now: now, link: link)[0]
    }

    /// Reads and parses a batch in the background, spread over the cores.
    private func parse(_ batch: [(path: String, error: String?)]) -> ParsedBatch {
        let result = ParsedBatch(count: batch.count)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let (path, error) = batch[i]
                if let error { result.set(i, path, .failure(IngestError.unreadable(error))); return }
                do {
                    result.set(i, path, .success(try reader.read(path: path, bytes: try ReadoutFile.load(path))))
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


