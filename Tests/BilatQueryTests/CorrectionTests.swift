import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery

/// A person's corrections: kept apart from what was read, applied over it everywhere, never lost.
@Suite struct CorrectionTests {
    let id = "2024-03-04-jpn-fra"

    /// The archive's export, without import times: what must not change when a correction is refused.
    func exported(_ archive: Archive) throws -> String {
        var lines: [String] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { lines.append($0.jsonString()) }
        return lines.joined(separator: "\n")
    }

    func correct(_ archive: Archive, _ field: String, _ words: String..., note: String? = nil) throws -> CorrectionChange {
        try CorrectionStore.correct(archive, id: id, field: field, words: words, note: note)
    }

    @Test func eachFieldIsCorrectedEverywhereAndUndone() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        let read = try MeetingQuery.record(archive, id: id)
        #expect(read.durationMinutes == 50 && read.parties == ["JPN", "FRA"] && read.commitments.map(\.by) == ["joint", "joint"])

        #expect(try correct(archive, "duration_minutes", "45", note: "the ministry's video says 45").after == .int(45))
        try correct(archive, "date", "2024-03-05")
        try correct(archive, "start_time", "9:30")
        try correct(archive, "format", "video")
        try correct(archive, "venue", "Tokyo")
        try correct(archive, "title", "Japan–France", "Foreign", "Ministers'", "Meeting")
        try correct(archive, "parties", "France", "JPN")
        try correct(archive, "topics", "+trade-investment", "-ukraine")
        try correct(archive, "participant:1.party", "BEL")
        try correct(archive, "participant:sato.role", "attendee")
        try correct(archive, "commitment:0.by", "JPN")

        let r = try MeetingQuery.record(archive, id: id)
        #expect(r.durationMinutes == 45 && r.date == "2024-03-05" && r.startTime == "09:30" && r.format == .video && r.venue == "Tokyo")
        #expect(r.title == "Japan–France Foreign Ministers' Meeting")
        #expect(r.parties == ["FRA", "JPN"])
        #expect(r.topics.contains("trade-investment") && !r.topics.contains("ukraine"))
        #expect(r.participants.map(\.party) == ["JPN", "BEL"] && r.participants.map(\.role) == [.attendee, .principal])
        #expect(r.commitments.map(\.by) == ["JPN", "joint"])
        #expect(r.corrections.count == 11)
        let duration = try #require(r.corrections.first)
        #expect(duration.field == "duration_minutes" && duration.value == .int(45) && duration.read == .int(50) && duration.note == "the ministry's video says 45")
        #expect(r.corrections.contains { $0.field == "participant:1.party" && $0.item == "Élodie Marchand" && $0.read == .string("FRA") })
        #expect(r.corrections.contains { $0.field == "commitment:0.by" && $0.value == .string("JPN") && $0.read == .string("joint") })
        // What was read stays apart: the readout still states its own facts.
        #expect(r.readouts[0].title == read.title)

        // Every listing and filter reads the corrected meeting.
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(from: "2024-03-05", to: "2024-03-05")).map(\.id) == [id])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(to: "2024-03-04")).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(party: "BEL")).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(topics: ["trade-investment"])).map(\.id) == [id])
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(topics: ["ukraine"])).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(from: "2024-03-05", party: "FRA")).map(\.id) == [id])
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(by: "JPN")).count == 1)
        #expect(try CommitmentQuery.list(archive, filter: CommitmentFilter(topics: ["cybersecurity"])).map(\.date) == ["2024-03-05"])
        #expect(try PeopleQuery.list(archive, name: "marchand", limit: nil).first?.parties == ["BEL"])
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)

        // Each undone: the meeting shows what was read again.
        for field in ["duration_minutes", "date", "start_time", "format", "venue", "title", "parties", "topics",
                      "participant:1.party", "participant:0.role", "commitment:0.by"] {
            _ = try CorrectionStore.undo(archive, id: id, field: field)
        }
        let undone = try MeetingQuery.record(archive, id: id)
        #expect(undone.corrections.isEmpty)
        var expected = read
        expected.corrections = []
        #expect(undone.jsonString() == expected.jsonString())
        #expect(throws: CorrectionError.nothingToUndo(id: id, field: "venue")) { try CorrectionStore.undo(archive, id: id, field: "venue") }
    }

    @Test func everyBadCorrectionIsRefusedAndChangesNothing() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try correct(archive, "venue", "Paris")
        let before = try exported(archive)
        let bad: [(String, [String], String)] = [
            ("date", ["2024-02-30"], "is not a day"),
            ("date", ["March 5"], "is not a day"),
            ("start_time", ["25:00"], "is not a time"),
            ("duration_minutes", ["about", "an", "hour"], "not a number of minutes"),
            ("duration_minutes", ["0"], "not a number of minutes"),
            ("format", ["phone"], "did you mean telephone?"),
            ("parties", ["JPN", "Frnace"], "did you mean FRA (France)?"),
            ("topics", ["cyber-security"], "did you mean cybersecurity?"),
            ("topics", ["defence-cooperation"], "did you mean defense-cooperation"),
            ("topics", ["+trade-investment", "ukraine"], "not both"),
            ("participant:0.role", ["host"], "is not principal or attendee"),
            ("participant:0.party", ["XX"], "unknown party"),
            ("commitment:0.by", ["everyone"], "unknown party"),
            ("durration", ["45"], "did you mean duration_minutes?"),
            ("participant:0.name", ["X"], "unknown field"),
            ("participant:9.party", ["JPN"], "no participant 9"),
            ("participant:dupont.party", ["JPN"], "no participant named dupont"),
            ("commitment:5.by", ["joint"], "no commitment 5"),
            ("title", [], "give a value"),
        ]
        for (field, words, message) in bad {
            let error = #expect(throws: CorrectionError.self) {
                try CorrectionStore.correct(archive, id: id, field: field, words: words, note: nil)
            }
            #expect(error?.description.contains(message) == true, "\(field) \(words): \(error?.description ?? "")")
        }
        #expect(throws: ArchiveError.noSuchMeeting("2024-03-05-jpn-fra")) {
            try CorrectionStore.correct(archive, id: "2024-03-05-jpn-fra", field: "venue", words: ["Rome"], note: nil)
        }
        #expect(try exported(archive) == before)
    }

    /// A changed readout re-imported: the correction stays, and since the readout now gives another value
    /// than when the person corrected, the meeting goes to review until they decide again.
    @Test func aCorrectionOutlivesAChangedReadout() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        try correct(archive, "duration_minutes", "45")
        try correct(archive, "venue", "Tokyo")
        let changed = aliceText.replacingOccurrences(of: "50 minutes", with: "55 minutes")
        #expect(try archive.store(try storable(changed, file: "a.txt")) == .replaced(id: id))
        var r = try MeetingQuery.record(archive, id: id)
        #expect(r.durationMinutes == 45 && r.venue == "Tokyo")
        #expect(r.needsReview == ["readout changed since the correction of duration_minutes"])
        let review = try ReviewQuery.items(archive, filter: MeetingFilter())
        #expect(review.map(\.kind) == [.correction])
        #expect(review.first?.reason == "readout changed since the correction of duration_minutes: read 50 when corrected, 55 now; kept 45")
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(needsReview: true)).map(\.id) == [id])
        // Deciding again takes what is read now and clears the review.
        #expect(try correct(archive, "duration_minutes", "45").read == .int(55))
        r = try MeetingQuery.record(archive, id: id)
        #expect(r.needsReview.isEmpty && r.corrections.first { $0.field == "duration_minutes" }?.read == .int(55))
        #expect(try ReviewQuery.items(archive, filter: MeetingFilter()).isEmpty)
    }

    /// Another readout of the meeting joins it: the corrections go back on over what both readouts give.
    @Test func aCorrectionOutlivesAnotherReadoutOfTheMeeting() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try correct(archive, "start_time", "15:10")
        try correct(archive, "participant:marchand.party", "BEL")
        #expect(try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt")) == .linked(id: id))
        let r = try MeetingQuery.record(archive, id: id)
        #expect(r.readouts.count == 2 && r.startTime == "15:10" && r.durationMinutes == 50)
        #expect(r.participants.first { $0.familyName == "Marchand" }?.party == "BEL")
        #expect(r.conflicts.map(\.field).contains("duration_minutes"))
        #expect(r.needsReview.isEmpty)
        // A readout that changes a corrected fact's reading sends it to review.
        try correct(archive, "topics", "ukraine")
        let more = aliceTextFrench.replacingOccurrences(of: "cybersécurité", with: "cybersécurité et du commerce")
        #expect(try archive.store(try storable(more, file: "fr/readout.txt")) == .replaced(id: id))
        let after = try MeetingQuery.record(archive, id: id)
        #expect(after.topics == ["ukraine"])
        #expect(after.needsReview.contains("readout changed since the correction of topics"))
    }

    /// An archive's reading of an older Bilat (here: facts, evidence and sections made to be missing) is
    /// read again: what changed is reported, the corrections and the link between readouts are kept.
    @Test func rereadImprovesTheReadingAndKeepsCorrectionsAndLinks() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        try correct(archive, "venue", "Tokyo")
        try archive.write { db in
            try db.execute(sql: "UPDATE meetings SET start_time = NULL, duration_minutes = NULL, needs_review = '[\"no counterpart found\"]'")
            try db.execute(sql: "DELETE FROM evidence")
            try db.execute(sql: "DELETE FROM meeting_topics_stored WHERE topic = (SELECT num FROM topics WHERE slug = 'ukraine')")
        }
        var previewed: [RereadChange] = []
        let preview = try ArchiveReread.run(archive, dryRun: true) { previewed.append($0) }
        #expect(preview.meetings == 1 && preview.changed == 1)
        #expect(try MeetingQuery.record(archive, id: id).durationMinutes == nil, "a dry run writes nothing")

        var changes: [RereadChange] = []
        let summary = try ArchiveReread.run(archive) { changes.append($0) }
        #expect(changes == previewed)
        #expect(summary.meetings == 1 && summary.changed == 1 && summary.kept.isEmpty)
        #expect(changes.contains(RereadChange(id: id, field: "duration_minutes", before: "—", after: "50")))
        #expect(changes.contains(RereadChange(id: id, field: "start_time", before: "—", after: "15:00")))
        #expect(changes.contains(RereadChange(id: id, field: "needs_review", before: "no counterpart found", after: "—")))
        #expect(changes.contains { $0.field == "topics" && $0.after.contains("ukraine") })
        #expect(!changes.contains { $0.field == "venue" })
        let r = try MeetingQuery.record(archive, id: id)
        #expect(r.readouts.count == 2 && r.venue == "Tokyo" && r.corrections.count == 1)
        #expect(r.evidence.contains { $0.field == "duration_minutes" && $0.readout == 1 })
        // A second reread finds nothing more.
        var again: [RereadChange] = []
        #expect(try ArchiveReread.run(archive) { again.append($0) }.changed == 0)
        #expect(again.isEmpty)
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    @Test func exportThenImportKeepsCorrectionsAndDecisions() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        try archive.store(try storable(bobText, file: "b.txt"))
        try correct(archive, "duration_minutes", "45", note: "as the French side says")
        try correct(archive, "participant:1.role", "attendee")
        try correct(archive, "commitment:1.by", "JPN")
        try correct(archive, "topics", "none")
        _ = try MeetingLinks.unlink(archive, id: id, readout: "2", note: "another talk")
        let first = try exported(archive)
        let copy = try TemporaryArchive().open()
        for line in first.split(separator: "\n") {
            try copy.store(StorableReadout(exported: try MeetingRecord.decode(json: String(line))))
        }
        #expect(try exported(copy) == first)
        let r = try MeetingQuery.record(copy, id: id)
        #expect(r.durationMinutes == 45 && r.topics.isEmpty && r.corrections.count == 5)
        #expect(r.corrections.last?.field == "unlink" && r.corrections.last?.item == "/readouts/fr/readout.txt")
        // A hand-edited record whose corrections say an unknown party was read is refused whole.
        let edited = first.split(separator: "\n").first { $0.contains(id) }!.replacingOccurrences(of: "\"read\": \"joint\"", with: "\"read\": \"XYZ\"")
        let empty = try TemporaryArchive().open()
        #expect(throws: IngestError.badRecord("unknown party code XYZ")) {
            try empty.store(StorableReadout(exported: try MeetingRecord.decode(json: edited)))
        }
        #expect(try exported(empty).isEmpty)
        // The corrections of the copy are applied over what was read: undoing one gives the reading back.
        _ = try CorrectionStore.undo(copy, id: id, field: "duration_minutes")
        #expect(try MeetingQuery.record(copy, id: id).durationMinutes == 50)
    }

    @Test func reviewListsEachKindOfReason() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt"))
        let undated = bobText.replacingOccurrences(of: "August 2, 2023", with: "August 2")
        let undatedID = try archive.store(try storable(undated, file: "b.txt")).id
        try correct(archive, "format", "video")
        let changed = aliceText.replacingOccurrences(of: "held a meeting", with: "held a video conference")
        try archive.store(try storable(changed, file: "jp/readout.txt"))
        let items = try ReviewQuery.items(archive, filter: MeetingFilter())
        #expect(Set(items.map(\.kind)) == [.reading, .conflict, .correction])
        #expect(items.contains { $0.id == undatedID && $0.kind == .reading && $0.reason == "no year in text" })
        #expect(items.contains { $0.id == id && $0.kind == .conflict && $0.reason.hasPrefix("readouts disagree on duration_minutes: ") })
        #expect(items.contains { $0.id == id && $0.kind == .correction && $0.reason.hasPrefix("readout changed since the correction of format") })
        #expect(Set(try MeetingQuery.list(archive, filter: MeetingFilter(needsReview: true)).map(\.id)) == [id, undatedID])
        // The filters of `list` apply.
        #expect(try ReviewQuery.items(archive, filter: MeetingFilter(party: "CAN")).map(\.id) == [undatedID])
        #expect(Set(try ReviewQuery.items(archive, filter: MeetingFilter(limit: 1)).map(\.id)).count == 1)
    }

    /// A person's link joins readouts the reading keeps apart, and an unlink parts readouts it joined; a later
    /// import of a changed version respects both.
    @Test func linkAndUnlinkAreRespectedByLaterImports() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/readout.txt"))
        // The French readout with the minister named by her title alone: the reading cannot link it.
        let byTitle = aliceTextFrench.replacingOccurrences(of: "Mme Élodie MARCHAND, ministre", with: "la ministre")
        let other = try archive.store(try storable(byTitle, file: "fr/readout.txt"))
        #expect(other.id != id)
        let linked = try MeetingLinks.link(archive, id: id, others: [other.id], note: "the same talk")
        #expect(linked.readouts == 2)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).map(\.id) == [id])
        let changed = byTitle.replacingOccurrences(of: "45 minutes", with: "40 minutes")
        #expect(try archive.store(try storable(changed, file: "fr/readout.txt")) == .replaced(id: id))
        #expect(try MeetingQuery.record(archive, id: id).readouts.count == 2)

        // Unlinked: the readout makes its own meeting, and a changed version does not go back.
        #expect(throws: ArchiveError.self) { try MeetingLinks.unlink(archive, id: id, readout: "readout.txt", note: nil) }
        let parted = try MeetingLinks.unlink(archive, id: id, readout: "fr/readout.txt", note: nil)
        #expect(parted.readout == "/readouts/fr/readout.txt")
        #expect(throws: ArchiveError.badQuery("\(id) has one readout: there is nothing to unlink")) {
            try MeetingLinks.unlink(archive, id: id, readout: "1", note: nil)
        }
        #expect(try MeetingQuery.record(archive, id: id).readouts.count == 1)
        let changedAgain = aliceTextFrench.replacingOccurrences(of: "45 minutes", with: "35 minutes")
        #expect(try archive.store(try storable(changedAgain, file: "fr/readout.txt")) == .replaced(id: parted.newID))
        // Neither does a copy of it from elsewhere that the reading would link, nor the Japanese readout changed.
        #expect(try archive.store(try storable(aliceText.replacingOccurrences(of: "50", with: "52"), file: "jp/readout.txt")) == .replaced(id: id))
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter()).count == 2)
        let decisions = try MeetingQuery.record(archive, id: id).corrections.map(\.field)
        #expect(decisions == ["unlink"])
        // Link refuses what it cannot do, and changes nothing.
        #expect(throws: ArchiveError.self) { try MeetingLinks.link(archive, id: id, others: [id], note: nil) }
        #expect(throws: ArchiveError.noSuchMeeting("nosuch")) { try MeetingLinks.link(archive, id: id, others: ["nosuch"], note: nil) }
        #expect(try ArchiveCheck.run(archive).problems.isEmpty)
    }

    /// Two readouts giving the same sentence: a correction of the second copy stays on the second copy,
    /// through a rebuild and a round trip.
    @Test func itemsOfOneSentenceAreToldApart() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/a.txt"))
        let copy = try archive.store(try storable(aliceText.replacingOccurrences(of: "50 minutes", with: "45 minutes"), file: "copy/a.txt"))
        _ = try MeetingLinks.link(archive, id: id, others: [copy.id], note: nil)
        var r = try MeetingQuery.record(archive, id: id)
        #expect(r.commitments.count == 4 && r.commitments[0].text == r.commitments[2].text)
        _ = try correct(archive, "commitment:2.by", "FRA")
        r = try MeetingQuery.record(archive, id: id)
        #expect(r.commitments.map(\.by) == ["joint", "joint", "FRA", "joint"])
        #expect(r.corrections.map(\.field) == ["link", "commitment:2.by"])
        var changes: [RereadChange] = []
        _ = try ArchiveReread.run(archive) { changes.append($0) }
        #expect(try MeetingQuery.record(archive, id: id).commitments.map(\.by) == ["joint", "joint", "FRA", "joint"])
        let copyArchive = try TemporaryArchive().open()
        let first = try exported(archive)
        for line in first.split(separator: "\n") { try copyArchive.store(StorableReadout(exported: try MeetingRecord.decode(json: String(line)))) }
        #expect(try exported(copyArchive) == first)
    }

    /// An export's corrections join an archive that already holds the readout; a later decision replaces an
    /// earlier one; a hand-edited value that `bilat correct` would refuse is refused whole.
    @Test func anExportsCorrectionsJoinTheArchiveThatHoldsTheReadout() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        _ = try correct(archive, "venue", "Tokyo", note: "the ministry's photo caption")
        let record = try exported(archive)
        let other = try TemporaryArchive().open()
        try other.store(try storable(aliceText, file: "a.txt"))
        #expect(try other.store(StorableReadout(exported: try MeetingRecord.decode(json: record))) == .unchanged(id: id))
        var r = try MeetingQuery.record(other, id: id)
        #expect(r.venue == "Tokyo" && r.corrections.first?.note == "the ministry's photo caption")
        // A later correction in the export replaces the archive's; an earlier one does not.
        let later = record.replacingOccurrences(of: "\"value\": \"Tokyo\"", with: "\"value\": \"Kyoto\"")
            .replacing(#/"at": "[^"]*"/#, with: "\"at\": \"2099-01-01T00:00:00Z\"")
        try other.store(StorableReadout(exported: try MeetingRecord.decode(json: later)))
        r = try MeetingQuery.record(other, id: id)
        #expect(r.venue == "Kyoto")
        let earlier = later.replacingOccurrences(of: "Kyoto", with: "Osaka").replacingOccurrences(of: "2099-01-01", with: "2001-01-01")
        try other.store(StorableReadout(exported: try MeetingRecord.decode(json: earlier)))
        #expect(try MeetingQuery.record(other, id: id).venue == "Kyoto")
        // Hand-edited values of the wrong kind: one clear reason, nothing written.
        let empty = try TemporaryArchive().open()
        for (from, to, reason) in [("\"value\": \"Tokyo\"", "\"value\": 42", "42 is not a value of venue"),
                                   ("\"field\": \"venue\"", "\"field\": \"date\"", "date Tokyo is not a day")] {
            let edited = record.replacingOccurrences(of: from, with: to)
            let error = #expect(throws: IngestError.self) { try empty.store(StorableReadout(exported: try MeetingRecord.decode(json: edited))) }
            #expect(error?.description.contains("correction 1 (") == true && error?.description.contains(reason) == true, "\(error?.description ?? "")")
        }
        #expect(try exported(empty).isEmpty)
    }

    /// What a person has decided leaves the review: a date set by hand answers "no year in text", a fact
    /// corrected settles the readouts' conflict on it.
    @Test func correctingEmptiesTheReview() throws {
        let archive = try TemporaryArchive().open()
        let undated = try archive.store(try storable(bobText.replacingOccurrences(of: "August 2, 2023", with: "August 2"), file: "b.txt")).id
        try archive.store(try storable(aliceText, file: "jp/a.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/a.txt"))
        #expect(Set(try ReviewQuery.items(archive, filter: MeetingFilter()).map(\.id)) == [undated, id])
        _ = try CorrectionStore.correct(archive, id: undated, field: "date", words: ["2023-08-02"], note: nil)
        _ = try correct(archive, "duration_minutes", "50")
        #expect(try ReviewQuery.items(archive, filter: MeetingFilter()).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(needsReview: true)).isEmpty)
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(conflicts: true)).map(\.id) == [id], "the readouts still disagree")
        #expect(try MeetingQuery.record(archive, id: undated).needsReview.isEmpty)
        _ = try CorrectionStore.undo(archive, id: undated, field: "date")
        #expect(try MeetingQuery.list(archive, filter: MeetingFilter(needsReview: true)).map(\.id) == [undated])
    }

    /// A readout unlinked takes along the corrections of what only it gives; linking again drops the unlink.
    @Test func unlinkTakesItsCorrectionsAndLinkUndoesTheUnlink() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "jp/a.txt"))
        try archive.store(try storable(aliceTextFrench, file: "fr/a.txt"))
        let french = try #require(try MeetingQuery.record(archive, id: id).commitments.firstIndex { $0.text.contains("cybersécurité") })
        _ = try correct(archive, "commitment:\(french).by", "FRA")
        let parted = try MeetingLinks.unlink(archive, id: id, readout: "2", note: nil)
        #expect(try MeetingQuery.record(archive, id: id).corrections.map(\.field) == ["unlink"])
        #expect(try MeetingQuery.record(archive, id: parted.newID).commitments.map(\.by) == ["FRA"])
        #expect(try ReviewQuery.items(archive, filter: MeetingFilter()).isEmpty)
        _ = try MeetingLinks.link(archive, id: parted.newID, others: [id], note: nil)
        let decisions = try MeetingQuery.record(archive, id: parted.newID).corrections.map(\.field)
        #expect(decisions.contains("link") && !decisions.contains("unlink"))
    }

    /// Readouts that changed under a correction stay to review through export → import.
    @Test func aChangedReadingSurvivesARoundTrip() throws {
        let archive = try TemporaryArchive().open()
        try archive.store(try storable(aliceText, file: "a.txt"))
        _ = try correct(archive, "duration_minutes", "45")
        try archive.store(try storable(aliceText.replacingOccurrences(of: "50 minutes", with: "55 minutes"), file: "a.txt"))
        let first = try exported(archive)
        #expect(first.contains("\"read\": 50, \"read_now\": 55"))
        let copy = try TemporaryArchive().open()
        try copy.store(StorableReadout(exported: try MeetingRecord.decode(json: first)))
        #expect(try exported(copy) == first)
        #expect(try ReviewQuery.items(copy, filter: MeetingFilter()).map(\.reason)
            == ["readout changed since the correction of duration_minutes: read 50 when corrected, 55 now; kept 45"])
        _ = try CorrectionStore.undo(copy, id: id, field: "duration_minutes")
        #expect(try MeetingQuery.record(copy, id: id).durationMinutes == 55)
    }
}
