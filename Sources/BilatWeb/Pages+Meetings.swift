import BilatIngest
import BilatQuery
import Foundation

extension Pages {
    /// `/` and `/meetings`: a page of meetings with facets; `/api/meetings` the same as JSON, `.csv` as CSV.
    func meetings() throws -> WebResponse {
        let (filter, words, format) = try meetingFilter()
        let perPage = try limit(default: Self.pageSize, maximum: kind == .csv ? 10_000 : Self.maxPageSize)
        let number = try pageNumber()
        let page = try MeetingPageQuery.page(archive, filter: filter, words: words, format: format, offset: (number - 1) * perPage, limit: perPage)
        if kind == .csv { return Self.meetingsCSV(page.meetings, name: "meetings") }
        let facets = try facetIndex.map { try MeetingPageQuery.facets(archive, index: $0, filter: filter, words: words, format: format, limit: Self.facetSize) }
            ?? MeetingPageQuery.facets(archive, filter: filter, words: words, format: format, limit: Self.facetSize)
        if kind == .json {
            return json(.object([
                ("total", .int(page.total)), ("page", .int(number)), ("per_page", .int(perPage)),
                ("meetings", .array(page.meetings.map(\.json))),
                ("facets", .object(facets.map { facet in
                    (facet.key.rawValue, .array(facet.values.map { .object([("value", .optional($0.value)), ("meetings", .int($0.meetings))]) }))
                })),
            ]))
        }
        let pages = max(1, (page.total + perPage - 1) / perPage)
        var pager: [HTML] = []
        if number > 1 { pager.append(Layout.link(htmlPath(query.setting("page", number == 2 ? nil : String(number - 1))), "← Newer")) }
        pager.append(.el("span", [("class", "count")], text: "page \(number) of \(pages) · \(page.total) meetings"))
        if number < pages { pager.append(Layout.link(htmlPath(query.setting("page", String(number + 1))), "Older →")) }
        var active: [HTML] = []
        for (name, value) in query.items where name != "page" && name != "limit" && !value.isEmpty {
            active.append(Layout.link(htmlPath(query.removing(name, value).setting("page", nil)), "✕ \(name): \(value)"))
        }
        let list: [HTML] = [
            active.isEmpty ? .empty : .el("p", [("class", "filters")], active),
            .el("div", [("class", "pager")], pager),
            page.meetings.isEmpty ? .el("p", text: "No meetings match.") : Self.meetingTable(page.meetings),
            .el("div", [("class", "pager")], pager),
        ]
        let body = HTML.el("div", [("class", "layout")], [
            .el("aside", [("class", "facets")], facets.map(facetSection)),
            .el("section", [("class", "results")], list),
        ])
        return .html(Layout.page(title: "Meetings", api: apiPath, csv: csvPath, search: words, [body]))
    }

    /// One facet beside the listing: each value a link that sets the filter, or removes it when it is set.
    func facetSection(_ facet: MeetingPageQuery.Facet) -> HTML {
        let titles: [StatsKey: String] = [.party: "Party", .person: "Person", .topic: "Topic", .year: "Year", .format: "Format"]
        let base = query.setting("page", nil)
        let items: [HTML] = facet.values.map { item in
            let label: String
            let selected: Bool
            let target: WebQuery
            switch facet.key {
            case .year:
                let year = item.value ?? ""
                label = item.value ?? "undated"
                selected = item.value != nil && query["from"] == year && query["to"] == year
                target = selected ? base.setting("from", nil).setting("to", nil) : base.setting("from", year).setting("to", year)
            case .format:
                let value = item.value ?? "none"
                label = item.value?.replacingOccurrences(of: "_", with: " ") ?? "not stated"
                selected = query["format"] == value
                target = base.setting("format", selected ? nil : value)
            case .party:
                let value = item.value ?? ""
                label = Self.partyLabel(value)
                selected = query["party"]?.uppercased() == value
                target = base.setting("party", selected ? nil : value)
            case .topic:
                let value = item.value ?? ""
                label = value
                selected = query.all("topic").contains(value)
                target = selected ? base.removing("topic", value) : base.setting("topic", value)
            default:
                let value = item.value ?? ""
                label = value
                selected = query["person"].map { $0.lowercased() == value.lowercased() } ?? false
                target = base.setting("person", selected ? nil : value)
            }
            let usable = item.value != nil || facet.key == .format
            return .el("li", [("class", selected ? "selected" : nil)], [
                usable ? Layout.link(htmlPath(target), label) : .text(label),
                .el("span", [("class", "count")], text: String(item.meetings)),
            ])
        }
        return .el("section", [("class", "facet facet-\(facet.key.rawValue)")], [
            .el("h3", text: titles[facet.key] ?? facet.key.rawValue),
            items.isEmpty ? .el("p", [("class", "count")], text: "none") : .el("ul", [], items),
        ])
    }

    /// `/meetings/ID`: the meeting in full, each readout's text with the evidence of each fact marked.
    func meeting(_ id: String) throws -> WebResponse {
        let record = try MeetingQuery.record(archive, id: id)
        if kind == .json { return .json(record.jsonString()) }
        let texts = try MeetingQuery.texts(archive, id: id)
        let corrected = Set(record.corrections.map(\.field))
        func mark(_ field: String) -> HTML { corrected.contains(field) ? .el("span", [("class", "corrected")], text: " corrected") : .empty }
        func evidenceOf(_ field: String) -> HTML {
            guard let e = record.evidence.first(where: { $0.field == field }) else { return .empty }
            return .el("div", [("class", "snippet")], [.text("“" + e.text + "”")])
        }
        var facts: [HTML] = []
        func fact(_ name: String, _ value: HTML, field: String? = nil) {
            facts.append(.el("dt", text: name))
            facts.append(.el("dd", [], [value] + (field.map { [mark($0), evidenceOf($0)] } ?? [])))
        }
        fact("Date", .text(record.date ?? "not stated"), field: "date")
        if let time = record.startTime { fact("Start", .text(time), field: "start_time") }
        if let minutes = record.durationMinutes { fact("Duration", .text("\(minutes) minutes"), field: "duration_minutes") }
        fact("Format", .text(record.format?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "not stated"), field: "format")
        if let venue = record.venue { fact("Venue", .text(venue), field: "venue") }
        fact("Parties", Layout.links("parties", record.parties) + mark("parties"))
        fact("Topics", record.topics.isEmpty ? .text("none") : .join(record.topics.map { .el("a", [("href", Layout.path("topics", $0)), ("class", "tag")], text: $0) })
             + mark("topics"))
        fact("Language", .text(record.language))
        var content: [HTML] = [.el("dl", [("class", "facts")], facts)]
        if !record.needsReview.isEmpty {
            content.append(.el("div", [("class", "warning")], [.el("strong", text: "Needs review: "), .text(record.needsReview.joined(separator: "; "))]))
        }
        content.append(.el("h2", text: "Participants"))
        content.append(Layout.table(["Name", "Title", "Party", "Role", "Read from"], record.participants.enumerated().map { index, p in
            let marks = ["party", "role"].filter { corrected.contains("participant:\(index).\($0)") }
            return [Layout.link(Layout.path("people", p.name), p.name), .text(p.title ?? ""),
                    p.party.map { Layout.link(Layout.path("parties", $0), $0) } ?? .text("—"),
                    .text(p.role.rawValue) + (marks.isEmpty ? .empty : .el("span", [("class", "corrected")], text: " \(marks.joined(separator: ", ")) corrected")),
                    evidenceOf("participant:\(index)")]
        }, className: "participants"))
        if !record.commitments.isEmpty {
            content.append(.el("h2", text: "Commitments"))
            content.append(Layout.table(["By", "Commitment", "Topics"], record.commitments.enumerated().map { index, c in
                [.text(c.by) + mark("commitment:\(index).by"), .text(c.text), Layout.links("topics", c.topics)]
            }, className: "commitments"))
        }
        if !record.conflicts.isEmpty {
            content.append(.el("h2", text: "Conflicts between readouts"))
            content.append(Layout.table(["Fact", "Values (readout)"], record.conflicts.map { c in
                [.text(c.field), .text(c.values.map { "\(Self.display($0.value)) (readout \($0.readout + 1))" }.joined(separator: " / "))]
            }, className: "conflicts"))
        }
        if !record.corrections.isEmpty {
            content.append(.el("h2", text: "Corrections"))
            content.append(Layout.table(["Field", "Item", "Value", "Read", "Note", "When"], record.corrections.map { c in
                [.text(c.field), .text(c.item ?? ""), .text(c.value.rendered()), .text(c.read.rendered()), .text(c.note ?? ""), .text(c.at)]
            }, className: "corrections"))
        }
        content.append(.el("h2", text: "Readouts"))
        let readouts = record.readoutList
        content.append(Layout.table(["#", "File", "Language", "Publisher", "Published", "URL"], readouts.enumerated().map { index, r in
            [.text(String(index + 1)), .text(r.path ?? r.file), .text(r.language), .text(r.publisher ?? ""), .text(r.published ?? ""),
             r.url.map { url in url.hasPrefix("https://") || url.hasPrefix("http://") ? .el("a", [("href", url), ("rel", "noreferrer")], text: url) : .text(url) } ?? .empty]
        }, className: "readouts"))
        for (index, item) in texts.enumerated() {
            content.append(.el("h2", text: texts.count == 1 ? "Text, with the evidence of each fact marked" : "Text of readout \(index + 1), with the evidence marked"))
            if let text = item.text {
                content.append(.el("div", [("class", "readout-text")], [Self.marked(text, record.evidence.filter { $0.readout == index })]))
            } else {
                content.append(.el("p", text: "Known only from an export: its text is not in the archive."))
            }
        }
        return .html(Layout.page(title: record.title ?? record.id ?? id, api: apiPath, content))
    }

    /// `text` escaped, with each evidence's words (their first place not already marked) in a `<mark>` naming the fact.
    static func marked(_ text: String, _ evidence: [Evidence]) -> HTML {
        var ranges: [(range: Range<String.Index>, field: String)] = []
        for e in evidence where !e.text.isEmpty {
            var start = text.startIndex
            while let found = text.range(of: e.text, range: start..<text.endIndex) {
                if !ranges.contains(where: { $0.range.overlaps(found) }) {
                    ranges.append((found, e.field))
                    break
                }
                start = found.upperBound
            }
        }
        ranges.sort { $0.range.lowerBound < $1.range.lowerBound }
        var parts: [HTML] = []
        var cursor = text.startIndex
        for (range, field) in ranges {
            parts.append(.text(String(text[cursor..<range.lowerBound])))
            let kind = field.split(separator: ":").first.map(String.init) ?? field
            parts.append(.el("mark", [("class", kind), ("title", field)], text: String(text[range])))
            cursor = range.upperBound
        }
        parts.append(.text(String(text[cursor...])))
        return .join(parts)
    }

    static func display(_ value: FactValue) -> String {
        switch value {
        case .int(let number): return String(number)
        case .string(let text): return text.replacingOccurrences(of: "_", with: " ")
        }
    }
}
