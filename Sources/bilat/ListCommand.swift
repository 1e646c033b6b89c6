import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat list`: meetings, newest first, with the filters every query command shares.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings, newest first; every filter combines with the others."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let opened = try archive.openForReading()
        let filter = try filters.filter(opened)
        let meetings = try MeetingQuery.list(opened, filter: filter)
        let total = output.format == .table && filter.limit == meetings.count ? try MeetingQuery.count(opened, filter: filter) : nil
        Output.write(Self.listing(meetings, total: total), format: output.format)
    }

    /// Meetings as every command that lists them prints them.
    static func listing(_ meetings: [MeetingSummary], total: Int? = nil, empty: String = "no meetings match") -> Listing {
        Listing([
            .init("id", id: true), .init("date"), .init("title", table: false), .init("format"), .init("language", table: false),
            .init("parties"), .init("principals", csv: false), .init("participants", table: false), .init("topics", table: false),
            .init("title", title: "TITLE", csv: false),
        ], rows: meetings.map { m in
            [.string(m.id), .optional(m.date), .optional(m.title), .optional(m.format?.asWords),
             .string(m.language), .array(m.parties.map(JSONValue.string)),
             .array(m.participants.filter { $0.role == .principal }.map { .string($0.name) }),
             .array(m.participants.map { .string($0.name) }), .array(m.topics.map(JSONValue.string)), .optional(m.title)]
        }, objects: meetings.map(\.json), empty: empty, total: total)
    }
}
