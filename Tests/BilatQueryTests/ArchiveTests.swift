import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery

/// A fresh archive in a temporary folder, removed when the test ends.
final class TemporaryArchive {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("archive.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open() throws -> Archive { try Archive.open(path: path, create: true) }
}

let aliceText = """
    Foreign Ministers' Meeting
    March 4, 2024

    On March 4, commencing at 3:00 p.m. for approximately 50 minutes, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with H.E. Ms. Élodie Marchand, Minister for Foreign Affairs of the French Republic.
    1. The two ministers agreed to strengthen cooperation on cyber defence in the Indo-Pacific.
    2. They confirmed their support for Ukraine and for the Republic of Korea's security.
    """

let bobText = """
    Telephone Talk
    August 2, 2023

    On August 2, Mr. SATO Akira, Minister for Foreign Affairs of Japan, had a telephone conversation with Mr. Ben Carter, Foreign Minister of Canada.
    The two ministers agreed to deepen trade and investment ties.
    """

/// `text` as a readout file would give it: `file` is its path (`folder/name.txt`), whose last part is its base name.
func storable(_ text: String, file: String) throws -> StorableReadout {
    let bytes = Data(text.utf8)
    let name = URL(fileURLWithPath: file).lastPathComponent
    return StorableReadout(parsed: try ReadoutParser().parse(ReadoutInput(bytes: bytes, fileName: name)), content: bytes, path: "/readouts/" + file)
}

@Suite struct ArchiveTests {
    @Test func importIsIdempotentAndReplacesChangedFiles() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        let first = try archive.store(try storable(aliceText, file: "a.txt"))
        #expect(first == .imported(id: "2024-03-04-jpn-fra"))
        #expect(try archive.store(try storable(aliceText, file: "a.txt")) == .unchanged(id: "2024-03-04-jpn-fra"))
        let changed = aliceText.replacingOccurrences(of: "50 minutes", with: "55 minutes")
        #expect(try archive.store(try storable(changed, file: "a.txt")) == .replaced(id: "2024-03-04-jpn-fra"))
        #expect(try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra").durationMinutes == 55)
        // Sections are read again from the stored text: the same as the parser gave.
        let parsed = try ReadoutParser().parse(ReadoutInput(bytes: Data(changed.utf8), fileName: "a.txt")).record
        #expect(try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra").sections == parsed.sections)
        #expect(parsed.sections.count == 1 && parsed.sections[0].text.contains("cyber defence"))
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).count == 1)
        #expect(try ArchiveCheck.run(archive).ok)
    }

    /// A readout is known by its place, never by its base name: two different readouts both saved as
    /// `readout.txt` in two folders are two meetings, each with its path; the same bytes in a third
    /// place are the readout already stored; a change at one place replaces that readout only.
    @Test func filesThatShareABaseNameAreDifferentReadouts() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        #expect(try archive.store(try storable(aliceText, file: "a/readout.txt")) == .imported(id: "2024-03-04-jpn-fra"))
        #expect(try archive.store(try storable(bobText, file: "b/readout.txt")) == .imported(id: "2023-08-02-jpn-can"))
        #expect(try archive.store(try storable(aliceText, file: "c/copy.txt"))
                == .unchanged(id: "2024-03-04-jpn-fra", sameAs: "/readouts/a/readout.txt"))
        #expect(try archive.store(try storable(aliceText, file: "a/readout.txt")) == .unchanged(id: "2024-03-04-jpn-fra"))
        let changed = bobText.replacingOccurrences(of: "trade and investment", with: "energy")
        #expect(try archive.store(try storable(changed, file: "b/readout.txt")) == .replaced(id: "2023-08-02-jpn-can"))
        let rows = try RawSQL.run(archive, sql: "SELECT m.id, s.file_name, s.path FROM meetings m JOIN sources s ON s.id = m.source_id ORDER BY m.id").rows
        #expect(rows == [[.string("2023-08-02-jpn-can"), .string("readout.txt"), .string("/readouts/b/readout.txt")],
                         [.string("2024-03-04-jpn-fra"), .string("readout.txt"), .string("/readouts/a/readout.txt")]])
        #expect(try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra").durationMinutes == 50)
        // Standard input has no place: new bytes from it are a new readout, never a replacement.
        var piped = try storable(changed.replacingOccurrences(of: "energy", with: "fisheries"), file: "-")
        piped.path = nil
        #expect(try archive.store(piped) == .imported(id: "2023-08-02-jpn-can-" + piped.record.source.sha256.prefix(6)))
        #expect(try ArchiveCheck.run(archive).ok)
    }

    /// An exported record is known by its readout's SHA-256, and then by its meeting's id. Read back into
    /// the archive that holds its meeting's readout, it changes nothing: the readout's verbatim text is
    /// worth more than its export, even when the export was of another version of the readout. Into an
    /// archive of records, the record of another version of the readout replaces the earlier one.
    @Test func anExportNeverReplacesTheReadoutItCameFrom() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a/readout.txt"))
        var exported = try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra")
        #expect(try archive.store(StorableReadout(exported: exported)) == .unchanged(id: "2024-03-04-jpn-fra"))
        exported.durationMinutes = 40
        exported.source.sha256 = String(repeating: "e", count: 64)
        #expect(try archive.store(StorableReadout(exported: exported)) == .readoutKept(id: "2024-03-04-jpn-fra", readout: "/readouts/a/readout.txt"))
        #expect(try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra").durationMinutes == 50)
        #expect(try MeetingQuery.text(archive, id: "2024-03-04-jpn-fra") == aliceText)

        let copy = try TemporaryArchive().open()
        #expect(try copy.store(StorableReadout(exported: exported)) == .imported(id: "2024-03-04-jpn-fra"))
        exported.durationMinutes = 45
        exported.source.sha256 = String(repeating: "f", count: 64)
        #expect(try copy.store(StorableReadout(exported: exported)) == .replaced(id: "2024-03-04-jpn-fra"))
        #expect(try MeetingQuery.record(copy, id: "2024-03-04-jpn-fra").durationMinutes == 45)
        #expect(try MeetingQuery.list(copy, filter: MeetingFilter()).count == 1)
    }

    /// A text that holds no meeting states no format, and the archive keeps it so.
    @Test func aMeetingWithoutFormatIsStoredAsSuch() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        var readout = try storable(bobText, file: "b.txt")
        readout.record.format = nil
        let id = try archive.store(readout).id
        #expect(try MeetingQuery.record(archive, id: id).format == nil)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).map(\.format) == [nil])
        let json = try JSONSerialization.jsonObject(with: Data(try MeetingQuery.record(archive, id: id).jsonString().utf8)) as? [String: Any]
        #expect(json?["format"] is NSNull)
    }

    /// A commitment's sentence is stored once: as a place in the readout's text when the text holds it,
    /// else in its own row (a record whose text was edited by hand); both read back the same.
    @Test func commitmentSentencesAreStoredOnce() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        var readout = try storable(aliceText, file: "a.txt")
        let written = readout.record.commitments.map(\.text)
        #expect(written.count == 2)
        readout.record.commitments[1].text = "A sentence the readout does not hold."
        let id = try archive.store(readout).id
        let stored = try RawSQL.run(archive, sql: "SELECT text = '', text_start IS NOT NULL FROM commitments_stored ORDER BY position").rows
        #expect(stored == [[.int(1), .int(1)], [.int(0), .int(0)]])
        #expect(try MeetingQuery.record(archive, id: id).commitments.map(\.text) == [written[0], "A sentence the readout does not hold."])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "readout")).count == 1)
        #expect(try ArchiveCheck.run(archive).ok)
    }

    /// A list filtered by party or by one topic reads that filter's (key, day) index newest first: it gives
    /// the same meetings in the same order as the general statement, with date bounds, other filters,
    /// limits and meetings without a date (last).
    @Test func partyAndTopicListsReadTheirIndexNewestFirst() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        // The same meeting a year later, and one whose text gives no year (date unknown).
        try archive.store(try storable(bobText.replacingOccurrences(of: "2023", with: "2024"), file: "c.txt"))
        try archive.store(try storable(bobText.replacingOccurrences(of: "August 2, 2023", with: "Tuesday"), file: "d.txt"))
        let statement = try archive.read { db in try MeetingQuery.listStatement(MeetingFilter(party: "JPN", limit: 2), db).0 }
        #expect(statement.contains("FROM meeting_parties d") && statement.contains("ORDER BY d.meeting_day DESC"))
        let plan = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN " + (try MeetingQuery.listSQL(archive, filter: MeetingFilter(party: "JPN", limit: 2))))
        #expect(plan.rows.map { $0.map { $0.rendered() }.joined(separator: " ") }.joined().contains("meeting_parties_party"))
        func ids(_ f: MeetingFilter) throws -> [String] { try MeetingQuery.list(archive, filter: f).map(\.id) }
        let all = try ids(MeetingFilter())
        #expect(all.count == 4)
        #expect(try ids(MeetingFilter(party: "JPN")) == all)
        #expect(try ids(MeetingFilter(party: "JPN", limit: 2)) == Array(all.prefix(2)))
        #expect(try ids(MeetingFilter(party: "CAN")) == all.filter { $0 != "2024-03-04-jpn-fra" })
        #expect(try ids(MeetingFilter(topics: ["trade-investment"])) == all.filter { $0 != "2024-03-04-jpn-fra" })
        #expect(try ids(MeetingFilter(party: "JPN", topics: ["trade-investment"], limit: 1)) == ["2024-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(from: "2024", party: "CAN")) == ["2024-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(from: "2023-08", to: "2023-08-02", party: "JPN")) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(to: "2024-03", topics: ["trade-investment"])) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(person: "marchand", party: "JPN")) == ["2024-03-04-jpn-fra"])
        // A name that names one person reads that person's (person, day) index.
        let byPerson = try archive.read { db in try MeetingQuery.listStatement(MeetingFilter(person: "Akira Sato"), db).0 }
        #expect(byPerson.contains("FROM participants d"))
        #expect(try ids(MeetingFilter(person: "Akira Sato")) == all)
        #expect(try ids(MeetingFilter(person: "sato", party: "CAN", limit: 2)) == Array(all.filter { $0 != "2024-03-04-jpn-fra" }.prefix(2)))
        #expect(try ids(MeetingFilter(to: "2023", person: "SATO Akira")) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(person: "nobody at all")) == [])
        // The meeting without a date comes last, as in the unfiltered list.
        let byParty = try MeetingQuery.list(archive, filter: MeetingFilter(party: "CAN"))
        #expect(byParty.last?.date == nil && byParty.dropLast().allSatisfy { $0.date != nil })
        // Commitments of one party are read from the same index: the general order, filtered.
        let commitmentStatement = try archive.read { db in try CommitmentQuery.statement(CommitmentFilter(meetings: MeetingFilter(party: "CAN"), limit: 2), db).0 }
        #expect(commitmentStatement.contains("FROM meeting_parties d") && commitmentStatement.contains("ORDER BY d.meeting_day DESC"))
        func sentences(_ f: CommitmentFilter) throws -> [String] { try CommitmentQuery.list(archive, filter: f).map { "\($0.meetingID) \($0.text)" } }
        let every = try sentences(CommitmentFilter())
        let canadian = every.filter { !$0.hasPrefix("2024-03-04-jpn-fra") }
        #expect(every.count >= 4 && !canadian.isEmpty)
        #expect(try sentences(CommitmentFilter(meetings: MeetingFilter(party: "CAN"))) == canadian)
        #expect(try sentences(CommitmentFilter(meetings: MeetingFilter(party: "JPN"), limit: 2)) == Array(every.prefix(2)))
        #expect(try sentences(CommitmentFilter(meetings: MeetingFilter(from: "2024", party: "Canada"))) == canadian.filter { $0.hasPrefix("2024-08-02") })
        #expect(try sentences(CommitmentFilter(meetings: MeetingFilter(party: "CAN"), topics: ["trade-investment", "energy"]))
            == (try sentences(CommitmentFilter(topics: ["trade-investment", "energy"]))).filter { !$0.hasPrefix("2024-03-04-jpn-fra") })
    }

    @Test func theSameDateAndPartiesGetDistinctIDs() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        let a = try archive.store(try storable(aliceText, file: "a.txt"))
        let b = try archive.store(try storable(aliceText + "\nAn extra closing line.", file: "b.txt"))
        #expect(a.id == "2024-03-04-jpn-fra")
        #expect(b.id.hasPrefix("2024-03-04-jpn-fra-") && b.id != a.id)
    }

    @Test func filtersCombine() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        func ids(_ f: MeetingFilter) throws -> [String] { try MeetingQuery.list(archive, filter: f).map(\.id) }
        #expect(try ids(MeetingFilter()) == ["2024-03-04-jpn-fra", "2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(person: "marchand")) == ["2024-03-04-jpn-fra"])
        #expect(try ids(MeetingFilter(person: "MARCHAND Elodie")) == ["2024-03-04-jpn-fra"])
        #expect(try ids(MeetingFilter(person: "Akira Sato")) == ["2024-03-04-jpn-fra", "2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(party: "Canada")) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(party: "Japon")) == ["2024-03-04-jpn-fra", "2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(party: "日本", topics: ["trade-investment"])) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(from: "2024")) == ["2024-03-04-jpn-fra"])
        #expect(try ids(MeetingFilter(to: "2023-08")) == ["2023-08-02-jpn-can"])
        #expect(try ids(MeetingFilter(from: "2023-08-03", to: "2024-03-03")) == [])
        #expect(throws: ArchiveError.self) { try ids(MeetingFilter(party: "Atlantis")) }
        #expect(throws: ArchiveError.self) { try ids(MeetingFilter(topics: ["no-such-topic"])) }
    }

    @Test func commitmentsByTopicSideAndText() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        let cyber = try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["cybersecurity"]))
        #expect(cyber.map(\.meetingID) == ["2024-03-04-jpn-fra"])
        #expect(cyber.first?.text.hasPrefix("The two ministers agreed to strengthen cooperation on cyber defence") == true)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(by: "joint")).count == 3)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "investment")).map(\.meetingID) == ["2023-08-02-jpn-can"])
        // One topic is read from its (topic, date) index: the other filters still apply, newest first.
        let trade = CommitmentFilter(meetings: MeetingFilter(party: "CAN"), topics: ["trade-investment"])
        #expect(try CommitmentQuery.list(archive, filter: trade).map(\.meetingID) == ["2023-08-02-jpn-can"])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(meetings: MeetingFilter(party: "FRA"), topics: ["trade-investment"])).isEmpty)
        let joint = try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["cybersecurity", "trade-investment"], by: "joint"))
        #expect(joint.map(\.meetingID) == ["2024-03-04-jpn-fra", "2023-08-02-jpn-can"])
    }

    /// Alice's and Bob's readouts, and each again another year (Bob's in 2024, Alice's in 2022): four
    /// meetings, with the folder that holds their archive (removed when it goes).
    func fourMeetings() throws -> (TemporaryArchive, Archive) {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        try archive.store(try storable(bobText.replacingOccurrences(of: "2023", with: "2024"), file: "c.txt"))
        try archive.store(try storable(aliceText.replacingOccurrences(of: "2024", with: "2022"), file: "d.txt"))
        return (t, archive)
    }

    @Test func commitmentFiltersCombineAsEachAlone() throws {
        let (t, archive) = try fourMeetings()
        defer { withExtendedLifetime(t) {} }
        // A second Akira: "akira" names two people.
        try archive.store(try storable(bobText.replacingOccurrences(of: "Ben Carter", with: "Akira Carter").replacingOccurrences(of: "2023", with: "2021"), file: "e.txt"))
        #expect(try PersonMatch.find(archive, name: "akira").ids.count == 2)
        func rows(_ f: CommitmentFilter) throws -> [String] { try CommitmentQuery.list(archive, filter: f).map { "\($0.meetingID) \($0.text)" } }
        let every = try rows(CommitmentFilter())
        let alone = [CommitmentFilter(meetings: MeetingFilter(person: "Akira Sato")), CommitmentFilter(meetings: MeetingFilter(person: "marchand")),
                     CommitmentFilter(meetings: MeetingFilter(person: "akira")),
                     CommitmentFilter(meetings: MeetingFilter(party: "CAN")), CommitmentFilter(meetings: MeetingFilter(from: "2023", to: "2024-03")),
                     CommitmentFilter(topics: ["trade-investment"]), CommitmentFilter(topics: ["cybersecurity", "trade-investment"]),
                     CommitmentFilter(by: "joint"), CommitmentFilter(match: "ministers"), CommitmentFilter(match: "cyber OR trade")]
        // Two filters of different kinds together list the rows each lists alone, in the order of the whole
        // listing, whichever statement they take; the count is those rows, and a limit their first ones.
        var pairs = 0, nonEmpty = 0
        for (i, a) in alone.enumerated() {
            for b in alone[(i + 1)...] {
                let m = (a.meetings, b.meetings)
                if (m.0.person != nil && m.1.person != nil) || (!a.topics.isEmpty && !b.topics.isEmpty) || (a.match != nil && b.match != nil) { continue }
                var both = a
                both.meetings.person = m.0.person ?? m.1.person
                both.meetings.party = m.0.party ?? m.1.party
                (both.meetings.from, both.meetings.to) = (m.0.from ?? m.1.from, m.0.to ?? m.1.to)
                both.topics = a.topics + b.topics
                both.by = a.by ?? b.by
                both.match = a.match ?? b.match
                let (first, second) = (Set(try rows(a)), Set(try rows(b)))
                let expected = every.filter { first.contains($0) && second.contains($0) }
                #expect(try rows(both) == expected, "\(both)")
                var limited = both
                limited.limit = 1
                #expect(try rows(limited) == Array(expected.prefix(1)), "\(limited)")
                #expect(try CommitmentQuery.count(archive, filter: limited) == expected.count, "\(limited)")
                // Meetings first, or the commitments a filter names first: the same rows, the same count.
                for few in [0, Int.max] {
                    let ids = try archive.read { db in
                        let (sql, arguments) = try CommitmentQuery.statement(both, db, few: few)
                        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { "\($0["meeting_id"] as String) \($0["text"] as String)" }
                    }
                    #expect(ids == expected, "\(both) few \(few)")
                    let counted = try archive.read { db in
                        let (sql, arguments) = try CommitmentQuery.countStatement(both, db, few: few)
                        return try Int.fetchOne(db, sql: sql, arguments: arguments)
                    }
                    #expect(counted == expected.count, "\(both) few \(few)")
                }
                pairs += 1
                nonEmpty += expected.isEmpty ? 0 : 1
            }
        }
        #expect(pairs >= 30 && nonEmpty >= 20, "\(pairs) \(nonEmpty)")
        // Meetings of a name that names two people, with other keys: counted by their indexes too.
        for filter in [MeetingFilter(person: "akira", party: "CAN"), MeetingFilter(person: "akira", topics: ["trade-investment"]),
                       MeetingFilter(from: "2021", to: "2023", person: "akira", party: "JPN")] {
            var limited = filter
            limited.limit = 1
            let listed = try MeetingQuery.list(archive, filter: filter).count
            let counted = try MeetingQuery.count(archive, filter: limited)
            #expect(listed >= 2 && counted == listed, "\(filter)")
        }
        // A person and a party count the meetings they share, read from their indexes, then those meetings'
        // commitments (not every commitment of a side looked up in its meeting).
        let count = try archive.read { db in
            let (sql, arguments) = try CommitmentQuery.countStatement(CommitmentFilter(
                meetings: MeetingFilter(person: "Akira Sato", party: "CAN"), topics: ["trade-investment"], by: "joint"), db, few: 0)
            return try SQLText.inline(sql, arguments, db)
        }
        let plan = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN " + count)
        let steps = plan.rows.map { $0.map { $0.rendered() }.joined(separator: " ") }
        #expect(steps.contains { $0.contains("INTERSECT") } && !steps.contains { $0.contains("SCAN") && !$0.contains("SCAN k") }, "\(steps)")
        // Within one meeting, a person is tested on the meeting's own participants, not found in every meeting of theirs.
        let personTest = try archive.read { db in try MeetingFilter(person: "sato").conditions(db, perMeeting: true).sql[0] }
        let personPlan = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN SELECT m.num FROM meetings m WHERE " + personTest)
        #expect(personPlan.rows.contains { $0.map { $0.rendered() }.joined().contains("SEARCH pa USING PRIMARY KEY (meeting_num=?)") }, "\(personPlan.rows)")
    }

    @Test func searchIsAccentInsensitiveAndTakesTypedPunctuation() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        func ids(_ q: String) throws -> [String] { try SearchQuery.search(archive, query: q, filter: MeetingFilter()).map(\.id) }
        #expect(try ids("elodie") == ["2024-03-04-jpn-fra"])
        #expect(try ids("Indo-Pacific") == ["2024-03-04-jpn-fra"])
        #expect(try ids("Korea's") == ["2024-03-04-jpn-fra"])
        #expect(try ids("\"telephone conversation\"") == ["2023-08-02-jpn-can"])
        #expect(try ids("cyber OR trade").count == 2)
        #expect(try ids("ministers NOT cyber") == ["2023-08-02-jpn-can"])
        #expect(try ids("invest*") == ["2023-08-02-jpn-can"])
        let hit = try #require(try SearchQuery.search(archive, query: "Ukraine", filter: MeetingFilter()).first)
        #expect(hit.snippet.contains("[Ukraine]"))
        for bad in ["\"unclosed", "(cyber", "OR", "cyber AND", "   "] {
            #expect(throws: ArchiveError.self, "\(bad)") { try ids(bad) }
        }
    }

    @Test func countsAreTheRowsOfTheWholeListing() throws {
        let (t, archive) = try fourMeetings()
        defer { withExtendedLifetime(t) {} }
        // Counting leaves out the order, the ranking and the sentences: the count must still be the rows the
        // listing gives without a limit, whichever statement (index-driven or not) the filter takes.
        for filter in [MeetingFilter(), MeetingFilter(party: "CAN"), MeetingFilter(from: "2023", to: "2024-03"),
                       MeetingFilter(person: "Akira Sato"), MeetingFilter(topics: ["trade-investment"]), MeetingFilter(party: "FRA", topics: ["cybersecurity"]),
                       MeetingFilter(person: "Akira Sato", party: "CAN"), MeetingFilter(from: "2024", party: "JPN"), MeetingFilter(party: "JPN", conflicts: true),
                       MeetingFilter(party: "JPN", topics: ["trade-investment"]), MeetingFilter(from: "2023-01", to: "2024", party: "JPN", topics: ["trade-investment"]),
                       MeetingFilter(person: "Akira Sato", topics: ["trade-investment"]), MeetingFilter(person: "Akira Sato", party: "JPN", topics: ["trade-investment"]),
                       MeetingFilter(to: "2023", person: "Akira Sato", party: "JPN"), MeetingFilter(from: "2024", party: "CAN", topics: ["trade-investment"])] {
            var limited = filter
            limited.limit = 1
            let listed = try MeetingQuery.list(archive, filter: filter).count
            #expect(try MeetingQuery.count(archive, filter: limited) == listed, "\(filter)")
            // Two or three keys and dates are counted by merging their indexes, in order, without a sort.
            let keys = [filter.person, filter.party, filter.topics.first].compactMap { $0 }.count
            if keys >= 2 && !filter.conflicts {
                let plan = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN " + (try MeetingQuery.countSQL(archive, filter: filter)))
                let steps = plan.rows.map { $0.map { $0.rendered() }.joined(separator: " ") }.joined(separator: "\n")
                #expect(steps.contains("MERGE (INTERSECT)") && !steps.contains("TEMP B-TREE"), "\(filter): \(steps)")
            }
        }
        // Sato is in all four meetings, Japan a party to all four: the dates and the other key decide.
        #expect(try MeetingQuery.count(archive, filter: MeetingFilter(to: "2023", person: "Akira Sato", party: "JPN")) == 2)
        #expect(try MeetingQuery.count(archive, filter: MeetingFilter(from: "2024", party: "CAN", topics: ["trade-investment"])) == 1)
        for filter in [CommitmentFilter(), CommitmentFilter(topics: ["cybersecurity"]), CommitmentFilter(meetings: MeetingFilter(party: "CAN")),
                       CommitmentFilter(by: "joint"), CommitmentFilter(match: "ministers"), CommitmentFilter(topics: ["trade-investment", "ukraine"]),
                       CommitmentFilter(meetings: MeetingFilter(from: "2023", to: "2024-03"), topics: ["cybersecurity"]),
                       CommitmentFilter(meetings: MeetingFilter(to: "2023"), topics: ["trade-investment"]),
                       CommitmentFilter(meetings: MeetingFilter(from: "2024", party: "CAN"), topics: ["trade-investment"])] {
            var limited = filter
            limited.limit = 1
            let all = try CommitmentQuery.list(archive, filter: filter).count
            let counted = try CommitmentQuery.count(archive, filter: limited)
            #expect(all > 0 && counted == all, "\(filter)")
        }
        // One topic between dates is read between them in the topic's index: the rows dated inside, in order.
        let topical = try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["trade-investment"]))
        for (from, to) in [("2023", "2024-03"), ("2024", nil), (nil, "2023-12"), ("2023-08-02", "2023-08-02")] as [(String?, String?)] {
            let dated = try CommitmentQuery.list(archive, filter: CommitmentFilter(meetings: MeetingFilter(from: from, to: to), topics: ["trade-investment"]))
            let inside = topical.filter { row in
                guard let date = row.date else { return false }
                return from.map { date >= $0 } ?? true && to.map { date < $0 + "~" } ?? true
            }
            #expect(!inside.isEmpty && dated == inside, "\(from ?? "-") \(to ?? "-")")
        }
        for query in ["ministers", "cyber OR trade", "telephone"] {
            let all = try SearchQuery.search(archive, query: query, filter: MeetingFilter(limit: 100)).count
            let counted = try SearchQuery.count(archive, query: query, filter: MeetingFilter(limit: 1))
            #expect(all > 0 && counted == all, "\(query)")
        }
        #expect(try SearchQuery.count(archive, query: "ministers", filter: MeetingFilter(party: "FRA", limit: 1)) == 2)
        // A search maps its matches to meetings through the (id, meeting_num) index, not the readouts' pages.
        let plan = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN " + (try SearchQuery.sql(archive, query: "ministers", filter: MeetingFilter())))
        #expect(plan.rows.map { $0.map { $0.rendered() }.joined(separator: " ") }.joined().contains("COVERING INDEX sources_meeting_of"))
        // With a party: each match is looked up by its readout alone, never once for each of the party's meetings.
        let filtered = try RawSQL.run(archive, sql: "EXPLAIN QUERY PLAN " + (try SearchQuery.sql(archive, query: "ministers", filter: MeetingFilter(party: "JPN"))))
        let steps = filtered.rows.map { $0.map { $0.rendered() }.joined(separator: " ") }.joined(separator: "\n")
        #expect(steps.contains("sources_meeting_of (id=?)") && !steps.contains("meeting_num=?"), "\(steps)")
    }

    @Test func aFileThatCannotBeStoredLeavesNothingWhileTheRestOfItsBatchGoesIn() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        // A batch is stored whole first; a file that fails there sends the batch back to be stored file by file.
        var bad = try storable(bobText, file: "bad.txt")
        bad.record.parties.append("ZZZ")
        let batch: [(path: String, result: Result<[StorableReadout], Error>)] = [
            ("a.txt", .success([try storable(aliceText, file: "a.txt")])),
            ("bad.txt", .success([bad])),
            ("c.txt", .success([try storable(bobText.replacingOccurrences(of: "2023", with: "2024"), file: "c.txt")])),
        ]
        let reports = archive.storeBatch(batch, now: Date())
        #expect(reports.map(\.path) == ["a.txt", "bad.txt", "c.txt"])
        #expect(reports[0].outcomes == [.imported(id: "2024-03-04-jpn-fra")] && reports[2].outcomes == [.imported(id: "2024-08-02-jpn-can")])
        #expect(reports[1].outcomes.isEmpty && reports[1].failure == "not a Bilat meeting record: unknown party code ZZZ", "\(String(describing: reports[1].failure))")
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).map(\.id) == ["2024-08-02-jpn-can", "2024-03-04-jpn-fra"])
        let stored = try RawSQL.run(archive, sql: "SELECT count(*) FROM sources").rows.first?.first?.rendered()
        #expect(stored == "2")
        // A batch whose every file goes in is stored in the one pass.
        let next = archive.storeBatch([("d.txt", .success([try storable(bobText, file: "d.txt")]))], now: Date())
        #expect(next[0].outcomes == [.imported(id: "2023-08-02-jpn-can")])
    }

    @Test func exportThenImportGivesIdenticalRecords() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        var first: [String] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { first.append($0.jsonString()) }
        let t2 = try TemporaryArchive()
        let copy = try t2.open()
        let records = try ReadoutFile.records(in: first.joined(separator: "\n"), ndjson: true)
        _ = try copy.storeAll(records.map(StorableReadout.init(exported:)))
        var second: [String] = []
        try MeetingQuery.export(copy, filter: MeetingFilter()) { second.append($0.jsonString()) }
        #expect(first == second)
        #expect(first.count == 2)
        // Importing the export again changes nothing.
        #expect(try copy.storeAll(records.map(StorableReadout.init(exported:))).allSatisfy { if case .unchanged = $0 { true } else { false } })
    }

    @Test func badRecordsLeaveNothingBehind() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        var good = try read(aliceText, file: "a.txt")
        var bad = good
        bad.source.sha256 = "0"
        bad.parties = ["XYZ"]
        good.source.sha256 = "1"
        #expect(throws: IngestError.badRecord("unknown party code XYZ")) {
            try archive.storeAll([StorableReadout(exported: good), StorableReadout(exported: bad)])
        }
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).isEmpty)
    }

    func read(_ text: String, file: String) throws -> MeetingRecord {
        try ReadoutParser().parse(ReadoutInput(bytes: Data(text.utf8), fileName: file)).record
    }

    @Test func peopleAndTopics() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        let sato = try PeopleQuery.list(archive, name: "sato", limit: nil)
        #expect(sato.count == 1)
        #expect(sato.first?.meetings == 2)
        #expect(sato.first?.firstMeeting == "2023-08-02" && sato.first?.lastMeeting == "2024-03-04")
        #expect(sato.first?.parties == ["JPN"])
        #expect(sato.first?.titles == [PersonSummary.Title(title: "Minister for Foreign Affairs of Japan", first: "2023-08-02", last: "2024-03-04")])
        // Listed twice in one meeting, a person has met there once.
        try archive.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO participants (meeting_num, position, person_id, name, party_code, title, role, meeting_day, source_id)
                SELECT meeting_num, 99, person_id, name, party_code, title, 'attendee', meeting_day, source_id FROM participants
                WHERE person_id = (SELECT id FROM people WHERE name = 'Akira Sato') LIMIT 1
                """)
            #expect(db.changesCount == 1)
        }
        #expect(try PeopleQuery.list(archive, name: "sato", limit: nil).first?.meetings == 2)
        let topics = try TopicQuery.list(archive)
        #expect(topics.count == LanguageData.shared.topics.count)
        // One topic alone: the same line as in the list.
        for topic in topics { #expect(try TopicQuery.summary(archive, slug: topic.slug) == topic) }
        #expect(try TopicQuery.summary(archive, slug: "no-such-topic") == nil)
        #expect(topics.first { $0.slug == "cybersecurity" }?.commitments == 1)
    }

    @Test func rawSQLOnlyReads() throws {
        let t = try TemporaryArchive()
        try t.open().store(try storable(aliceText, file: "a.txt"))
        let archive = try Archive.open(path: t.path, readOnly: true)
        let result = try RawSQL.run(archive, sql: "SELECT id, duration_minutes FROM meetings")
        #expect(result.columns == ["id", "duration_minutes"])
        #expect(result.rows == [[.string("2024-03-04-jpn-fra"), .int(50)]])
        for statement in ["DELETE FROM meetings", "DROP TABLE meetings", "ATTACH DATABASE '/tmp/x' AS x", "PRAGMA user_version = 9",
                          "INSERT INTO topics VALUES ('a','b','c')"] {
            #expect(throws: ArchiveError.self, "\(statement)") { try RawSQL.run(archive, sql: statement) }
        }
        #expect(throws: ArchiveError.self) { try RawSQL.run(archive, sql: "SELEC nonsense") }
        #expect(try RawSQL.run(archive, sql: "SELECT count(*) FROM meetings").rows == [[.int(1)]])
    }

    @Test func openingRules() throws {
        let t = try TemporaryArchive()
        #expect(throws: ArchiveError.missing(path: t.path)) { try Archive.open(path: t.path) }
        #expect(!FileManager.default.fileExists(atPath: t.path))
        let notSQLite = t.folder.appendingPathComponent("notes.sqlite").path
        try Data("hello, this is text".utf8).write(to: URL(fileURLWithPath: notSQLite))
        #expect(throws: ArchiveError.notAnArchive(path: notSQLite)) { try Archive.open(path: notSQLite, create: true) }
        #expect(try String(contentsOfFile: notSQLite, encoding: .utf8) == "hello, this is text")
        // An archive written by a newer Bilat: it knows a migration this binary does not.
        try t.open().close()
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('999_future')") }
        try queue.close()
        #expect(throws: ArchiveError.newerSchema(path: t.path)) { try Archive.open(path: t.path) }
    }

    @Test func schemaEmbeddedInTheBinaryEqualsTheSchemaFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files == EmbeddedSchema.files.keys.sorted())
        for file in files {
            #expect(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) == EmbeddedSchema.files[file])
        }
        #expect(Archive.schemaVersion == files.count)
    }
}

@Suite struct JapaneseSearchTests {
    @Test func trigramSearchWithShortTerms() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        let text = "日仏外相会談\n令和6年5月1日\n\n本1日、上川陽子外務大臣は、ステファン・セジュルネ・フランス共和国外務大臣と会談した。両外相は、防衛装備品協力及びインド太平洋での連携を深めることで一致した。\n"
        try archive.store(try storable(text, file: "ja.txt"))
        try archive.store(try storable(aliceText, file: "a.txt"))
        func ids(_ q: String) throws -> [String] { try SearchQuery.search(archive, query: q, filter: MeetingFilter()).map(\.id) }
        #expect(try ids("インド太平洋") == ["2024-05-01-jpn-fra"])
        #expect(try ids("防衛") == ["2024-05-01-jpn-fra"])
        #expect(try ids("上川 防衛") == ["2024-05-01-jpn-fra"])
        #expect(try ids("中国").isEmpty)
        let hit = try #require(try SearchQuery.search(archive, query: "防衛", filter: MeetingFilter()).first)
        #expect(hit.snippet.contains("[防衛]"))
        #expect(throws: ArchiveError.self) { try ids("防衛 OR 中国") }
        // The Japanese spelling of a known office holder joins the Latin one.
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(person: "kamikawa")).map(\.id) == ["2024-05-01-jpn-fra"])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(person: "上川陽子")).map(\.id) == ["2024-05-01-jpn-fra"])
    }
}

@Suite struct MigrationTests {
    /// An archive as the first release wrote it: only the first migration (and `then`, when given).
    func firstReleaseArchive(at path: String, then extra: String? = nil) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: EmbeddedSchema.files["001_initial.sql"]!)
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('001_initial')")
            if let extra { try db.execute(sql: extra) }
        }
        try queue.close()
    }

    @Test func anOlderArchiveIsUpgradedAfterABackup() throws {
        let t = try TemporaryArchive()
        try firstReleaseArchive(at: t.path)
        let archive = try Archive.open(path: t.path)
        let backup = t.path + ".backup-v1"
        #expect(FileManager.default.fileExists(atPath: backup))
        let applied = try archive.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == EmbeddedSchema.files.keys.sorted().map { String($0.dropLast(4)) })
        #expect(try RawSQL.run(archive, sql: "SELECT count(*) FROM meeting_overview").rows == [[.int(0)]])
        // The backup is the archive as it was.
        let old = try DatabaseQueue(path: backup)
        #expect(try old.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == ["001_initial"])
        try old.close()
    }

    /// Version 3 keeps a commitment's sentence as a place in its readout's text: an archive of version 2
    /// reads the same sentences after the upgrade, its commitment index still finds them, and a
    /// sentence the text does not hold (an export's) stays in its row.
    @Test func commitmentSentencesMoveIntoTheirReadoutsText() throws {
        let t = try TemporaryArchive()
        // A decomposed accent before the sentence: places count SQLite's characters (code points), not Swift's.
        let body = "Cafe\u{301} talks\nThe two sides agreed to open a consulate in Lyon. They also discussed wine."
        try firstReleaseArchive(at: t.path, then: """
            \(EmbeddedSchema.files["002_overview.sql"]!)
            INSERT INTO grdb_migrations VALUES ('002_overview');
            INSERT INTO topics VALUES ('trade', 'Trade', 'trade');
            INSERT INTO sources VALUES (1, 'a.txt', 'aaa', NULL, 'text/plain', CAST('\(body)' AS BLOB), NULL, '2026-01-01T00:00:00Z');
            INSERT INTO meetings(num, id, source_id, title, language, format) VALUES (1, '2026-01-01-fra-ita', 1, 'Talks', 'en', 'in_person');
            INSERT INTO commitments(id, meeting_num, position, text, bound, char_offset) VALUES
                (1, 1, 0, 'The two sides agreed to open a consulate in Lyon.', 'joint', 6),
                (2, 1, 1, 'Both sides pledged to meet again in Turin.', 'joint', NULL);
            INSERT INTO commitment_topics VALUES (1, 'trade', NULL);
            """)
        let archive = try Archive.open(path: t.path)
        let stored = try RawSQL.run(archive, sql: "SELECT id, text, text_start, text_length FROM commitments_stored ORDER BY id").rows
        #expect(stored == [[.int(1), .string(""), .int(13), .int(49)],
                           [.int(2), .string("Both sides pledged to meet again in Turin."), .null, .null]])
        let texts = try RawSQL.run(archive, sql: "SELECT text FROM commitments ORDER BY id").rows
        #expect(texts == [[.string("The two sides agreed to open a consulate in Lyon.")], [.string("Both sides pledged to meet again in Turin.")]])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "consulate")).map(\.text) == ["The two sides agreed to open a consulate in Lyon."])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "turin")).count == 1)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["trade"])).count == 1)
        // The overview counts the commitments of the meeting after the upgrade.
        #expect(try RawSQL.run(archive, sql: "SELECT commitments FROM meeting_overview").rows == [[.int(2)]])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
        // The source goes (a replaced readout): both sentences leave the index whole.
        try archive.write { db in try db.execute(sql: "DELETE FROM sources WHERE id = 1") }
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "consulate OR turin")).isEmpty)
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    /// Version 4 copies each meeting's date into its sides, topics and participants: an archive of version 3
    /// gets the days of the meetings it holds (none for a meeting without a date), and its lists read them.
    @Test func meetingDaysAreCopiedIntoSidesAndTopics() throws {
        let t = try TemporaryArchive()
        try firstReleaseArchive(at: t.path, then: """
            \(EmbeddedSchema.files["002_overview.sql"]!)
            \(EmbeddedSchema.files["003_commitment_text_from_readout.sql"]!)
            INSERT INTO grdb_migrations VALUES ('002_overview'), ('003_commitment_text_from_readout');
            INSERT INTO parties VALUES ('FRA', 'state', 'France', NULL, NULL), ('ITA', 'state', 'Italy', NULL, NULL);
            INSERT INTO topics VALUES ('trade-investment', 'Trade', 'trade');
            INSERT INTO sources VALUES (1, 'a.txt', 'aaa', NULL, 'text/plain', CAST('a' AS BLOB), NULL, '2026-01-01T00:00:00Z'),
                                       (2, 'b.txt', 'bbb', NULL, 'text/plain', CAST('b' AS BLOB), NULL, '2026-01-01T00:00:00Z');
            INSERT INTO meetings(num, id, source_id, language, date, format) VALUES
                (1, '2025-04-09-fra-ita', 1, 'en', '2025-04-09', 'in_person'), (2, 'undated-fra-ita', 2, 'en', NULL, 'video');
            INSERT INTO meeting_parties VALUES (1, 'FRA', 0), (1, 'ITA', 1), (2, 'FRA', 0);
            INSERT INTO meeting_topics VALUES (1, 'trade-investment'), (2, 'trade-investment');
            INSERT INTO people VALUES (1, 'Anna Rossi', 'Rossi', 'Anna', 'rossianna');
            INSERT INTO person_aliases VALUES ('rossi', 1), ('annarossi', 1), ('rossianna', 1);
            INSERT INTO participants VALUES (1, 0, 1, 'Anna Rossi', 'Rossi', 'Anna', 'ITA', NULL, 'principal'),
                                            (2, 0, 1, 'Anna Rossi', 'Rossi', 'Anna', 'ITA', NULL, 'principal');
            """)
        let archive = try Archive.open(path: t.path)
        #expect(try RawSQL.run(archive, sql: "SELECT meeting_num, party_code, meeting_day FROM meeting_parties ORDER BY 1, 2").rows
                == [[.int(1), .string("FRA"), .int(20250409)], [.int(1), .string("ITA"), .int(20250409)], [.int(2), .string("FRA"), .null]])
        #expect(try RawSQL.run(archive, sql: "SELECT meeting_day FROM meeting_topics ORDER BY meeting_num").rows == [[.int(20250409)], [.null]])
        #expect(try RawSQL.run(archive, sql: "SELECT meeting_day FROM participants ORDER BY meeting_num").rows == [[.int(20250409)], [.null]])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(person: "Rossi")).map(\.id) == ["2025-04-09-fra-ita", "undated-fra-ita"])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(party: "FRA")).map(\.id) == ["2025-04-09-fra-ita", "undated-fra-ita"])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(from: "2025-04", topics: ["trade-investment"])).map(\.id) == ["2025-04-09-fra-ita"])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    /// Version 11 stores topics by number: an archive of version 10 keeps every meeting's and commitment's
    /// topics (read back by slug through the views of the old names, a commitment's with its meeting's day),
    /// every topic has its own number, one the vocabulary adds later gets the next, and the filters on
    /// topics find the same meetings and commitments.
    @Test func topicsOfAnOlderArchiveAreKeptByNumber() throws {
        let t = try TemporaryArchive()
        let versionTen = EmbeddedSchema.files.keys.sorted().filter { $0 >= "002" && $0 < "011" }
        try firstReleaseArchive(at: t.path, then: versionTen.map { EmbeddedSchema.files[$0]! }.joined(separator: "\n") + """
            INSERT INTO grdb_migrations VALUES \(versionTen.map { "('\($0.dropLast(4))')" }.joined(separator: ", "));
            INSERT INTO parties VALUES ('FRA', 'state', 'France', NULL, NULL), ('ITA', 'state', 'Italy', NULL, NULL);
            INSERT INTO topics VALUES ('trade-investment', 'Trade', 'trade'), ('space', 'Space', 'space');
            INSERT INTO sources(id, file_name, sha256, media_type, content, imported_at) VALUES
                (1, 'a.txt', 'aaa', 'text/plain', CAST('We agreed to trade. We agreed to fly.' AS BLOB), '2026-01-01T00:00:00Z'),
                (2, 'b.txt', 'bbb', 'text/plain', CAST('We agreed to fly.' AS BLOB), '2026-01-01T00:00:00Z');
            INSERT INTO meetings(num, id, source_id, language, date, format) VALUES
                (1, '2025-04-09-fra-ita', 1, 'en', '2025-04-09', 'in_person'), (2, 'undated-fra-ita', 2, 'en', NULL, 'video');
            UPDATE sources SET meeting_num = id, position = 0, language = 'en';
            INSERT INTO meeting_topics VALUES (1, 'trade-investment', 20250409), (1, 'space', 20250409), (2, 'space', NULL);
            INSERT INTO commitments_stored(id, meeting_num, position, text, bound, text_start, text_length, source_id) VALUES
                (1, 1, 0, '', 'joint', 1, 19, 1), (2, 1, 1, '', 'joint', 21, 17, 1), (3, 2, 0, '', 'joint', 1, 17, 2);
            INSERT INTO commitment_topics VALUES (1, 'trade-investment', '2025-04-09'), (2, 'space', '2025-04-09'), (3, 'space', NULL);
            """)
        // A topic the vocabulary no longer holds, written by a tool with foreign keys off: its rows are kept.
        var unchecked = Configuration()
        unchecked.foreignKeysEnabled = false
        let tool = try DatabaseQueue(path: t.path, configuration: unchecked)
        try tool.write { db in try db.execute(sql: "INSERT INTO meeting_topics VALUES (2, 'retired-topic', NULL)") }
        try tool.close()
        let archive = try Archive.open(path: t.path)
        #expect(try RawSQL.run(archive, sql: "SELECT meeting_num, topic_slug, meeting_day FROM meeting_topics ORDER BY 1, 2").rows
                == [[.int(1), .string("space"), .int(20250409)], [.int(1), .string("trade-investment"), .int(20250409)],
                    [.int(2), .string("retired-topic"), .null], [.int(2), .string("space"), .null]])
        #expect(try RawSQL.run(archive, sql: "SELECT commitment_id, topic_slug, meeting_day FROM commitment_topics ORDER BY 1").rows
                == [[.int(1), .string("trade-investment"), .int(20250409)], [.int(2), .string("space"), .int(20250409)], [.int(3), .string("space"), .null]])
        // The two topics the archive held keep the numbers they were given; the vocabulary's others follow.
        let numbers = try archive.read { db in try Int64?.fetchAll(db, sql: "SELECT num FROM topics ORDER BY rowid") }
        #expect(numbers.count == LanguageData.shared.topics.count + 1 && numbers.count > 3)
        #expect(Array(numbers.prefix(3)) == [1, 2, 3] && Set(numbers.compactMap { $0 }).count == numbers.count)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(topics: ["space"])).map(\.id) == ["2025-04-09-fra-ita", "undated-fra-ita"])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(topics: ["space", "trade-investment"])).count == 2)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["space"])).map(\.text) == ["We agreed to fly.", "We agreed to fly."])
        #expect(try CommitmentQuery.count(archive, filter: CommitmentFilter(meetings: MeetingFilter(from: "2025"), topics: ["space"])) == 1)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["trade-investment", "space"], limit: 5)).count == 3)
        #expect(try MeetingQuery.record(archive, id: "2025-04-09-fra-ita").topics == ["trade-investment", "space"])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    /// Version 5 knows a readout by its place: an archive of version 4 keeps its meetings, ids and texts;
    /// its readouts have no path until the same bytes are imported again from one, and a file that only
    /// shares their base name is a new readout, never a replacement. A meeting may then have no format.
    @Test func readoutsOfAnOlderArchiveTakeTheirPlaceWhenImportedAgain() throws {
        let t = try TemporaryArchive()
        let readout = try storable(aliceText, file: "a/readout.txt")
        try firstReleaseArchive(at: t.path, then: """
            \(EmbeddedSchema.files["002_overview.sql"]!)
            \(EmbeddedSchema.files["003_commitment_text_from_readout.sql"]!)
            \(EmbeddedSchema.files["004_meeting_day_in_filters.sql"]!)
            INSERT INTO grdb_migrations VALUES ('002_overview'), ('003_commitment_text_from_readout'), ('004_meeting_day_in_filters');
            INSERT INTO parties VALUES ('JPN', 'state', 'Japan', NULL, NULL), ('FRA', 'state', 'France', NULL, NULL);
            INSERT INTO sources VALUES (1, 'readout.txt', '\(readout.record.source.sha256)', NULL, 'text/plain',
                                        CAST('\(aliceText.replacingOccurrences(of: "'", with: "''"))' AS BLOB), NULL, '2026-01-01T00:00:00Z');
            INSERT INTO meetings(num, id, source_id, title, language, date, format) VALUES
                (1, '2024-03-04-jpn-fra', 1, 'Foreign Ministers'' Meeting', 'en', '2024-03-04', 'in_person');
            INSERT INTO meeting_parties VALUES (1, 'JPN', 0, 20240304), (1, 'FRA', 1, 20240304);
            INSERT INTO readout_fts(rowid, title, body) SELECT num, title, body FROM readout_documents;
            """)
        let archive = try Archive.open(path: t.path)
        #expect(FileManager.default.fileExists(atPath: t.path + ".backup-v4"))
        #expect(try RawSQL.run(archive, sql: "SELECT id, format FROM meetings").rows == [[.string("2024-03-04-jpn-fra"), .string("in_person")]])
        #expect(try RawSQL.run(archive, sql: "SELECT path FROM sources").rows == [[.null]])
        // Another readout that only shares the base name is a meeting of its own.
        #expect(try archive.store(try storable(bobText, file: "b/readout.txt")) == .imported(id: "2023-08-02-jpn-can"))
        #expect(try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra").date == "2024-03-04")
        // The same bytes from a place: unchanged, and the stored readout takes that place ...
        #expect(try archive.store(readout) == .unchanged(id: "2024-03-04-jpn-fra", sameAs: "readout.txt"))
        #expect(try RawSQL.run(archive, sql: "SELECT path FROM sources WHERE id = 1").rows == [[.string("/readouts/a/readout.txt")]])
        // ... so that a change there replaces it.
        let changed = try storable(aliceText.replacingOccurrences(of: "50 minutes", with: "55 minutes"), file: "a/readout.txt")
        #expect(try archive.store(changed) == .replaced(id: "2024-03-04-jpn-fra"))
        #expect(try SearchQuery.search(archive, query: "cyber", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        // The format column takes NULL now.
        var formatless = try storable(bobText.replacingOccurrences(of: "August 2", with: "August 3"), file: "c.txt")
        formatless.record.format = nil
        #expect(try MeetingQuery.record(archive, id: try archive.store(formatless).id).format == nil)
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    /// Version 6 makes each source a readout of its meeting: an archive of version 5 keeps its meetings,
    /// their texts are searched through the new per-readout index, their commitments read back from their
    /// readout, and a readout of the same meeting in another language links to it.
    @Test func meetingsOfAnOlderArchiveBecomeTheirFirstReadout() throws {
        let t = try TemporaryArchive()
        let readout = try storable(aliceText, file: "jp/readout.txt")
        let sentence = "The two ministers agreed to strengthen cooperation on cyber defence in the Indo-Pacific."
        let start = (aliceText as NSString).range(of: sentence).location + 1
        try firstReleaseArchive(at: t.path, then: """
            \(EmbeddedSchema.files["002_overview.sql"]!)
            \(EmbeddedSchema.files["003_commitment_text_from_readout.sql"]!)
            \(EmbeddedSchema.files["004_meeting_day_in_filters.sql"]!)
            \(EmbeddedSchema.files["005_readout_place.sql"]!)
            INSERT INTO grdb_migrations VALUES ('002_overview'), ('003_commitment_text_from_readout'), ('004_meeting_day_in_filters'),
                                               ('005_readout_place');
            INSERT INTO parties VALUES ('JPN', 'state', 'Japan', NULL, NULL), ('FRA', 'state', 'France', NULL, NULL);
            INSERT INTO sources(id, file_name, sha256, url, media_type, content, text, imported_at, path)
                VALUES (1, 'readout.txt', '\(readout.record.source.sha256)', NULL, 'text/plain',
                        CAST('\(aliceText.replacingOccurrences(of: "'", with: "''"))' AS BLOB), NULL, '2026-01-01T00:00:00Z', '/readouts/jp/readout.txt');
            INSERT INTO meetings(num, id, source_id, title, language, date, start_time, duration_minutes, format) VALUES
                (1, '2024-03-04-jpn-fra', 1, 'Foreign Ministers'' Meeting', 'en', '2024-03-04', '15:00', 50, 'in_person');
            INSERT INTO meeting_parties VALUES (1, 'JPN', 0, 20240304), (1, 'FRA', 1, 20240304);
            INSERT INTO people VALUES (1, 'Akira Sato', 'Sato', 'Akira', 'sato|akira'), (2, 'Élodie Marchand', 'Marchand', 'Élodie', 'marchand|elodie');
            INSERT INTO participants VALUES (1, 0, 1, 'Akira Sato', 'Sato', 'Akira', 'JPN', NULL, 'principal', 20240304),
                                            (1, 1, 2, 'Élodie Marchand', 'Marchand', 'Élodie', 'FRA', NULL, 'principal', 20240304);
            INSERT INTO commitments_stored(id, meeting_num, position, text, text_start, text_length, bound)
                VALUES (1, 1, 0, '', \(start), \(sentence.count), 'joint');
            INSERT INTO readout_fts(rowid, title, body) SELECT num, title, body FROM readout_documents;
            INSERT INTO commitment_fts(rowid, text) SELECT id, text FROM commitments;
            """)
        let archive = try Archive.open(path: t.path)
        #expect(FileManager.default.fileExists(atPath: t.path + ".backup-v5"))
        #expect(try RawSQL.run(archive, sql: "SELECT meeting_id, position, language, duration_minutes FROM readouts").rows
                == [[.string("2024-03-04-jpn-fra"), .int(0), .string("en"), .int(50)]])
        #expect(try SearchQuery.search(archive, query: "cyber", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "cyber")).map(\.text) == [sentence])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
        #expect(try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt")) == .linked(id: "2024-03-04-jpn-fra"))
        let record = try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra")
        #expect(record.readouts.map(\.language) == ["en", "fr"])
        #expect(record.conflicts.map(\.field) == ["duration_minutes"])
        #expect(try SearchQuery.search(archive, query: "convenus", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    @Test func aFailedUpgradeLeavesTheArchiveAsItWas() throws {
        let t = try TemporaryArchive()
        // Something in the way of the next migration.
        try firstReleaseArchive(at: t.path, then: "CREATE TABLE meeting_overview (x)")
        #expect(throws: (any Error).self) { try Archive.open(path: t.path) }
        let check = try DatabaseQueue(path: t.path)
        #expect(try check.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == ["001_initial"])
        try check.close()
    }
}
