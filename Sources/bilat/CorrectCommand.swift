import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat correct`: a person sets a fact by hand, kept apart from what was read.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Set a fact of a meeting by hand; kept apart from what was read, and through re-imports and rereads.",
        discussion: """
            FIELD is one of date (YYYY-MM-DD), start_time (HH:MM), duration_minutes, format (in_person, telephone, \
            video), venue, title, parties (codes or names), topics (slugs that replace the meeting's, or +slug and \
            -slug), participant:N.party, participant:N.role (principal or attendee) and commitment:N.by (joint or \
            a party). N is the number `bilat show` gives a participant or commitment; a participant may also be \
            named (participant:rutte.party). `none` clears a fact the text does not state.

            The correction shows everywhere (list, show, filters, people, commitments, export); `bilat show` marks \
            it. Importing a changed readout, linking another readout or `bilat reread` keeps it; when the readouts \
            then give another value than when you corrected, the meeting goes to `bilat review`.
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("Remove the correction of this field instead: the meeting shows what its readouts give.", valueName: "field"))
    var undo: String?

    @Option(name: .long, help: ArgumentHelp("Why: kept with the correction (a source, a reason).", valueName: "text"))
    var note: String?

    @Argument(help: ArgumentHelp("The meeting's id, as `bilat list` shows it.", valueName: "id"))
    var id: String

    // Values may start with a dash (`topics -trade`): they are taken as they come, not as options.
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The field to set, then its value (several words or codes for title, venue, parties, topics).", valueName: "field value"))
    var fieldAndValue: [String] = []

    /// The field and its value as given; a `--` among them only says that what follows is not an option.
    var words: [String] {
        guard let separator = fieldAndValue.firstIndex(of: "--") else { return fieldAndValue }
        var words = fieldAndValue
        words.remove(at: separator)
        return words
    }

    func validate() throws {
        if let option = words.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(option)'")
        }
        if undo != nil {
            if !words.isEmpty { throw ValidationError("--undo takes the field alone: give no value with it") }
            if note != nil { throw ValidationError("--note goes with a correction, not with --undo") }
        } else if words.count < 2 {
            throw ValidationError(words.isEmpty ? "give the field to correct and its value" : "give the value of \(words[0])")
        }
    }

    func run() throws {
        let opened = try Archive.open(path: archive.path, create: false)
        if let undo {
            let change = try CorrectionStore.undo(opened, id: id, field: undo)
            Output.line("undone: \(label(change)) of \(change.id) is \(ReviewQuery.display(change.after)) again, as read (was corrected to \(ReviewQuery.display(change.before)))")
            return
        }
        let change = try CorrectionStore.correct(opened, id: id, field: words[0], words: Array(words.dropFirst()), note: note)
        var line = "corrected: \(label(change)) of \(change.id): \(ReviewQuery.display(change.before)) → \(ReviewQuery.display(change.after))"
        if change.before == change.after { line = "confirmed: \(label(change)) of \(change.id) is \(ReviewQuery.display(change.after))" }
        if change.before != change.read { line += " (read \(ReviewQuery.display(change.read)))" }
        Output.line(line)
    }

    private func label(_ change: CorrectionChange) -> String {
        guard let item = change.item, let dot = change.field.lastIndex(of: ".") else { return change.field }
        let aspect = change.field[change.field.index(after: dot)...]
        if change.field.hasPrefix("commitment") { return "the side bound by commitment “\(item.count > 50 ? item.prefix(50) + "…" : item)”" }
        return "\(item)'s \(aspect)"
    }
}
