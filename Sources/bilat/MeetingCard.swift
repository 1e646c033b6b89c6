import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

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
        lines.append("Format:    \(r.format?.rawValue.asWords ?? "not stated")" + mark("format")
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
