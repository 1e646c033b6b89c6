import BilatIngest
import BilatQuery
import Foundation

extension Pages {
    /// `/people?name=…`: people, most met first.
    func people() throws -> WebResponse {
        let name = query["name"]
        let rows = try PeopleQuery.list(archive, name: name, limit: try limit(default: 200, maximum: kind == .csv ? 100_000 : 1000))
        switch kind {
        case .json: return json(.array(rows.map(\.json)))
        case .csv:
            return .csv(CSV.render(header: ["name", "family_name", "given_name", "parties", "meetings", "first_meeting", "last_meeting", "titles"],
                                   rows: rows.map { p in
                                       [p.name, p.familyName ?? "", p.givenName ?? "", p.parties.joined(separator: ";"), String(p.meetings),
                                        p.firstMeeting ?? "", p.lastMeeting ?? "", p.titles.map(\.title).joined(separator: ";")]
                                   }), name: "people")
        case .html:
            let form = HTML.el("form", [("method", "get"), ("action", "/people")], [
                .el("input", [("type", "search"), ("name", "name"), ("value", name ?? ""), ("placeholder", "A name, in any order"), ("aria-label", "Name")]),
                .el("button", [("type", "submit")], text: "Find"),
            ])
            let table = Layout.table(["Name", "Parties", "Meetings", "First", "Last", "Titles"], rows.map { p in
                [Layout.link(Layout.path("people", p.name), p.name), Layout.links("parties", p.parties), .text(String(p.meetings)),
                 .text(p.firstMeeting ?? "—"), .text(p.lastMeeting ?? "—"), .text(p.titles.map(\.title).joined(separator: "; "))]
            }, className: "people")
            return .html(Layout.page(title: "People", api: apiPath, csv: csvPath, [form, rows.isEmpty ? .el("p", text: "No one matches.") : table]))
        }
    }

    /// `/people/NAME`: a person's meetings on a timeline, their counterparts and their meetings' commitments.
    func person(_ name: String) throws -> WebResponse {
        let candidates = try PeopleQuery.list(archive, name: name, limit: 50)
        func folded(_ text: String) -> [String] {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: { !$0.isLetter }).map(String.init).sorted()
        }
        guard let person = candidates.first(where: { folded($0.name) == folded(name) }) ?? candidates.first else {
            throw WebError.notFound("No person named \(name) in the archive.")
        }
        let filter = MeetingFilter(person: person.name)
        let meetings = try MeetingQuery.list(archive, filter: filter)
        let counterparts = try StatsQuery.run(archive, by: [.party], filter: filter, commitments: false)
            .filter { row in !person.parties.contains(row.keys[0] ?? "") }
        let commitments = try CommitmentQuery.list(archive, filter: CommitmentFilter(meetings: filter, limit: 100))
        if kind == .json {
            return json(.object([
                ("person", person.json), ("meetings", .array(meetings.map(\.json))),
                ("counterparts", .array(counterparts.map { .object([("party", .optional($0.keys[0])), ("meetings", .int($0.meetings))]) })),
                ("commitments", .array(commitments.map(\.json))),
            ]))
        }
        var content: [HTML] = []
        var facts: [HTML] = [.el("dt", text: "Parties"), .el("dd", [], [Layout.links("parties", person.parties)]),
                             .el("dt", text: "Meetings"), .el("dd", text: "\(person.meetings) (\(person.firstMeeting ?? "—") to \(person.lastMeeting ?? "—"))")]
        for title in person.titles {
            facts += [.el("dt", text: "Title"), .el("dd", text: "\(title.title) (\(title.first ?? "—") – \(title.last ?? "—"))")]
        }
        content.append(.el("dl", [("class", "facts")], facts))
        content.append(.el("h2", text: "Meetings over time"))
        content.append(SVGChart.timeline(title: "Meetings of \(person.name)", events: meetings.compactMap { m in
            m.date.map { ($0, m.title ?? m.id, Layout.path("meetings", m.id)) }
        }, axis: "Year"))
        content.append(.el("h2", text: "Counterparts"))
        content.append(Layout.table(["Party", "Meetings"], counterparts.map { row in
            [Layout.link(Layout.path("parties", row.keys[0] ?? ""), Self.partyLabel(row.keys[0] ?? "")), .text(String(row.meetings))]
        }, className: "counterparts"))
        content.append(.el("h2", text: "Meetings"))
        content.append(Self.meetingTable(meetings))
        if !commitments.isEmpty {
            content.append(.el("h2", text: "Commitments of these meetings"))
            content.append(Self.commitmentTable(commitments))
        }
        return .html(Layout.page(title: person.name, api: apiPath, content))
    }

    /// `/parties`: every party with meetings, most first (`bilat stats --by party`).
    func parties() throws -> WebResponse {
        let rows = try StatsQuery.run(archive, by: [.party], filter: MeetingFilter(), commitments: false)
        switch kind {
        case .json:
            return json(.array(rows.map { row in
                .object([("code", .optional(row.keys[0])), ("name", .optional(row.keys[0].flatMap(Self.partyName))), ("meetings", .int(row.meetings))])
            }))
        case .csv:
            return .csv(CSV.render(header: ["code", "name", "meetings"], rows: rows.map { row in
                [row.keys[0] ?? "", row.keys[0].flatMap(Self.partyName) ?? "", String(row.meetings)]
            }), name: "parties")
        case .html:
            return .html(Layout.page(title: "Parties", api: apiPath, csv: csvPath, [Layout.table(["Code", "Name", "Meetings"], rows.map { row in
                let code = row.keys[0] ?? ""
                return [Layout.link(Layout.path("parties", code), code), .text(Self.partyName(code) ?? ""), .text(String(row.meetings))]
            }, className: "parties")]))
        }
    }

    /// `/parties/CODE`: meetings per year as bars, counterparts ranked, people, commitments, latest meetings.
    func party(_ code: String) throws -> WebResponse {
        let filter = MeetingFilter(party: code)
        let years: [StatsRow]
        do {
            years = try StatsQuery.run(archive, by: [.year], filter: filter, commitments: false)
        } catch ArchiveError.badQuery(let reason) {
            throw WebError.notFound(reason)
        }
        let all = try StatsQuery.run(archive, by: [.party], filter: filter, commitments: false)
        let own = LanguageData.shared.parties[code.uppercased()]?.code ?? code.uppercased()
        let counterparts = all.filter { $0.keys[0] != own }
        let total = all.first { $0.keys[0] == own }?.meetings ?? 0
        let people = try StatsQuery.run(archive, by: [.person], filter: MeetingFilter(party: code, limit: 15), commitments: false)
        let commitments = try CommitmentQuery.list(archive, filter: CommitmentFilter(meetings: filter, limit: 50))
        let latest = try MeetingQuery.list(archive, filter: MeetingFilter(party: code, limit: 10))
        if kind == .json {
            return json(.object([
                ("code", .string(own)), ("name", .optional(Self.partyName(own))), ("meetings", .int(total)),
                ("per_year", .array(years.map { .object([("year", .optional($0.keys[0])), ("meetings", .int($0.meetings))]) })),
                ("counterparts", .array(counterparts.map { .object([("party", .optional($0.keys[0])), ("meetings", .int($0.meetings))]) })),
                ("people", .array(people.map { .object([("name", .optional($0.keys[0])), ("meetings", .int($0.meetings))]) })),
                ("commitments", .array(commitments.map(\.json))), ("latest", .array(latest.map(\.json))),
            ]))
        }
        let series = Self.yearSeries(years)
        var content: [HTML] = [.el("p", text: "\(total) meetings in the archive.")]
        content.append(.el("h2", text: "Meetings per year"))
        content.append(SVGChart.bars(title: "Meetings of \(own) per year", labels: series.labels, values: series.values, xAxis: "Year", yAxis: "Meetings",
                                     links: series.labels.map { "/meetings" + WebQuery([("party", own), ("from", $0), ("to", $0)]).string }))
        content.append(.el("h2", text: "Counterparts"))
        content.append(Layout.table(["#", "Party", "Meetings"], counterparts.enumerated().map { index, row in
            let other = row.keys[0] ?? ""
            return [.text(String(index + 1)), Layout.link(Layout.path("parties", other), Self.partyLabel(other)),
                    .text(String(row.meetings))]
        }, className: "counterparts"))
        content.append(.el("h2", text: "People who met most"))
        content.append(Layout.table(["Person", "Meetings"], people.map { row in
            [Layout.link(Layout.path("people", row.keys[0] ?? ""), row.keys[0] ?? ""), .text(String(row.meetings))]
        }, className: "people"))
        content.append(.el("h2", text: "Commitments"))
        content.append(commitments.isEmpty ? .el("p", text: "None.") : Self.commitmentTable(commitments))
        content.append(.el("h2", text: "Latest meetings"))
        content.append(Self.meetingTable(latest))
        content.append(.el("p", [], [Layout.link("/meetings" + WebQuery([("party", own)]).string, "All meetings of \(own) →")]))
        return .html(Layout.page(title: Self.partyLabel(own), api: apiPath, content))
    }

    /// `/topics`: the vocabulary with counts.
    func topics() throws -> WebResponse {
        let rows = try TopicQuery.list(archive)
        switch kind {
        case .json: return json(.array(rows.map(\.json)))
        case .csv:
            return .csv(CSV.render(header: ["slug", "label", "meetings", "commitments"], rows: rows.map {
                [$0.slug, $0.label, String($0.meetings), String($0.commitments)]
            }), name: "topics")
        case .html:
            return .html(Layout.page(title: "Topics", api: apiPath, csv: csvPath, [Layout.table(["Topic", "Label", "Meetings", "Commitments"], rows.map { t in
                [Layout.link(Layout.path("topics", t.slug), t.slug), .text(t.label), .text(String(t.meetings)), .text(String(t.commitments))]
            }, className: "topics")]))
        }
    }

    /// `/topics/SLUG`: commitments (and meetings) on the topic per year, and its commitments newest first.
    func topic(_ slug: String) throws -> WebResponse {
        guard let topic = try TopicQuery.summary(archive, slug: slug) else {
            throw WebError.notFound("No topic \(slug); /topics lists them.")
        }
        let filter = MeetingFilter(topics: [slug])
        let years = try StatsQuery.run(archive, by: [.year], filter: filter, commitments: true)
        let commitments = try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: [slug], limit: 100))
        let latest = try MeetingQuery.list(archive, filter: MeetingFilter(topics: [slug], limit: 10))
        if kind == .json {
            return json(.object([
                ("topic", topic.json),
                ("per_year", .array(years.map { .object([("year", .optional($0.keys[0])), ("meetings", .int($0.meetings)),
                                                         ("commitments", .int($0.commitments ?? 0))]) })),
                ("commitments", .array(commitments.map(\.json))), ("latest", .array(latest.map(\.json))),
            ]))
        }
        let commitmentSeries = Self.yearSeries(years, commitments: true)
        let meetingSeries = Self.yearSeries(years)
        let content: [HTML] = [
            .el("p", text: "\(topic.label): \(topic.meetings) meetings, \(topic.commitments) commitments."),
            .el("h2", text: "Commitments over time"),
            SVGChart.bars(title: "Commitments on \(slug) per year", labels: commitmentSeries.labels, values: commitmentSeries.values,
                          xAxis: "Year", yAxis: "Commitments"),
            SVGChart.bars(title: "Meetings on \(slug) per year", labels: meetingSeries.labels, values: meetingSeries.values,
                          xAxis: "Year", yAxis: "Meetings",
                          links: meetingSeries.labels.map { "/meetings" + WebQuery([("topic", slug), ("from", $0), ("to", $0)]).string }),
            .el("h2", text: "Commitments, newest first"),
            commitments.isEmpty ? .el("p", text: "None.") : Self.commitmentTable(commitments),
            .el("h2", text: "Latest meetings"),
            Self.meetingTable(latest),
            .el("p", [], [Layout.link("/meetings" + WebQuery([("topic", slug)]).string, "All meetings on \(slug) →")]),
        ]
        return .html(Layout.page(title: "Topic: \(topic.label)", api: apiPath, content))
    }

    /// `/commitments`: commitments with the meeting filters, `by` and `q` (words of the commitment).
    func commitments() throws -> WebResponse {
        let (meetings, _, _) = try meetingFilter()
        var meetingOnly = meetings
        meetingOnly.topics = []
        let filter = CommitmentFilter(meetings: meetingOnly, topics: meetings.topics, by: query["by"], match: query["q"],
                                      limit: try limit(default: 200, maximum: kind == .csv ? 100_000 : 1000))
        let rows = try CommitmentQuery.list(archive, filter: filter)
        switch kind {
        case .json: return json(.array(rows.map(\.json)))
        case .csv: return Self.commitmentsCSV(rows)
        case .html:
            let form = HTML.el("form", [("method", "get"), ("action", "/commitments")], [
                .el("input", [("type", "search"), ("name", "q"), ("value", query["q"] ?? ""), ("placeholder", "Words of a commitment"), ("aria-label", "Words")]),
                .el("input", [("type", "text"), ("name", "by"), ("value", query["by"] ?? ""), ("placeholder", "by: joint or a party"), ("aria-label", "By")]),
                .el("button", [("type", "submit")], text: "Filter"),
            ])
            return .html(Layout.page(title: "Commitments", api: apiPath, csv: csvPath, [
                form, .el("p", [("class", "count")], text: "\(rows.count) commitments shown"),
                rows.isEmpty ? .el("p", text: "No commitments match.") : Self.commitmentTable(rows),
            ]))
        }
    }

    /// `/search?q=…`: meetings whose readouts match, best first, with passages (matches highlighted, all text escaped).
    func search() throws -> WebResponse {
        let (filter, words, _) = try meetingFilter(limit: try limit(default: 50, maximum: 500))
        guard let words else {
            if kind != .html { throw ArchiveError.badQuery("give the words to search for as q=…") }
            return .html(Layout.page(title: "Search", api: nil, [.el("p", text: "Type words in the search box above: phrases in quotes, OR, NOT and prefix* work.")]))
        }
        let hits = try SearchQuery.search(archive, query: words, filter: filter)
        switch kind {
        case .json: return json(.array(hits.map(\.json)))
        case .csv:
            return .csv(CSV.render(header: ["id", "date", "title", "parties", "snippet", "rank"], rows: hits.map {
                [$0.id, $0.date ?? "", $0.title ?? "", $0.parties.joined(separator: ";"), $0.snippet, String($0.rank)]
            }), name: "search")
        case .html:
            let items: [HTML] = hits.map { hit in
                .el("li", [], [
                    Layout.link(Layout.path("meetings", hit.id), hit.title ?? hit.id), .text(" "),
                    .el("span", [("class", "count")], text: "\(hit.date ?? "undated") · \(hit.parties.joined(separator: "–"))"),
                    .el("div", [("class", "snippet")], [Self.highlighted(hit.snippet)]),
                ])
            }
            return .html(Layout.page(title: "Search: \(words)", api: apiPath, csv: csvPath, search: words, [
                .el("p", [("class", "count")], text: "\(hits.count) meetings, best first"),
                hits.isEmpty ? .el("p", text: "Nothing matches.") : .el("ol", [("class", "hits")], items),
            ]))
        }
    }

    /// A search passage with its matches (between `[` and `]`) in `<mark>`, every part escaped.
    static func highlighted(_ snippet: String) -> HTML {
        var parts: [HTML] = []
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            parts.append(.text(String(rest[..<open])))
            parts.append(.el("mark", text: String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.text(String(rest)))
        return .join(parts)
    }
}
