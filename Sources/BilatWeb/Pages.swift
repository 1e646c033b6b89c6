import BilatIngest
import BilatQuery
import Foundation

/// The pages of the web view: each builds its HTML, its JSON (`/api/…`) and, for a table, its CSV
/// (`/api/….csv`) from the same BilatQuery results.
struct Pages {
    let archive: Archive
    let query: WebQuery
    let route: Route
    /// Each meeting's facet values, for the listing's facets (counted by SQL without it).
    var facetIndex: MeetingFacetIndex? = nil

    /// How many meetings a listing page shows, unless `limit` says otherwise (at most ``maxPageSize``).
    static let pageSize = 20
    static let maxPageSize = 100
    /// How many values each facet shows.
    static let facetSize = 12

    enum Kind { case html, json, csv }
    var kind: Kind { route.csv ? .csv : route.api ? .json : .html }

    func answer() throws -> WebResponse {
        let s = route.segments
        switch (s.count, s.first) {
        case (0, _) where !route.api: return try meetings()
        case (1, "meetings"): return try meetings()
        case (2, "meetings"): try notCSV(); return try meeting(s[1])
        case (1, "people"): return try people()
        case (2, "people"): try notCSV(); return try person(s[1])
        case (1, "parties"): return try parties()
        case (2, "parties"): try notCSV(); return try party(s[1])
        case (1, "topics"): return try topics()
        case (2, "topics"): try notCSV(); return try topic(s[1])
        case (1, "commitments"): return try commitments()
        case (1, "search"): return try search()
        default: throw WebError.notFound("No such page.")
        }
    }

    /// Pages that are no table have no CSV.
    func notCSV() throws {
        if route.csv { throw WebError.notFound("This page has no CSV form; its JSON is at the same path without .csv.") }
    }

    // MARK: - Helpers

    /// The path of this page as JSON (with the query).
    var apiPath: String { "/api/" + route.segments.map(WebQuery.encode).joined(separator: "/") + query.string }
    /// The path of this page as CSV (with the query).
    var csvPath: String { "/api/" + route.segments.map(WebQuery.encode).joined(separator: "/") + ".csv" + query.string }
    /// The HTML path of this page with `q` as its query.
    func htmlPath(_ q: WebQuery) -> String { "/" + route.segments.map(WebQuery.encode).joined(separator: "/") + q.string }

    /// The filters of `list` read from the query: party, person, topic (repeatable), from, to, needs_review, conflicts;
    /// and the words (`q`) and format that the web view adds.
    func meetingFilter(limit: Int? = nil) throws -> (filter: MeetingFilter, words: String?, format: String?) {
        for name in ["from", "to"] {
            if let value = query[name], !MeetingFilter.isValidDateBound(value) {
                throw ArchiveError.badQuery("\(name)=\(value) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        let filter = MeetingFilter(from: query["from"], to: query["to"], person: query["person"], party: query["party"],
                                   topics: query.all("topic"), conflicts: Self.flag(query["conflicts"]),
                                   needsReview: Self.flag(query["needs_review"]), limit: limit)
        return (filter, query["q"], query["format"])
    }

    static func flag(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["1", "true", "yes", "on"].contains(value.lowercased())
    }

    /// The `limit` parameter, between 1 and `maximum`.
    func limit(default value: Int, maximum: Int) throws -> Int {
        guard let text = query["limit"] else { return value }
        guard let number = Int(text), number >= 1 else { throw ArchiveError.badQuery("limit=\(text) is not a positive number") }
        return min(number, maximum)
    }

    /// The `page` parameter (from 1).
    func pageNumber() throws -> Int {
        guard let text = query["page"] else { return 1 }
        guard let number = Int(text), number >= 1, number <= 1_000_000 else { throw ArchiveError.badQuery("page=\(text) is not a page number") }
        return number
    }

    func json(_ value: JSONValue) -> WebResponse { .json(value.rendered(pretty: false)) }

    static func partyName(_ code: String) -> String? { LanguageData.shared.parties[code]?.nameEn }

    /// A party code with its name: "JPN (Japan)".
    static func partyLabel(_ code: String) -> String { partyName(code).map { "\(code) · \($0)" } ?? code }

    static func error(status: Int, _ message: String) -> HTML {
        let titles = [400: "Bad request", 404: "Not found", 405: "Method not allowed", 500: "Server error", 503: "Too slow"]
        return Layout.page(title: "\(status) \(titles[status] ?? "Error")", api: nil, [.el("p", [("class", "error")], text: message)])
    }

    /// Listing rows of meetings as a table.
    static func meetingTable(_ meetings: [MeetingSummary]) -> HTML {
        Layout.table(["Date", "Parties", "Principals", "Title", "Format"], meetings.map { m in
            [.text(m.date ?? "—"), Layout.links("parties", m.parties),
             .join(m.participants.filter { $0.role == .principal }.enumerated().map { index, p in
                 (index > 0 ? HTML.text("; ") : .empty) + Layout.link(Layout.path("people", p.name), p.name)
             }),
             Layout.link(Layout.path("meetings", m.id), m.title ?? m.id),
             .text(m.format?.replacingOccurrences(of: "_", with: " ") ?? "—")]
        }, className: "meetings")
    }

    static func meetingsCSV(_ meetings: [MeetingSummary], name: String) -> WebResponse {
        .csv(CSV.render(header: ["id", "date", "title", "format", "language", "parties", "participants", "topics"], rows: meetings.map { m in
            [m.id, m.date ?? "", m.title ?? "", m.format ?? "", m.language, m.parties.joined(separator: ";"),
             m.participants.map(\.name).joined(separator: ";"), m.topics.joined(separator: ";")]
        }), name: name)
    }

    static func commitmentTable(_ rows: [CommitmentRow]) -> HTML {
        Layout.table(["Date", "Meeting", "By", "Commitment", "Topics"], rows.map { c in
            [.text(c.date ?? "—"), Layout.link(Layout.path("meetings", c.meetingID), c.parties.joined(separator: "–")),
             .text(c.by), .text(c.text), Layout.links("topics", c.topics)]
        }, className: "commitments")
    }

    static func commitmentsCSV(_ rows: [CommitmentRow]) -> WebResponse {
        .csv(CSV.render(header: ["meeting", "date", "parties", "by", "text", "topics"], rows: rows.map { c in
            [c.meetingID, c.date ?? "", c.parties.joined(separator: ";"), c.by, c.text, c.topics.joined(separator: ";")]
        }), name: "commitments")
    }

    /// Counts by year from the first to the last year (years without meetings as 0).
    static func yearSeries(_ rows: [StatsRow], commitments: Bool = false) -> (labels: [String], values: [Int]) {
        var counts: [Int: Int] = [:]
        for row in rows { if let key = row.keys[0], let year = Int(key) { counts[year] = commitments ? (row.commitments ?? 0) : row.meetings } }
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return ([], []) }
        let years = Array(first...last)
        return (years.map(String.init), years.map { counts[$0] ?? 0 })
    }
}
