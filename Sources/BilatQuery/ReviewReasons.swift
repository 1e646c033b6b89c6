import BilatIngest
import Foundation
import GRDB

/// Why a person should check a meeting, with their corrections taken into account: what the reading was
/// unsure of, except what a correction has since answered ("no year in text" once the date is set by
/// hand); and each correction whose readouts give another value now than when the person made it.
///
/// The same rules, in Swift for a record and in SQL for `list --needs-review`, so that both agree.
enum ReviewReasons {
    /// The reason of a correction whose readouts have changed since.
    static let changed = "readout changed since the correction of "

    /// The reading's reasons that a correction of a meeting fact answers: reasons holding one of the words.
    /// (Bilat's own reasons, in the words ReadoutReading writes them.)
    static let answeredBy: [(field: String, words: [String])] = [
        ("date", ["date", "year"]),
        ("parties", ["counterpart", "sides"]),
    ]
    /// The reason of a principal whose side the reading did not find; a correction of their party answers it.
    static let noParty = "no party found for "

    /// The reasons of meeting `id` to show: `stored` (the reading's) but those its corrections answer, then
    /// one for each correction whose readouts changed since, or whose participant or commitment is no longer read.
    static func reasons(stored: [String], of id: String, _ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT field, item, occurrence, read, applied_over FROM corrections WHERE meeting_id = ? AND field NOT IN ('link', 'unlink') ORDER BY id
            """, arguments: [id])
        let corrected = Set(rows.map { $0["field"] as String })
        let partySet = Set(rows.filter { ($0["field"] as String) == "participant.party" }.map { $0["item"] as String })
        let open = stored.filter { reason in
            if reason.hasPrefix(changed) { return false }
            if reason.hasPrefix(noParty) { return !partySet.contains(String(reason.dropFirst(noParty.count))) }
            return !answeredBy.contains { corrected.contains($0.field) && $0.words.contains(where: reason.contains) }
        }
        let waiting = rows.filter { ($0["applied_over"] as String?) != ($0["read"] as String) }.map { row in
            changed + CorrectedFact(field: row["field"], item: row["item"], occurrence: row["occurrence"]).described
        }
        return open + waiting
    }

    /// SQL: whether meeting `m` has a reason to show (the rules of ``reasons(stored:of:_:)``).
    static let openSQL: String = {
        let answered = answeredBy.map { rule in
            "((" + rule.words.map { "r.value LIKE '%\($0)%'" }.joined(separator: " OR ")
                + ") AND EXISTS (SELECT 1 FROM corrections c WHERE c.meeting_id = m.id AND c.field = '\(rule.field)'))"
        } + ["""
            (r.value LIKE '\(noParty)%' AND EXISTS (SELECT 1 FROM corrections c WHERE c.meeting_id = m.id
             AND c.field = 'participant.party' AND c.item = substr(r.value, \(noParty.count + 1))))
            """, "r.value LIKE '\(changed)%'"]
        return """
            ((m.needs_review <> '[]' AND EXISTS (SELECT 1 FROM json_each(m.needs_review) r WHERE NOT (\(answered.joined(separator: " OR ")))))
             OR EXISTS (SELECT 1 FROM corrections c WHERE c.meeting_id = m.id AND c.field NOT IN ('link', 'unlink')
                        AND (c.applied_over IS NULL OR c.applied_over <> c.read)))
            """
    }()
}
