import Foundation

/// A fact of a meeting set by a person (`bilat correct`), or a person's decision that a readout is, or is
/// not, about the meeting (`bilat link`, `bilat unlink`), as a record of export.md carries it.
///
/// The record's facts already show the corrected value; `read` is what the readouts had given when the
/// person decided. Corrections are kept apart from what was read, so that reading the readouts again
/// never loses them.
public struct Correction: Decodable, Equatable, Sendable {
    /// What is corrected, as export.md names it: a fact (`date`, `start_time`, `duration_minutes`, `format`,
    /// `venue`, `title`, `parties`, `topics`), a participant's side or role (`participant:N.party`,
    /// `participant:N.role`), a commitment's side (`commitment:N.by`) — N its index in the record — or a
    /// decision on the readout at the place `item`: `link` (it is of this meeting; the value is the place) or
    /// `unlink` (it is not; the value lists the places of the readouts it was taken from).
    public var field: String
    /// The participant's name or the commitment's sentence that the correction is of (what finds them again
    /// when the readouts are read again and the indexes move), or the place of a linked or unlinked readout.
    public var item: String?
    /// The value the person set.
    public var value: JSONValue
    /// What had been read when the person set it.
    public var read: JSONValue
    /// What the readouts give now, where it is not `read` (they changed since the person decided: the
    /// meeting is to review); `nil` otherwise.
    public var readNow: JSONValue?
    public var note: String?
    /// When the person set it: UTC, ISO 8601.
    public var at: String

    public init(field: String, item: String? = nil, value: JSONValue, read: JSONValue, readNow: JSONValue? = nil, note: String?, at: String) {
        self.field = field
        self.item = item
        self.value = value
        self.read = read
        self.readNow = readNow
        self.note = note
        self.at = at
    }

    /// The facts of the meeting itself that a person can set.
    public static let meetingFields = ["date", "start_time", "duration_minutes", "format", "venue", "title", "parties", "topics"]
    /// The aspects of a participant that a person can set (`participant:N.ASPECT`).
    public static let participantAspects = ["party", "role"]
    /// Every field name a person can give, as `bilat correct` lists them.
    public static let fieldNames = meetingFields + ["participant:N.party", "participant:N.role", "commitment:N.by"]

    /// A correction's field split into what it is of: `participant.party` with index 2 for `participant:2.party`.
    public struct Target: Equatable, Sendable {
        /// The field as the archive stores it: a meeting fact, `participant.party`, `participant.role`,
        /// `commitment.by`, `link` or `unlink`.
        public var name: String
        /// The participant's or commitment's index in the record, where the field gives one.
        public var index: Int?

        /// Reads `participant:2.party`, `commitment:0.by`, `duration_minutes`, …; `nil` for anything else.
        /// `participant.party` without an index names a participant by the correction's item alone.
        public init?(_ field: String) {
            if Correction.meetingFields.contains(field) || ["link", "unlink", "participant.party", "participant.role", "commitment.by"].contains(field) {
                name = field
                index = nil
                return
            }
            for (kind, aspects) in [("participant", Correction.participantAspects), ("commitment", ["by"])] {
                guard field.hasPrefix(kind + ":"), let dot = field.lastIndex(of: ".") else { continue }
                let aspect = String(field[field.index(after: dot)...])
                let number = field[field.index(field.startIndex, offsetBy: kind.count + 1)..<dot]
                guard aspects.contains(aspect), let n = Int(number), n >= 0 else { return nil }
                name = kind + "." + aspect
                index = n
                return
            }
            return nil
        }

        /// The field as export.md writes it, with the item's index in the record.
        public func exportName(index: Int?) -> String {
            guard let dot = name.firstIndex(of: "."), let index else { return name }
            return name[..<dot] + ":\(index)" + name[dot...]
        }
    }

    /// The correction as export.md writes it; `item` only where the field is of one participant, commitment or readout.
    public var json: JSONValue {
        .object([("field", .string(field))] + (item.map { [("item", JSONValue.string($0))] } ?? [])
            + [("value", value), ("read", read)] + (readNow.map { [("read_now", $0)] } ?? [])
            + [("note", .optional(note)), ("at", .string(at))])
    }

    enum CodingKeys: String, CodingKey { case field, item, value, read, readNow = "read_now", note, at }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        item = try c.decodeIfPresent(String.self, forKey: .item)
        value = try c.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null
        read = try c.decodeIfPresent(JSONValue.self, forKey: .read) ?? .null
        readNow = try c.decodeIfPresent(JSONValue.self, forKey: .readNow)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        at = try c.decode(String.self, forKey: .at)
        guard Target(field) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .field, in: c, debugDescription: "unknown field \(field)")
        }
    }
}

extension MeetingRecord {
    /// The record as its readouts give it: what they give now (`read_now`, else `read`) in place of each
    /// value a person set. What the archive stores as read, with the corrections kept apart.
    public func asRead() throws -> MeetingRecord {
        var record = self
        for correction in corrections.reversed() {
            guard let target = Correction.Target(correction.field) else { continue }
            try record.set(target, item: correction.item, to: correction.readNow ?? correction.read)
        }
        return record
    }

    /// Sets the fact `target` names to `value`, as export.md spells values; a participant or commitment is
    /// found by its index where that is its `item` (name or sentence), else by the item alone.
    mutating func set(_ target: Correction.Target, item: String?, to value: JSONValue) throws {
        func bad() -> IngestError { .badRecord("the correction of \(target.name) holds a value of the wrong kind") }
        func string() throws -> String? {
            switch value {
            case .null: return nil
            case .string(let text): return text
            default: throw bad()
            }
        }
        func strings() throws -> [String] {
            guard case .array(let items) = value else { throw bad() }
            return try items.map { item in
                guard case .string(let text) = item else { throw bad() }
                return text
            }
        }
        switch target.name {
        case "date": date = try string()
        case "start_time": startTime = try string()
        case "venue": venue = try string()
        case "title": title = try string()
        case "duration_minutes":
            switch value {
            case .null: durationMinutes = nil
            case .int(let minutes): durationMinutes = minutes
            default: throw bad()
            }
        case "format":
            let text = try string()
            guard text == nil || MeetingFormat(rawValue: text!) != nil else { throw bad() }
            format = text.flatMap(MeetingFormat.init(rawValue:))
        case "parties": parties = try strings()
        case "topics": topics = try strings()
        case "participant.party", "participant.role":
            guard let index = Self.index(target.index, of: item, in: participants.map(\.name)) else { return }
            if target.name == "participant.party" {
                participants[index].party = try string()
            } else {
                guard let role = try string().flatMap(ParticipantRole.init(rawValue:)) else { throw bad() }
                participants[index].role = role
            }
        case "commitment.by":
            guard let index = Self.index(target.index, of: item, in: commitments.map(\.text)), let by = try string() else { return }
            commitments[index].by = by
        default:
            return
        }
    }

    /// Where an item is among `items`: at `index` where that is it (or no item is named), else the first of it.
    static func index(_ index: Int?, of item: String?, in items: [String]) -> Int? {
        if let index, items.indices.contains(index), item == nil || items[index] == item { return index }
        return item.flatMap { items.firstIndex(of: $0) }
    }
}
