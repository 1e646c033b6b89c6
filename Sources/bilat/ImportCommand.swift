import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import readouts (.txt, .md, saved .html pages, .json/.ndjson exports); folders are walked, - reads standard input.",
        discussion: """
            Each file is imported in its own transaction: a file that cannot be read is reported and leaves \
            nothing behind, the others go in. Importing identical bytes again changes nothing, wherever the file now \
            lies; a changed file at the same place (the same resolved path, or the same canonical URL for a web \
            page) replaces its earlier readout. Files that only share a base name in different folders are \
            different readouts. A readout of a meeting already in the archive (the same date, sides and \
            principals, another language or publisher) joins that meeting ("linked"). Exit status 1 when any \
            file failed.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Flag(name: .long, help: "Parse and print the records as JSON without writing anything.")
    var dryRun = false

    @Flag(name: .long, help: ArgumentHelp(
        "Keep each readout a meeting of its own, linking none to a meeting already in the archive.",
        discussion: "Without it, a readout of the same date, sides and principals as a meeting in the archive, from another publisher or in another language, joins that meeting."))
    var noLink = false

    @Argument(help: ArgumentHelp("Files or folders to import; - for standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to import") }
    }

    func run() throws {
        let importer = ArchiveImporter()
        // Files are listed as the import reaches them; a progress bar on a terminal counts them first.
        let files = FileWalk(paths)
        let target = dryRun ? nil : try Archive.open(path: archive.path, create: true)
        var counts = ImportCounts()
        var records: [JSONValue] = []
        let progress = Progress(total: Console.stderrIsTerminal ? files.reduce(0) { n, _ in n + 1 } : 0)
        if let target {
            var done = 0
            importer.importFiles(files, into: target, link: !noLink) { result in
                done += 1
                progress.show(done)
                if let failure = result.failure {
                    report(result.path, failure: failure, counts: &counts)
                    return
                }
                for outcome in result.outcomes {
                    switch outcome {
                    case .imported(let id): counts.imported += 1; progress.line("imported  \(result.path) → \(id)")
                    case .linked(let id): counts.linked += 1; progress.line("linked    \(result.path) → \(id)")
                    case .unchanged(let id, let other):
                        counts.unchanged += 1
                        progress.line("unchanged \(result.path) → \(id)" + (other.map { " — same text as \($0), already imported" } ?? ""))
                    case .replaced(let id): counts.replaced += 1; progress.line("replaced  \(result.path) → \(id)")
                    case .readoutKept(let id, let readout):
                        counts.unchanged += 1
                        progress.line("unchanged \(result.path) → \(id) — the meeting's own readout \(readout) is kept")
                    }
                }
            }
        } else {
            for file in files {
                if let error = file.error {
                    report(file.path, failure: error, counts: &counts)
                    continue
                }
                do {
                    records += try importer.reader.read(path: file.path, bytes: try ReadoutFile.load(file.path)).map(\.record.json)
                } catch let error as IngestError {
                    report(file.path, failure: error.description, counts: &counts)
                }
            }
        }
        progress.finish()
        if dryRun {
            Output.jsonArray(records)
            Console.note("dry run: \(records.count) records read, \(counts.failed) files failed, nothing written")
        } else {
            Output.line("\(counts.imported) imported, \(counts.linked) linked, \(counts.unchanged) unchanged, \(counts.replaced) replaced, \(counts.failed) failed")
        }
        if counts.failed > 0 { throw CommandFailure(code: 1) }
    }

    private func report(_ path: String, failure: String, counts: inout ImportCounts) {
        counts.failed += 1
        Console.error("failed: \(path): \(failure)")
    }

}

/// How many files each outcome had, for the summary line.
struct ImportCounts {
    var imported = 0
    var linked = 0
    var unchanged = 0
    var replaced = 0
    var failed = 0
}

/// A progress bar on standard error for long runs on a terminal; per-file lines go to standard output.
struct Progress {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = Console.stderrIsTerminal && total >= 50
    }

    func show(_ done: Int) {
        guard enabled, done % 10 == 0 else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)".utf8))
    }

    func line(_ text: String) {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(text)
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
