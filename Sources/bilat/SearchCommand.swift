import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

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
        let opened = try archive.openForReading()
        let filter = try filters.filter(opened)
        let hits = try SearchQuery.search(opened, query: query, filter: filter)
        let total = output.format == .table && hits.count == (filter.limit ?? SearchQuery.defaultLimit)
            ? try SearchQuery.count(opened, query: query, filter: filter) : nil
        Output.write(Listing([
            .init("id", id: true), .init("date"), .init("title", table: false), .init("parties"), .init("rank", table: false), .init("snippet"),
        ], rows: hits.map {
            [.string($0.id), .optional($0.date), .optional($0.title), .array($0.parties.map(JSONValue.string)),
             .string(String(format: "%.3f", $0.rank)), .string($0.snippet)]
        }, objects: hits.map(\.json), empty: "no readout matches \(query)", total: total), format: output.format)
    }

}
