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
        try Self.validate(from: from, to: to, limit: limit)
    }

    /// Refuses date bounds that are not dates and a negative limit (commands with filters of their own share it).
    static func validate(from: String?, to: String?, limit: Int?) throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, !MeetingFilter.isValidDateBound(value) {
                throw ValidationError("\(name) \(value) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be a positive number, not \(limit)") }
    }

    /// The filter for `archive`; a name that could mean more than one party is said on standard error
    /// with the one chosen.
    func filter(_ archive: Archive) throws -> MeetingFilter {
        try Self.resolved(filter, in: archive)
    }

    /// `filter` as it will be read in `archive`; a name that could mean more than one party is said on
    /// standard error with the one chosen.
    static func resolved(_ filter: MeetingFilter, in archive: Archive) throws -> MeetingFilter {
        filter
    }

    var filter: MeetingFilter {
        MeetingFilter(from: from, to: to, person: person, party: party, topics: topic, conflicts: conflicts, needsReview: needsReview, limit: limit)
    }
}
