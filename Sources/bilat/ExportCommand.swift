import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

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
            let listing = Listing(result.columns.map { Listing.Column($0) }, rows: result.rows, empty: "no rows")
            Output.write(listing, format: format == .json ? .json : format == .ndjson ? .ndjson : .csv)
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
