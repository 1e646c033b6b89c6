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

    @Option(name: .long, help: ArgumentHelp("Commitments about this topic (a slug or its label); repeat for any of several.", valueName: "topic"))
    var topic: [String] = []

    @OptionGroup var scope: MeetingScopeOptions

    @Option(name: .long, help: ArgumentHelp("Who is bound: joint, or a party's code or name.", valueName: "joint|code"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Full-text query over the commitment sentences.", valueName: "text"))
    var match: String?

    @Option(name: .long, help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit: Int?

    @OptionGroup var output: FormatOption

    func validate() throws {
        try FilterOptions.validate(limit: limit)
    }

    func run() throws {
        let opened = try archive.openForReading()
        let filter = CommitmentFilter(
            meetings: try MeetingScopeOptions.resolved(scope.filter, in: opened),
            topics: topic, by: by, match: match, limit: limit)
        let rows = try CommitmentQuery.list(opened, filter: filter)
        let total = output.format == .table && limit == rows.count ? try CommitmentQuery.count(opened, filter: filter) : nil
        Output.write(Listing([
            .init("meeting_id", title: "MEETING", id: true, table: false), .init("date"), .init("parties"), .init("by"),
            .init("topics", table: false), .init("text", title: "COMMITMENT"), .init("meeting_id", title: "MEETING", id: true, csv: false),
        ], rows: rows.map {
            [.string($0.meetingID), .optional($0.date), .array($0.parties.map(JSONValue.string)), .string($0.by),
             .array($0.topics.map(JSONValue.string)), .string($0.text), .string($0.meetingID)]
        }, objects: rows.map(\.json), empty: "no commitments match", total: total), format: output.format)
    }
}
