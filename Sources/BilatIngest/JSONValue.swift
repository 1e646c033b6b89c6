import Foundation

/// A JSON value whose objects keep their keys in the order given, so that records print in the
/// order of shared/spec/export.md (Foundation's JSONEncoder does not promise any order).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.rendered() == b.rendered()
    }

    /// `value` as a string, or `null`.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// `value` as a number, or `null`.
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// The JSON text: one line, or indented by two spaces when `pretty`.
    public func rendered(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: depth + 1) }
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + String(repeating: "  ", count: depth + 1) }
                Self.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension Participant {
    /// The participant as export.md writes it.
    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("family_name", .optional(familyName)), ("given_name", .optional(givenName)),
            ("title", .optional(title)), ("party", .optional(party)), ("role", .string(role.rawValue)),
        ])
    }
}

extension MeetingRecord {
    /// The record as export.md writes it, keys in the documented order.
    public var json: JSONValue {
        .object([
            ("id", .optional(id)),
            ("title", .optional(title)),
            ("language", .string(language)),
            ("date", .optional(date)),
            ("start_time", .optional(startTime)),
            ("duration_minutes", .optional(durationMinutes)),
            ("format", .optional(format?.rawValue)),
            ("venue", .optional(venue)),
            ("parties", .array(parties.map(JSONValue.string))),
            ("participants", .array(participants.map(\.json))),
            ("topics", .array(topics.map(JSONValue.string))),
            ("commitments", .array(commitments.map { c in
                .object([("text", .string(c.text)), ("by", .string(c.by)), ("topics", .array(c.topics.map(JSONValue.string)))])
            })),
            ("sections", .array(sections.map { s in .object([("heading", .optional(s.heading)), ("text", .string(s.text))]) })),
            ("needs_review", .array(needsReview.map(JSONValue.string))),
            ("source", .object([
                ("file", .string(source.file)), ("sha256", .string(source.sha256)),
                ("url", .optional(source.url)), ("imported_at", .optional(source.importedAt)),
            ])),
            ("readouts", .array(readoutList.map(\.json))),
            ("conflicts", .array(conflicts.map(\.json))),
            ("evidence", .array(evidence.map(\.json))),
            ("corrections", .array(corrections.map(\.json))),
        ])
    }

    /// This record as JSON text, in export.md's key order.
    public func jsonString(pretty: Bool = false) -> String { json.rendered(pretty: pretty) }

    /// Reads a record written by `jsonString` (or by hand, following export.md).
    public static func decode(json text: String) throws -> MeetingRecord {
        do {
            return try JSONDecoder().decode(MeetingRecord.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw IngestError.badRecord("field \(key.stringValue) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw IngestError.badRecord("field \(path) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw IngestError.badRecord(path.isEmpty ? "not valid JSON" : "field \(path) is not valid")
        }
    }
}

/// JSON values read from a record (a correction's value) and written back by Foundation's coders.
extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                ($0.stringValue, try object.decode(JSONValue.self, forKey: $0))
            })
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let flag = try? single.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? single.decode(Int.self) { self = .int(number) }
        else if let number = try? single.decode(Double.self) { self = .double(number) }
        else { self = .string(try single.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .int(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .double(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .object(let members):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in members { try object.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }

    /// Any key of a JSON object.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
