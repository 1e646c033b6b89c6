import ArgumentParser
import BilatQuery
import Foundation

/// The meeting filters of `list`, `search` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"),
            transform: DateBound.init)
    var from: DateBound?

    @Option(name: .long, help: ArgumentHelp("Meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"),
            transform: DateBound.init)
    var to: DateBound?

    @Option(name: .long, help: ArgumentHelp("Meetings with this person, in any order, case or accents (rutte, \"RUTTE Mark\").", valueName: "name"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("Meetings of this party: a code or a name (JPN, Japan, Japon, 日本).", valueName: "code-or-name"))
    var party: String?

    @Option(name: .long, help: ArgumentHelp("Meetings about this topic (a slug of `bilat topics`); repeat for any of several.", valueName: "slug"))
    var topic: [String] = []

    @Flag(name: .long, help: "Only meetings whose readouts disagree on a fact (time, length, format, venue).")
    var conflicts = false

    @Flag(name: .long, help: "Only meetings with a reason for a person to check them (see `bilat show`).")
    var needsReview = false

    @Option(name: .long, help: ArgumentHelp("At most this many results (default: all; search: \(SearchQuery.defaultLimit)).", valueName: "n"))
    var limit: Int?

    func validate() throws {
        try Self.validate(from: from, to: to, limit: limit)
    }

    /// Refuses a negative limit and bounds the wrong way round (commands with filters of their own share it).
    static func validate(from: DateBound?, to: DateBound?, limit: Int?) throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be a positive number, not \(limit)") }
        if let from, let to, from.text > to.text + "~" {
            throw ValidationError("--from \(from.text) is after --to \(to.text): no meeting can match")
        }
    }

    /// The filter for `archive` (see ``resolved(_:in:)``).
    func filter(_ archive: Archive) throws -> MeetingFilter {
        try Self.resolved(filter, in: archive)
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

    var filter: MeetingFilter {
        MeetingFilter(from: from?.text, to: to?.text, person: person, party: party, topics: topic, conflicts: conflicts, needsReview: needsReview, limit: limit)
    }
}
