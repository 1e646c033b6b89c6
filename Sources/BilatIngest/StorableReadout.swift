import Foundation

/// One readout ready to store: the record, the bytes as imported and the text read from them.
public struct StorableReadout: Sendable {
    public var record: MeetingRecord
    public var content: Data
    public var text: String
    public var mediaType: String
    /// The resolved absolute path of the file it was read from: its place, which a changed file at the
    /// same path replaces. `nil` for standard input and for records read back from an export.
    public var path: String?

    public init(record: MeetingRecord, content: Data, text: String, mediaType: String, path: String? = nil) {
        self.record = record
        self.content = content
        self.text = text
        self.mediaType = mediaType
        self.path = path
        if path != nil, !self.record.readouts.isEmpty { self.record.readouts[0].path = path }
    }

    /// A parsed readout, stored with the bytes it was read from and the place of its file.
    public init(parsed: ParsedReadout, content: Data, path: String? = nil) {
        self.init(record: parsed.record, content: content, text: parsed.text, mediaType: parsed.mediaType, path: path)
    }

    /// A record read back from an export: its own JSON is the content, its sections and commitments the text.
    public init(exported record: MeetingRecord) {
        let text = ([record.title].compactMap { $0 } + record.sections.flatMap { [$0.heading, $0.text].compactMap { $0 } })
            .joined(separator: "\n")
        self.init(record: record, content: Data(record.jsonString().utf8), text: text, mediaType: Self.recordMediaType)
    }

    /// The media type of a record read back from an export.
    public static let recordMediaType = "application/json"
    /// The media type of a readout known only from an export's list of readouts: no bytes of its own.
    public static let referenceMediaType = "application/x-bilat-readout"

    /// Whether the bytes are the readout's own (a text or a page), not an export of it.
    public var isOwnText: Bool { mediaType != Self.recordMediaType && mediaType != Self.referenceMediaType }
}
