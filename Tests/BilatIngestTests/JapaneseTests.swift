import Foundation
import Testing
@testable import BilatIngest

/// Japanese readouts written for these tests in MOFA's house style.
@Suite struct JapaneseTests {
    let text = """
        日チリ首脳会談
        令和6年3月2日

        本2日、午後4時15分から約35分間、中山健太内閣総理大臣は、ガブリエル・ボリッチ・チリ共和国大統領と会談を実施した。概要は次のとおり。なお、林芳正外務大臣も会談に同席した。
        1 両首脳は、経済関係を更に強化することで一致した。
        2 ボリッチ大統領から、北朝鮮の核・ミサイル問題について日本の立場への支持を得た。
        """

    /// A news agency's style: the lead gives the day, a sentence of its own about the talk gives its clock
    /// ("電話会談は、…から約…分間") — the day number glued before the time does not hide it.
    @Test func theClockInASentenceAboutTheTalk() throws {
        let r = try read("""
            日仏外相が電話会談
            2024年5月10日、山田一郎外務大臣は、フランスのリュック・ルロワ外務大臣と電話会談を行った。
            電話会談は、10日21時10分から約35分間行われた。両外相は、連携を強化することで一致した。
            """)
        #expect(r.date == "2024-05-10")
        #expect(r.startTime == "21:10")
        #expect(r.durationMinutes == 35)
        #expect(r.format == .telephone)
    }

    /// A particle before a katakana family name belongs to it ("ル・ドリアン"); the side that undertakes is the
    /// one marked as acting nearest the verb (…より、…支持表明があった), not a name inside the quoted words.
    @Test func particlesAndWhoUndertakes() throws {
        let r = try read("""
            日仏防衛相会談
            平成30年2月7日

            平成30年2月7日、山田防衛大臣は、ル・ドリアン仏国防大臣と会談を行った。
            山田大臣から防衛政策について説明し、ル・ドリアン大臣より、この方針への支持表明があった。
            山田大臣は、「ル・ドリアン大臣の改革努力を最大限支援していく」旨述べた。
            """)
        #expect(r.principals.map(\.familyName) == ["山田", "ル・ドリアン"])
        #expect(r.commitments.map(\.by) == ["FRA", "JPN"])
    }

    @Test func factsOfAJapaneseReadout() throws {
        let r = try read(text)
        #expect(r.language == "ja")
        #expect(r.date == "2024-03-02")
        #expect(r.startTime == "16:15")
        #expect(r.durationMinutes == 35)
        #expect(r.format == .inPerson)
        #expect(r.parties == ["JPN", "CHL"])
        let nakayama = try #require(r.principals.first)
        #expect(nakayama.familyName == "中山" && nakayama.givenName == "健太")
        #expect(nakayama.name == "中山健太")
        #expect(nakayama.title == "内閣総理大臣" && nakayama.party == "JPN")
        let boric = try #require(r.principals.last)
        #expect(boric.familyName == "ボリッチ" && boric.givenName == "ガブリエル")
        #expect(boric.name == "ガブリエル・ボリッチ")
        #expect(boric.title == "チリ共和国大統領" && boric.party == "CHL")
        #expect(r.attendees.map(\.familyName) == ["林"])
        #expect(r.attendees.first?.givenName == "芳正")
        #expect(r.commitments.map(\.by) == ["joint", "CHL"])
        #expect(r.topics.contains("trade-investment") && r.topics.contains("north-korea"))
    }

    @Test func eraYearsAndTelephoneTalks() throws {
        let grammar = DateGrammar(profile: LanguageData.shared.profile("ja"))
        #expect(grammar.days(in: "平成30年8月14日").first?.iso == "2018-08-14")
        #expect(grammar.days(in: "令和元年9月3日").first?.iso == "2019-09-03")
        #expect(grammar.times(in: "午後7時50分から").first?.text == "19:50")
        #expect(grammar.times(in: "午前10時から").first?.text == "10:00")
        #expect(grammar.durations(in: "午後5時25分から約55分間").map(\.minutes) == [55])
        #expect(grammar.durations(in: "約1時間10分間").map(\.minutes) == [70])
        let call = try read("電話会談\n令和5年1月5日\n\n本5日、午後9時から約20分間、中山健太内閣総理大臣は、ジョン・スミス米国大統領と電話で会談した。\n")
        #expect(call.format == .telephone)
        #expect(call.date == "2023-01-05")
        #expect(call.parties == ["JPN", "USA"])
    }
}
