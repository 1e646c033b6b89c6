import BilatIngest
import Foundation
import GRDB

/// Finds the meeting that a new readout is another readout of, and joins the readout to it.
///
/// Both sides publish a readout of a meeting, often in several languages; the archive keeps one meeting
/// with its readouts, so that counts by pair or year count the meeting once.
enum ReadoutLinker {
    /// The meeting in the archive that `readout` is about: the same date, the same sides, the same
    /// principals as people (whatever the script), and not from the same publisher in the same language
    /// as any of its readouts (that would be a second event of the day, a summit and a dinner). A readout
    /// in the language of one already linked joins only when both publishers are known and differ.
    ///
    /// `nil` for a readout without a date, without two sides, with a principal named by title alone, or
    /// read back from an export (a record brings its own readouts).
    ///
    /// A person's decisions come first: a readout from a place they linked to a meeting (`bilat link`) joins
    /// it, whatever it says; one they took out of a meeting (`bilat unlink`) never joins that meeting again.
    static func meeting(for readout: StorableReadout, _ db: Database) throws -> Int64? {
        let record = readout.record
        guard readout.isOwnText else { return nil }
        let place = readout.path ?? record.source.url ?? record.source.sha256
        if let linked = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT m.num FROM corrections c JOIN meetings m ON m.id = c.meeting_id WHERE c.field = 'link' AND c.item = ? ORDER BY c.id DESC LIMIT 1
            """), arguments: [place]) {
            return linked
        }
        // An unlink names the readout taken out and the readouts it was taken from: neither joins the other again.
        var unlinked = Set<Int64>()
        var apart = Set<String>()
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.item, c.value, m.num FROM corrections c LEFT JOIN meetings m ON m.id = c.meeting_id
            WHERE c.field = 'unlink' AND (c.item = ?1 OR EXISTS (SELECT 1 FROM json_each(c.value) WHERE json_each.value = ?1))
            """), arguments: [place]) {
            if (row["item"] as String) == place {
                if let num = row["num"] as Int64? { unlinked.insert(num) }
                apart.formUnion(CorrectionStore.decodeStrings(row["value"]))
            } else {
                apart.insert(row["item"])
            }
        }
        if !apart.isEmpty {
            for num in try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT meeting_num FROM sources WHERE coalesce(path, url, sha256) IN (\(databaseQuestionMarks(count: apart.count)))
                """), arguments: StatementArguments(Array(apart))) { unlinked.insert(num) }
        }
        guard let date = record.date, record.parties.count >= 2, !record.principals.isEmpty else { return nil }
        var people = Set<Int64>()
        for p in record.principals {
            guard let id = try PeopleDirectory.personID(ifNamed: p, db) else { return nil }
            people.insert(id)
        }
        let info = record.readoutList[0]
        let parties = Array(Set(record.parties))
        let candidates = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT m.num FROM meetings m
            WHERE m.date = ?
              AND (SELECT count(*) FROM meeting_parties WHERE meeting_num = m.num) = ?
              AND NOT EXISTS (SELECT 1 FROM meeting_parties WHERE meeting_num = m.num
                              AND party_code NOT IN (\(databaseQuestionMarks(count: parties.count))))
            ORDER BY m.num
            """), arguments: StatementArguments([date, parties.count] as [DatabaseValueConvertible] + parties))
        for num in candidates where !unlinked.contains(num) {
            let theirs = try Row.fetchAll(db.cachedStatement(sql: "SELECT person_id FROM participants WHERE meeting_num = ? AND role = 'principal'"),
                                          arguments: [num]).map { $0["person_id"] as Int64? }
            guard !theirs.contains(where: { $0 == nil }), Set(theirs.compactMap { $0 }) == people else { continue }
            let publications = try Row.fetchAll(db.cachedStatement(sql: "SELECT language, publisher FROM sources WHERE meeting_num = ?"), arguments: [num])
            let sameEvent = publications.allSatisfy { row in
                guard (row["language"] as String?) == info.language else { return true }
                let publisher: String? = row["publisher"]
                return publisher != nil && info.publisher != nil && publisher != info.publisher
            }
            if sameEvent { return num }
        }
        return nil
    }

    /// Joins `readout` to meeting `num` as its next readout. The meeting keeps the facts it has (the
    /// first-imported readout that states one wins; a different value is a conflict, read from the
    /// readouts' own statements); what none of its readouts stated, this one fills. Participants not yet
    /// named, topics and commitments are added, each knowing this readout.
    static func link(_ readout: StorableReadout, to num: Int64, _ db: Database, now: Date) throws {
        let record = readout.record
        let importedAt = record.source.importedAt ?? Archive.timestamp(now)
        let position = try nextPosition(in: "sources", meeting: num, db)
        let document = try Archive.insertSource(readout, info: record.readoutList[0], importedAt: importedAt, meeting: (num, position),
                                                stated: Archive.statedFacts(record, conflicts: [], first: true), db)
        let source = document.id

        let meeting = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, needs_review FROM meetings WHERE num = ?"), arguments: [num])!
        let reviewText: String = meeting["needs_review"]
        var review = (try? JSONDecoder().decode([String].self, from: Data(reviewText.utf8))) ?? []
        for reason in record.needsReview where !review.contains(reason) { review.append(reason) }
        try db.cachedStatement(sql: """
            UPDATE meetings SET start_time = coalesce(start_time, ?), duration_minutes = coalesce(duration_minutes, ?),
                                format = coalesce(format, ?), venue = coalesce(venue, ?), needs_review = ?
            WHERE num = ?
            """).execute(arguments: [record.startTime, record.durationMinutes, record.format?.rawValue, record.venue,
                             JSONValue.array(review.map(JSONValue.string)).rendered(), num])

        let date: String? = meeting["date"]
        let day = date.flatMap { Int($0.replacingOccurrences(of: "-", with: "")) }
        // Participants already named are not added again; this readout's words for them are kept as evidence.
        let named = try Row.fetchAll(db.cachedStatement(sql: "SELECT position, person_id, party_code, title FROM participants WHERE meeting_num = ?"), arguments: [num])
        var people: [Int64: Int] = [:]
        var byTitle: [String: Int] = [:]
        for row in named {
            if let person = row["person_id"] as Int64? { people[person] = row["position"] } else {
                byTitle["\((row["party_code"] as String?) ?? "")|\((row["title"] as String?) ?? "")"] = row["position"]
            }
        }
        var next = try nextPosition(in: "participants", meeting: num, db)
        var positions: [Int] = []
        for p in record.participants {
            let person = try PeopleDirectory.personID(ifNamed: p, db)
            let key = "\(p.party ?? "")|\(p.title ?? "")"
            if let known = person.flatMap({ people[$0] }) ?? (person == nil ? byTitle[key] : nil) {
                positions.append(known)
                continue
            }
            if let person { people[person] = next } else { byTitle[key] = next }
            try Archive.insertParticipant(p, meeting: num, position: next, source: source, day: day, db)
            positions.append(next)
            next += 1
        }
        for e in record.evidence where !e.field.hasPrefix("commitment:") {
            var item: Int?
            var value: String?
            if e.field.hasPrefix("participant:"), let index = Int(e.field.dropFirst("participant:".count)), positions.indices.contains(index) {
                item = positions[index]
                value = MeetingFacts.statement(of: record.participants[index])
            }
            try Archive.insertEvidence(e, item: item, value: value, meeting: num, source: document, db)
        }
        try Archive.insertTopics(record.topics, meeting: num, day: day, db)
        let commitments = try nextPosition(in: "commitments_stored", meeting: num, db)
        try Archive.insertCommitments(record.commitments, meeting: num, from: commitments,
                                      sources: Array(repeating: document, count: record.commitments.count), day: day, db)
    }

    /// The position after the last of meeting `num`'s rows in `table` (0 for none).
    private static func nextPosition(in table: String, meeting num: Int64, _ db: Database) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(position) FROM \(table) WHERE meeting_num = ?"), arguments: [num]) ?? -1) + 1
    }
}
