import Foundation
import Testing
@testable import BilatIngest

/// Dates and formats as house styles not seen before write them; every text is written for these tests.
@Suite struct DateAndFormatRuleTests {
    @Test func aBareWeekdayBeforeTheVerbIsTheMeetingDay() throws {
        let r = try read("""
            Kenya and Ghana sign a trade protocol
            2022-03-14

            Foreign Minister Ama Owusu Sunday held bilateral talks with her Kenyan counterpart in Accra.
            """)
        #expect(r.date == "2022-03-13")
        #expect(r.format == .inPerson)
        let french = try read("""
            Les présidents se parlent
            11 novembre 2016

            Les présidents Lucie Moreau et Karl Berger se sont entretenus vendredi au téléphone.
            """)
        #expect(french.date == "2016-11-11")
    }

    @Test func aDateOfAnotherEventIsNotTheMeetings() throws {
        let r = try read("""
            Foreign Ministry of Ruritania
            05/25/2023 | Press release

            Foreign Minister Ivo Kral met with French Foreign Minister Anne Roux in Strelsau.
            The meeting followed the talks between the two presidents held on the sidelines of the summit in Oslo on 20 May.
            """)
        #expect(r.date == "2023-05-25")
    }

    @Test func aSitesClockIsNotTheDateLine() throws {
        let r = try read("""
            Wednesday, 03 January 2024 08:10 GMT
            Prime Minister Meets Chilean Foreign Minister

            2025-06-11 09:30:00

            Prime Minister Tomas Ek today received Foreign Minister Marta Soto of Chile, who is visiting Sweden.
            """)
        #expect(r.date == "2025-06-11")
        #expect(r.title == "Prime Minister Meets Chilean Foreign Minister")
    }

    @Test func aLaterSentenceOnTheCallDecidesTheFormat() throws {
        let r = try read("""
            Ministers discuss the region
            March 2, 2024

            Foreign Minister Ivo Kral of the Czech Republic and Foreign Minister Anne Roux of France discussed the situation in the Balkans.
            During the phone call, the two ministers agreed to meet again in April.
            """)
        #expect(r.format == .telephone)
        let virtual = try read("""
            Talks with the Secretary of State
            April 27, 2021

            President Ama Owusu held bilateral talks with Secretary of State Helen Park during her virtual visit to Ghana.
            """)
        #expect(virtual.format == .video)
    }

    /// A text that does not say how the sides met states no format, rather than "in person" by default.
    @Test func noFormatWhereTheTextSaysNone() throws {
        let r = try read("""
            Ministers discuss the region
            March 2, 2024

            Foreign Minister Ivo Kral of the Czech Republic and Foreign Minister Anne Roux of France discussed the situation in the Balkans.
            """)
        #expect(r.format == nil)
        #expect(r.date == "2024-03-02")
        let met = try read("""
            Ministers meet
            March 2, 2024

            Foreign Minister Ivo Kral met Foreign Minister Anne Roux of France in Prague.
            """)
        #expect(met.format == .inPerson)
    }

    @Test func aDateLineBelowTheLead() throws {
        let r = try read("""
            Le ministre s’entretient à Rabat avec son homologue portugais
            Le ministre des Affaires étrangères du Maroc, Karim Alaoui, a eu mardi à Rabat un entretien avec le ministre portugais des Affaires étrangères, Rui Costa.
            LE QUOTIDIEN
            10 Mars 2026
            À 13:51
            L’entretien a porté sur les relations bilatérales.
            """)
        #expect(r.date == "2026-03-10")
    }
}

/// A text in a language Bilat has no grammar for is kept, but no facts are read from it.
@Suite struct UnsupportedLanguageTests {
    @Test func aTextInAnotherLanguageStatesNoFacts() throws {
        let text = """
            Conversa telefônica entre o ministro e o secretário de Estado
            O ministro das Relações Exteriores conversou hoje por telefone com o secretário de Estado dos Estados Unidos. \
            Os dois acordaram em manter o diálogo sobre comércio, energia e segurança regional, e trataram também da cooperação \
            em ciência e tecnologia, da situação na Venezuela e dos preparativos para a próxima cúpula das Américas em novembro.
            """
        let r = try read(text)
        #expect(r.language == "und")
        #expect(r.format == nil && r.parties.isEmpty && r.commitments.isEmpty)
        #expect(r.needsReview == ["the text is not in a language Bilat reads (English, French, Japanese)"])
        // Spanish shares "de", "la" and "en" with French: its own common words tell it apart.
        let spanish = try read("""
            La canciller se reúne con el viceministro de Asuntos Exteriores de Perú
            La ministra de Relaciones Exteriores recibió hoy al viceministro de Asuntos Exteriores de Perú, con quien abordó \
            diversos temas de la agenda común. Las autoridades dialogaron sobre la cooperación en la región y sobre los desafíos \
            comunes de ambos Estados, y acordaron mantener las consultas políticas en Lima el próximo año.
            """)
        #expect(spanish.language == "und")
        #expect(try read("Le ministre des Affaires étrangères de la France a reçu aujourd’hui son homologue du Pérou, avec qui il a abordé les sujets de l’agenda commun, la coopération dans la région et les défis communs des deux États, et ils sont convenus de tenir des consultations politiques à Lima l’an prochain.").language == "fr")
    }
}

/// A topic word inside the name of an office is no topic discussed.
@Suite struct OfficeNameTopicTests {
    @Test func anOfficesNameIsNoTopic() throws {
        let r = try read("""
            Call with the Prime Minister
            October 11, 2021

            Prince Faris bin Tamer, Deputy Prime Minister and Minister of Defense, received a phone call today from Prime Minister Ann Ward of the United Kingdom.
            The two sides discussed trade between their countries.
            """)
        #expect(r.topics == ["trade-investment"])
        let french = try read("""
            Le ministre reçoit son homologue
            10 mars 2026

            Le ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l’étranger, Karim Alaoui, a reçu mardi à Rabat le ministre portugais des Affaires étrangères, Rui Costa.
            Les deux ministres ont évoqué l’énergie.
            """)
        #expect(!french.topics.contains("africa"))
        let offices = ReadoutReading.officeNames(in: "He met the Minister of Defense and Veterans Affairs, who said so.", profile: LanguageData.shared.profile("en"))
        #expect(offices.count == 1)
    }
}

/// Sides are stated whole or not at all.
@Suite struct SidesStatedWholeTests {
    @Test func oneSideOfTwoPrincipalsIsNoListOfSides() throws {
        let r = try read("""
            Foreign Minister's call with his Australian counterpart
            August 24, 2021

            Foreign Minister Asad Rana spoke by telephone with Australian Foreign Minister Jane Cole on Tuesday.
            """)
        #expect(r.principals.count == 2)
        #expect(r.parties.isEmpty)
        #expect(r.needsReview.contains("sides not stated: a principal's side is unknown"))
    }
}

@Suite struct MentionedOnlyTests {
    /// A head of state whose condolences are conveyed, or the late ruler they are for, did not meet; the
    /// year of another full date of the text dates the meeting when the lead's weekday confirms it.
    @Test func condolencesAndTheYearOfTheText() throws {
        let r = try read("""
            Le ministre reçu par l’Émir
            Le ministre des Affaires étrangères du Sénégal, Amadou Fall, a été reçu ce lundi 05 octobre par le ministre des Affaires étrangères de l’État du Qatar, Ali Hamad Al-Kuwari, auquel il a adressé les condoléances du Président de la République, Son Excellence Ousmane Diop, suite à la disparition de Cheikh Khalid Al-Thani, le 29 septembre 2020.
            """)
        #expect(r.principals.map(\.familyName) == ["Fall", "Al-Kuwari"])
        #expect(r.date == "2020-10-05")
        #expect(r.needsReview.contains("year taken from another date of the text"))
        // A weekday that no year of the text fits: no date.
        let wrongDay = try read("""
            Le ministre reçu par son homologue
            Le ministre des Affaires étrangères du Sénégal, Amadou Fall, a été reçu ce mardi 05 octobre par le ministre des Affaires étrangères de l’État du Qatar, Ali Hamad Al-Kuwari, après la réunion du 29 septembre 2020.
            """)
        #expect(wrongDay.date == nil)
    }
}

@Suite struct PublisherFirstTests {
    /// Parties list the publishing side first where the publisher is known, whatever order the lead names them in.
    @Test func thePublishersSideComesFirst() throws {
        let text = """
            Ministers meet in Copenhagen
            May 4, 2022

            Foreign Minister Ole Lund of Denmark met Foreign Minister Lina Berg of Sweden in Copenhagen.
            """
        #expect(try read(text).parties == ["DNK", "SWE"])
        #expect(try read("---\npublisher: Sweden\n---\n" + text).parties == ["SWE", "DNK"])
    }
}

@Suite struct DatelineInTheLeadTests {
    /// A news agency's dateline at the head of the lead dates the report; the lead's "on Monday" is read
    /// against it ("December 31/2019" was a Tuesday).
    @Test func aDatelineAndAWeekdayInOneSentence() throws {
        let r = try read("""
            Minister confers with Ambassador
            Accra December 31/2019 Minister of Foreign Affairs of Ghana Kofi Mensah on Monday held talks with Helen Park, the U.S Ambassador to Ghana.
            """)
        #expect(r.date == "2019-12-30")
        let plain = try read("""
            Minister confers with Ambassador
            Accra December 31/2019 Minister of Foreign Affairs of Ghana Kofi Mensah held talks with Helen Park, the U.S Ambassador to Ghana.
            """)
        #expect(plain.date == "2019-12-31")
    }
}
