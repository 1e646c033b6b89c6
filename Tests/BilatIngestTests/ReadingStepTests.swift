import Foundation
import Testing
@testable import BilatIngest

/// The reading is a pipeline of steps (`ReadoutReading+Step.swift`), each a function of the layout, the lead
/// and the mentions: each driven here with one sentence written for it.
@Suite struct ReadingStepTests {
    static let parser = ReadoutParser()

    /// The reading of `text` (English unless said), before its steps run.
    func reading(_ text: String, language: String = "en") -> ReadoutReading {
        let profile = Self.parser.data.profile(language)
        let layout = ReadoutLayout(text: text, profile: profile, allProfiles: Array(Self.parser.data.languages.values))
        return ReadoutReading(parser: Self.parser, profile: profile, layout: layout, matter: nil)
    }

    @Test func theDateStep() {
        var review: [String] = []
        #expect(reading("On 4 May 2022, Foreign Minister Lina Berg of Sweden met Foreign Minister Ole Lund of Denmark.").meetingDate(review: &review) == "2022-05-04")
        #expect(reading("On May 4, Foreign Minister Lina Berg of Sweden met Foreign Minister Ole Lund of Denmark.").meetingDate(review: &review) == nil)
        #expect(review == ["no year in text"])
    }

    @Test func theClockStep() {
        let clock = reading("On 4 May 2022, commencing at 3:15 p.m. for approximately 40 minutes, Minister Lina Berg met Minister Ole Lund.").clock()
        #expect(clock.0 == "15:15" && clock.1 == 40)
    }

    @Test func theFormatStep() {
        #expect(reading("Minister Lina Berg of Sweden spoke by telephone with Minister Ole Lund of Denmark.").meetingFormat() == .telephone)
        #expect(reading("Minister Lina Berg of Sweden received Minister Ole Lund of Denmark in Stockholm.").meetingFormat() == .inPerson)
        #expect(reading("Minister Lina Berg of Sweden and Minister Ole Lund of Denmark discussed fisheries.").meetingFormat() == nil)
    }

    @Test func theParticipantsStep() {
        var review: [String] = []
        let (people, sides) = reading("Foreign Minister Lina Berg of Sweden met Foreign Minister Ole Lund of Denmark.").participantsAndParties(review: &review)
        #expect(people.map(\.familyName) == ["Berg", "Lund"])
        #expect(sides == ["SWE", "DNK"])
    }

    @Test func theTopicsStep() {
        let r = reading("Minister Lina Berg of Sweden met Minister Ole Lund of Denmark. They discussed cyber security.")
        #expect(r.meetingTopics(r.topicsOfSentences(), leadIsLogistics: false) == ["cybersecurity"])
    }

    @Test func theCommitmentsStep() {
        let r = reading("Minister Lina Berg of Sweden met Minister Ole Lund of Denmark. The two ministers agreed to open a joint fisheries office.")
        var review: [String] = []
        let (people, sides) = r.participantsAndParties(review: &review)
        #expect(r.findCommitments(participants: people, parties: sides, topics: r.topicsOfSentences()).map(\.by) == ["joint"])
    }
}
