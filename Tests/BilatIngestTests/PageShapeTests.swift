import Foundation
import Testing
@testable import BilatIngest

/// Real pages are shaped in ways the hand-made fixtures were not: classes that describe the layout, articles
/// in several parts, the site's index given as the page's URL, long headings, a date only in the page's
/// metadata, a head of government speaking in the first person, press conferences among readouts.
/// Each page here is written for its test.
@Suite struct PageShapeTests {
    func page(_ html: String, name: String = "page.html") throws -> ParsedReadout {
        try ReadoutParser().parseHTML(ReadoutInput(bytes: Data(html.utf8), fileName: name))
    }

    @Test func aBodyWhoseClassesSayWhatIsAbsentIsRead() throws {
        let r = try page("""
            <html lang="en"><body class="html page-node no-sidebars"><div class="region"><h1>Readout of the Secretary's Call with the Foreign Minister of Peru</h1>
            <div class="field-item"><p>Secretary Helen Park spoke today with Peruvian Foreign Minister Rosa Quispe. The two agreed to expand cooperation on fisheries.</p></div></div>
            <div class="menu"><a href="/">Home</a></div></body></html>
            """)
        #expect(r.text.contains("spoke today with Peruvian Foreign Minister Rosa Quispe"))
        #expect(!r.text.contains("Home"))
    }

    @Test func anArticleInSeveralPartsIsReadWhole() throws {
        let first = String(repeating: "The minister announced the transfer of a training area to the city. ", count: 4)
        let second = String(repeating: "Asked about the exercise, the minister said the details were being checked. ", count: 6)
        let r = try page("""
            <html lang="en"><body><div class="content"><h1>Press conference by the Defence Minister</h1>
            <section><h2>1. Announcements</h2><p>\(first)</p></section>
            <section><h2>2. Questions and answers</h2><p>\(second)</p></section></div></body></html>
            """)
        #expect(r.text.contains("1. Announcements") && r.text.contains("2. Questions and answers"))
        #expect(r.text.contains("announced the transfer"))
    }

    @Test func aSitesIndexGivenAsThePagesURLIsNoURL() throws {
        let html = { (url: String) in """
            <html lang="en"><head><meta property="og:url" content="\(url)"></head><body><main><h1>Talks</h1>
            <p>On May 4, 2022, Foreign Minister Lina Berg of Sweden met with Foreign Minister Ole Lund of Denmark in Stockholm.</p></main></body></html>
            """ }
        #expect(try page(html("https://example.org/press/index.html")).record.source.url == nil)
        #expect(try page(html("https://example.org/")).record.source.url == nil)
        #expect(try page(html("https://example.org/press/2022/berg-lund.html")).record.source.url == "https://example.org/press/2022/berg-lund.html")
    }

    /// A heading too long for a title line in running text is still the page's title, and the date line under
    /// it dates the meeting.
    @Test func aLongHeadingIsThePagesTitle() throws {
        let heading = "Signing of the Arrangement on the Exchange of Meteorological Data between the Two Coast Guards, "
            + "Supplementary to the Maritime Cooperation Agreement, and Informal Talks between Foreign Minister Sato and Ambassador Reyes"
        let r = try page("""
            <html lang="en"><head><title>\(heading)</title></head><body><div id="maincontents"><p class="date">June 9, 2019</p>
            <p>On June 9, commencing at 2 p.m. for approximately 20 minutes, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held informal talks with H.E. Mr. Luis Reyes, Ambassador of the Republic of the Philippines to Japan.</p>
            </div></body></html>
            """).record
        #expect(r.title == heading)
        #expect(r.date == "2019-06-09")
    }

    /// A readout that names no day, on a page dated by its metadata: the page's date is the meeting's,
    /// with a note to check it.
    @Test func thePagesOwnDateDatesAReadoutThatNamesNoDay() throws {
        let r = try page("""
            <html lang="en"><head><meta property="article:published_time" content="2018-02-07T18:00:00-05:00"></head><body><main>
            <h1>Readout of the President's Meeting with the Governor of Guam</h1>
            <p>President Ann Wells met with Governor Tomas Cruz of Guam to discuss recovery funding after the typhoon.</p></main></body></html>
            """).record
        #expect(r.date == "2018-02-07")
        #expect(r.needsReview.contains("meeting date taken from the date line"))
    }

    /// A head of government who speaks in the first person on their own office's site: their side is a party.
    @Test func theFirstPersonOnAPublishersPageIsThePublishersSide() throws {
        let html = { (host: String) in """
            <html lang="en"><head><link rel="canonical" href="https://\(host)/statements/202305/call.html"></head><body><main>
            <h1>Press Conference by the Prime Minister regarding a Telephone Talk with the President of Chile</h1>
            <p>May 12, 2023</p><p>I had a telephone talk with Chilean President Marta Soto today, starting at 9 p.m. for about 20 minutes.</p></main></body></html>
            """ }
        let r = try page(html("japan.kantei.go.jp")).record
        #expect(r.parties == ["JPN", "CHL"])
        #expect(r.format == .telephone)
        // Nobody known publishes it: only the side the text names.
        #expect(try page(html("example.org")).record.parties == ["CHL"])
    }

    /// A press conference's record is kept for search, but no meeting is read out of it.
    @Test func aPressConferenceIsNoMeeting() throws {
        let r = try page("""
            <html lang="ja"><body><main><h1>【記者会見】外務大臣</h1><p>令和5年6月2日</p>
            <p>冒頭、私から一点申し上げます。来週、外務大臣会談を行う予定です。</p></main></body></html>
            """, name: "presser.html").record
        #expect(r.date == nil && r.parties.isEmpty && r.participants.isEmpty && r.format == nil)
        #expect(r.needsReview == ["no meeting found in the text"])
    }
}

@Suite struct NoMeetingTests {
    @Test func aTextWithoutAMeetingStatesNoFacts() throws {
        for text in ["Hello world, nothing here.", "Opening hours\nThe consular section is closed on public holidays.\n"] {
            let r = try ReadoutParser().parse(ReadoutInput(bytes: Data(text.utf8), fileName: "x.txt")).record
            #expect(r.format == nil && r.date == nil && r.parties.isEmpty && r.participants.isEmpty && r.commitments.isEmpty && r.topics.isEmpty, "\(text)")
            #expect(r.needsReview == ["no meeting found in the text"])
        }
        // A text that names a meeting keeps its facts.
        let call = try ReadoutParser().parse(ReadoutInput(bytes: Data("Foreign Minister Lina Berg of Sweden spoke by phone with Foreign Minister Ole Lund of Denmark on May 4, 2022.".utf8), fileName: "y.txt")).record
        #expect(call.format == .telephone && call.parties == ["SWE", "DNK"])
    }
}
