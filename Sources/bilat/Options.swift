import ArgumentParser
import BilatQuery
import Foundation

/// `--db PATH`, shared by every subcommand.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file (default: $BILAT_DB, else ./bilat.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["BILAT_DB"], !env.isEmpty { return env }
        return "bilat.sqlite"
    }

    /// Opens the archive for reading; a missing file is an error (read commands never create one).
    func openForReading() throws -> Archive {
        try Archive.open(path: path, create: false, readOnly: !FileManager.default.isWritableFile(atPath: path))
    }
}

/// The output formats of cli.md.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson, csv
}

/// `--format`.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, ndjson or csv.")
    var format: OutputFormat = .table
}

/// The meeting filters of `list`, `search` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Meetings with this person, in any order, case or accents (rutte, \"RUTTE Mark\").", valueName: "name"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("Meetings of this party: a code or a name (JPN, Japan, Japon, 日本).", valueName: "code-or-name"))
    var party: String?

    @Option(name: .long, help: ArgumentHelp("Meetings about this topic (a slug of `bilat topics`); repeat for any of several.", valueName: "slug"))
    var topic: [String] = []

    @Flag(name: .long, help: "Only meetings whose readouts disagree on a fact (time, length, format, venue).")
    var conflicts = false

    @Flag(name: .long, help: "Only meetings with a reason for a person to check them (see `bilat show`).")
    var needsReview = false

    @Option(name: .long, help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, !MeetingFilter.isValidDateBound(value) {
                throw ValidationError("\(name) \(value) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be a positive number, not \(limit)") }
    }

    var filter: MeetingFilter {
        MeetingFilter(from: from, to: to, person: person, party: party, topics: topic, conflicts: conflicts, needsReview: needsReview, limit: limit)
    }
}
