import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat unlink`: a person's decision that a readout is not about a meeting.
struct UnlinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Take a readout out of a meeting: it is about another meeting, and makes one of its own.",
        discussion: """
            The meeting keeps its id and is made again from its other readouts; the readout gets a meeting of its \
            own. The decision is kept like a correction: later imports never link that readout to the meeting again.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("Why: kept with the decision.", valueName: "text"))
    var note: String?

    @Argument(help: ArgumentHelp("The meeting.", valueName: "id"))
    var id: String

    @Argument(help: ArgumentHelp("The readout: its number as `bilat show` prints it (from 1), or its file name or path.", valueName: "readout"))
    var readout: String

    func run() throws {
        let result = try MeetingLinks.unlink(try Archive.open(path: archive.path, create: false), id: id, readout: readout, note: note)
        Output.line("unlinked \(result.readout) from \(result.id) → \(result.newID)")
    }
}
