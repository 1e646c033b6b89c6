import ArgumentParser
import BilatQuery
import Foundation

/// The meeting filters of `list`, `search`, `export`, `review` and `stats`.
struct FilterOptions: ParsableArguments {
    @OptionGroup var scope: MeetingScopeOptions

    @Option(name: .long, help: ArgumentHelp("Meetings about this topic: a slug of `bilat topics` or its label (defence-cooperation, Ukraine); repeat for any of several.",
                                            valueName: "topic"))
    var topic: [String] = []

    @Flag(name: .long, help: "Only meetings whose readouts disagree on a fact (time, length, format, venue).")
    var conflicts = false

    @Flag(name: .long, help: "Only meetings with a reason for a person to check them (see `bilat show`).")
    var needsReview = false

    @Option(name: .long, help: ArgumentHelp("At most this many results (default: all; search: \(SearchQuery.defaultLimit)).", valueName: "n"))
    var limit: Int?

    func validate() throws {
        try Self.validate(limit: limit)
    }

    /// Refuses a negative limit (commands with a limit of their own share it).
    static func validate(limit: Int?) throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be a positive number, not \(limit)") }
    }

    /// The filter for `archive` (see ``MeetingScopeOptions/resolved(_:in:)``).
    func filter(_ archive: Archive) throws -> MeetingFilter {
        try MeetingScopeOptions.resolved(filter, in: archive)
    }

    var filter: MeetingFilter {
        var filter = scope.filter
        filter.topics = topic
        filter.conflicts = conflicts
        filter.needsReview = needsReview
        filter.limit = limit
        return filter
    }
}
