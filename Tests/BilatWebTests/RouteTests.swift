import BilatIngest
import BilatQuery
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BilatWeb

/// What a request answered: status, headers, body.
struct Answer: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: String

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
}

/// Sends each request through Hummingbird's router test client to the application `bilat serve` runs.
func fetch(_ site: BilatSite, _ requests: [(HTTPRequest.Method, String)]) async throws -> [Answer] {
    let app = BilatServer.application(site: site)
    return try await app.test(.router) { client in
        var answers: [Answer] = []
        for (method, uri) in requests {
            let response = try await client.execute(uri: uri, method: method)
            answers.append(Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body)))
        }
        return answers
    }
}

func get(_ site: BilatSite, _ uri: String) async throws -> Answer {
    try await fetch(site, [(.get, uri)])[0]
}

@Suite(.serialized) struct RouteTests {
    let fixture: WebFixture
    init() throws { fixture = try WebFixture() }

    var archive: Archive { fixture.archive }
    var site: BilatSite { fixture.site }

    func hostileID() throws -> String {
        let meetings = try MeetingQuery.list(archive, filter: MeetingFilter())
        return try #require(meetings.first { ($0.title ?? "").contains("<script>") }?.id)
    }

    @Test func everyPageAndItsJSONAnswer() async throws {
        let id = try hostileID()
        let pages = ["/", "/meetings", "/meetings?party=JPN", "/meetings/\(id)", "/people", "/people/SATO%20Akira", "/parties", "/parties/JPN",
                     "/topics", "/topics/ukraine", "/commitments", "/search?q=cooperation", "/search"]
        let answers = try await fetch(site, pages.map { (.get, $0) })
        for (page, answer) in zip(pages, answers) {
            #expect(answer.status == 200, "\(page): \(answer.body.prefix(300))")
            #expect(answer.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
            #expect(answer.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(page)")
            #expect(answer.body.hasPrefix("<!DOCTYPE html>"), "\(page)")
            #expect(!answer.body.contains("<script"), "\(page): no script on any page")
        }
        let apis = ["/api/meetings", "/api/meetings/\(id)", "/api/people", "/api/people/SATO%20Akira", "/api/parties", "/api/parties/JPN",
                    "/api/topics", "/api/topics/ukraine", "/api/commitments", "/api/search?q=cooperation"]
        let jsonAnswers = try await fetch(site, apis.map { (.get, $0) })
        for (api, answer) in zip(apis, jsonAnswers) {
            #expect(answer.status == 200, "\(api): \(answer.body.prefix(300))")
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8", "\(api)")
            #expect(answer.json != nil, "\(api) is JSON")
        }
        let tables = ["/api/meetings.csv", "/api/people.csv", "/api/parties.csv", "/api/topics.csv", "/api/commitments.csv", "/api/search.csv?q=cooperation"]
        let csvAnswers = try await fetch(site, tables.map { (.get, $0) })
        for (table, answer) in zip(tables, csvAnswers) {
            #expect(answer.status == 200, "\(table)")
            #expect(answer.headers[.contentType] == "text/csv; charset=utf-8", "\(table)")
        }
        let style = try await get(site, "/style.css")
        #expect(style.status == 200 && style.headers[.contentType] == "text/css; charset=utf-8")
    }

    @Test func listingAndFacetsAreTheQueryModulesCounts() async throws {
        for filter in ["", "party=JPN", "party=JPN&from=2024", "topic=ukraine", "person=sato", "format=telephone"] {
            let answer = try await get(site, "/api/meetings?limit=100&" + filter)
            #expect(answer.status == 200, "\(filter): \(answer.body)")
            let query = WebQuery(parsing: filter)
            let meetingFilter = MeetingFilter(from: query["from"], person: query["person"], party: query["party"], topics: query.all("topic"))
            var expected = try MeetingQuery.list(archive, filter: meetingFilter)
            if let format = query["format"] { expected = expected.filter { $0.format == format } }
            let ids = (answer.object["meetings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == expected.map(\.id), "\(filter)")
            #expect(answer.object["total"] as? Int == expected.count, "\(filter)")
            #expect(!expected.isEmpty, "\(filter) selects something")
            let facets = answer.object["facets"] as? [String: [[String: Any]]] ?? [:]
            for key in [StatsKey.party, .person, .topic, .year, .format] {
                // The same counts as `bilat stats --by KEY` over the same meetings.
                var counts: [String: Int] = [:]
                let ids = Set(expected.map(\.id))
                var records: [MeetingRecord] = []
                try MeetingQuery.export(archive, filter: meetingFilter) { if ids.contains($0.id ?? "") { records.append($0) } }
                for r in records {
                    let values: [String?]
                    switch key {
                    case .party: values = r.parties
                    case .person: values = Array(Set(r.principals.map(\.name)))
                    case .topic: values = r.topics
                    case .year: values = [r.date.map { String($0.prefix(4)) }]
                    default: values = [r.format?.rawValue]
                    }
                    for value in values { counts[value ?? "∅", default: 0] += 1 }
                }
                var shown: [String: Int] = [:]
                for item in facets[key.rawValue] ?? [] { shown[(item["value"] as? String) ?? "∅"] = item["meetings"] as? Int }
                // The most frequent values, at most Pages.facetSize of them (years: the latest), each with its count.
                #expect(shown.count == min(counts.count, Pages.facetSize), "\(filter): facet \(key)")
                for (value, count) in shown { #expect(counts[value] == count, "\(filter): facet \(key) \(value)") }
                if key != .year, let least = shown.values.min() {
                    for (value, count) in counts where shown[value] == nil { #expect(count <= least, "\(filter): facet \(key) leaves out \(value)") }
                }
            }
        }
    }

    @Test func facetLinksAddAndRemoveFilters() async throws {
        let all = try await get(site, "/meetings")
        #expect(all.body.contains("href=\"/meetings?party=JPN\""))
        #expect(all.body.contains("href=\"/meetings?topic=ukraine\""))
        let japan = try await get(site, "/meetings?party=JPN")
        #expect(japan.body.contains("<li class=\"selected\"><a href=\"/meetings\">"))
        #expect(japan.body.contains("href=\"/meetings?party=JPN&amp;from=2024&amp;to=2024\""))
        let expected = try MeetingQuery.list(archive, filter: MeetingFilter(party: "JPN"))
        for m in expected { #expect(japan.body.contains("href=\"/meetings/\(m.id)\"")) }
    }

    @Test func pagesFollowTheListing() async throws {
        let all = try MeetingQuery.list(archive, filter: MeetingFilter())
        #expect(all.count > 4)
        let second = try await get(site, "/api/meetings?limit=2&page=2")
        let ids = (second.object["meetings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids == all[2..<4].map(\.id))
        let html = try await get(site, "/meetings?limit=2&page=2")
        #expect(html.body.contains("page 2 of \((all.count + 1) / 2)"))
        #expect(html.body.contains("href=\"/meetings?limit=2&amp;page=3\""))
        #expect(html.body.contains("href=\"/meetings?limit=2\""))
    }

    @Test func hostileReadoutTextIsEscapedEverywhere() async throws {
        let id = try hostileID()
        for page in ["/meetings", "/meetings/\(id)", "/search?q=hall", "/people/SATO%20Akira", "/parties/FRA", "/commitments", "/topics/ukraine"] {
            let answer = try await get(site, page)
            #expect(answer.status == 200, "\(page)")
            #expect(!answer.body.contains("<script"), "\(page)")
            #expect(!answer.body.contains("<img"), "\(page)")
            #expect(!answer.body.contains("<b onmouseover"), "\(page)")
            // No element of the readout's: no tag carries an event handler attribute.
            #expect(answer.body.range(of: "<[a-zA-Z][^>]*\\son[a-z]+\\s*=", options: .regularExpression) == nil, "\(page)")
        }
        let meeting = try await get(site, "/meetings/\(id)")
        #expect(meeting.body.contains("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;"))
        #expect(meeting.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let search = try await get(site, "/search?q=hall")
        #expect(search.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(search.body.contains("<mark>hall</mark>"))
        let csv = try await get(site, "/api/meetings.csv")
        #expect(csv.body.contains("<script>alert(\"\"owned\"\")</script>"), "CSV keeps the text as it is, quoted")
    }

    @Test func evidenceIsMarkedInTheReadoutText() async throws {
        let record = try MeetingQuery.record(archive, id: "2025-02-14-fra-jpn")
        #expect(!record.evidence.isEmpty)
        let page = try await get(site, "/meetings/2025-02-14-fra-jpn")
        let marks = page.body.components(separatedBy: "<mark ").count - 1
        #expect(marks >= 3, "facts marked in the text: \(marks)")
        for e in record.evidence.prefix(3) where e.readout == 0 {
            #expect(page.body.contains(HTML.escape(e.text)), "\(e.field)")
        }
        let json = try await get(site, "/api/meetings/2025-02-14-fra-jpn")
        #expect(json.body == record.jsonString() + "\n")
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let answers = try await fetch(site, [(.post, "/meetings"), (.delete, "/meetings"), (.put, "/api/meetings"), (.patch, "/"), (.head, "/meetings"),
                                            (.get, "/meetings")])
        for answer in answers.prefix(4) {
            #expect(answer.status == 405)
            #expect(answer.headers[.allow] == "GET, HEAD")
        }
        #expect(answers[4].status == 200)
        #expect(answers[4].body.isEmpty)
        #expect(answers[4].headers[.contentLength] == answers[5].headers[.contentLength])
    }

    @Test func missingThingsAndPathsOutsideTheRoutesAre404() async throws {
        let paths = ["/meetings/1999-01-01-xxx-yyy", "/api/meetings/1999-01-01-xxx-yyy", "/people/Nobody%20Atall", "/parties/ZZZ", "/topics/no-such-topic",
                     "/nothing", "/../etc/passwd", "/meetings/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/style.css/../../etc/passwd",
                     "/api/meetings/x.csv", "/meetings/a/b", "/api", "/api/style.css", "/meetings%00"]
        let answers = try await fetch(site, paths.map { (.get, $0) })
        for (path, answer) in zip(paths, answers) {
            #expect(answer.status == 404, "\(path): \(answer.status)")
            #expect(!answer.body.contains("root:"), "\(path)")
        }
        #expect(answers[1].object["error"] as? String == "no meeting with id 1999-01-01-xxx-yyy")
    }

    @Test func badFiltersAre400() async throws {
        for path in ["/meetings?from=yesterday", "/meetings?topic=no-such-topic", "/api/meetings?party=Atlantis", "/meetings?format=carrier-pigeon",
                     "/meetings?page=0", "/api/search"] {
            let answer = try await get(site, path)
            #expect(answer.status == 400, "\(path)")
        }
    }

    @Test func csvHasTheListingsShape() async throws {
        let csv = try await get(site, "/api/meetings.csv?party=JPN")
        let lines = csv.body.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.first == "id,date,title,format,language,parties,participants,topics")
        let expected = try MeetingQuery.list(archive, filter: MeetingFilter(party: "JPN"))
        #expect(lines.dropFirst().map { String($0.split(separator: ",")[0]) } == expected.map(\.id))
        let commitments = try await get(site, "/api/commitments.csv")
        #expect(commitments.body.hasPrefix("meeting,date,parties,by,text,topics\n"))
        let rows = try CommitmentQuery.list(archive, filter: CommitmentFilter(limit: 200))
        #expect(commitments.body.components(separatedBy: "\n").filter { !$0.isEmpty }.count >= rows.count + 1)
    }

    @Test func chartsAreServerMadeSVGWithLabelledAxes() async throws {
        let party = try await get(site, "/parties/JPN")
        #expect(party.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(party.body.contains(">Year</text>") && party.body.contains(">Meetings</text>"))
        let years = try StatsQuery.run(archive, by: [.year], filter: MeetingFilter(party: "JPN"), commitments: false)
        for row in years { if let year = row.keys[0] { #expect(party.body.contains("<title>\(year): \(row.meetings)</title>"), "\(year)") } }
        let person = try await get(site, "/people/SATO%20Akira")
        #expect(person.body.contains("<circle"))
        let topic = try await get(site, "/topics/ukraine")
        #expect(topic.body.contains(">Commitments</text>"))
    }

    @Test func aQueryPastTheTimeLimitIs503() async throws {
        let slow = BilatSite(archive: archive, timeLimit: 0)
        let page = try await get(slow, "/meetings")
        #expect(page.status == 503)
        let api = try await get(slow, "/api/meetings")
        #expect(api.status == 503)
        #expect((api.object["error"] as? String)?.contains("too long") == true)
        // The limit is lifted afterwards: the same archive answers in time.
        #expect(try await get(site, "/api/meetings").status == 200)
    }
}

@Suite struct CacheTests {
    /// Answers are kept while the archive is unchanged, and an import by another connection is seen within a second.
    @Test func anImportWhileServingIsSeen() async throws {
        let fixture = try WebFixture()
        let before = try await get(fixture.site, "/api/meetings")
        let again = try await get(fixture.site, "/api/meetings")
        #expect(before.body == again.body)
        let total = try #require(before.object["total"] as? Int)
        let file = fixture.folder.appendingPathComponent("late.txt")
        try Data("""
            Telephone Talk
            January 9, 2026

            On January 9, Mr. SATO Akira, Minister for Foreign Affairs of Japan, had a telephone conversation with Mr. Tomas Novak, Foreign Minister of the Czech Republic.
            The two ministers agreed to hold an economic dialogue.
            """.utf8).write(to: file)
        let writer = try Archive.open(path: fixture.archive.path)
        ArchiveImporter().importFiles(FileWalk([file.path]), into: writer) { _ in }
        try writer.close()
        // Kept answers are trusted for a second after the archive's version was read; then the change is seen.
        try await Task.sleep(for: .milliseconds(1100))
        let after = try await get(fixture.site, "/api/meetings")
        #expect(after.object["total"] as? Int == total + 1)
        let uncached = BilatSite(archive: fixture.archive, cacheSize: 0)
        #expect(try await get(uncached, "/api/meetings").body == after.body)
    }
}

@Suite struct CorrectionPageTests {
    /// A person's correction shows on the meeting page, in its JSON, and in the listing's facets (the query module applies it).
    @Test func correctionsShowWhereTheFactsShow() async throws {
        let fixture = try WebFixture()
        let writer = try Archive.open(path: fixture.archive.path)
        _ = try CorrectionStore.correct(writer, id: "2022-09-12-gbr-kor", field: "format", words: ["video"], note: "the embassy's note says video")
        try writer.close()
        let page = try await get(fixture.site, "/meetings/2022-09-12-gbr-kor")
        #expect(page.body.contains("<h2>Corrections</h2>"))
        #expect(page.body.contains("the embassy&#39;s note says video"))
        #expect(page.body.contains("<dt>Format</dt><dd>video<span class=\"corrected\"> corrected</span>"))
        let json = try await get(fixture.site, "/api/meetings/2022-09-12-gbr-kor")
        #expect(json.object["format"] as? String == "video")
        let listing = try await get(fixture.site, "/api/meetings?format=video")
        #expect((listing.object["meetings"] as? [[String: Any]])?.map { $0["id"] as? String } == ["2022-09-12-gbr-kor"])
        let formats = (listing.object["facets"] as? [String: [[String: Any]]])?["format"]
        #expect(formats?.first?["value"] as? String == "video")
    }
}

@Suite struct FacetIndexTests {
    /// The facets counted in memory (what the pages use) are the facets the SQL statement counts, filter by filter.
    @Test func theIndexCountsWhatTheStatementCounts() throws {
        let fixture = try WebFixture()
        let index = try MeetingFacetIndex.load(fixture.archive)
        func shown(_ facets: [MeetingPageQuery.Facet]) -> [String] {
            facets.map { facet in facet.key.rawValue + ": " + facet.values.map { "\($0.value ?? "∅")=\($0.meetings)" }.joined(separator: ", ") }
        }
        let cases: [(MeetingFilter, String?, String?)] = [
            (MeetingFilter(), nil, nil), (MeetingFilter(party: "JPN"), nil, nil), (MeetingFilter(from: "2024"), nil, nil),
            (MeetingFilter(topics: ["ukraine", "north-korea"]), nil, nil), (MeetingFilter(person: "iwaya"), nil, nil),
            (MeetingFilter(), "cooperation", nil), (MeetingFilter(), nil, "telephone"), (MeetingFilter(), nil, "none"),
            (MeetingFilter(party: "FRA", needsReview: true), nil, nil),
        ]
        for (filter, words, format) in cases {
            for limit in [3, 12] {
                let bySQL = try MeetingPageQuery.facets(fixture.archive, filter: filter, words: words, format: format, limit: limit)
                let byIndex = try MeetingPageQuery.facets(fixture.archive, index: index, filter: filter, words: words, format: format, limit: limit)
                #expect(shown(byIndex) == shown(bySQL), "\(filter) \(words ?? "") \(format ?? "") \(limit)")
            }
        }
        let japan = try MeetingQuery.list(fixture.archive, filter: MeetingFilter(party: "JPN")).count
        #expect(japan > 3)
        #expect(shown(try MeetingPageQuery.facets(fixture.archive, index: index, filter: MeetingFilter(), limit: 12))[0].hasPrefix("party: JPN=\(japan),"))
    }
}
