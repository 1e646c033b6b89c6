import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat link`: a person's decision that readouts are about one meeting.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Join the readouts of other meetings to a meeting: they are about the same meeting.",
        discussion: """
            The first meeting keeps its id and is made again from all the readouts (its own first); the others' \
            ids are gone, and their corrections join it where it has none of the same field. The decision is kept \
            like a correction: a changed version of a linked readout joins the meeting again when imported. \
            `bilat unlink` takes a readout out again.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("Why: kept with the decision.", valueName: "text"))
    var note: String?

    @Argument(help: ArgumentHelp("The meeting that keeps its id.", valueName: "id"))
    var id: String

    @Argument(help: ArgumentHelp("The meetings whose readouts join it.", valueName: "other-id"))
    var others: [String] = []

    func validate() throws {
        if others.isEmpty { throw ValidationError("give the meeting and at least one other meeting to link to it") }
    }

    func run() throws {
        let result = try MeetingLinks.link(try Archive.open(path: archive.path, create: false), id: id, others: others, note: note)
        Output.line("linked \(result.joined.joined(separator: ", ")) → \(result.id) (\(result.readouts) readouts)")
        for dropped in result.droppedCorrections { Console.note("not kept: the correction of \(dropped) (\(result.id) has its own)") }
    }
}
