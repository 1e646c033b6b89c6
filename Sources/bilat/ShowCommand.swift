import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one meeting in full: facts, participants, commitments, topics, readouts, conflicts, sections."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: ArgumentHelp(
        "Print the readout texts exactly as imported instead.",
        discussion: "A meeting of one readout prints its text alone; of several, each under a line naming it."))
    var text = false

    @Flag(name: .long, help: "Print each fact beside the words of the readout it was read from instead.")
    var evidence = false

    @Argument(help: ArgumentHelp("The meeting's id, as `bilat list` shows it.", valueName: "id"))
    var id: String

    func validate() throws {
        if text && evidence { throw ValidationError("--text and --evidence show different things: give one of them") }
    }

    func run() throws {
        let opened = try archive.openForReading()
        if text {
            let texts = try MeetingQuery.texts(opened, id: id)
            if texts.count == 1 {
                Output.write(texts[0].text ?? "")
                return
            }
            for (index, item) in texts.enumerated() {
                if index > 0 { Output.line("") }
                Output.line("── readout \(index + 1) of \(texts.count): \(item.readout.path ?? item.readout.file) (\(item.readout.language)) ──")
                Output.write(item.text ?? "(known only from an export: its text is not in the archive)\n")
            }
            return
        }
        let record = try MeetingQuery.record(opened, id: id)
        if evidence {
            EvidenceListing.write(record, format: output.format)
            return
        }
        switch output.format {
        case .json: Output.line(record.jsonString(pretty: true))
        case .ndjson: Output.line(record.jsonString())
        case .csv: RecordCSV.write([record])
        case .table: MeetingCard.write(record)
        }
    }
}
