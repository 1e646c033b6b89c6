import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive's integrity, search indexes and schema version; exit 1 when something is wrong."
    )

    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        let opened: Archive
        do {
            opened = try Archive.open(path: archive.path, create: false, readOnly: !FileManager.default.isWritableFile(atPath: archive.path))
        } catch let error as ArchiveError {
            if case .missing = error { throw error }
            Self.notOK(archive.path, error)
            throw ExitCode.failure
        }
        let report: ArchiveReport
        do {
            report = try ArchiveCheck.run(opened)
        } catch let error as ArchiveError {
            // The checks themselves ran into damage SQLite could not read past.
            Self.notOK(archive.path, error)
            throw ExitCode.failure
        }
        Output.line("\(archive.path): \(report.ok ? "ok" : "not ok")")
        Output.line("  schema version \(report.schemaVersion), \(report.meetings) meetings")
        for problem in report.problems { Output.line("  \(problem)") }
        if !report.ok { throw ExitCode.failure }
    }

    /// What `check` says of an archive it could not read: what is wrong and what to do, never "run check".
    static func notOK(_ path: String, _ error: ArchiveError) {
        Output.line("\(path): not ok")
        if case .corrupt(_, let reason) = error {
            Output.line("  damaged: \(reason)")
            Output.line("  restore it from a copy, or import the readouts again into a new archive;")
            Output.line("  `sqlite3 \(path) .recover | sqlite3 recovered.sqlite` saves what SQLite can still read")
        } else {
            Output.line("  \(error.description)")
        }
    }
}
