import Foundation

/// The words of a readout from which one fact of a meeting was read: how a person checks the fact.
public struct Evidence: Codable, Equatable, Sendable {
    /// `date`, `start_time`, `duration_minutes`, `format`, `venue`, `participant:N` or `commitment:N`
    /// (N the index in the record's participants or commitments).
    public var field: String
    /// The index of the readout in the record's `readouts`.
    public var readout: Int
    /// The exact words, as the readout's text has them.
    public var text: String
    /// Where the words start in the readout's text (in characters); not part of the export.
    public var offset: Int?

    public init(field: String, readout: Int, text: String, offset: Int? = nil) {
        self.field = field
        self.readout = readout
        self.text = text
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey { case field, readout, text }

    public static func == (a: Evidence, b: Evidence) -> Bool {
        a.field == b.field && a.readout == b.readout && a.text == b.text
    }

    /// The evidence as export.md writes it.
    public var json: JSONValue {
        .object([("field", .string(field)), ("readout", .int(readout)), ("text", .string(text))])
    }
}
