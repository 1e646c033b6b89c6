import Foundation

/// A fact on which a meeting's readouts disagree: each value with the index of the readout that states it.
/// The record's own value is the one kept (the first-imported readout that states the fact).
public struct FactConflict: Codable, Equatable, Sendable {
    /// The field of the record: `start_time`, `duration_minutes`, `format`, `venue` or `date`.
    public var field: String
    public var values: [StatedValue]

    public init(field: String, values: [StatedValue]) {
        self.field = field
        self.values = values
    }

    /// One readout's value of the fact.
    public struct StatedValue: Codable, Equatable, Sendable {
        public var value: FactValue
        /// The index of the readout in the record's `readouts`.
        public var readout: Int

        public init(value: FactValue, readout: Int) {
            self.value = value
            self.readout = readout
        }
    }

    /// The conflict as export.md writes it.
    public var json: JSONValue {
        .object([("field", .string(field)),
                 ("values", .array(values.map { .object([("value", $0.value.json), ("readout", .int($0.readout))]) }))])
    }
}

/// The value of a fact: a number (minutes) or a string (a date, a time, a format, a place).
public enum FactValue: Codable, Hashable, Sendable {
    case int(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) { self = .int(number); return }
        self = .string(try container.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }

    public var json: JSONValue {
        switch self {
        case .int(let number): return .int(number)
        case .string(let text): return .string(text)
        }
    }
}
