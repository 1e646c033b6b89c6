import Foundation
import Testing
@testable import BilatIngest

/// Reads a readout written for the test and returns its record.
func read(_ text: String, file: String = "test.txt") throws -> MeetingRecord {
    try ReadoutParser().parse(ReadoutInput(bytes: Data(text.utf8), fileName: file)).record
}

func principal(_ r: MeetingRecord, _ family: String) -> Participant? {
    r.principals.first { $0.familyName == family }
}

@Suite struct PeopleTests {
    @Test func mofaStyleNameThenTitle() throws {
        let r = try read("""
            Japan-Chile Summit Meeting
            March 2, 2022

            On March 1, commencing at 10:05 a.m. for approximately 35 minutes, Mr. MORI Kenta, Prime Minister of Japan, held talks with H.E. Mr. Gabriel Boric, President of the Republic of Chile. Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, was also present.
            """)
        #expect(r.date == "2022-03-01")
        #expect(r.startTime == "10:05")
        #expect(r.durationMinutes == 35)
        #expect(r.parties == ["JPN", "CHL"])
        let mori = try #require(principal(r, "Mori"))
        #expect(mori.givenName == "Kenta")
        #expect(mori.title == "Prime Minister of Japan")
        #expect(mori.party == "JPN")
        let boric = try #require(principal(r, "Boric"))
        #expect(boric.title == "President of the Republic of Chile")
        #expect(boric.party == "CHL")
        #expect(r.attendees.map(\.familyName) == ["Hayashi"])
    }

    @Test func titleThenNameWithQualifiers() throws {
        let r = try read("""
            Readout of a Meeting
            June 14, 2019

            Secretary of State Michael R. Pompeo met today with German Foreign Minister Heiko Maas in Berlin. They agreed to keep working together on Iran.
            """)
        #expect(r.date == "2019-06-14")
        #expect(principal(r, "Pompeo")?.givenName == "Michael")
        #expect(principal(r, "Pompeo")?.party == "USA")
        #expect(principal(r, "Maas")?.party == "DEU")
        #expect(principal(r, "Maas")?.title == "Foreign Minister")
        #expect(r.venue == "Berlin")
    }

    @Test func frenchTitleBeforeCapitalisedName() throws {
        let r = try read("""
            Entretien des ministres
            2023/10/4

            Le 4 octobre 2023 à partir de 15h00, la ministre des Affaires étrangères KAMIKAWA Yoko s’est entretenue pendant environ 40 minutes avec M. Pedro SÁNCHEZ, président du gouvernement du Royaume d’Espagne.
            """)
        #expect(r.language == "fr")
        #expect(r.date == "2023-10-04")
        #expect(r.startTime == "15:00")
        #expect(r.durationMinutes == 40)
        let kamikawa = try #require(principal(r, "Kamikawa"))
        #expect(kamikawa.givenName == "Yoko")
        #expect(kamikawa.title == "ministre des Affaires étrangères")
        #expect(kamikawa.party == "JPN")
        #expect(principal(r, "Sánchez")?.party == "ESP")
    }

    @Test func eastAsianNamesAreFamilyFirst() throws {
        let r = try read("""
            Talks with China
            May 8, 2014

            On May 7, Foreign Minister Kenji Tanaka of Japan met with Foreign Minister Zhou Weiming of China.
            """)
        #expect(principal(r, "Zhou")?.givenName == "Weiming")
        #expect(principal(r, "Tanaka")?.givenName == "Kenji")
    }

    @Test func honorificsAreNotNames() throws {
        let r = try read("""
            Call
            January 9, 2020

            On January 9, H.E. Dr. Amina Diallo, Minister of Foreign Affairs of Senegal, held a telephone talk with Ms. Clara Weber, Foreign Minister of Austria.
            """)
        #expect(r.format == .telephone)
        #expect(Set(r.principals.compactMap(\.familyName)) == ["Diallo", "Weber"])
        #expect(Set(r.principals.compactMap(\.givenName)) == ["Amina", "Clara"])
        #expect(r.parties == ["SEN", "AUT"])
    }
}

@Suite struct WhenAndHowTests {
    @Test func yearComesFromTheDateLineAndTodayIsTheDateLine() throws {
        let r = try read("""
            Readout
            Washington, DC
            April 10, 2025

            Secretary Jane Doe spoke today with Foreign Minister Lars Holm of Norway.
            """)
        #expect(r.date == "2025-04-10")
        #expect(r.format == .telephone)
    }

    @Test func meetingBeforeTheNewYear() throws {
        let r = try read("""
            Meeting
            January 3, 2024

            On December 29, the Prime Minister of Japan met President Ana Costa of Portugal.
            """)
        #expect(r.date == "2023-12-29")
    }

    @Test func noYearMeansNoDateAndAReason() throws {
        let r = try read("""
            Meeting with Portugal
            On June 2, the Prime Minister of Japan met President Ana Costa of Portugal in Lisbon.
            """)
        #expect(r.date == nil)
        #expect(r.needsReview.contains("no year in text"))
    }

    @Test func formats() throws {
        let video = try read("Talks\n2021/2/2\n\nOn February 2, 2021, Foreign Minister Akira Sato held a video conference with Foreign Minister Maria Silva of Brazil.\n")
        #expect(video.format == .video)
        let phone = try read("Entretien\n2021/2/2\n\nLe 2 février 2021, M. Jean DUPONT, ministre des Affaires étrangères, s’est entretenu au téléphone avec M. Marco ROSSI, ministre des Affaires étrangères de l’Italie.\n")
        #expect(phone.format == .telephone)
        let met = try read("Meeting\n2021/2/2\n\nOn February 2, 2021, Foreign Minister Akira Sato met with Foreign Minister Maria Silva of Brazil.\n")
        #expect(met.format == .inPerson)
    }

    @Test func frontMatterOverridesTheText() throws {
        let r = try read("""
            ---
            date: 2020-05-05
            parties: [Japan, Brazil]
            url: https://example.org/r/1
            ---
            Meeting
            On the fifth, the ministers met.
            """, file: "x.md")
        #expect(r.date == "2020-05-05")
        #expect(r.parties == ["JPN", "BRA"])
        #expect(r.source.url == "https://example.org/r/1")
    }
}

@Suite struct CommitmentAndTopicTests {
    func commitments(_ body: String, language: String = "en") throws -> [Commitment] {
        let head = language == "fr"
            ? "Rencontre\n2022/5/5\n\nLe 5 mai 2022, M. Jean DUPONT, ministre des Affaires étrangères de la République française, a rencontré M. SATO Akira, ministre des Affaires étrangères du Japon.\n"
            : "Meeting\nMay 5, 2022\n\nOn May 5, Mr. SATO Akira, Minister for Foreign Affairs of Japan, met with Mr. Jean Dupont, Minister for Foreign Affairs of France.\n"
        return try read(head + body).commitments
    }

    @Test func jointAgreementInEnglish() throws {
        let c = try commitments("The two ministers agreed to launch a dialogue on cyber threats. Both sides confirmed that they would deepen maritime cooperation.")
        #expect(c.map(\.by) == ["joint", "joint"])
        #expect(c[0].topics == ["cybersecurity"])
        #expect(c[1].topics == ["defense-cooperation"] || c[1].topics.isEmpty)
    }

    @Test func wishesAndWelcomesAreNotCommitments() throws {
        let c = try commitments("Minister Sato stated that he would like to visit Paris soon. Minister Dupont welcomed the progress. The ministers exchanged views on Africa.")
        #expect(c.isEmpty)
    }

    @Test func oneSideUndertakes() throws {
        let c = try commitments("Minister Dupont pledged France's support for the reconstruction of Ukraine.")
        #expect(c.count == 1)
        #expect(c.first?.by == "FRA")
        #expect(c.first?.topics.contains("ukraine") == true)
    }

    @Test func jointAgreementInFrench() throws {
        let c = try commitments("Les deux ministres sont convenus de renforcer leur coopération dans le domaine spatial. M. DUPONT a souhaité se rendre au Japon.", language: "fr")
        #expect(c.map(\.by) == ["joint"])
        #expect(c.first?.topics == ["space"])
    }

    @Test func topicsComeFromTheBodyNotTheTitle() throws {
        let r = try read("""
            Cyber Dialogue Meeting
            May 5, 2022

            On May 5, Mr. SATO Akira, Minister for Foreign Affairs of Japan, met with Mr. Jean Dupont, Minister for Foreign Affairs of France. They discussed climate change and the situation in Gaza.
            """)
        #expect(r.topics == ["middle-east", "climate-environment"])
    }
}

@Suite struct LayoutTests {
    @Test func boilerplateRepeatsAndHeadings() {
        let text = """
            A Title
            2024/1/1

            The lead paragraph says who met.
            - Bilateral relations
            - They agreed on many things.
            - They agreed on many things.
            Provisional translation
            (Photo: Cabinet Public Relations Office)
            """
        let layout = ReadoutLayout(text: text, profile: LanguageData.shared.profile("en"), allProfiles: Array(LanguageData.shared.languages.values))
        #expect(layout.title == "A Title")
        #expect(layout.headerLines == ["2024/1/1"])
        #expect(layout.paragraphs == ["The lead paragraph says who met.", "- They agreed on many things."])
        #expect(layout.sections.map(\.heading) == [nil, "Bilateral relations"])
        #expect(layout.sentences.map(\.text) == ["The lead paragraph says who met.", "They agreed on many things."])
    }
}
