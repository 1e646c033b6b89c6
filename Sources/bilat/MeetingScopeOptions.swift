import ArgumentParser
import BilatQuery
import Foundation

/// `--from`, `--to`, `--person` and `--party`: which meetings a command looks at, shared by the meeting
/// filters (``FilterOptions``) and `commitments` (whose `--topic` is the commitments' own).
struct MeetingScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"),
            transform: DateBound.init)
    var from: DateBound?

    @Option(name: .long, help: ArgumentHelp("Meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"),
            transform: DateBound.init)
    var to: DateBound?

    @Option(name: .long, help: ArgumentHelp("Meetings with this person: a name or any part of it, in any order, case or accents (rutte, \"RUTTE Mark\", Lula).",
                                            valueName: "name"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("Meetings of this party: a code, a two-letter code or a name (JPN, JP, Japan, Japon, 日本).",
                                            valueName: "code-or-name"))
    var party: String?

    func validate() throws {
        if let from, let to, from.text > to.text + "~" {
            throw ValidationError("--from \(from.text) is after --to \(to.text): no meeting can match")
        }
    }

    /// The scope as a filter of meetings (no topic, no limit).
    var filter: MeetingFilter {
        MeetingFilter(from: from?.text, to: to?.text, person: person, party: party)
    }

    /// `filter`, after saying on standard error what a name of it was taken to mean where that may not be
    /// what the user thought: a party name that other parties' names hold too, a person's name that
    /// names several people or was matched only nearly.
    static func resolved(_ filter: MeetingFilter, in archive: Archive) throws -> MeetingFilter {
        if let party = filter.party {
            let choice = try PartyChoice.find(archive, party)
            if !choice.alternatives.isEmpty {
                Console.note("--party \(party): taken as \(choice.party.code) (\(choice.party.name)); "
                    + choice.alternatives.map { "\($0.name) is --party \($0.code)" }.joined(separator: ", "))
            }
        }
        if let person = filter.person {
            let match = try PersonMatch.find(archive, name: person)
            if match.names.count > 1 || match.kind == .near && !match.names.isEmpty {
                Console.note("--person \(person): \(match.names.joined(separator: ", "))")
            }
        }
        return filter
    }
}
