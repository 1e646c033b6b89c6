import Foundation
import Testing
@testable import BilatIngest

/// Rules for house styles the corpus did not teach: datelines of re-publishers, two clocks, spans of time,
/// durations in words, headlines under a place line. Every sentence here is written for these tests.
@Suite struct UnseenStyleTests {
    let en = DateGrammar(profile: LanguageData.shared.profile("en"))
    let fr = DateGrammar(profile: LanguageData.shared.profile("fr"))
    let ja = DateGrammar(profile: LanguageData.shared.profile("ja"))

    // MARK: Dates

    @Test func shortMonthsWithoutAPeriod() {
        #expect(en.days(in: "Posted On: 03 FEB 2027 9:15AM by the Bureau").first?.iso == "2027-02-03")
        #expect(en.days(in: "Updated Sep 14, 2019").first?.iso == "2019-09-14")
    }

    @Test func numericDatesWithTheYearLast() {
        #expect(en.days(in: "22.06.2017 - Press release").first?.iso == "2017-06-22")
        #expect(fr.days(in: "Le 05/03/2022, les ministres").first?.iso == "2022-03-05")
        #expect(en.days(in: "25/12/2024").first?.iso == "2024-12-25")
        #expect(en.days(in: "12/25/2024").first?.iso == "2024-12-25")
        // Month or day first? In English slashes do not say: the date is left unread.
        #expect(en.days(in: "04/06/2024 | Statement").isEmpty)
    }

    @Test func publicationStampIsNotTheMeetingsClock() throws {
        let r = try read("""
            Minister speaks with counterpart
            Posted On: 03 FEB 2027 9:15AM by Press Bureau The Foreign Minister, Shri Arun Rao, received a telephone call from Foreign Minister Lena Berg of Sweden. The two ministers agreed to stay in close touch.
            """)
        #expect(r.date == "2027-02-03")
        #expect(r.startTime == nil)
        #expect(r.format == .telephone)
    }

    @Test func todayInTheLeadWinsOverAnotherEventsDate() throws {
        let r = try read("""
            Geneva

            14 March 2019

            Readout of the Director's call with H.E. Ms. Clara Voss, Minister of Foreign Affairs of Austria

            Today, the Director spoke with H.E. Ms. Clara Voss, Minister of Foreign Affairs of Austria.

            The Director welcomed the resolution adopted by the Council on 2 March on the situation in the region.
            """)
        #expect(r.date == "2019-03-14")
        #expect(r.title?.hasPrefix("Readout of") == true)
    }

    @Test func aDateLineDatesAReadoutThatNamesNoDay() throws {
        let r = try read("""
            Readout of the Minister's meeting with the President of the Council
            Lima
            9 May 2021

            The Minister met with the President of the Council, Mr. Hugo Brandt, and discussed the harvest.
            """)
        #expect(r.date == "2021-05-09")
        #expect(r.needsReview.contains("meeting date taken from the date line"))
    }

    // MARK: Clock and duration

    @Test func theLocalClockOfTwo() {
        let times = en.times(in: "commencing at 3 p.m. (2 p.m. local time) for about 40 minutes")
        #expect(DateGrammar.startTime(times)?.text == "14:00")
        let home = en.times(in: "from 9:30 a.m. (4:30 p.m. Japan time)")
        #expect(DateGrammar.startTime(home)?.text == "09:30")
    }

    @Test func spansOfTime() {
        let between = en.timeRange(in: "had a call between 09:40 and 10:05 on May 3")
        #expect(between?.start.text == "09:40" && between?.minutes == 25)
        let dash = en.timeRange(in: "met on June 1 at 15:30-16:10 (local time)")
        #expect(dash?.start.text == "15:30" && dash?.minutes == 40)
        let french = fr.timeRange(in: "se sont entretenus de 10h15 à 11h00 au ministère")
        #expect(french?.start.text == "10:15" && french?.minutes == 45)
        #expect(ja.timeRange(in: "10時20分から10時50分まで会談を行った")?.minutes == 30)
        // Two times that are not a span.
        #expect(en.timeRange(in: "at 1 p.m. (12 p.m. local time)") == nil)
    }

    @Test func durationsInWords() {
        #expect(fr.durations(in: "pendant près d’une heure quarante-cinq minutes").first?.minutes == 105)
        #expect(fr.durations(in: "pendant environ une heure et demie").first?.minutes == 90)
        #expect(fr.durations(in: "durant plus d'une heure").first?.minutes == 60)
        #expect(en.durations(in: "for around 40 minutes").first?.minutes == 40)
    }

    @Test func aSpanInTheLeadGivesStartAndLength() throws {
        let r = try read("""
            Outcome of Foreign Ministers' Telephone Conversation
            Date 2022-11-02

            Minister of Foreign Affairs Han Min-su had a telephone conversation with Minister for Foreign Affairs Olga Rahm of Estonia between 16:40 and 17:15 on November 2, 2022.
            """)
        #expect(r.startTime == "16:40")
        #expect(r.durationMinutes == 35)
    }

    @Test func theCallLastedInASentenceOfItsOwn() throws {
        let r = try read("""
            Call with Chile
            June 4, 2023

            Foreign Minister Akira Sato spoke with Foreign Minister Rosa Medina of Chile. The call lasted about 35 minutes. The ministers agreed to meet in Santiago.
            """)
        #expect(r.durationMinutes == 35)
    }

    // MARK: Format

    @Test func formatWords() throws {
        let talks = try read("Talks\n2016/3/1\n\nOn March 1, 2016, Foreign Minister Chen Bo held phone talks with Foreign Minister Akira Sato of Japan.\n")
        #expect(talks.format == .telephone)
        let virtual = try read("Compte rendu : la ministre Claire Roy s’entretient virtuellement avec le ministre du Commerce du Chili\n\nLe 3 mars 2021, la ministre du Commerce, l’honorable Claire Roy, s’est entretenue avec le ministre du Commerce du Chili, Pablo Soto.\n")
        #expect(virtual.format == .video)
    }

    // MARK: Sides

    @Test func anOrganisationsHeadByTitleAloneIsNamedInTheByline() throws {
        let r = try read("""
            Geneva

            3 June 2022

            Summary of a meeting between the Secretary-General and Norway's head of government

            Secretary-General António Guterres

            This morning the Secretary-General received Tomas Berg, Prime Minister of Norway. Their talk covered the situation in Mali and the war in Yemen.
            """)
        #expect(r.parties == ["UN", "NOR"])
        #expect(r.principals.first?.familyName == "Guterres")
    }

    @Test func aPlaceUnderDiscussionIsNotASide() throws {
        let r = try read("""
            Readout of the Director's call with Mr. Olav Lind, Minister of Health of Denmark
            8 May 2020

            Today, the Director spoke with Mr. Olav Lind, Minister of Health of Denmark, about the situation in Syria.
            """)
        #expect(!r.parties.contains("SYR"))
        #expect(r.principals.contains { $0.familyName == "Lind" && $0.party == "DNK" })
    }

    @Test func jointlyWithTwoOfTheSameSide() throws {
        let r = try read("""
            Summary of a meeting with two leaders of the European Union
            Brussels
            12 April 2021

            By António Guterres, Secretary-General

            In Brussels the Secretary-General together met the President of the European Council, Mr. Piet Claes, and the President of the European Commission, Ms. Anna Weber.
            """)
        #expect(Set(r.parties) == ["UN", "EU"])
    }

    @Test func theShanghaiCooperationOrganisationIsAParty() throws {
        let r = try read("""
            Telephone conversation
            On 2 May 2021, SCO Secretary-General Ivan Petrov had a telephone conversation with Foreign Minister of Nepal Ram Thapa.
            """)
        #expect(r.parties == ["SCO", "NPL"])
    }

    // MARK: People

    @Test func aPortfolioBetweenTitleAndState() throws {
        let r = try read("""
            Call with Kenya
            March 3, 2024

            On March 3, 2024, Foreign Minister Akira Sato of Japan spoke with the Cabinet Secretary for Foreign and Diaspora Affairs of Kenya, Mr. John Mwangi.
            """)
        #expect(r.principals.contains { $0.familyName == "Mwangi" && $0.party == "KEN" && $0.title == "Cabinet Secretary for Foreign and Diaspora Affairs of Kenya" })
        #expect(r.parties == ["JPN", "KEN"])
    }

    @Test func anAmbassadorIsNotOfTheStateTheyAreSentTo() throws {
        let r = try read("""
            Meeting with the Ambassador
            March 3, 2024

            On March 3, 2024, Foreign Minister Akira Sato of Japan received Ambassador to Japan Paul Grant of Canada.
            """)
        #expect(r.principals.contains { $0.familyName == "Grant" && $0.party == "CAN" })
    }

    @Test func oneGuessIsNotTwoSides() throws {
        let r = try read("""
            Audience
            March 3, 2024

            On March 3, 2024, Prime Minister Akira Sato was received in audience by King Tomas Berg. Mr. Kenji Mori, Deputy Chief Cabinet Secretary, also attended. They discussed trade with Norway.
            """)
        // Neither side is stated for either man: neither is given Norway's side twice over.
        #expect(r.principals.filter { $0.party == "NOR" }.count <= 1)
        #expect(r.attendees.first?.title == "Deputy Chief Cabinet Secretary")
    }

    @Test func theCounterpartsReplyBindsTheCounterpart() throws {
        let r = try read("""
            Meeting
            March 3, 2024

            On March 3, 2024, Mr. Akira Sato, Minister for Foreign Affairs of Japan, met with H.E. Mr. Nasser Karim, Crown Prince and Prime Minister of Kuwait. Crown Prince Nasser replied that he would come to Osaka in the autumn.
            """)
        #expect(r.commitments.map(\.by) == ["KWT"])
        #expect(r.principals.last?.title == "Crown Prince and Prime Minister of Kuwait")
    }
}
