import Foundation

/// How the sides met.
public enum MeetingFormat: String, Codable, Sendable, CaseIterable {
    case inPerson = "in_person"
    case telephone
    case video
}

/// Whether a participant is one of the people who met, or someone named as present.
public enum ParticipantRole: String, Codable, Sendable {
    case principal
    case attendee
}

/// A person named in a readout, with the title and side the readout gives them.
public struct Participant: Codable, Equatable, Sendable {
    /// "Given Family" in Latin script, or the name as written in Japanese script.
    public var name: String
    public var familyName: String?
    public var givenName: String?
    /// The title in the text's own words, without honorifics.
    public var title: String?
    /// The party code of the side the person belongs to, or `nil` when the text does not say.
    public var party: String?
    public var role: ParticipantRole

    public init(name: String, familyName: String?, givenName: String?, title: String?, party: String?, role: ParticipantRole) {
        self.name = name
        self.familyName = familyName
        self.givenName = givenName
        self.title = title
        self.party = party
        self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case name, familyName = "family_name", givenName = "given_name", title, party, role
    }

}

/// A sentence in which the sides jointly agree, or one side undertakes something.
public struct Commitment: Codable, Equatable, Sendable {
    /// The sentence, verbatim.
    public var text: String
    /// `"joint"`, or the code of the party that undertook it.
    public var by: String
    public var topics: [String]
    /// Where the sentence starts in the readout text (in characters); not part of the export.
    public var offset: Int?

    public static let joint = "joint"

    public init(text: String, by: String, topics: [String], offset: Int? = nil) {
        self.text = text
        self.by = by
        self.topics = topics
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey { case text, by, topics }

    public static func == (a: Commitment, b: Commitment) -> Bool {
        a.text == b.text && a.by == b.by && a.topics == b.topics
    }
}

/// A headed section of a readout, verbatim.
public struct Section: Codable, Equatable, Sendable {
    public var heading: String?
    public var text: String

    public init(heading: String?, text: String) {
        self.heading = heading
        self.text = text
    }

}

/// Where a record's text came from.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var file: String
    public var sha256: String
    public var url: String?
    /// UTC, ISO 8601 (`2026-11-26T14:00:00Z`); `nil` until the record is stored.
    public var importedAt: String?

    public init(file: String, sha256: String, url: String?, importedAt: String?) {
        self.file = file
        self.sha256 = sha256
        self.url = url
        self.importedAt = importedAt
    }

    enum CodingKeys: String, CodingKey { case file, sha256, url, importedAt = "imported_at" }

}

/// One meeting, as shared/spec/export.md defines it: what export writes, show prints and import reads back.
///
/// Every fact the readout does not state is `nil` (or empty), never a guess.
public struct MeetingRecord: Codable, Equatable, Sendable {
    /// Stable identifier, e.g. `2025-04-09-jpn-nato`. Assigned by the archive when first stored.
    public var id: String?
    public var title: String?
    public var language: String
    /// `YYYY-MM-DD`, or `nil` when the text gives no year.
    public var date: String?
    /// `HH:MM`, 24-hour, local time.
    public var startTime: String?
    public var durationMinutes: Int?
    /// How the sides met, or `nil` when the text does not say (or holds no meeting).
    public var format: MeetingFormat?
    public var venue: String?
    /// Party codes, publishing side first.
    public var parties: [String]
    public var participants: [Participant]
    public var topics: [String]
    public var commitments: [Commitment]
    public var sections: [Section]
    public var needsReview: [String]
    /// The first readout of the meeting (export.md keeps it beside `readouts`).
    public var source: SourceInfo
    /// Every readout of the meeting, in import order; one for a record just read from a text.
    public var readouts: [ReadoutInfo]
    /// Facts on which the readouts disagree.
    public var conflicts: [FactConflict]
    /// For each fact, the readout and the words it was read from.
    public var evidence: [Evidence]
    /// Facts set by a person, and their decisions on which readouts are of this meeting; the record's facts
    /// already show the corrected values.
    public var corrections: [Correction]

    public init(
        id: String? = nil, title: String?, language: String, date: String?, startTime: String?,
        durationMinutes: Int?, format: MeetingFormat?, venue: String?, parties: [String],
        participants: [Participant], topics: [String], commitments: [Commitment], sections: [Section],
        needsReview: [String], source: SourceInfo, readouts: [ReadoutInfo] = [], conflicts: [FactConflict] = [],
        evidence: [Evidence] = [], corrections: [Correction] = []
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.date = date
        self.startTime = startTime
        self.durationMinutes = durationMinutes
        self.format = format
        self.venue = venue
        self.parties = parties
        self.participants = participants
        self.topics = topics
        self.commitments = commitments
        self.sections = sections
        self.needsReview = needsReview
        self.source = source
        self.readouts = readouts
        self.conflicts = conflicts
        self.evidence = evidence
        self.corrections = corrections
    }

    enum CodingKeys: String, CodingKey {
        case id, title, language, date, startTime = "start_time", durationMinutes = "duration_minutes", format, venue
        case parties, participants, topics, commitments, sections, needsReview = "needs_review", source
        case readouts, conflicts, evidence, corrections
    }

    /// Reads a record of export.md; the fields of its second round (`readouts`, `conflicts`, `evidence`,
    /// `corrections`) may be absent, as in an export of an older Bilat.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        language = try c.decode(String.self, forKey: .language)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        startTime = try c.decodeIfPresent(String.self, forKey: .startTime)
        durationMinutes = try c.decodeIfPresent(Int.self, forKey: .durationMinutes)
        format = try c.decodeIfPresent(MeetingFormat.self, forKey: .format)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        parties = try c.decode([String].self, forKey: .parties)
        participants = try c.decode([Participant].self, forKey: .participants)
        topics = try c.decode([String].self, forKey: .topics)
        commitments = try c.decode([Commitment].self, forKey: .commitments)
        sections = try c.decode([Section].self, forKey: .sections)
        needsReview = try c.decode([String].self, forKey: .needsReview)
        source = try c.decode(SourceInfo.self, forKey: .source)
        readouts = try c.decodeIfPresent([ReadoutInfo].self, forKey: .readouts) ?? []
        conflicts = try c.decodeIfPresent([FactConflict].self, forKey: .conflicts) ?? []
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        corrections = try c.decodeIfPresent([Correction].self, forKey: .corrections) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language)
        try c.encode(date, forKey: .date)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(durationMinutes, forKey: .durationMinutes)
        try c.encode(format, forKey: .format)
        try c.encode(venue, forKey: .venue)
        try c.encode(parties, forKey: .parties)
        try c.encode(participants, forKey: .participants)
        try c.encode(topics, forKey: .topics)
        try c.encode(commitments, forKey: .commitments)
        try c.encode(sections, forKey: .sections)
        try c.encode(needsReview, forKey: .needsReview)
        try c.encode(source, forKey: .source)
        try c.encode(readouts, forKey: .readouts)
        try c.encode(conflicts, forKey: .conflicts)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(corrections.map(\.json), forKey: .corrections)
    }

    /// The readouts as export.md lists them: the stored list, or the one readout `source` names.
    public var readoutList: [ReadoutInfo] {
        if !readouts.isEmpty { return readouts }
        return [ReadoutInfo(file: source.file, path: nil, sha256: source.sha256, url: source.url, language: language,
                            title: title, publisher: nil, published: nil, importedAt: source.importedAt)]
    }


    /// The principals, in the order the readout names them.
    public var principals: [Participant] { participants.filter { $0.role == .principal } }
    /// The attendees, in the order the readout names them.
    public var attendees: [Participant] { participants.filter { $0.role == .attendee } }
}

