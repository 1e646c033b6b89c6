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
        abstract: "Show one meeting in full: facts, participants, commitments, topics, sections, source."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print the readout text exactly as imported instead.")
    var text = false

    @Argument(help: ArgumentHelp("The meeting's id, as `bilat list` shows it.", valueName: "id"))
    var id: String

    func run() throws {
        let opened = try archive.openForReading()
        if text {
            Output.write(try MeetingQuery.text(opened, id: id))
            return
        }
        let record = try MeetingQuery.record(opened, id: id)
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
        lines.append(r.id ?? "")
        if let title = r.title { lines.append(title) }
        lines.append("")
        var when = r.date ?? "date not stated"
        if let start = r.startTime { when += " at \(start)" }
        if let minutes = r.durationMinutes { when += ", \(minutes) minutes" }
        lines.append("When:      \(when)")
        lines.append("Format:    \(r.format?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "not stated")" + (r.venue.map { ", \($0)" } ?? ""))
        lines.append("Parties:   \(r.parties.joined(separator: ", "))")
        lines.append("Language:  \(r.language)")
        for (label, role) in [("Principals", ParticipantRole.principal), ("Attendees", .attendee)] {
            let people = r.participants.filter { $0.role == role }
            guard !people.isEmpty else { continue }
            lines.append("\(label):")
            for p in people {
                lines.append("  \(p.name)" + (p.title.map { ", \($0)" } ?? "") + (p.party.map { " (\($0))" } ?? ""))
            }
        }
        if !r.topics.isEmpty { lines.append("Topics:    \(r.topics.joined(separator: ", "))") }
        if !r.commitments.isEmpty {
            lines.append("Commitments:")
            for c in r.commitments {
                lines.append("  [\(c.by)] \(c.text)" + (c.topics.isEmpty ? "" : "  {\(c.topics.joined(separator: ", "))}"))
            }
        }
        if !r.needsReview.isEmpty { lines.append("Needs review: \(r.needsReview.joined(separator: "; "))") }
        lines.append("Source:    \(r.source.file), imported \(r.source.importedAt ?? "—")" + (r.source.url.map { ", \($0)" } ?? ""))
        lines.append("           sha256 \(r.source.sha256)")
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
