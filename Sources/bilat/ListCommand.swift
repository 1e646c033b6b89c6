import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings, newest first; every filter combines with the others."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let meetings = try MeetingQuery.list(try archive.openForReading(), filter: filters.filter)
        MeetingListing.write(meetings, format: output.format)
    }
}

/// How a list of meetings prints in each format.
enum MeetingListing {
    static func write(_ meetings: [MeetingSummary], format: OutputFormat) {
        switch format {
        case .json: Output.jsonArray(meetings.map(\.json))
        case .ndjson: Output.ndjson(meetings.map(\.json))
        case .csv:
            Output.csv(header: ["id", "date", "title", "format", "language", "parties", "participants", "topics"], rows: meetings.map { m in
                [m.id, m.date ?? "", m.title ?? "", m.format ?? "", m.language, m.parties.joined(separator: ";"),
                 m.participants.map(\.name).joined(separator: ";"), m.topics.joined(separator: ";")]
            })
        case .table:
            if meetings.isEmpty { Console.note("no meetings match"); return }
            Output.table(header: ["ID", "DATE", "FORMAT", "PARTIES", "PRINCIPALS", "TITLE"], rows: meetings.map { m in
                [m.id, m.date ?? "—", m.format?.replacingOccurrences(of: "_", with: " ") ?? "—", m.parties.joined(separator: ", "),
                 m.participants.filter { $0.role == .principal }.map(\.name).joined(separator: "; "), m.title ?? ""]
            })
        }
    }
}

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

/// The human-readable form of one meeting.
enum MeetingCard {
    static func write(_ r: MeetingRecord) {
        var lines: [String] = []
        // A fact a person set is marked where it shows; the list of corrections follows the facts.
        let corrected = Set(r.corrections.map(\.field))
        func mark(_ field: String) -> String { corrected.contains(field) ? " [corrected]" : "" }
        lines.append(r.id ?? "")
        if let title = r.title { lines.append(title + mark("title")) }
        lines.append("")
        var when = (r.date ?? "date not stated") + mark("date")
        if let start = r.startTime { when += " at \(start)" }
        when += mark("start_time")
        if let minutes = r.durationMinutes { when += ", \(minutes) minutes" }
        when += mark("duration_minutes")
        lines.append("When:      \(when)")
        lines.append("Format:    \(r.format?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "not stated")" + mark("format")
            + (r.venue.map { ", \($0)" } ?? "") + mark("venue"))
        lines.append("Parties:   \(r.parties.joined(separator: ", "))" + mark("parties"))
        lines.append("Language:  \(r.language)")
        for (label, role) in [("Principals", ParticipantRole.principal), ("Attendees", .attendee)] {
            let people = r.participants.enumerated().filter { $0.element.role == role }
            guard !people.isEmpty else { continue }
            lines.append("\(label):")
            for (index, p) in people {
                let marks = ["party", "role"].filter { corrected.contains("participant:\(index).\($0)") }
                lines.append("  \(index). \(p.name)" + (p.title.map { ", \($0)" } ?? "") + (p.party.map { " (\($0))" } ?? "")
                    + (marks.isEmpty ? "" : " [\(marks.joined(separator: " and ")) corrected]"))
            }
        }
        if !r.topics.isEmpty || corrected.contains("topics") {
            lines.append("Topics:    \(r.topics.isEmpty ? "none" : r.topics.joined(separator: ", "))" + mark("topics"))
        }
        if !r.commitments.isEmpty {
            lines.append("Commitments:")
            for (index, c) in r.commitments.enumerated() {
                lines.append("  \(index). [\(c.by)\(corrected.contains("commitment:\(index).by") ? ", corrected" : "")] \(c.text)"
                    + (c.topics.isEmpty ? "" : "  {\(c.topics.joined(separator: ", "))}"))
            }
        }
        let decisions = r.corrections.filter { $0.field == "link" || $0.field == "unlink" }
        let facts = r.corrections.filter { $0.field != "link" && $0.field != "unlink" }
        if !facts.isEmpty {
            lines.append("Corrections (set by hand; `bilat correct \(r.id ?? "ID") --undo FIELD` removes one):")
            for c in facts {
                let what = c.item.map { c.field.hasPrefix("participant") ? "\(c.field) (\($0))" : "\(c.field)" } ?? c.field
                lines.append("  \(what): \(ReviewQuery.display(c.value)), read \(ReviewQuery.display(c.read))"
                    + (c.readNow.map { " (the readouts now give \(ReviewQuery.display($0)))" } ?? "")
                    + (c.note.map { " — \($0)" } ?? "") + " (\(c.at))")
            }
        }
        for d in decisions {
            let what = d.field == "link" ? "Linked by hand: \(d.item ?? "")" : "Unlinked by hand: \(d.item ?? "") (apart from \(ReviewQuery.display(d.value)))"
            lines.append(what + (d.note.map { " — \($0)" } ?? "") + " (\(d.at))")
        }
        if !r.needsReview.isEmpty { lines.append("Needs review: \(r.needsReview.joined(separator: "; "))") }
        if !r.conflicts.isEmpty {
            lines.append("Conflicts (the first-imported readout's value is kept, or a correction):")
            for c in r.conflicts {
                lines.append("  \(c.field): " + c.values.map { "\(c.display($0.value)) [readout \($0.readout + 1)]" }.joined(separator: " / "))
            }
        }
        let readouts = r.readoutList
        lines.append(readouts.count == 1 ? "Readout:" : "Readouts:")
        for (index, readout) in readouts.enumerated() {
            var line = "  \(index + 1). \(readout.path ?? readout.file) (\(readout.language)"
            if let publisher = readout.publisher { line += ", published by \(publisher)" }
            if let published = readout.published { line += " on \(published)" }
            line += "), imported \(readout.importedAt ?? "—")"
            lines.append(line)
            if let title = readout.title, readouts.count > 1 { lines.append("     \(title)") }
            if let url = readout.url { lines.append("     \(url)") }
            lines.append("     sha256 \(readout.sha256)")
        }
        if !r.sections.isEmpty {
            lines.append("")
            for s in r.sections {
                if let heading = s.heading { lines.append("## \(heading)") }
                lines.append(s.text)
                lines.append("")
            }
        }
        Output.line(lines.joined(separator: "\n"))
    }
}

extension FactConflict {
    /// A value as `show` prints it.
    func display(_ value: FactValue) -> String {
        switch value {
        case .int(let number): return field == "duration_minutes" ? "\(number) minutes" : String(number)
        case .string(let text): return text.replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// Each fact of a meeting beside the words of the readout it was read from (`show --evidence`).
enum EvidenceListing {
    /// The fact an evidence field names, as `show` prints it: for a fact the readouts disagree on, the
    /// value that readout states.
    static func fact(_ field: String, readout: Int, in r: MeetingRecord) -> String {
        if let conflict = r.conflicts.first(where: { $0.field == field }), let stated = conflict.values.first(where: { $0.readout == readout }) {
            return conflict.display(stated.value) + (stated.value == conflict.values.first?.value ? "" : " (not kept)")
        }
        let parts = field.split(separator: ":")
        let index = parts.count > 1 ? Int(parts[1]) : nil
        switch parts.first.map(String.init) {
        case "date": return r.date ?? "—"
        case "start_time": return r.startTime ?? "—"
        case "duration_minutes": return r.durationMinutes.map { "\($0) minutes" } ?? "—"
        case "format": return r.format?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "—"
        case "venue": return r.venue ?? "—"
        case "participant":
            guard let index, r.participants.indices.contains(index) else { return "—" }
            let p = r.participants[index]
            return "\(p.name) (\([p.party, p.role.rawValue].compactMap { $0 }.joined(separator: ", ")))"
        case "commitment":
            guard let index, r.commitments.indices.contains(index) else { return "—" }
            return "commitment \(index + 1) [\(r.commitments[index].by)]"
        default: return "—"
        }
    }

    static func write(_ r: MeetingRecord, format: OutputFormat) {
        let files = r.readoutList.map { $0.path ?? $0.file }
        let rows: [[String]] = r.evidence.map { e in
            [e.field, fact(e.field, readout: e.readout, in: r), String(e.readout + 1), files.indices.contains(e.readout) ? files[e.readout] : "", e.text]
        }
        let header = ["field", "fact", "readout", "file", "words"]
        switch format {
        case .json, .ndjson:
            let objects = rows.map { row in JSONValue.object(zip(header, row).map { ($0, $0 == "readout" ? .int(Int($1) ?? 0) : .string($1)) }) }
            if format == .json { Output.jsonArray(objects) } else { Output.ndjson(objects) }
        case .csv:
            Output.csv(header: header, rows: rows)
        case .table:
            if rows.isEmpty { Console.note("no evidence is stored for \(r.id ?? "this meeting") (imported before Bilat kept it)"); return }
            Output.table(header: ["FACT", "VALUE", "READOUT", "WORDS"], rows: rows.map { [$0[0], $0[1], $0[2], "“" + $0[4] + "”"] })
        }
    }
}

/// Meeting records flattened to CSV rows (lists joined with ";").
enum RecordCSV {
    static let header = ["id", "title", "language", "date", "start_time", "duration_minutes", "format", "venue", "parties",
                         "principals", "attendees", "topics", "commitments", "needs_review", "source_file", "source_sha256",
                         "source_url", "imported_at"]

    static func row(_ r: MeetingRecord) -> [String] {
        [r.id ?? "", r.title ?? "", r.language, r.date ?? "", r.startTime ?? "", r.durationMinutes.map(String.init) ?? "",
         r.format?.rawValue ?? "", r.venue ?? "", r.parties.joined(separator: ";"),
         r.principals.map(\.label).joined(separator: ";"), r.attendees.map(\.label).joined(separator: ";"),
         r.topics.joined(separator: ";"), String(r.commitments.count), r.needsReview.joined(separator: ";"),
         r.source.file, r.source.sha256, r.source.url ?? "", r.source.importedAt ?? ""]
    }

    static func write(_ records: [MeetingRecord]) {
        Output.csv(header: header, rows: records.map(row))
    }
}
