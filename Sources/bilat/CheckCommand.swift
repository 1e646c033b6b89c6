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
            Output.line("\(archive.path): not ok")
            Output.line("  \(error.description)")
            throw CommandFailure(code: 1)
        }
        let report: ArchiveReport
        do {
            report = try ArchiveCheck.run(opened)
        } catch let error as ArchiveError {
            // The checks themselves ran into damage SQLite could not read past.
            Output.line("\(archive.path): not ok")
            Output.line("  \(error.description)")
            throw CommandFailure(code: 1)
        }
        Output.line("\(archive.path): \(report.ok ? "ok" : "not ok")")
        Output.line("  schema version \(report.schemaVersion), \(report.meetings) meetings")
        for problem in report.problems { Output.line("  \(problem)") }
        if !report.ok { throw CommandFailure(code: 1) }
    }
}
