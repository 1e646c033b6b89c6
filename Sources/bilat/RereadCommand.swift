import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat reread`: reads every stored readout again with this version of Bilat.
struct RereadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reread",
        abstract: "Read every stored readout again with this version of Bilat, and print what changed.",
        discussion: """
            After an upgrade of Bilat, an archive gets what the reading has learnt (facts, evidence, sections) \
            without importing anything again. Each meeting keeps its id, its readouts (your links and unlinks \
            too) and your corrections, applied again over the new reading. Each changed fact is one row: the \
            meeting, the field, the value before and after. Meetings imported from an export are kept as they \
            are: the export holds no readout's text.
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print what would change without writing anything.")
    var dryRun = false

    func run() throws {
        let opened = try Archive.open(path: archive.path, create: false)
        var changes: [RereadChange] = []
        let summary = try ArchiveReread.run(opened, dryRun: dryRun) { changes.append($0) }
        Output.write(Listing([.init("id", id: true), .init("field"), .init("before"), .init("after")], rows: changes.map {
            [.string($0.id), .string($0.field), .string($0.before), .string($0.after)]
        }, objects: changes.map(\.json), empty: "nothing changed"), format: output.format)
        for kept in summary.kept { Console.note("kept as it was: \(kept.id): \(kept.reason)") }
        Console.note("\(dryRun ? "would reread" : "reread") \(summary.meetings) meeting\(summary.meetings == 1 ? "" : "s"): "
            + "\(summary.changed) changed, \(summary.meetings - summary.changed) unchanged"
            + (summary.kept.isEmpty ? "" : ", \(summary.kept.count) kept as they were")
            + (dryRun ? " (dry run: nothing written)" : ""))
    }
}
