import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat review`: the meetings a person should check, each reason on a line.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the meetings a person should check, with the reason: the reading's doubts, conflicts, changed readouts.",
        discussion: """
            Each reason is one row: KIND is `reading` (a fact the reading was unsure of, such as no year in the \
            text), `conflict` (the meeting's readouts disagree; the first-imported readout's value is kept) or \
            `correction` (a readout under a correction changed since you made it). Fix a fact with `bilat correct`; \
            `bilat list --needs-review` lists the same meetings. The filters of `list` apply; --limit counts meetings.
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let items = try ReviewQuery.items(try archive.openForReading(), filter: filters.filter)
        Output.write(Listing([.init("id", id: true), .init("date"), .init("kind"), .init("reason")], rows: items.map {
            [.string($0.id), .optional($0.date), .string($0.kind.rawValue), .string($0.reason)]
        }, objects: items.map(\.json), empty: "nothing to review"), format: output.format)
    }
}
