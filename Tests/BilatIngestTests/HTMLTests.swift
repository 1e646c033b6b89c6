import Foundation
import Testing
@testable import BilatIngest

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

func parsePage(_ name: String) throws -> ParsedReadout {
    try ReadoutParser().parseHTML(ReadoutInput(bytes: try fixture(name), fileName: name))
}

/// The facts a person compares between a page and its text.
func facts(_ r: MeetingRecord) -> [String] {
    [r.date ?? "-", r.startTime ?? "-", r.durationMinutes.map(String.init) ?? "-", r.format?.rawValue ?? "-", r.parties.joined(separator: ","),
     r.principals.map { "\($0.familyName ?? "-")/\($0.party ?? "-")" }.joined(separator: ","),
     r.attendees.map { $0.familyName ?? "-" }.joined(separator: ","),
     r.commitments.map { "\($0.by):\($0.text)" }.joined(separator: "|"), r.topics.joined(separator: ",")]
}

@Suite struct HTMLTests {
    @Test func mofaPageGivesTheFactsOfItsText() throws {
        let page = try parsePage("mofa-style-en.html")
        let text = """
            Japan-Chile Foreign Ministers' Meeting
            March 3, 2022

            On March 2, commencing at 5:30 p.m. for approximately 40 minutes, Mr. SAITO Ken, Minister for Foreign Affairs of Japan, held talks with H.E. Ms. Antonia Urrejola, Minister of Foreign Affairs of the Republic of Chile. An outline of the talks follows.
            1. The two ministers agreed to deepen cooperation on critical minerals and clean energy.
            2. Minister Urrejola pledged Chile's support for Japan's candidacy in the United Nations elections.
            """
        let plain = try read(text)
        #expect(facts(page.record) == facts(plain))
        #expect(page.record.date == "2022-03-02")
        #expect(page.record.source.url == "https://www.mofa.go.jp/la_c/sa/cl/page1e_000999.html")
        #expect(page.mediaType == "text/html")
        // Navigation, breadcrumb, share buttons, sidebar and footer are not part of the readout.
        for junk in ["Foreign Policy", "Home", "Share on X", "Back to top", "Related Links", "Copyright", "dataLayer", "font-family"] {
            #expect(!page.text.contains(junk), "\(junk)")
        }
        #expect(page.text.hasPrefix("Japan-Chile Foreign Ministers' Meeting\n"))
    }

    @Test func govUKPageWithCookieBannerAndPublicationDate() throws {
        let page = try parsePage("govuk-style.html")
        let r = page.record
        #expect(r.date == "2023-05-03")
        #expect(r.format == .telephone)
        #expect(r.parties == ["GBR", "FIN"])
        #expect(r.principals.map(\.title) == ["Prime Minister", "President"])
        #expect(r.commitments.count == 2)
        #expect(r.source.url == "https://www.gov.uk/government/news/pm-call-with-president-of-finland-3-may-2023")
        for junk in ["cookies", "Skip to main content", "Share this page", "Related content", "Open Government Licence", "Menu"] {
            #expect(!page.text.contains(junk), "\(junk)")
        }
    }

    @Test func frenchPageWithJSONLDAndLists() throws {
        let page = try parsePage("elysee-style-fr.html")
        let r = page.record
        #expect(r.language == "fr")
        #expect(r.date == "2024-06-14")
        #expect(r.durationMinutes == 40)
        #expect(r.parties == ["FRA", "JPN"])
        #expect(r.sections.map(\.heading) == [nil, "Relations bilatérales"])
        #expect(r.commitments.map(\.by) == ["joint", "joint"])
        #expect(r.source.url == "https://www.elysee.fr/emmanuel-macron/2024/06/14/entretien-avec-le-premier-ministre-du-japon")
        #expect(!page.text.contains("cookies") && !page.text.contains("À lire aussi") && !page.text.contains("Partager"))
        let html = try HTMLReadout.read(try fixture("elysee-style-fr.html"))
        #expect(html.published == "2024-06-14")
        #expect(html.language == "fr")
    }

    @Test func shiftJISPageIsDecoded() throws {
        let page = try parsePage("kantei-style-ja.html")
        let r = page.record
        #expect(r.language == "ja")
        #expect(r.title == "日加首脳電話会談")
        #expect(r.date == "2023-01-12")
        #expect(r.startTime == "20:30")
        #expect(r.durationMinutes == 25)
        #expect(r.format == .telephone)
        #expect(r.parties == ["JPN", "CAN"])
        #expect(r.principals.map(\.name) == ["岸田文雄", "ジャスティン・トルドー"])
        #expect(!page.text.contains("ホーム") && !page.text.contains("Copyright"))
    }

    @Test func unknownSiteFallsBackToTheDensestBlock() throws {
        let page = try parsePage("unknown-site.html")
        let r = page.record
        #expect(r.date == "2021-09-05")
        #expect(r.parties == ["SWE", "NOR"])
        #expect(r.commitments.count == 2)
        #expect(!page.text.contains("Contact"))
    }

    @Test func windows1252PageIsDecoded() throws {
        let page = try parsePage("windows-1252.html")
        #expect(page.text.contains("Affaires étrangères"))
        #expect(page.text.contains("l’Italie"))
        #expect(page.record.parties == ["FRA", "ITA"])
    }

    @Test func undecodablePagesAreRefused() {
        #expect(throws: IngestError.badHTML("the page declares no character set and is not UTF-8")) {
            try HTMLReadout.read(Data("<html><body><p>Caf".utf8) + Data([0xE9, 0x20, 0xFF]) + Data("</p></body></html>".utf8))
        }
        #expect(throws: IngestError.badHTML("the page's character set x-klingon is not one Bilat can decode")) {
            try HTMLReadout.read(Data("<html><head><meta charset=\"x-klingon\"></head><body><p>Qapla</p></body></html>".utf8))
        }
        // Bytes that do not fit the declared character set: refused, not cut short silently.
        #expect(throws: IngestError.badHTML("the page is not valid UTF-8 text, the character set it declares")) {
            try HTMLReadout.read(Data("<html><head><meta charset=\"utf-8\"></head><body><main><p>Le ministre a rencontr".utf8)
                                 + Data([0xE9, 0x20, 0xFF, 0xFE]) + Data(" M. DUPONT.</p></main></body></html>".utf8))
        }
        #expect(throws: IngestError.badHTML("no readout text was found in the page")) {
            try HTMLReadout.read(Data("<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>".utf8))
        }
    }
}
