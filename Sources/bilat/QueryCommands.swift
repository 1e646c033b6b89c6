import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct CommitmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List commitments (what the sides agreed or undertook) with their meeting's date, parties and id."
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("Commitments about this topic; repeat for any of several.", valueName: "slug"))
    var topic: [String] = []

    @Option(name: .long, help: ArgumentHelp("Meetings of this party: a code or a name.", valueName: "code-or-name"))
    var party: String?

    @Option(name: .long, help: ArgumentHelp("Meetings with this person.", valueName: "name"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("Meetings on or after this date.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Meetings on or before this date.", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Who is bound: joint, or a party's code or name.", valueName: "joint|code"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Full-text query over the commitment sentences.", valueName: "text"))
    var match: String?

    @Option(name: .long, help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit: Int?

    @OptionGroup var output: FormatOption

    func validate() throws {
        try FilterOptions(from: from, to: to, limit: limit).validate()
    }

    func run() throws {
        let filter = CommitmentFilter(
            meetings: MeetingFilter(from: from, to: to, person: person, party: party), topics: topic, by: by, match: match, limit: limit)
        let rows = try CommitmentQuery.list(try archive.openForReading(), filter: filter)
        switch output.format {
        case .json: Output.jsonArray(rows.map(\.json))
        case .ndjson: Output.ndjson(rows.map(\.json))
        case .csv:
            Output.csv(header: ["meeting_id", "date", "parties", "by", "topics", "text"], rows: rows.map {
                [$0.meetingID, $0.date ?? "", $0.parties.joined(separator: ";"), $0.by, $0.topics.joined(separator: ";"), $0.text]
            })
        case .table:
            if rows.isEmpty { Console.note("no commitments match"); return }
            Output.table(header: ["DATE", "PARTIES", "BY", "COMMITMENT", "MEETING"], rows: rows.map {
                [$0.date ?? "—", $0.parties.joined(separator: ", "), $0.by, $0.text, $0.meetingID]
            })
        }
    }
}

extension FilterOptions {
    init(from: String?, to: String?, limit: Int?) {
        self.init()
        self.from = from
        self.to = to
        self.limit = limit
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over readouts, best first, with highlighted snippets.",
        discussion: """
            Accent- and case-insensitive (coree finds Corée). Words must all occur; "a phrase" must occur as \
            written; OR, NOT and AND (in capitals), parentheses and prefix* work as in SQLite FTS5.
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("What to search for.", valueName: "query"))
    var query: String

    func run() throws {
        let hits = try SearchQuery.search(try archive.openForReading(), query: query, filter: filters.filter)
        switch output.format {
        case .json: Output.jsonArray(hits.map(\.json))
        case .ndjson: Output.ndjson(hits.map(\.json))
        case .csv:
            Output.csv(header: ["id", "date", "title", "parties", "rank", "snippet"], rows: hits.map {
                [$0.id, $0.date ?? "", $0.title ?? "", $0.parties.joined(separator: ";"), String(format: "%.3f", $0.rank), $0.snippet]
            })
        case .table:
            if hits.isEmpty { Console.note("no readout matches \(query)"); return }
            Output.table(header: ["ID", "DATE", "PARTIES", "SNIPPET"], rows: hits.map {
                [$0.id, $0.date ?? "—", $0.parties.joined(separator: ", "), $0.snippet]
            })
        }
    }
}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "People with their titles, parties, number of meetings, first and last meeting."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("At most this many people.", valueName: "n"))
    var limit: Int?

    @Argument(help: ArgumentHelp("Only people whose name has these words (any order, case or accents).", valueName: "name"))
    var name: String?

    func run() throws {
        let people = try PeopleQuery.list(try archive.openForReading(), name: name, limit: limit)
        switch output.format {
        case .json: Output.jsonArray(people.map(\.json))
        case .ndjson: Output.ndjson(people.map(\.json))
        case .csv:
            Output.csv(header: ["name", "family_name", "given_name", "titles", "parties", "meetings", "first_meeting", "last_meeting"], rows: people.map {
                [$0.name, $0.familyName ?? "", $0.givenName ?? "", $0.titles.map(\.title).joined(separator: ";"),
                 $0.parties.joined(separator: ";"), String($0.meetings), $0.firstMeeting ?? "", $0.lastMeeting ?? ""]
            })
        case .table:
            if people.isEmpty { Console.note("no people match"); return }
            Output.table(header: ["NAME", "PARTIES", "MEETINGS", "FIRST", "LAST", "TITLES"], rows: people.map { p in
                [p.name, p.parties.joined(separator: ", "), String(p.meetings), p.firstMeeting ?? "—", p.lastMeeting ?? "—",
                 p.titles.map { t in t.title + (t.first.map { " (\($0)\(t.last != t.first ? "–" + (t.last ?? "") : ""))" } ?? "") }.joined(separator: "; ")]
            })
        }
    }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "The topic vocabulary with the number of meetings and commitments for each."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let topics = try TopicQuery.list(try archive.openForReading())
        switch output.format {
        case .json: Output.jsonArray(topics.map(\.json))
        case .ndjson: Output.ndjson(topics.map(\.json))
        case .csv:
            Output.csv(header: ["slug", "label", "meetings", "commitments"], rows: topics.map {
                [$0.slug, $0.label, String($0.meetings), String($0.commitments)]
            })
        case .table:
            Output.table(header: ["TOPIC", "MEETINGS", "COMMITMENTS", "LABEL"], rows: topics.map {
                [$0.slug, String($0.meetings), String($0.commitments), $0.label]
            })
        }
    }
}

/// The formats of `bilat export`: records (ndjson, json, csv) or PLOVER events.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case ndjson, json, csv, plover
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export meetings: as records (the whole archive or the filters' selection), as PLOVER events, or one table.",
        discussion: """
            The default is ndjson, one meeting record a line, which `bilat import` reads back (export → import → \
            export is identical). csv flattens each record to a row. plover writes PLOVER event records, one a \
            line: a CONSULT per meeting and an AGREE per commitment, linked by the meeting's id (see the README). \
            --table writes one table as researchers load it (pandas, R, DuckDB): one row per meeting, readout, \
            participant, commitment or meeting topic, with the meeting's id; lists are joined with ';'.
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: "Output format: ndjson, json, csv or plover.")
    var format: ExportFormat = .ndjson

    @Option(name: .long, help: ArgumentHelp("Write one table instead: \(ExportTable.allCases.map(\.rawValue).joined(separator: ", ")) (csv, json or ndjson).",
                                            valueName: "table"))
    var table: String?

    func validate() throws {
        if let table {
            let names = ExportTable.allCases.map(\.rawValue)
            guard ExportTable(rawValue: table.lowercased()) != nil else {
                throw ValidationError("unknown table '\(table)'" + Suggestions.hint(for: table, among: names) + " (the tables are \(names.joined(separator: ", ")))")
            }
            if format == .plover { throw ValidationError("--table writes csv, json or ndjson; plover is a format of the whole export") }
        }
    }

    func run() throws {
        let opened = try archive.openForReading()
        if let name = table, let table = ExportTable(rawValue: name.lowercased()) {
            let result = try TableExport.rows(opened, table: table, filter: filters.filter)
            let objects = result.rows.map { JSONValue.object(Array(zip(result.columns, $0))) }
            switch format {
            case .csv, .plover: Output.csv(header: result.columns, rows: result.rows.map { $0.map(\.cellText) })
            case .json: Output.jsonArray(objects)
            case .ndjson: Output.ndjson(objects)
            }
            return
        }
        var first = true
        if format == .csv { Output.line(RecordCSV.header.map(Output.csvField).joined(separator: ",")) }
        if format == .json { Output.write("[") }
        try MeetingQuery.export(opened, filter: filters.filter) { record in
            switch format {
            case .ndjson: Output.line(record.jsonString())
            case .plover: for event in PloverExport.events(of: record) { Output.line(event.rendered()) }
            case .csv: Output.line(RecordCSV.row(record).map(Output.csvField).joined(separator: ","))
            case .json:
                Output.write((first ? "\n" : ",\n") + record.jsonString(pretty: true))
            }
            first = false
        }
        if format == .json { Output.line(first ? "]" : "\n]") }
    }
}

/// `bilat schema`: the archive's tables and views with their columns.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the archive's tables and views with their columns, for `bilat sql`; with a name, that one's columns.",
        discussion: "The view meeting_overview gives one flat row per meeting, readouts one per readout. Full-text indexes show as fts5."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("A table or view: show its columns one a row, and the statement that made it.", valueName: "name"))
    var name: String?

    func run() throws {
        var tables = try SchemaQuery.tables(try archive.openForReading())
        if let name {
            tables = tables.filter { $0.name == name }
            guard let table = tables.first else {
                let names = try SchemaQuery.tables(try archive.openForReading()).map(\.name)
                throw ArchiveError.badQuery("no table or view \(name)" + Suggestions.hint(for: name, among: names) + " (`bilat schema` lists them)")
            }
            if output.format == .table {
                Output.table(header: ["COLUMN", "TYPE", "NOT NULL", "KEY"], rows: table.columns.map {
                    [$0.name, $0.type, $0.notNull ? "yes" : "", $0.primaryKey ? "primary" : ""]
                })
                Output.line("")
                Output.line(table.sql)
                return
            }
        }
        let rows = tables.flatMap { t in t.columns.map { [t.name, t.kind, $0.name, $0.type, $0.notNull ? "1" : "0", $0.primaryKey ? "1" : "0"] } }
        switch output.format {
        case .json: Output.jsonArray(tables.map(\.json))
        case .ndjson: Output.ndjson(tables.map(\.json))
        case .csv: Output.csv(header: ["table", "kind", "column", "type", "not_null", "primary_key"], rows: rows)
        case .table:
            Output.table(header: ["NAME", "KIND", "COLUMNS"], rows: tables.map { t in
                [t.name, t.kind, t.columns.map { $0.type.isEmpty ? $0.name : "\($0.name) \($0.type.lowercased())" }.joined(separator: ", ")]
            })
        }
    }
}

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query on the archive (for power users); anything that writes is refused."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int = 10_000

    @Argument(help: ArgumentHelp("The SELECT statement.", valueName: "sql"))
    var sql: String

    func run() throws {
        let opened = try Archive.open(path: archive.path, create: false, readOnly: true)
        let result = try RawSQL.run(opened, sql: sql, maxRows: limit)
        let objects = result.rows.map { row in JSONValue.object(Array(zip(result.columns, row))) }
        switch output.format {
        case .json: Output.jsonArray(objects)
        case .ndjson: Output.ndjson(objects)
        case .csv: Output.csv(header: result.columns, rows: result.rows.map { $0.map(\.cellText) })
        case .table: Output.table(header: result.columns, rows: result.rows.map { $0.map(\.cellText) })
        }
        if result.truncated { Console.note("only the first \(limit) rows are shown (--limit)") }
    }
}

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
