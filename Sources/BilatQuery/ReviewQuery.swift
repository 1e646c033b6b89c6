import BilatIngest
import Foundation
import GRDB

/// One reason for a person to check a meeting.
public struct ReviewItem: Equatable, Sendable {
    /// Where the reason comes from.
    public enum Kind: String, Sendable {
        /// The reading was unsure of a fact (`needs_review`).
        case reading
        /// The meeting's readouts disagree on a fact.
        case conflict
        /// A readout under a correction changed since the person made it.
        case correction
    }

    public var id: String
    public var date: String?
    public var title: String?
    public var kind: Kind
    public var reason: String

    public var json: JSONValue {
        .object([("id", .string(id)), ("date", .optional(date)), ("title", .optional(title)), ("kind", .string(kind.rawValue)),
                 ("reason", .string(reason))])
    }
}

/// The meetings a person should check (`bilat review`), each reason on its own line.
public enum ReviewQuery {
    /// The reasons of the meetings that `filter` selects among those to review, newest first: what the
    /// reading was unsure of, conflicts between readouts, corrections whose readout changed since.
    /// `filter.limit` counts meetings.
    public static func items(_ archive: Archive, filter: MeetingFilter) throws -> [ReviewItem] {
        var selection = filter
        selection.needsReview = true
        return try archive.read { db in
            let (conditions, arguments) = try selection.conditions(db)
            var sql = "SELECT m.num FROM meetings m WHERE " + conditions.joined(separator: " AND ") + " ORDER BY m.date DESC, m.id DESC"
            if let limit = filter.limit { sql += " LIMIT \(limit)" }
            return try Int64.fetchAll(db, sql: sql, arguments: arguments).flatMap { try items(num: $0, db) }
        }
    }

    static func items(num: Int64, _ db: Database) throws -> [ReviewItem] {
        let record = try MeetingQuery.record(num: num, db)
        let id = record.id ?? ""
        func item(_ kind: ReviewItem.Kind, _ reason: String) -> ReviewItem {
            ReviewItem(id: id, date: record.date, title: record.title, kind: kind, reason: reason)
        }
        let changed = try changedCorrections(id, db)
        var result: [ReviewItem] = []
        for reason in record.needsReview {
            if reason.hasPrefix(ReviewReasons.changed) {
                result.append(item(.correction, changed[reason] ?? reason))
            } else {
                result.append(item(.reading, reason))
            }
        }
        // A conflict on a fact a person has corrected is decided.
        let corrected = Set(record.corrections.map(\.field))
        for conflict in record.conflicts where !corrected.contains(conflict.field)
            && !corrected.contains(conflict.field + ".party") && !corrected.contains(conflict.field + ".role") {
            var what = conflict.field
            if conflict.field.hasPrefix("participant:"), let index = Int(conflict.field.dropFirst("participant:".count)),
               record.participants.indices.contains(index) {
                what = record.participants[index].name + "'s side and role"
            }
            let values = conflict.values.map { "\(display($0.value.json)) (readout \($0.readout + 1))" }.joined(separator: ", ")
            result.append(item(.conflict, "readouts disagree on \(what): \(values); kept \(kept(conflict.field, record))"))
        }
        return result
    }

    /// The meeting's value of a conflicting field, as kept.
    private static func kept(_ field: String, _ r: MeetingRecord) -> String {
        switch field {
        case "date": return r.date ?? "—"
        case "start_time": return r.startTime ?? "—"
        case "duration_minutes": return r.durationMinutes.map(String.init) ?? "—"
        case "format": return r.format?.rawValue ?? "—"
        case "venue": return r.venue ?? "—"
        default:
            guard let index = Int(field.split(separator: ":").last ?? ""), r.participants.indices.contains(index) else { return "—" }
            let p = r.participants[index]
            return "\(p.party ?? "—") \(p.role.rawValue)"
        }
    }

    /// For each review reason of a changed correction of meeting `id`, the reason in full: what was read
    /// when the person corrected, what is read now, and the value kept.
    private static func changedCorrections(_ id: String, _ db: Database) throws -> [String: String] {
        var details: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT field, item, occurrence, value, read, applied_over FROM corrections WHERE meeting_id = ? AND field NOT IN ('link', 'unlink')
            """, arguments: [id]) {
            let reason = ReviewReasons.changed + CorrectedFact(field: row["field"], item: row["item"], occurrence: row["occurrence"]).described
            let value = try CorrectionStore.decode(row["value"]), read = try CorrectionStore.decode(row["read"])
            if let over = row["applied_over"] as String? {
                let now = try CorrectionStore.decode(over)
                guard now != read else { continue }
                details[reason] = reason + ": read \(display(read)) when corrected, \(display(now)) now; kept \(display(value))"
            } else {
                details[reason] = reason + ": the readouts no longer give it; the correction to \(display(value)) waits"
            }
        }
        return details
    }

    /// A value as words: a list joined, "none" for null.
    public static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return "none"
        case .string(let text): return text
        case .array(let items): return items.isEmpty ? "none" : items.map(display).joined(separator: ", ")
        default: return value.rendered()
        }
    }
}
