import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat stats`: counts of meetings (and commitments) grouped by one or more keys.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count meetings (and commitments) by party, pair, person, topic, format, year or month; several keys cross-tabulate.",
        discussion: """
            Each meeting counts once, however many readouts it has, with your corrections applied. `party` counts \
            a meeting for each of its sides; `pair` for its sides together (FRA–JPN); `person` for each principal; \
            `topic` for each topic. With --commitments, a column counts the group's commitments as well: by \
            `topic` the commitments on that topic, by `bound` those binding that side (joint or a party); with --topic, \
            only the commitments on the topics asked for. \
            Groups come in time order for year and month, else most meetings first. The filters of `list` apply; \
            --limit counts groups.

            Examples: bilat stats --by pair --by year    bilat stats --by person --party JPN    bilat stats --by topic --commitments
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Group by this key: \(StatsKey.allCases.map(\.rawValue).joined(separator: ", ")); repeat to cross-tabulate.",
                                            valueName: "key"))
    var by: [String] = []

    /// The keys, once `validate()` has checked them.
    var keys: [StatsKey] { by.compactMap { StatsKey(rawValue: $0.lowercased()) } }

    @Flag(name: .long, help: "Count the groups' commitments as well.")
    var commitments = false

    func validate() throws {
        let names = StatsKey.allCases.map(\.rawValue)
        if by.isEmpty { throw ValidationError("give at least one --by key: \(names.joined(separator: ", "))") }
        if let unknown = by.first(where: { StatsKey(rawValue: $0.lowercased()) == nil }) {
            let hint = Suggestions.hint(for: unknown, among: names)
            let keys = names.joined(separator: ", ")
            throw ValidationError("unknown key '\(unknown)'" + (hint.isEmpty ? "; the keys are \(keys)" : hint + " (the keys are \(keys))"))
        }
        if Set(keys).count != keys.count { throw ValidationError("give each --by key once") }
    }

    func run() throws {
        let keys = keys
        let rows = try StatsQuery.run(try archive.openForReading(), by: keys, filter: filters.filter, commitments: commitments)
        var columns = keys.map { Listing.Column($0.rawValue) } + [.init("meetings")] + (commitments ? [.init("commitments")] : [])
        var cells: [[JSONValue]] = rows.map { row in
            row.keys.map(JSONValue.optional) + [.int(row.meetings)] + (row.commitments.map { [JSONValue.int($0)] } ?? [])
        }
        // On a terminal, a bar per row shows the counts at a glance.
        if output.format == .table, Console.stdoutIsTerminal, let most = rows.map(\.meetings).max(), most > 0 {
            columns.append(.init("bar", title: "", csv: false))
            for (index, row) in rows.enumerated() { cells[index].append(.string(Self.bar(row.meetings, of: most))) }
        }
        Output.write(Listing(columns, rows: cells, empty: "no meetings match"), format: output.format)
    }

    /// A bar of up to 20 columns, in eighths of a column.
    static func bar(_ value: Int, of most: Int) -> String {
        let eighths = Int((Double(value) / Double(most) * 160).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
