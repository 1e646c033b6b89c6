import BilatIngest
import Foundation
import GRDB

/// The facts of a meeting that each of its readouts states on its own, and their conflicts.
enum MeetingFacts {
    /// The columns of `meetings` that each readout's row in `sources` also holds.
    static let fields = ["date", "start_time", "duration_minutes", "format", "venue"]

    /// The facts on which the readouts of meeting `num` disagree: each value with the index of the readout
    /// (in import order) that states it.
    static func conflicts(_ num: Int64, _ db: Database) throws -> [FactConflict] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT date, start_time, duration_minutes, format, venue FROM sources WHERE meeting_num = ? ORDER BY position
            """, arguments: [num])
        guard rows.count > 1 else { return [] }
        return fields.compactMap { field in
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
        }
    }
}
