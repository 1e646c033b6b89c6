import ArgumentParser
import BilatFetch
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

    @Flag(name: .long, help: "Print a line for every file, even on a terminal (where only failures are printed, under a progress bar).")
    var verbose = false

    @Flag(name: .long, help: "Print no line per file and no progress bar: failures (on standard error) and the summary only.")
    var quiet = false

    @OptionGroup var fetching: FetchOptions

    @Argument(help: ArgumentHelp("Files or folders to import; - for standard input; http:// or https:// addresses of pages to fetch.",
                                 valueName: "path-or-url"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to import") }
        if verbose && quiet { throw ValidationError("--verbose and --quiet ask for opposite things: give one of them") }
    }

    /// Whether `path` is a web address to fetch rather than a file.
    static func isURL(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    func run() throws {
        let importer = ArchiveImporter()
        let urls = paths.filter(Self.isURL)
        // Files are listed as the import reaches them; a progress bar on a terminal counts them first.
        let files = FileWalk(paths.filter { !Self.isURL($0) })
        let fetcher = fetching.fetcher
        let created = !dryRun && !FileManager.default.fileExists(atPath: archive.path)
        var counts = ImportCounts()
        var records: [JSONValue] = []
        let showsBar = !quiet && !verbose && Console.stderrIsTerminal
        let progress = ImportProgress(total: showsBar ? files.reduce(0) { n, _ in n + 1 } + urls.count : 0, bar: showsBar,
                                      lines: quiet ? .none : verbose || !Console.stdoutIsTerminal ? .all : .none)
        var done = 0
        if !dryRun {
            let target = try Archive.open(path: archive.path, create: true)
            importer.importFiles(files, into: target, link: !noLink) { result in
                done += 1
                progress.show(done)
                tell(result, counts: &counts, progress: progress)
            }
            for url in urls {
                let result = importer.importURL(url, fetcher: fetcher, into: target, link: !noLink)
                done += 1
                progress.show(done)
                tell(result, counts: &counts, progress: progress)
            }
        } else {
            for file in files {
                if let error = file.error {
                    report(file.path, failure: error, counts: &counts, progress: progress)
                    continue
                }
                do {
                    records += try importer.reader.read(path: file.path, bytes: try ReadoutFile.load(file.path)).map(\.record.json)
                } catch let error as IngestError {
                    report(file.path, failure: error.description, counts: &counts, progress: progress)
                }
            }
            for url in urls {
                do {
                    records += try importer.readURL(url, fetcher: fetcher).map(\.record.json)
                } catch let error as FetchError {
                    report(url, failure: error.reason, counts: &counts, progress: progress)
                } catch let error as IngestError {
                    report(url, failure: error.description, counts: &counts, progress: progress)
                }
            }
        }
        progress.finish()
        if dryRun {
            Output.jsonArray(records)
            Console.note("dry run: \(Self.count(records.count, "record")) read, \(Self.count(counts.failed, "file")) failed, nothing written")
            if counts.failed > 0 { throw ExitCode.failure }
            return
        }
        var summary = "\(counts.imported) imported, \(counts.linked) linked, \(counts.unchanged) unchanged, \(counts.replaced) replaced, \(counts.failed) failed"
        // An archive this command made and put nothing into is not left behind.
        if created && counts.stored == 0 {
            Archive.removeFiles(at: archive.path)
            summary += " (no archive was created at \(archive.path))"
        }
        Output.line(summary)
        if counts.failed > 0 { throw ExitCode.failure }
    }

    /// Counts what happened to one file or page and says it: a line for each outcome, an error for a failure.
    private func tell(_ result: ImportReport, counts: inout ImportCounts, progress: ImportProgress) {
        if let failure = result.failure {
            report(result.path, failure: failure, counts: &counts, progress: progress)
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

    /// "1 record", "2 records".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func report(_ path: String, failure: String, counts: inout ImportCounts, progress: ImportProgress) {
        counts.failed += 1
        progress.clear()
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

    /// Files whose readouts are in the archive after the run.
    var stored: Int { imported + linked + unchanged + replaced }
}
