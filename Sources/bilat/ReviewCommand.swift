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
        Output.rows(output.format, objects: items.map(\.json), header: ["id", "date", "kind", "reason"],
                    rows: items.map { [$0.id, $0.date ?? "—", $0.kind.rawValue, $0.reason] }, empty: "nothing to review")
    }
}
