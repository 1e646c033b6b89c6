import BilatIngest
import Foundation
import GRDB

/// One fact of a meeting that reading its readouts again changed.
public struct RereadChange: Equatable, Sendable {
    public var id: String
    /// The record's field: `title`, `date`, …, `principals`, `attendees`, `commitments`, `needs_review`.
    public var field: String
    /// The value before and after, as words ("—" for none).
    public var before: String
    public var after: String

    public var json: JSONValue {
        .object([("id", .string(id)), ("field", .string(field)), ("before", .string(before)), ("after", .string(after))])
    }
}

/// What `bilat reread` did.
public struct RereadSummary: Equatable, Sendable {
    /// Meetings read again.
    public var meetings = 0
    /// Of them, those with a changed fact.
    public var changed = 0
    /// Meetings left as they were, each with the reason: imported from an export (no text to read), or a
    /// readout that this version cannot read.
    public var kept: [(id: String, reason: String)] = []

    public static func == (a: RereadSummary, b: RereadSummary) -> Bool {
        a.meetings == b.meetings && a.changed == b.changed && a.kept.map(\.id) == b.kept.map(\.id)
    }
}

/// Reads every stored readout again with this version of Bilat (`bilat reread`): an archive made by an
/// older Bilat gets what the reading has learnt since (facts, evidence, sections) without importing
/// anything again. Each meeting keeps its id, its readouts (a person's links and unlinks included) and its
/// corrections, applied again over the new reading.
public enum ArchiveReread {
    /// Meetings read again in one transaction.
    static let batchSize = 200

    /// Reads every meeting again, calling `report` with each changed fact. With `dryRun`, every change is
    /// reported and none is kept.
    public static func run(_ archive: Archive, dryRun: Bool = false, now: Date = Date(), report: (RereadChange) -> Void) throws -> RereadSummary {
        var summary = RereadSummary()
        let ids = try archive.read { db in try String.fetchAll(db, sql: "SELECT id FROM meetings ORDER BY date, id") }
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            try archive.transaction(commit: !dryRun) { db in
                for id in ids[start..<min(start + batchSize, ids.count)] {
                    try reread(id, db, now: now, summary: &summary, report: report)
                }
            }
        }
        return summary
    }

    private static func reread(_ id: String, _ db: Database, now: Date, summary: inout RereadSummary, report: (RereadChange) -> Void) throws {
        guard let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id]) else { return }
        let readouts: [MeetingRebuild.Stored]
        do {
            readouts = try MeetingRebuild.readouts(of: num, db)
        } catch {
            summary.kept.append((id, "a readout cannot be read: \((error as? IngestError)?.description ?? "\(error)")"))
            return
        }
        if readouts.contains(where: { $0.readout == nil || $0.mediaType == StorableReadout.recordMediaType }) {
            summary.kept.append((id, "imported from an export, which holds no readout's text"))
            return
        }
        let before = try MeetingQuery.record(num: num, db)
        do {
            try makeAgain(id, num: num, from: readouts, before: before, db, now: now, summary: &summary, report: report)
        } catch let error as DatabaseError where error.endsTheTransaction {
            throw error
        } catch {
            // The meeting's savepoint is rolled back: it stays as it was.
            summary.kept.append((id, "it could not be made again: \((error as? IngestError)?.description ?? "\(error)")"))
        }
    }

    /// Makes meeting `id` again from `readouts` read anew, in a savepoint of its own.
    private static func makeAgain(_ id: String, num: Int64, from readouts: [MeetingRebuild.Stored], before: MeetingRecord, _ db: Database,
                                  now: Date, summary: inout RereadSummary, report: (RereadChange) -> Void) throws {
        var changes: [RereadChange] = []
        try db.inSavepoint {
            try MeetingRebuild.deleteReadouts(of: num, db)
            let remade = try MeetingRebuild.remake(id, from: readouts.compactMap(\.readout), db, now: now)!
            try CorrectionStore.apply(id, db)
            changes = differences(before, try MeetingQuery.record(num: remade, db))
            return .commit
        }
        summary.meetings += 1
        if !changes.isEmpty { summary.changed += 1 }
        changes.forEach(report)
    }

    /// The facts that differ between two records of one meeting, in the record's order.
    static func differences(_ a: MeetingRecord, _ b: MeetingRecord) -> [RereadChange] {
        func words(_ values: [String]) -> String { values.isEmpty ? "—" : values.joined(separator: "; ") }
        func people(_ list: [Participant]) -> String {
            words(list.map { p in p.name + (p.party.map { " (\($0))" } ?? "") + (p.title.map { ", \($0)" } ?? "") })
        }
        func commitments(_ list: [Commitment]) -> String {
            list.isEmpty ? "—" : "\(list.count): " + list.map(\.by).joined(separator: ", ")
        }
        let facts: [(String, (MeetingRecord) -> String)] = [
            ("title", { $0.title ?? "—" }), ("date", { $0.date ?? "—" }), ("start_time", { $0.startTime ?? "—" }),
            ("duration_minutes", { $0.durationMinutes.map(String.init) ?? "—" }), ("format", { $0.format?.rawValue ?? "—" }),
            ("venue", { $0.venue ?? "—" }), ("parties", { words($0.parties) }), ("principals", { people($0.principals) }),
            ("attendees", { people($0.attendees) }), ("topics", { words($0.topics) }), ("commitments", { commitments($0.commitments) }),
            ("needs_review", { words($0.needsReview) }),
        ]
        return facts.compactMap { field, value in
            value(a) == value(b) ? nil : RereadChange(id: a.id ?? "", field: field, before: value(a), after: value(b))
        }
    }
}
