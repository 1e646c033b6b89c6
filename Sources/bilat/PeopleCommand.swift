import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

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
        let opened = try archive.openForReading()
        let people = try PeopleQuery.list(opened, name: name, limit: limit)
        let total = output.format == .table && limit == people.count ? try PeopleQuery.count(opened, name: name) : nil
        Output.write(Listing([
            .init("name"), .init("family_name", table: false), .init("given_name", table: false), .init("parties"),
            .init("meetings"), .init("first_meeting", title: "FIRST"), .init("last_meeting", title: "LAST"),
            .init("titles", table: false), .init("titles", csv: false),
        ], rows: people.map { p in
            [.string(p.name), .optional(p.familyName), .optional(p.givenName), .array(p.parties.map(JSONValue.string)),
             .int(p.meetings), .optional(p.firstMeeting), .optional(p.lastMeeting), .array(p.titles.map { .string($0.title) }),
             .array(p.titles.map { t in .string(t.title + (t.first.map { " (\($0)\(t.last != t.first ? "–" + (t.last ?? "") : ""))" } ?? "")) })]
        }, objects: people.map(\.json), empty: "no people match", total: total), format: output.format)
    }

}
