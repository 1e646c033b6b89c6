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
