import BilatIngest
import Foundation
import GRDB

/// The facts of a meeting that each of its readouts states on its own, and their conflicts.
enum MeetingFacts {
    /// The columns of `meetings` that each readout's row in `sources` also holds, as `stated_…`.
    static let fields = ["date", "start_time", "duration_minutes", "format", "venue"]

    /// What a readout states of a participant, compared across readouts: side and role ("JPN principal").
    static func statement(of p: Participant) -> String {
        "\(p.party ?? "—") \(p.role.rawValue)"
    }

    /// The facts on which the readouts of meeting `num` disagree: each value with the index of the readout
    /// (in import order) that states it. A participant is in conflict when two readouts give them another
    /// side or role (`participant:N`, N their index in the record).
    static func conflicts(_ num: Int64, _ db: Database) throws -> [FactConflict] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT stated_date AS date, stated_start_time AS start_time, stated_duration_minutes AS duration_minutes,
                   stated_format AS format, stated_venue AS venue
            FROM sources WHERE meeting_num = ? ORDER BY position
            """, arguments: [num])
        guard rows.count > 1 else { return [] }
        return try fields.compactMap { field in
            let values: [FactConflict.StatedValue] = rows.enumerated().compactMap { index, row in
                switch row[field] as DatabaseValue? {
                case .some(let value) where !value.isNull:
                    if let number = Int.fromDatabaseValue(value), field == "duration_minutes" {
                        return FactConflict.StatedValue(value: .int(number), readout: index)
                    }
                    return String.fromDatabaseValue(value).map { FactConflict.StatedValue(value: .string($0), readout: index) }
                default:
                    return nil
                }
            }
            return Set(values.map(\.value)).count > 1 ? FactConflict(field: field, values: values) : nil
        } + participantConflicts(num, db)
    }

    /// The index in the record's `readouts` (import order) of each readout of meeting `num`, by its row id.
    static func readoutIndexes(_ num: Int64, _ db: Database) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: try Int64.fetchAll(db, sql: """
            SELECT id FROM sources WHERE meeting_num = ? ORDER BY position
            """, arguments: [num]).enumerated().map { ($1, $0) })
    }

    /// The index in the record's `participants` of each participant of meeting `num`, by its position.
    static func participantIndexes(_ num: Int64, _ db: Database) throws -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: try Int.fetchAll(db, sql: """
            SELECT position FROM participants WHERE meeting_num = ? ORDER BY position
            """, arguments: [num]).enumerated().map { ($1, $0) })
    }

    static func participantConflicts(_ num: Int64, _ db: Database) throws -> [FactConflict] {
        let participantIndex = try MeetingFacts.participantIndexes(num, db)
        let readoutIndex = try MeetingFacts.readoutIndexes(num, db)
        var stated: [Int: [Int: String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT item, source_id, value FROM evidence WHERE meeting_num = ? AND field = 'participant' AND value IS NOT NULL ORDER BY id
            """, arguments: [num]) {
            guard let index = (row["item"] as Int?).flatMap({ participantIndex[$0] }), let readout = readoutIndex[row["source_id"]] else { continue }
            if stated[index]?[readout] == nil { stated[index, default: [:]][readout] = row["value"] }
        }
        return stated.keys.sorted().compactMap { index in
            let values = stated[index]!.sorted { $0.key < $1.key }
            guard Set(values.map(\.value)).count > 1 else { return nil }
            return FactConflict(field: "participant:\(index)", values: values.map { .init(value: .string($0.value), readout: $0.key) })
        }
    }
}
