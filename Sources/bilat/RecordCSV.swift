import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// Meeting records flattened to CSV rows: lists joined with ";", the commitments' count and their sentences,
/// one a line ("joint: …", "JPN: …") inside one quoted field (`export --table commitments` gives a row each).
enum RecordCSV {
    static let header = ["id", "title", "language", "date", "start_time", "duration_minutes", "format", "venue", "parties",
                         "principals", "attendees", "topics", "commitments", "commitment_texts", "needs_review", "source_file", "source_sha256",
                         "source_url", "imported_at"]

    static func row(_ r: MeetingRecord) -> [String] {
        [r.id ?? "", r.title ?? "", r.language, r.date ?? "", r.startTime ?? "", r.durationMinutes.map(String.init) ?? "",
         r.format?.rawValue ?? "", r.venue ?? "", r.parties.joined(separator: ";"),
         r.principals.map(\.label).joined(separator: ";"), r.attendees.map(\.label).joined(separator: ";"),
         r.topics.joined(separator: ";"), String(r.commitments.count),
         r.commitments.map { "\($0.by): \($0.text)" }.joined(separator: "\n"), r.needsReview.joined(separator: ";"),
         r.source.file, r.source.sha256, r.source.url ?? "", r.source.importedAt ?? ""]
    }

    static func write(_ records: [MeetingRecord]) {
        Output.csv(header: header, rows: records.map(row))
    }
}
