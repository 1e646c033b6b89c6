import BilatIngest
import Foundation
import GRDB

/// What importing one readout did.
public enum ImportOutcome: Equatable, Sendable {
    /// A new meeting was stored.
    case imported(id: String)
    /// The same bytes were imported before: nothing changed.
    case unchanged(id: String)
    /// A file with the same name but other content was imported before: its meeting was replaced.
    case replaced(id: String)

    public var id: String {
        switch self { case .imported(let id), .unchanged(let id), .replaced(let id): return id }
    }
}

/// One readout ready to store: the record, the bytes as imported and the text read from them.
public struct StorableReadout: Sendable {
    public var record: MeetingRecord
    public var content: Data
    public var text: String
    public var mediaType: String

    public init(record: MeetingRecord, content: Data, text: String, mediaType: String) {
        self.record = record
        self.content = content
        self.text = text
        self.mediaType = mediaType
    }

    /// A parsed readout, stored with the bytes it was read from.
    public init(parsed: ParsedReadout, content: Data) {
        self.init(record: parsed.record, content: content, text: parsed.text, mediaType: parsed.mediaType)
    }

    /// A record read back from an export: its own JSON is the content, its sections and commitments the text.
    public init(exported record: MeetingRecord) {
        let text = ([record.title].compactMap { $0 } + record.sections.flatMap { [$0.heading, $0.text].compactMap { $0 } })
            .joined(separator: "\n")
        self.init(record: record, content: Data(record.jsonString().utf8), text: text, mediaType: Self.recordMediaType)
    }

    /// The media type of a record read back from an export.
    public static let recordMediaType = "application/json"
}

extension Archive {
    /// Stores one readout in its own transaction: all of it, or (on any error) nothing.
    ///
    /// Identical bytes (by SHA-256) are `unchanged`; other bytes under a file name already imported
    /// replace that meeting and keep its id.
    @discardableResult
    public func store(_ readout: StorableReadout, now: Date = Date()) throws -> ImportOutcome {
        try write { db in try Self.store(readout, in: db, now: now) }
    }

    static func store(_ readout: StorableReadout, in db: Database, now: Date) throws -> ImportOutcome {
        var record = readout.record
        if let id = try String.fetchOne(db.cachedStatement(sql: """
            SELECT m.id FROM sources s JOIN meetings m ON m.source_id = s.id WHERE s.sha256 = ?
            """), arguments: [record.source.sha256]) {
            return .unchanged(id: id)
        }
        var replacedID: String?
        if record.source.file != "-", let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.id AS source_id, m.id AS meeting_id FROM sources s JOIN meetings m ON m.source_id = s.id
            WHERE s.file_name = ? ORDER BY s.id DESC LIMIT 1
            """), arguments: [record.source.file]) {
            replacedID = old["meeting_id"]
            // Deleting the source cascades to the meeting and everything that hangs from it.
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [old["source_id"] as Int64])
        }
        try checkParties(record, db)
        let importedAt = record.source.importedAt ?? Self.timestamp(now)
        try db.cachedStatement(sql: """
            INSERT INTO sources(file_name, sha256, url, media_type, content, text, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [record.source.file, record.source.sha256, record.source.url, readout.mediaType,
                             readout.content, storedText(readout), importedAt])
        let sourceID = db.lastInsertedRowID
        let id = try replacedID ?? uniqueID(for: record, db)
        record.id = id
        let needsReview = JSONValue.array(record.needsReview.map(JSONValue.string)).rendered()
        try db.cachedStatement(sql: """
            INSERT INTO meetings(id, source_id, title, language, date, start_time, duration_minutes, format, venue, needs_review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, sourceID, record.title, record.language, record.date, record.startTime,
                             record.durationMinutes, record.format.rawValue, record.venue, needsReview])
        let num = db.lastInsertedRowID
        // The date as YYYYMMDD, copied into sides, topics and participants for their (key, day) indexes (migration 004).
        let day = record.date.flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
        for (position, code) in record.parties.enumerated() {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_parties(meeting_num, position, party_code, meeting_day) VALUES (?, ?, ?, ?)
                """).execute(arguments: [num, position, code, day])
        }
        for (position, p) in record.participants.enumerated() {
            let personID = p.familyName == nil && p.givenName == nil && p.name == (p.title ?? "") ? nil : try PeopleDirectory.personID(for: p, db)
            try db.cachedStatement(sql: """
                INSERT INTO participants(meeting_num, position, person_id, name, family_name, given_name, party_code, title, role, meeting_day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [num, position, personID, p.name, p.familyName, p.givenName, p.party, p.title, p.role.rawValue, day])
        }
        // Sections of a text or page are read again from its text; only an export's are kept as given.
        if readout.mediaType == StorableReadout.recordMediaType {
            for (position, section) in record.sections.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO sections(meeting_num, position, heading, text) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [num, position, section.heading, section.text])
            }
        }
        for slug in record.topics {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO meeting_topics(meeting_num, topic_slug, meeting_day) VALUES (?, ?, ?)")
                .execute(arguments: [num, slug, day])
        }
        for (position, c) in record.commitments.enumerated() {
            // The sentence is stored only when the readout's text does not hold it (migration 003).
            try db.cachedStatement(sql: """
                INSERT INTO commitments_stored(meeting_num, position, text, text_start, text_length, bound, char_offset)
                SELECT :num, :position, CASE WHEN at > 0 THEN '' ELSE :text END, nullif(at, 0),
                       CASE WHEN at > 0 THEN length(:text) END, :bound, :offset
                FROM (SELECT coalesce((SELECT instr(body, :text) FROM readout_documents WHERE num = :num), 0) AS at)
                """).execute(arguments: ["num": num, "position": position, "text": c.text, "bound": c.by, "offset": c.offset])
            let commitmentID = db.lastInsertedRowID
            for slug in c.topics {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO commitment_topics(commitment_id, topic_slug, meeting_date) VALUES (?, ?, ?)")
                    .execute(arguments: [commitmentID, slug, record.date])
            }
        }
        return replacedID != nil ? .replaced(id: id) : .imported(id: id)
    }

    /// The text to store beside the bytes: `nil` when it is exactly the bytes read as UTF-8 (most plain
    /// readouts), so that the archive keeps one copy and `readout_documents` reads the bytes instead.
    static func storedText(_ readout: StorableReadout) -> String? {
        String(data: readout.content, encoding: .utf8) == readout.text ? nil : readout.text
    }

    /// Refuses a record naming a party or topic the archive does not know (a hand-edited export).
    private static func checkParties(_ record: MeetingRecord, _ db: Database) throws {
        let codes = Set(record.parties + record.participants.compactMap(\.party) + record.commitments.map(\.by).filter { $0 != Commitment.joint })
        let party = try db.cachedStatement(sql: "SELECT count(*) FROM parties WHERE code = ?")
        for code in codes where try (Int.fetchOne(party, arguments: [code]) ?? 0) == 0 {
            throw IngestError.badRecord("unknown party code \(code)")
        }
        let slugs = Set(record.topics + record.commitments.flatMap(\.topics))
        let topic = try db.cachedStatement(sql: "SELECT count(*) FROM topics WHERE slug = ?")
        for slug in slugs where try (Int.fetchOne(topic, arguments: [slug]) ?? 0) == 0 {
            throw IngestError.badRecord("unknown topic \(slug)")
        }
    }

    /// `2025-04-09-jpn-nato`; when taken by another readout, the source hash's first digits are added.
    private static func uniqueID(for record: MeetingRecord, _ db: Database) throws -> String {
        let lookup = try db.cachedStatement(sql: "SELECT count(*) FROM meetings WHERE id = ?")
        func taken(_ id: String) throws -> Bool {
            try (Int.fetchOne(lookup, arguments: [id]) ?? 0) > 0
        }
        if let wanted = record.id, !wanted.isEmpty, try !taken(wanted) { return wanted }
        let base = ([record.date ?? "undated"] + record.parties.map { $0.lowercased() }).joined(separator: "-")
        if try !taken(base) { return base }
        let sha = record.source.sha256
        for length in stride(from: 6, through: sha.count, by: 2) {
            let candidate = base + "-" + sha.prefix(length)
            if try !taken(candidate) { return candidate }
        }
        var n = 2
        while try taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// People are stored once however the readouts write them; aliases make `--person` order- and accent-insensitive.
enum PeopleDirectory {
    /// The folded words of a name, sorted: "RUTTE Mark", "Mark Rutte" and "rutte mark" share it.
    static func alias(_ name: String) -> String {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { TextFolding.key(String($0)) }
            .filter { !$0.isEmpty }.sorted().joined(separator: " ")
    }

    static func personID(for written: Participant, _ db: Database) throws -> Int64 {
        // One person however written: a Japanese-script name of a known office holder joins its Latin form.
        var p = written
        var extraAliases: [String] = []
        if let known = LanguageData.shared.knownPerson(japaneseFamily: written.familyName, given: written.givenName) {
            extraAliases = [alias(written.name), alias(written.familyName ?? "")]
            p = Participant(name: known.given + " " + known.family, familyName: known.family, givenName: written.givenName == nil ? nil : known.given,
                            title: written.title, party: written.party, role: written.role)
        }
        let family = p.familyName ?? p.name
        let key = TextFolding.key(family) + "|" + TextFolding.key(p.givenName ?? "")
        func addAliases(_ aliases: [String], _ id: Int64) throws {
            for a in aliases where !a.isEmpty {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO person_aliases(alias, person_id) VALUES (?, ?)").execute(arguments: [a, id])
            }
        }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM people WHERE name_key = ?"), arguments: [key]) {
            try addAliases(extraAliases, id)
            return id
        }
        // A family name alone joins the one person of that family name already known.
        if p.givenName == nil {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM people WHERE name_key LIKE ? ESCAPE '\\' LIMIT 2",
                                         arguments: [TextFolding.key(family).replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "|%"])
            if ids.count == 1 {
                try addAliases(extraAliases, ids[0])
                return ids[0]
            }
        }
        try db.cachedStatement(sql: "INSERT INTO people(name, family_name, given_name, name_key) VALUES (?, ?, ?, ?)")
            .execute(arguments: [p.name, p.familyName, p.givenName, key])
        let id = db.lastInsertedRowID
        var aliases: Set<String> = [alias(p.name), alias(family)]
        if let given = p.givenName { aliases.insert(alias(given + " " + family)) }
        try addAliases(Array(aliases) + extraAliases, id)
        return id
    }
}
