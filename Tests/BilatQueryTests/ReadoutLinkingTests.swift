import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery

/// The French side's readout of the meeting that `aliceText` reports from the Japanese side: the same
/// day, sides and principals, another language, another length.
let aliceTextFrench = """
    Entretien entre les ministres des Affaires étrangères de la France et du Japon
    4 mars 2024

    Le 4 mars 2024, à partir de 15h00 et pendant environ 45 minutes, Mme Élodie MARCHAND, ministre des Affaires étrangères de la France, s’est entretenue avec M. SATO Akira, ministre des Affaires étrangères du Japon.
    Les deux ministres sont convenus de renforcer la coopération dans le domaine de la cybersécurité.
    """

@Suite struct ReadoutLinkingTests {
    @Test func bothSidesReadoutsOfOneMeetingAreOneMeeting() throws {
        let archive = try TemporaryArchive().open()
        #expect(try archive.store(try storable(aliceText, file: "jp/readout.txt")) == .imported(id: "2024-03-04-jpn-fra"))
        #expect(try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt")) == .linked(id: "2024-03-04-jpn-fra"))
        let record = try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra")
        #expect(record.readouts.map(\.path) == ["/readouts/jp/readout.txt", "/readouts/fr/readout.txt"])
        #expect(record.readouts.map(\.language) == ["en", "fr"])
        #expect(record.readouts[1].title == "Entretien entre les ministres des Affaires étrangères de la France et du Japon")
        // The first-imported readout's value is kept; the other is a conflict, each value with its readout.
        #expect(record.durationMinutes == 50)
        #expect(record.startTime == "15:00")
        #expect(record.conflicts == [FactConflict(field: "duration_minutes", values: [.init(value: .int(50), readout: 0), .init(value: .int(45), readout: 1)])])
        #expect(record.principals.map(\.familyName) == ["Sato", "Marchand"])
        // One row per meeting everywhere; the meeting is found by the words of either readout.
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try SearchQuery.search(archive, query: "cybersecurite", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try SearchQuery.search(archive, query: "cyber*", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "convenus")).map(\.meetingID) == ["2024-03-04-jpn-fra"])
        #expect(try PeopleQuery.list(archive, name: "marchand", limit: nil).map(\.meetings) == [1])
        let texts = try MeetingQuery.texts(archive, id: "2024-03-04-jpn-fra").map(\.text)
        #expect(texts == [aliceText, aliceTextFrench])
        // Every fact's words stand in the readout they were read from.
        #expect(record.evidence.count >= 10)
        for e in record.evidence { #expect(texts[e.readout]?.contains(e.text) == true, "\(e.field): \(e.text)") }
        #expect(record.evidence.contains(Evidence(field: "duration_minutes", readout: 1, text: "à partir de 15h00 et pendant environ 45 minutes")))
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    @Test func aSearchCountsEachMeetingOnceWhateverItsReadouts() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        #expect(try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt")) == .linked(id: "2024-03-04-jpn-fra"))
        try archive.store(try storable(bobText, file: "b.txt"))
        // Both readouts of the linked meeting match "cyber*" and "ministres OR ministers": one meeting each time.
        // Unfiltered counts take every match as a meeting except the linked readouts', counted by meeting.
        for (query, meetings) in [("cyber*", 1), ("ministers", 2), ("ministres OR ministers", 2), ("convenus", 1), ("telephone", 1), ("nowhere", 0)] {
            let found = try SearchQuery.search(archive, query: query, filter: MeetingFilter(limit: 100)).count
            #expect(found == meetings, "\(query)")
            #expect(try SearchQuery.count(archive, query: query, filter: MeetingFilter(limit: 1)) == meetings, "\(query)")
            // With a filter the meetings are grouped and filtered one by one: the same number.
            #expect(try SearchQuery.count(archive, query: query, filter: MeetingFilter(from: "2023", limit: 1)) == meetings, "\(query)")
        }
        #expect(try SearchQuery.count(archive, query: "ministers", filter: MeetingFilter(party: "CAN", limit: 1)) == 1)
    }

    @Test func anotherDayOrAnotherPairIsAnotherMeeting() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        let nextDay = aliceTextFrench.replacingOccurrences(of: "4 mars 2024", with: "5 mars 2024")
        #expect(try archive.store(try storable(nextDay, file: "b.txt")) == .imported(id: "2024-03-05-fra-jpn"))
        let otherPrincipal = aliceTextFrench.replacingOccurrences(of: "Élodie MARCHAND", with: "Claire DUVAL")
        #expect(try archive.store(try storable(otherPrincipal, file: "c.txt")).id != "2024-03-04-jpn-fra")
        // No year in the text: no date, so nothing to link to.
        let undated = aliceTextFrench.replacingOccurrences(of: "4 mars 2024", with: "4 mars")
        let alone = try archive.store(try storable(undated, file: "d.txt"))
        #expect(alone.id.hasPrefix("undated"))
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).count == 4)
    }

    /// Two readouts from one publisher in one language the same day are two events (a meeting and the
    /// dinner after it); from two known publishers, the same language is one meeting reported twice.
    @Test func oneLanguageLinksOnlyAcrossKnownPublishers() throws {
        let archive = try TemporaryArchive().open()
        func published(by side: String, _ text: String) -> String { "---\npublisher: \(side)\n---\n" + text }
        let dinner = aliceText.replacingOccurrences(of: "held a meeting", with: "held a working dinner")
        try archive.store(try storable(published(by: "Japan", aliceText), file: "a.txt"))
        #expect(try archive.store(try storable(published(by: "Japan", dinner), file: "b.txt")).id != "2024-03-04-jpn-fra")
        let french = aliceText.replacingOccurrences(of: "approximately 50 minutes", with: "about an hour")
        #expect(try archive.store(try storable(published(by: "France", french), file: "c.txt")) == .linked(id: "2024-03-04-jpn-fra"))
        let record = try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra")
        #expect(record.readouts.map(\.publisher) == ["JPN", "FRA"])
        #expect(record.conflicts.map(\.field) == ["duration_minutes"])
        // Publishers unknown: the same language the same day stays apart.
        let unknown = try TemporaryArchive().open()
        try unknown.store(try storable(aliceText, file: "a.txt"))
        #expect(try unknown.store(try storable(french, file: "c.txt")).id != "2024-03-04-jpn-fra")
    }

    /// A changed file at the place of a linked readout: the meeting is made again from its other readout,
    /// and the new version joins it. Nothing of the old version stays.
    @Test func replacingALinkedReadoutRebuildsItsMeeting() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        let changed = aliceText.replacingOccurrences(of: "50 minutes", with: "55 minutes").replacingOccurrences(of: "Ukraine", with: "Moldova")
        #expect(try archive.store(try storable(changed, file: "jp/readout.txt")) == .replaced(id: "2024-03-04-jpn-fra"))
        let record = try MeetingQuery.record(archive, id: "2024-03-04-jpn-fra")
        #expect(record.readouts.map(\.path) == ["/readouts/fr/readout.txt", "/readouts/jp/readout.txt"])
        #expect(record.durationMinutes == 45)
        #expect(record.conflicts.first?.values.map(\.value) == [.int(45), .int(55)])
        #expect(try SearchQuery.search(archive, query: "ukraine", filter: MeetingFilter()).isEmpty)
        #expect(try SearchQuery.search(archive, query: "moldova", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(match: "ukraine")).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).count == 1)
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    @Test func exportThenImportKeepsReadoutsAndConflicts() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        var records: [MeetingRecord] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        let copy = try TemporaryArchive().open()
        for record in records { try copy.store(StorableReadout(exported: try MeetingRecord.decode(json: record.jsonString()))) }
        var again: [MeetingRecord] = []
        try MeetingQuery.export(copy, filter: MeetingFilter()) { again.append($0) }
        #expect(again.map { $0.jsonString() } == records.map { $0.jsonString() })
        #expect(again.first { $0.id == "2024-03-04-jpn-fra" }?.readouts.count == 2)
        #expect(try SearchQuery.search(copy, query: "cyber", filter: MeetingFilter()).map(\.id) == ["2024-03-04-jpn-fra"])
        #expect(try ArchiveCheck.run(copy).problems.isEmpty)
        // A participant whom the readouts give different sides: a conflict, kept through the round trip too.
        var disputed = try #require(records.first { $0.id == "2024-03-04-jpn-fra" })
        disputed.source.sha256 = String(repeating: "d", count: 64)
        disputed.readouts[0].sha256 = disputed.source.sha256
        disputed.readouts[1].sha256 = String(repeating: "e", count: 64)
        disputed.conflicts.append(FactConflict(field: "participant:0", values: [.init(value: .string("JPN principal"), readout: 0),
                                                                                .init(value: .string("FRA principal"), readout: 1)]))
        let third = try TemporaryArchive().open()
        try third.store(StorableReadout(exported: disputed))
        let back = try MeetingQuery.record(third, id: "2024-03-04-jpn-fra")
        #expect(back.conflicts == disputed.conflicts)
        #expect(try MeetingQuery.list(third, filter: MeetingFilter(conflicts: true)).map(\.id) == ["2024-03-04-jpn-fra"])
        var agreed = disputed
        agreed.conflicts = []
        agreed.durationMinutes = 50
        let fourth = try TemporaryArchive().open()
        try fourth.store(StorableReadout(exported: agreed))
        #expect(try MeetingQuery.list(fourth, filter: MeetingFilter(conflicts: true)).isEmpty)
        // Into an archive that holds the second readout's own text already: the record goes in, that readout
        // stays where it is and is not listed twice.
        let holding = try TemporaryArchive().open()
        try holding.store(try storable(bobText, file: "other/bob.txt"))
        try holding.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        let twoReadouts = try #require(records.first { $0.id == "2024-03-04-jpn-fra" })
        #expect(try holding.store(StorableReadout(exported: twoReadouts)).id == "2024-03-04-jpn-fra")
        #expect(try RawSQL.run(holding, sql: "SELECT count(*) FROM sources WHERE sha256 = '\(twoReadouts.readouts[1].sha256)'").rows == [[.int(1)]])
        #expect(try ArchiveCheck.run(holding).problems.isEmpty)
        // Read back twice, nothing changes.
        for record in records {
            #expect(try copy.store(StorableReadout(exported: record)) == .unchanged(id: record.id!))
        }
    }
}

/// The seed and its Japanese original in the shared corpus, beside the checkout.
let sharedCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
let seedAndOriginalArePresent = ["seed-fr-2025-04-09-nato.txt", "mofa-ja-2025-04-09-nato.txt"]
    .allSatisfy { FileManager.default.fileExists(atPath: sharedCorpus.appendingPathComponent($0).path) }

@Suite struct SeedAndOriginalTests {
    @Test(.enabled(if: seedAndOriginalArePresent, "../shared/corpus is absent: the seed and its Japanese original are not there (skipped)"))
    func theSeedAndItsJapaneseOriginalAreOneMeeting() throws {
        let archive = try TemporaryArchive().open()
        let importer = ArchiveImporter()
        var outcomes: [ImportOutcome] = []
        importer.importFiles(FileWalk(["mofa-ja-2025-04-09-nato.txt", "seed-fr-2025-04-09-nato.txt"].map { sharedCorpus.appendingPathComponent($0).path }),
                             into: archive) { outcomes += $0.outcomes }
        #expect(outcomes == [.imported(id: "2025-04-09-jpn-nato"), .linked(id: "2025-04-09-jpn-nato")])
        let record = try MeetingQuery.record(archive, id: "2025-04-09-jpn-nato")
        #expect(record.readouts.map(\.language) == ["ja", "fr"])
        #expect(record.principals.map(\.party) == ["JPN", "NATO"])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(person: "rutte")).map(\.id) == ["2025-04-09-jpn-nato"])
        #expect(try SearchQuery.search(archive, query: "OTAN", filter: MeetingFilter()).map(\.id) == ["2025-04-09-jpn-nato"])
        #expect(try SearchQuery.search(archive, query: "防衛", filter: MeetingFilter()).map(\.id) == ["2025-04-09-jpn-nato"])
    }
}
