import Foundation
import Testing
@testable import BilatIngest

/// Japanese readouts written for these tests in MOFA's house style.
@Suite struct JapaneseTests {
    let text = """
        日チリ首脳会談
        令和6年3月2日

        本2日、午後4時15分から約35分間、岸田文雄内閣総理大臣は、ガブリエル・ボリッチ・チリ共和国大統領と会談を行ったところ、概要は以下のとおりです。なお、会談には林芳正外務大臣が同席しました。
        1 両首脳は、経済関係を一層強化していくことで一致しました。
        2 ボリッチ大統領から、北朝鮮の核・ミサイル問題について日本の立場への支持を得ました。
        """

    @Test func factsOfAJapaneseReadout() throws {
        let r = try read(text)
        #expect(r.language == "ja")
        #expect(r.date == "2024-03-02")
        #expect(r.startTime == "16:15")
        #expect(r.durationMinutes == 35)
        #expect(r.format == .inPerson)
        #expect(r.parties == ["JPN", "CHL"])
        let kishida = try #require(r.principals.first)
        #expect(kishida.familyName == "岸田" && kishida.givenName == "文雄")
        #expect(kishida.name == "岸田文雄")
        #expect(kishida.title == "内閣総理大臣" && kishida.party == "JPN")
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
        #expect(grammar.days(in: "平成30年7月9日").first?.iso == "2018-07-09")
        #expect(grammar.days(in: "令和元年6月28日").first?.iso == "2019-06-28")
        #expect(grammar.times(in: "午後6時30分から").first?.text == "18:30")
        #expect(grammar.times(in: "午前10時から").first?.text == "10:00")
        #expect(grammar.durations(in: "午後6時10分から約45分間").map(\.minutes) == [45])
        #expect(grammar.durations(in: "約1時間10分間").map(\.minutes) == [70])
        let call = try read("電話会談\n令和5年1月5日\n\n本5日、午後9時から約20分間、岸田文雄内閣総理大臣は、ジョー・バイデン米国大統領と電話会談を行いました。\n")
        #expect(call.format == .telephone)
        #expect(call.date == "2023-01-05")
        #expect(call.parties == ["JPN", "USA"])
    }
}
