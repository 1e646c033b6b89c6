import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "The topic vocabulary with the number of meetings and commitments for each."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let topics = try TopicQuery.list(try archive.openForReading())
        Output.write(Listing([
            .init("slug", title: "TOPIC", id: true), .init("meetings"), .init("commitments"), .init("label"),
        ], rows: topics.map { [.string($0.slug), .int($0.meetings), .int($0.commitments), .string($0.label)] },
           objects: topics.map(\.json), empty: "no topics"), format: output.format)
    }

}
