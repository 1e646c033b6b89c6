import Foundation
import Testing
@testable import BilatIngest

/// People and their sides in house styles the corpus did not teach: Arabic name chains and honorifics,
/// counterparts named by a country adjective, media names in wire lines. Every sentence here is written for
/// these tests.
@Suite struct SidesAndNamesTests {
    let extractor = PersonExtractor(profile: LanguageData.shared.profile("en"), parties: PartyResolver(data: LanguageData.shared),
                                    data: LanguageData.shared)

    // MARK: Names

    @Test func anArabicChainKeepsItsAlFamilyName() {
        let m = extractor.mentions(in: "HE Sheikh Khalid bin Hamad bin Nasser Al Rumaih, Minister of Trade, met the delegation.")
        #expect(m.first?.familyName == "Al Rumaih")
        #expect(m.first?.givenName == "Khalid bin Hamad bin Nasser")
        #expect(m.first?.title == "Minister of Trade")
        let h = extractor.mentions(in: "His Royal Highness Prince Turki bin Faisal Al-Mutlaq, Governor of the Province, spoke.")
        #expect(h.first?.familyName == "Al-Mutlaq")
        #expect(h.first?.givenName == "Turki bin Faisal")
    }

    @Test func sheikhPrinceAndHighnessAreHonorificsNotTitles() {
        let m = extractor.mentions(in: "Prince Nawaf bin Saad, Minister of Culture, welcomed HH Sheikh Rashid Al Mazrui.")
        #expect(m.count == 2)
        #expect(m.first?.title == "Minister of Culture")
        #expect(m.last?.familyName == "Al Mazrui")
        #expect(m.last?.title == nil)
    }

    @Test func aNamesakeSharingOnlyAParticleIsNotThePerson() {
        // A known person whose given name starts with "Al-" is not everyone named "… Al …" with the same word.
        let data = LanguageData.shared
        for person in data.people where person.givenWords.first == "al" && person.givenWords.count > 1 {
            let tokens = [person.family, "bin", "Hamdan", "Al", "Rumaih"]
            #expect(data.knownPerson(nameTokens: tokens)?.family != person.family)
        }
    }
}

extension SidesAndNamesTests {
    @Test func anEnglishTitleAfterTheNameEndsAtAVerb() {
        let m = extractor.mentions(in: "HRH Prince Salem bin Fahd Al Harbi, Crown Prince and Prime Minister held a call today with President Lena Berg of Sweden.")
        #expect(m.first?.title == "Crown Prince and Prime Minister")
        #expect(m.count == 2)
        #expect(m.last?.familyName == "Berg")
    }

    @Test func aNameEndingInAlXIsOnlyThePersonOfThatFamilyName() {
        let data = LanguageData.shared
        for person in data.people where person.familyWords.count == 1 && person.givenWords.count >= 1 {
            let tokens = [person.given.capitalized, person.family, "Al-Rumaih"]
            #expect(data.knownPerson(nameTokens: tokens)?.familyWords.last != person.familyWords.last)
        }
    }
}

// MARK: Sides

extension SidesAndNamesTests {
    @Test func aCounterpartWithACountryAdjectiveIsOfThatSide() {
        let m = extractor.mentions(in: "The minister spoke by phone with his Peruvian counterpart Ana Lucia Quispe on Monday.")
        #expect(m.first?.familyName == "Quispe")
        #expect(m.first?.party == "PER")
        let fr = PersonExtractor(profile: LanguageData.shared.profile("fr"), parties: PartyResolver(data: LanguageData.shared), data: LanguageData.shared)
        let f = fr.mentions(in: "Le ministre a reçu hier son homologue chilien, Pablo Reyes Soto, à Paris.")
        #expect(f.first?.familyName == "Soto")
        #expect(f.first?.party == "CHL")
    }

    @Test func aCounterpartNamedWithAnOfficeKeepsTheWholeOffice() {
        let m = extractor.mentions(in: "The Minister held talks with her counterpart, HE Mr Tomas Oyelaran, Minister of Trade, Industry and Tourism.")
        #expect(m.last?.familyName == "Oyelaran")
        #expect(m.last?.title == "Minister of Trade, Industry and Tourism")
    }

    @Test func aCounterpartsSideDoesNotGoToTheSubject() throws {
        let r = try read("""
            Minister meets counterpart

            Foreign Minister Lena Berg of Sweden met her Kenyan counterpart, Joseph Mwangi Otieno, in Stockholm on 3 March 2026.
            """)
        #expect(principal(r, "Berg")?.party == "SWE")
        #expect(principal(r, "Otieno")?.party == "KEN")
    }

    @Test func aStateInAMediumsNameIsNoSide() {
        let parties = PartyResolver(data: LanguageData.shared)
        #expect(parties.mentions(in: "(Lagos Wire / Nigeria Point News - 3rd May, 2025) The minister met …", language: "en").isEmpty)
        #expect(parties.mentions(in: "according to the Chile Daily Gazette", language: "en").isEmpty)
        #expect(parties.mentions(in: "The minister of Chile met the minister of Peru.", language: "en").map(\.code) == ["CHL", "PER"])
    }

    @Test func aWordOfCourtesyBeforeAStateIsSkipped() {
        let m = extractor.mentions(in: "He met the Minister of Foreign Affairs of the brotherly Kingdom of Morocco, Mr. Karim Tazi Idrissi.")
        #expect(m.first?.party == "MAR")
    }

    @Test func aNameInThePossessiveIsNoPrincipal() throws {
        let r = try read("""
            Foreign Ministers meet

            On 3 March 2026 Foreign Minister Lena Berg of Sweden, who served in Prime Minister Olaf Lund's government, met Foreign Minister Piotr Zielak of Poland.
            """)
        #expect(principal(r, "Lund") == nil)
        #expect(principal(r, "Zielak")?.party == "POL")
    }

    @Test func aFamilyNameAloneIsThePersonNamedInFull() {
        let a = ReadoutReading.Person(tokens: ["Li", "Wenhao"], family: "Li", given: "Wenhao", title: "President", party: "CHN",
                                      firstSeen: 0, titleFromHeadline: false)
        let b = ReadoutReading.Person(tokens: ["Li"], family: "Li", given: nil, title: "President", party: "CHN",
                                      firstSeen: 1, titleFromHeadline: false)
        let c = ReadoutReading.Person(tokens: ["Li", "Ming"], family: "Li", given: "Ming", title: "Premier", party: "CHN",
                                      firstSeen: 2, titleFromHeadline: false)
        let merged = ReadoutReading.mergingNamesakes([a, b, c])
        #expect(merged.count == 2)
        #expect(merged.first?.given == "Wenhao")
    }
}

extension SidesAndNamesTests {
    @Test func anAmbassadorIsOfTheSideThatSendsThem() {
        let m = extractor.mentions(in: "Also present was Omar bin Fahd Al Rumaih, Omani Ambassador to the Netherlands.")
        #expect(m.first?.party == "OMN")
        let n = extractor.mentions(in: "Also present was Omar bin Fahd Al Rumaih, Ambassador to the Netherlands.")
        #expect(n.first?.party == nil)
    }

    @Test func oneHouseNameIsManyPeopleAndAShortNameIsTheOneNamedInFull() throws {
        let r = try read("""
            Ministers meet in Muscat

            On 3 March 2026 Sheikh Khalid bin Hamad Al Rumaih, Minister of Foreign Affairs of Oman, met Foreign Minister Lena Berg of Sweden in Muscat.
            Sheikh Khalid welcomed the minister.
            Also present were Sheikh Salim bin Nasser Al Rumaih, Minister of State, and Ali Said Al Harthi, Omani Ambassador to Sweden.
            """)
        #expect(r.principals.count == 2)
        #expect(r.principals.first?.givenName == "Khalid bin Hamad")
        #expect(r.attendees.map(\.givenName).contains("Salim bin Nasser"))
        #expect(r.attendees.first { $0.familyName == "Al Harthi" }?.party == "OMN")
    }
}

extension SidesAndNamesTests {
    @Test func aStateQualifyingAnotherPersonsOfficeIsNoGuessedSide() throws {
        let r = try read("""
            Minister Berg speaks with Peru's Foreign Minister

            Foreign Minister Lena Berg held a telephone call today with Peru's Foreign Minister on the harvest.
            """)
        #expect(principal(r, "Berg")?.party != "PER")
    }
}

extension SidesAndNamesTests {
    @Test func aOneCharacterCountryBetweenAKatakanaNameAndATitleIsTheSide() {
        let ja = PersonExtractor(profile: LanguageData.shared.profile("ja"), parties: PartyResolver(data: LanguageData.shared), data: LanguageData.shared)
        let m = ja.mentions(in: "首相は、ベルナール仏大統領と電話で会談した。")
        #expect(m.first?.nameTokens == ["ベルナール"])
        #expect(m.first?.party == "FRA")
        #expect(m.first?.title == "大統領")
        let k = ja.mentions(in: "首相はスミス豪首相と会談した。")
        #expect(k.last?.party == "AUS")
        #expect(k.last?.nameTokens == ["スミス"])
    }
}

extension SidesAndNamesTests {
    @Test func aJapanesePairInTheHeadlineGivesTheOtherSide() throws {
        let r = try read("""
            日豪外相が電話会談 北朝鮮情勢で意見交換

            山田太郎外相は3日、スミス豪外相と電話で会談し、北朝鮮情勢について意見を交換した。
            """)
        #expect(r.principals.first { $0.party == "AUS" }?.familyName == "スミス")
        #expect(r.principals.first { $0.familyName != "スミス" }?.party == "JPN")
    }
}
