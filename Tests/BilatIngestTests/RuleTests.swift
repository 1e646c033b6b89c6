import Foundation
import Testing
@testable import BilatIngest

/// One test per extraction rule, on sentences written for these tests.
@Suite struct RuleTests {
    @Test func principalNamedByTitleAloneTakesThePublishersSide() throws {
        let r = try read("""
            PM meeting with the Prime Minister of Latvia
            4 March 2024

            A spokesperson for Downing Street said:
            The Prime Minister welcomed Prime Minister Evika Silina of Latvia to Downing Street this afternoon. The leaders agreed to deepen defence cooperation in the Baltic.
            """)
        #expect(r.parties == ["GBR", "LVA"])
        #expect(r.principals.first?.familyName == nil && r.principals.first?.title == "Prime Minister" && r.principals.first?.party == "GBR")
        #expect(r.date == "2024-03-04")
    }

    @Test func attendeesTakeTheSideTheTextGivesThem() throws {
        let r = try read("""
            Summit Meeting
            May 2, 2016

            On May 2, Mr. Taro Yamada, Prime Minister of Japan, held talks with H.E. Mr. Arne Lund, Prime Minister of the Kingdom of Norway. (On the Norwegian side, attending were Mr. Per Dahl, Minister of Trade. On the Japanese side, attending were Mr. Ken Mori, Deputy Chief Cabinet Secretary.)
            """)
        let sides = Dictionary(uniqueKeysWithValues: r.attendees.map { ($0.familyName ?? "", $0.party ?? "") })
        #expect(sides == ["Dahl": "NOR", "Mori": "JPN"])
    }

    @Test func wellKnownPeopleNamedWithoutTitle() throws {
        let r = try read("""
            Keir Starmer meeting with President Macron
            Press release from 10 Downing Street, 10 July 2025.

            The Prime Minister hosted the President of France, Emmanuel Macron, in London today. The leaders agreed to work together on migration.
            """)
        #expect(Set(r.principals.compactMap(\.familyName)) == ["Starmer", "Macron"])
        #expect(r.parties.sorted() == ["FRA", "GBR"])
        #expect(r.date == "2025-07-10")
    }

    @Test func agreementIsJointWhoeverSaysIt() throws {
        let r = try read("""
            Call
            June 3, 2022

            Secretary Jane Ross of the United States spoke today with Foreign Minister Ana Vidal of Spain. The Secretary agreed that more needed to be done on energy. Minister Vidal thanked the Secretary for her commitment to Spain's security. He and Minister Vidal confirmed their support for Ukraine.
            """)
        #expect(r.commitments.map(\.by) == ["joint", "joint"])
        #expect(r.commitments.first?.text.hasPrefix("The Secretary agreed") == true)
    }

    @Test func intentionsAreUndertakingsOfTheirSubject() throws {
        let r = try read("""
            Meeting
            July 8, 2019

            On July 8, Mr. Taro Yamada, Minister for Foreign Affairs of Japan, met with H.E. Mr. Omar Haddad, Minister of Foreign Affairs of Jordan. Minister Haddad extended his congratulations to Minister Yamada and his intention to visit Tokyo next year. Minister Yamada expressed appreciation for the hospitality, and explained that he intends to expand aid to refugees.
            """)
        #expect(r.commitments.map(\.by) == ["JOR", "JPN"])
    }

    @Test func relativeDaysInLaterSentencesAndTheHeadlineDate() throws {
        let r = try read("""
            Foreign Secretary meets Chilean Foreign Minister, 8 March 2023
            The Foreign Secretary and the Chilean Foreign Minister Alberto Soto met in London.
            They agreed to cooperate on lithium.
            """)
        #expect(r.date == "2023-03-08")
    }

    @Test func namesWithParticlesInitialsAndArabicFamilyNames() {
        #expect(PersonMention.split(["Jean-Yves", "Le", "DRIAN"]).family == "Le Drian")
        #expect(PersonMention.split(["Retno", "L.P.", "Marsudi"]).family == "Marsudi")
        #expect(PersonMention.split(["Ursula", "von", "der", "Leyen"]).family == "von der Leyen")
        #expect(PersonMention.split(["TALL", "SALL", "Aïssata"]) == (family: "Tall Sall", given: "Aïssata"))
    }

    @Test func frenchAgreementWithAdverbsBetween() throws {
        let r = try read("""
            Entretien
            2023/6/1

            Le 1er juin 2023, le ministre des Affaires étrangères HAYASHI Yoshimasa a rencontré Mme Hadja LAHBIB, ministre des Affaires étrangères de la Belgique. Les deux ministres sont aussi convenus de renforcer les échanges universitaires. Ils ont également convenus de se revoir.
            """)
        #expect(r.commitments.map(\.by) == ["joint", "joint"])
        #expect(r.parties == ["JPN", "BEL"])
    }

    @Test func russiaInASentenceAboutUkraineIsTheWar() {
        let tagger = TopicTagger(topics: LanguageData.shared.topics, language: "en")
        #expect(tagger.topics(of: "They condemned Russia's aggression against Ukraine.") == ["ukraine"])
        #expect(tagger.topics(of: "They discussed sanctions on Russia.") == ["russia"])
    }

    @Test func anUndertakingByTitleAloneBindsThatPersonsSide() throws {
        let r = try read("""
            Meeting
            5 March 2024

            On 5 March 2024, President Olena Koval of Ukraine met with Prime Minister of the Netherlands Pieter de Groot in Kharkiv. The Prime Minister announced that the Netherlands will provide 200 million euros for demining.
            """)
        #expect(r.commitments.map(\.by) == ["NLD"])
    }
}
