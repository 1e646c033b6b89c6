import BilatIngest
import Foundation
import GRDB

/// What importing one readout did.
public enum ImportOutcome: Equatable, Sendable {
    /// A new meeting was stored.
    case imported(id: String)
    /// The readout is of a meeting already in the archive (another side's, or another language's): it
    /// joined that meeting.
    case linked(id: String)
    /// The readout is in the archive already: nothing changed. `sameAs` names where it was first
    /// imported from, when that is another place than this one (the same bytes saved elsewhere).
    case unchanged(id: String, sameAs: String? = nil)
    /// Other bytes were imported before from the same place (the same resolved path, or the same canonical
    /// URL of a web page): that readout was replaced, and its meeting keeps its id.
    case replaced(id: String)
    /// An exported record of a meeting whose own readout (`readout`, its path or file name) is stored:
    /// nothing changed, since the readout's text is worth more than its export.
    case readoutKept(id: String, readout: String)

    public var id: String {
        switch self {
        case .imported(let id), .linked(let id), .unchanged(let id, _), .replaced(let id), .readoutKept(let id, _): return id
        }
    }
}

extension Archive {
    /// Stores a batch of parsed files in one transaction, so that a file that cannot be stored leaves
    /// nothing behind while the others go in.
    ///
    /// The batch is first stored whole, without a savepoint per file: inside a savepoint SQLite copies every
    /// page before changing it (16 KB for each of the ~80 pages a readout touches), which cost more than
    /// the rest of the writing. Should a file fail, that transaction is rolled back and the batch stored
    /// again with each file in its own savepoint.
    func storeBatch(_ batch: [(path: String, result: Result<[StorableReadout], Error>)], now: Date, link: Bool = true) -> [ImportReport] {
        // The whole batch first; should a file fail (or the transaction), nothing of it was written, and each
        // file goes in its own savepoint.
        if let reports = try? write({ db in try Self.store(batch, in: db, now: now, link: link, fileBySavepoint: false) }) {
            return reports
        }
        do {
            return try write { db in try Self.store(batch, in: db, now: now, link: link, fileBySavepoint: true) }
        } catch {
            // The transaction itself failed (disk full, I/O error): nothing of the batch was written.
            let reason = (error as? ArchiveError)?.description ?? "\(error)"
            return batch.map { ImportReport(path: $0.path, outcomes: [], failure: reason) }
        }
    }

    /// Stores each parsed file of `batch` and reports it. Without `fileBySavepoint`, a file that cannot be
    /// stored throws (the caller rolls the batch back); with it, each file is stored in a savepoint of its own
    /// and one that cannot be stored is reported, leaving nothing behind.
    private static func store(_ batch: [(path: String, result: Result<[StorableReadout], Error>)], in db: Database, now: Date,
                              link: Bool, fileBySavepoint: Bool) throws -> [ImportReport] {
        func failure(_ path: String, _ error: Error) -> ImportReport {
            let reason = (error as? IngestError)?.description ?? (error as? ArchiveError)?.description ?? "\(error)"
            return ImportReport(path: path, outcomes: [], failure: reason)
        }
        var reports: [ImportReport] = []
        for (path, result) in batch {
            switch result {
            case .failure(let error):
                reports.append(failure(path, error))
            case .success(let readouts) where !fileBySavepoint:
                reports.append(ImportReport(path: path, outcomes: try readouts.map { try store($0, in: db, now: now, link: link) }, failure: nil))
            case .success(let readouts):
                do {
                    var outcomes: [ImportOutcome] = []
                    try db.inSavepoint {
                        outcomes = try readouts.map { try store($0, in: db, now: now, link: link) }
                        return .commit
                    }
                    reports.append(ImportReport(path: path, outcomes: outcomes, failure: nil))
                } catch let error as DatabaseError where error.endsTheTransaction {
                    throw error
                } catch {
                    reports.append(failure(path, error))
                }
            }
        }
        return reports
    }

    /// Stores every readout of one file in a single transaction.
    public func storeAll(_ readouts: [StorableReadout], now: Date = Date()) throws -> [ImportOutcome] {
        try write { db in try readouts.map { try Self.store($0, in: db, now: now) } }
    }
}

extension Archive {
    /// Stores one readout in its own transaction: all of it, or (on any error) nothing.
    ///
    /// Identical bytes (by SHA-256), wherever they now lie, are `unchanged`. Other bytes from the place
    /// of a stored readout (its resolved path, or a web page's canonical URL) replace that readout, and its
    /// meeting keeps its id. A base name alone never identifies a readout: files that share one in
    /// different folders are different readouts. A readout of a meeting already in the archive joins it
    /// (see ``ReadoutLinker``) unless `link` is false.
    @discardableResult
    public func store(_ readout: StorableReadout, now: Date = Date(), link: Bool = true) throws -> ImportOutcome {
        try write { db in try Self.store(readout, in: db, now: now, link: link) }
    }

    static func store(_ readout: StorableReadout, in db: Database, now: Date, link: Bool = true) throws -> ImportOutcome {
        if let same = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.id AS source_id, s.path, s.file_name, m.id AS meeting_id
            FROM sources s JOIN meetings m ON m.num = s.meeting_num WHERE s.sha256 = ?
            """), arguments: [readout.record.source.sha256]) {
            let storedPath: String? = same["path"]
            if storedPath == nil, let path = readout.path {
                // Stored before places were recorded (schema 4 and older): it takes the place it is found at.
                try db.cachedStatement(sql: "UPDATE sources SET path = ? WHERE id = ?").execute(arguments: [path, same["source_id"] as Int64])
            }
            let other = storedPath ?? same["file_name"] as String
            // An export of a meeting already here may bring a person's corrections the archive lacks.
            if readout.mediaType == StorableReadout.recordMediaType { try CorrectionStore.merge(same["meeting_id"], from: readout.record, db) }
            return .unchanged(id: same["meeting_id"], sameAs: readout.path == nil || storedPath == readout.path ? nil : other)
        }
        if readout.mediaType == StorableReadout.recordMediaType, let id = readout.record.id,
           let kept = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(s.path, s.file_name) AS place FROM meetings m JOIN sources s ON s.meeting_num = m.num
            WHERE m.id = ? AND s.media_type NOT IN ('application/json', 'application/x-bilat-readout') ORDER BY s.position LIMIT 1
            """), arguments: [id]) {
            // The person's corrections the export carries are kept all the same, where the meeting has none of its own.
            try CorrectionStore.merge(id, from: readout.record, db)
            return .readoutKept(id: id, readout: kept["place"])
        }
        var replacedID: String?
        // A new version of one of several readouts of a meeting goes back to that meeting: a page updated by
        // its publisher is still about the same meeting (where its facts now differ, they are conflicts).
        var previousMeeting: Int64?
        if let old = try Self.readoutAtThePlace(of: readout, db) {
            replacedID = old.meetingID
            try MeetingRebuild.remove(source: old.sourceID, db, now: now)
            try CorrectionStore.apply(old.meetingID, db)
            previousMeeting = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [old.meetingID])
        }
        try checkParties(readout.record, db)
        // A record's corrections hold what had been read: its parties and topics must be known too.
        if !readout.record.corrections.isEmpty { try checkParties(try readout.record.asRead(), db) }
        if link, let meeting = try previousMeeting ?? ReadoutLinker.meeting(for: readout, db) {
            let id = try String.fetchOne(db, sql: "SELECT id FROM meetings WHERE num = ?", arguments: [meeting])!
            // The readout adds to what was read; the person's corrections go back on over it.
            try CorrectionStore.unapply(id, db)
            try ReadoutLinker.link(readout, to: meeting, db, now: now)
            // The only readout of a meeting, changed, may now join another: the person's corrections come along.
            if let replacedID, replacedID != id { _ = try CorrectionStore.move(from: replacedID, to: id, db) }
            try CorrectionStore.apply(id, db)
            return replacedID != nil ? .replaced(id: id) : .linked(id: id)
        }
        let id = try storeMeeting(readout, id: replacedID, db, now: now)
        if readout.mediaType == StorableReadout.recordMediaType { try CorrectionStore.merge(id, from: readout.record, db) }
        try CorrectionStore.apply(id, db)
        return replacedID != nil ? .replaced(id: id) : .imported(id: id)
    }

    /// Stores `readout` as a new meeting (with `id` where it is free, or a new one) and returns its id. A
    /// record read back from an export brings all of its readouts: the first holds the record, the others are
    /// listed; its facts are stored as read, the person's corrections apart (``CorrectionStore``). The
    /// meeting's corrections are not applied to the new row: the caller applies them.
    @discardableResult
    static func storeMeeting(_ readout: StorableReadout, id wanted: String?, _ db: Database, now: Date) throws -> String {
        var record = readout.mediaType == StorableReadout.recordMediaType ? try readout.record.asRead() : readout.record
        let importedAt = record.source.importedAt ?? Self.timestamp(now)
        let readouts = record.readoutList
        // What each readout states of the meeting: the record's facts are the first readout's, save where
        // the record lists other readouts' values as conflicts.
        let conflicting = Dictionary(grouping: record.conflicts.flatMap { c in c.values.map { (c.field, $0) } }, by: { $0.1.readout })
        let (sourceID, body) = try insertSource(readout, info: readouts[0], importedAt: importedAt,
                                                stated: statedFacts(record, conflicts: conflicting[0] ?? [], first: true), db)
        if let wanted { record.id = wanted }
        let id = try uniqueID(for: record, db)
        record.id = id
        try CorrectionStore.detach(id, db)
        // The reasons of corrections whose readouts changed are not stored: they are read from the corrections.
        let needsReview = JSONValue.array(record.needsReview.filter { !$0.hasPrefix(ReviewReasons.changed) }.map(JSONValue.string)).rendered()
        try db.cachedStatement(sql: """
            INSERT INTO meetings(id, source_id, title, language, date, start_time, duration_minutes, format, venue, needs_review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, sourceID, record.title, record.language, record.date, record.startTime,
                             record.durationMinutes, record.format?.rawValue, record.venue, needsReview])
        let num = db.lastInsertedRowID
        try db.cachedStatement(sql: "UPDATE sources SET meeting_num = ?, position = 0 WHERE id = ?").execute(arguments: [num, sourceID])
        var sources = [0: sourceID]
        var bodies = [sourceID: body]
        let stored = try db.cachedStatement(sql: "SELECT count(*) FROM sources WHERE sha256 = ?")
        for (index, info) in readouts.enumerated().dropFirst() {
            // A listed readout that the archive holds already (its bytes imported before) is not listed twice.
            guard try Int.fetchOne(stored, arguments: [info.sha256]) == 0 else { continue }
            let reference = StorableReadout(record: record, content: Data(), text: "", mediaType: StorableReadout.referenceMediaType)
            let other = try insertSource(reference, info: info, importedAt: info.importedAt ?? importedAt, meeting: (num, sources.count),
                                         stated: statedFacts(record, conflicts: conflicting[index] ?? [], first: false), db)
            sources[index] = other.id
            bodies[other.id] = other.body
        }
        /// The readout that evidence names, as its row.
        func source(_ readout: Int) -> Int64 { sources[readout] ?? sourceID }
        /// That readout's row and text, where the words of its evidence and commitments are looked for.
        func document(_ readout: Int) -> (id: Int64, body: String) { let id = source(readout); return (id, bodies[id] ?? "") }
        // The date as YYYYMMDD, copied into sides, topics and participants for their (key, day) indexes (migration 004).
        let day = record.date.flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
        for (position, code) in record.parties.enumerated() {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO meeting_parties(meeting_num, position, party_code, meeting_day) VALUES (?, ?, ?, ?)
                """).execute(arguments: [num, position, code, day])
        }
        // Each participant and commitment is of the readout its first evidence names (a record's), else the first.
        var firstEvidence: [String: Int] = [:]
        for e in record.evidence where firstEvidence[e.field] == nil { firstEvidence[e.field] = e.readout }
        for (position, p) in record.participants.enumerated() {
            try insertParticipant(p, meeting: num, position: position, source: source(firstEvidence["participant:\(position)"] ?? 0), day: day, db)
        }
        // A participant's evidence holds what its readout states of them: the record's own value, or the one its
        // conflicts give that readout (a conflict of a readout without words is kept without them).
        var participantConflicts: [String: [Int: String]] = [:]
        for c in record.conflicts where c.field.hasPrefix("participant:") {
            for v in c.values { if case .string(let text) = v.value { participantConflicts[c.field, default: [:]][v.readout] = text } }
        }
        var stated = Set<String>()
        for e in record.evidence where !e.field.hasPrefix("commitment:") {
            var value: String?
            if e.field.hasPrefix("participant:"), let index = Int(e.field.dropFirst("participant:".count)), record.participants.indices.contains(index) {
                value = participantConflicts[e.field]?[e.readout] ?? MeetingFacts.statement(of: record.participants[index])
                stated.insert("\(e.field)|\(e.readout)")
            }
            try insertEvidence(e, item: nil, value: value, meeting: num, source: document(e.readout), db)
        }
        for (field, values) in participantConflicts {
            for (readout, value) in values.sorted(by: { $0.key < $1.key }) where !stated.contains("\(field)|\(readout)") {
                try insertEvidence(Evidence(field: field, readout: readout, text: ""), item: nil, value: value, meeting: num,
                                   source: document(readout), db)
            }
        }
        // A text's or page's sections as the places of their lines in its text; an export's as given.
        try SectionStore.insert(record.sections, meeting: num, body: readout.isOwnText ? readout.text : nil, db)
        try insertTopics(record.topics, meeting: num, day: day, db)
        try insertCommitments(record.commitments, meeting: num, from: 0, sources: record.commitments.indices.map {
            document(firstEvidence["commitment:\($0)"] ?? 0)
        }, day: day, db)
        return id
    }

    /// Stores the words `e` of readout `source` (its row, and its text `body`) for a fact of meeting `num`; a
    /// participant's evidence names it by its position in the meeting (`item`, or the index the evidence
    /// gives) and holds what the readout states of them (`value`).
    ///
    /// Every statement of the import inserts one row by its values: a statement that inserts rows it selects
    /// (or fires a trigger) makes SQLite copy each page it changes into a statement journal first, which cost
    /// more than the rest of the writing (schema 12).
    static func insertEvidence(_ e: Evidence, item: Int?, value: String?, meeting num: Int64, source: (id: Int64, body: String),
                               _ db: Database) throws {
        let parts = e.field.split(separator: ":", maxSplits: 1)
        let field = String(parts[0])
        guard field == "participant" || MeetingFacts.fields.contains(field) else { return }
        // The words as their place in the readout's text, where it holds them.
        let place = e.text.isEmpty ? nil : TextPlace.of(e.text, in: source.body)
        try db.cachedStatement(sql: """
            INSERT INTO evidence(meeting_num, source_id, field, item, text, text_start, text_length, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [num, source.id, field, item ?? (parts.count > 1 ? Int(parts[1]) : nil), place == nil ? e.text : "",
                                     place?.start, place?.length, value])
    }

    /// Inserts the row of one readout (its bytes, where it came from, what it is as a publication, what it
    /// states of the meeting) and its text into the search indexes; `meeting` is the meeting it is part of
    /// and its place there, when known (a new meeting's first readout is inserted before its meeting).
    /// Returns the row and the text as `readout_documents` reads it back (nothing for a readout a record only
    /// lists), where the words of facts are looked for.
    static func insertSource(_ readout: StorableReadout, info: ReadoutInfo, importedAt: String, meeting: (num: Int64, position: Int)? = nil,
                             stated: [String: DatabaseValueConvertible?], _ db: Database) throws -> (id: Int64, body: String) {
        let text = readout.mediaType == StorableReadout.referenceMediaType ? nil : storedText(readout)
        let values: [DatabaseValueConvertible?] = [
            info.file, info.path ?? readout.path, info.sha256, info.url, readout.mediaType, readout.content, text, importedAt,
            info.language, info.title, info.publisher, info.published, meeting?.num, meeting?.position,
        ] + MeetingFacts.fields.map { stated[$0] ?? nil }
        try db.cachedStatement(sql: """
            INSERT INTO sources(file_name, path, sha256, url, media_type, content, text, imported_at, language, title, publisher, published,
                                meeting_num, position, \(MeetingFacts.fields.map { "stated_\($0)" }.joined(separator: ", ")))
            VALUES (\(databaseQuestionMarks(count: 14 + MeetingFacts.fields.count)))
            """).execute(arguments: StatementArguments(values))
        let id = db.lastInsertedRowID
        // The search indexes hold what `readout_documents` gives (`coalesce(text, CAST(content AS TEXT))`), byte
        // for byte: the triggers that take a deleted readout out of them read it there.
        let title = info.title ?? ""
        let body = text ?? String(decoding: readout.content, as: UTF8.self)
        try db.cachedStatement(sql: "INSERT INTO readout_fts(rowid, title, body) VALUES (?, ?, ?)").execute(arguments: [id, title, body])
        if info.language == "ja" {
            try db.cachedStatement(sql: "INSERT INTO readout_trigram(rowid, title, body) VALUES (?, ?, ?)").execute(arguments: [id, title, body])
        }
        return (id, body)
    }

    /// What a readout states of the meeting: for the first readout of a record, the record's facts (a
    /// conflict's value for this readout where the record lists one); for the others, their conflict values
    /// alone (a record does not say what else they state). Keyed by ``MeetingFacts/fields``.
    static func statedFacts(_ record: MeetingRecord, conflicts: [(String, FactConflict.StatedValue)], first: Bool) -> [String: DatabaseValueConvertible?] {
        var facts: [String: DatabaseValueConvertible?] = first
            ? ["date": record.date, "start_time": record.startTime, "duration_minutes": record.durationMinutes,
               "format": record.format?.rawValue, "venue": record.venue]
            : [:]
        for (field, stated) in conflicts where MeetingFacts.fields.contains(field) {
            switch stated.value {
            case .int(let number): facts[field] = number
            case .string(let text): facts[field] = text
            }
        }
        return facts
    }

    static func insertParticipant(_ p: Participant, meeting num: Int64, position: Int, source: Int64, day: Int?, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO participants(meeting_num, position, person_id, name, family_name, given_name, party_code, title, role, meeting_day, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [num, position, try PeopleDirectory.personID(ifNamed: p, db), p.name, p.familyName, p.givenName,
                             p.party, p.title, p.role.rawValue, day, source])
    }

    static func insertTopics(_ topics: [String], meeting num: Int64, day: Int?, _ db: Database) throws {
        for topic in try topicNumbers(topics, db) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO meeting_topics_stored(meeting_num, topic, meeting_day) VALUES (?, ?, ?)")
                .execute(arguments: [num, topic, day])
        }
    }

    /// The numbers of the topics `slugs` names, in order; a slug the vocabulary lacks has none.
    private static func topicNumbers(_ slugs: [String], _ db: Database) throws -> [Int64] {
        let number = try db.cachedStatement(sql: "SELECT num FROM topics WHERE slug = ?")
        return try slugs.compactMap { try Int64.fetchOne(number, arguments: [$0]) }
    }

    /// Stores commitments, each of the readout `sources[i]` (its row, and its text), numbered from `first`
    /// among the meeting's.
    static func insertCommitments(_ commitments: [Commitment], meeting num: Int64, from first: Int, sources: [(id: Int64, body: String)],
                                  day: Int?, _ db: Database) throws {
        for (index, c) in commitments.enumerated() {
            let source = sources[index]
            // The sentence is stored only when the readout's text does not hold it (migration 003).
            let place = TextPlace.of(c.text, in: source.body)
            try db.cachedStatement(sql: """
                INSERT INTO commitments_stored(meeting_num, position, text, text_start, text_length, bound, char_offset, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [num, first + index, place == nil ? c.text : "", place?.start, place?.length, c.by, c.offset, source.id])
            let commitmentID = db.lastInsertedRowID
            // The search index reads what the `commitments` view gives: the sentence.
            try db.cachedStatement(sql: "INSERT INTO commitment_fts(rowid, text) VALUES (?, ?)").execute(arguments: [commitmentID, c.text])
            for topic in try topicNumbers(c.topics, db) {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO commitment_topics_stored(commitment_id, topic, meeting_day) VALUES (?, ?, ?)")
                    .execute(arguments: [commitmentID, topic, day])
            }
        }
    }

    /// The stored readout that `readout` is a new version of: the one from the same resolved path, the one
    /// of a web page with the same canonical URL, or — for a record read back from an export — the record
    /// of the same meeting id. `nil` when it comes from a new place (or from standard input).
    private static func readoutAtThePlace(of readout: StorableReadout, _ db: Database) throws -> (sourceID: Int64, meetingID: String)? {
        let row: Row?
        if let path = readout.path {
            row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT s.id, m.id AS meeting_id FROM sources s JOIN meetings m ON m.num = s.meeting_num
                WHERE s.path = ? AND s.media_type NOT IN ('application/json', 'application/x-bilat-readout') ORDER BY s.id DESC LIMIT 1
                """), arguments: [path])
        } else if readout.mediaType == StorableReadout.recordMediaType, let id = readout.record.id {
            row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT s.id, m.id AS meeting_id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE m.id = ?
                """), arguments: [id])
        } else {
            row = nil
        }
        if let row { return (row["id"], row["meeting_id"]) }
        if readout.mediaType == "text/html", let url = readout.record.source.url, HTMLReadout.namesOnePage(url) {
            if let page = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT s.id, m.id AS meeting_id FROM sources s JOIN meetings m ON m.num = s.meeting_num
                WHERE s.url = ? AND s.media_type = 'text/html' ORDER BY s.id DESC LIMIT 1
                """), arguments: [url]) {
                return (page["id"], page["meeting_id"])
            }
        }
        return nil
    }

    /// The text to store beside the bytes: `nil` when its UTF-8 is exactly the bytes (most plain readouts),
    /// so that the archive keeps one copy and `readout_documents` reads the bytes instead. Compared byte for
    /// byte: Strings compare equal across Unicode normalisation forms, and the places of facts and sections
    /// count in the text as read.
    static func storedText(_ readout: StorableReadout) -> String? {
        readout.content.elementsEqual(readout.text.utf8) ? nil : readout.text
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

    /// `date` as an ISO 8601 UTC timestamp ("2026-12-03T10:41:00Z").
    static func timestamp(_ date: Date) -> String {
        // By hand: making an ISO8601DateFormatter for each readout was a tenth of an import's writing time.
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}

/// People are stored once however the readouts write them; aliases make `--person` order- and accent-insensitive.
enum PeopleDirectory {
    /// The folded words of a name, sorted: "RUTTE Mark", "Mark Rutte" and "rutte mark" share it.
    static func alias(_ name: String) -> String {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { TextFolding.key(String($0)) }
            .filter { !$0.isEmpty }.sorted().joined(separator: " ")
    }

    /// The person `p` is, or `nil` for someone named by title alone ("The Prime Minister").
    static func personID(ifNamed p: Participant, _ db: Database) throws -> Int64? {
        p.familyName == nil && p.givenName == nil && p.name == (p.title ?? "") ? nil : try personID(for: p, db)
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
                                         arguments: [SearchSyntax.likeEscaped(TextFolding.key(family)) + "|%"])
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
