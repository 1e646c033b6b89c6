import Foundation
import Testing
@testable import BilatIngest

/// Date, time and duration grammar in English and French, on sentences written for these tests.
@Suite struct DateGrammarTests {
    let en = DateGrammar(profile: LanguageData.shared.profile("en"))
    let fr = DateGrammar(profile: LanguageData.shared.profile("fr"))

    @Test func englishDays() {
        let days = en.days(in: "On March 3, 2021 the ministers met; a second round followed on 5 April.")
        #expect(days.map(\.month) == [3, 4])
        #expect(days[0].iso == "2021-03-03")
        #expect(days[1].year == nil && days[1].day == 5)
    }

    @Test func numericAndFrenchDays() {
        #expect(en.days(in: "2019/7/12").first?.iso == "2019-07-12")
        #expect(fr.days(in: "Le 1er février 2024, la ministre a reçu son homologue.").first?.iso == "2024-02-01")
        #expect(fr.days(in: "le 23 août").first.map { ($0.month, $0.day, $0.year) }! == (8, 23, nil))
    }

    @Test func impossibleDayHasNoISODate() {
        #expect(en.days(in: "February 30, 2023").first?.iso == nil)
    }

    @Test func clockTimes() {
        #expect(en.times(in: "commencing at 6:10 p.m.").first?.text == "18:10")
        #expect(en.times(in: "from 0:05 a.m. until noon").first?.text == "00:05")
        #expect(en.times(in: "at 12:30 p.m.").first?.text == "12:30")
        #expect(fr.times(in: "à partir de 18h10").first?.text == "18:10")
        #expect(fr.times(in: "vers 9 h 45 du matin").first?.text == "09:45")
        #expect(en.times(in: "at 14:20 local time").first?.text == "14:20")
    }

    @Test func homeTimeIsMarked() {
        let times = en.times(in: "from 9:30 a.m. (4:30 p.m. Japan time)")
        #expect(times.map(\.text) == ["09:30", "16:30"])
        #expect(times.map(\.isHomeTime) == [false, true])
    }

    @Test func durations() {
        #expect(en.durations(in: "for approximately 45 minutes").first?.minutes == 45)
        #expect(en.durations(in: "for one hour and 40 minutes").first?.minutes == 100)
        #expect(en.durations(in: "for about an hour").first?.minutes == 60)
        #expect(en.durations(in: "a 90-minute meeting").first?.minutes == 90)
        #expect(en.durations(in: "for two hours").first?.minutes == 120)
        #expect(fr.durations(in: "pendant près de 45 minutes").first?.minutes == 45)
        #expect(fr.durations(in: "pendant environ 1 heure 30").first?.minutes == 90)
        #expect(fr.durations(in: "à partir de 18h10").isEmpty)
    }

    @Test func relativeDaysAndWeekdays() {
        #expect(en.relativeDay(in: "The Secretary spoke today with") == 0)
        #expect(en.relativeDay(in: "met yesterday in Rome") == -1)
        #expect(fr.relativeDay(in: "s’est entretenu aujourd’hui avec") == 0)
        #expect(en.weekday(in: "The leaders met on Tuesday in Oslo.") == 3)
    }
}

@Suite struct TextToolsTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func foldingIgnoresCaseAccentsAndTypography() {
        #expect(TextFolding.fold("Corée") == TextFolding.fold("COREE"))
        #expect(TextFolding.fold("l’OTAN") == "l'otan")
        #expect(TextFolding.key("TALL SALL") == TextFolding.key("Tall-Sall"))
    }

    @Test func sentencesKeepAbbreviationsAndInitials() {
        let sentences = SentenceSplitter.split("Secretary Michael R. Pompeo met Mr. Smith at 3 p.m. today. They agreed. U.S. officials attended.", language: "en")
        #expect(sentences.map(\.0) == ["Secretary Michael R. Pompeo met Mr. Smith at 3 p.m. today.", "They agreed.", "U.S. officials attended."])
    }

    /// The tokenizer reads ASCII text byte by byte: it must give what it gives a Character at a time.
    @Test func asciiTokensAreTheCharacterTokens() throws {
        // Every text of up to four characters from those the rules look at, and phrases that use each rule.
        let alphabet = ["a", "B", "5", ".", "'", "-", " ", "s", "l", "\t", ","]
        var texts = ["Mr. R. Pompeo's talk with U.S. Sen. Smith", "l'Organisation qu'il jusqu'au d'Ivoire", "Indo-Pacific, H.E. Ms. Kyung-wha Kang.",
                     "St. Kitts-Nevis's P.M. met Dr.Who at 3 p.m.", "a.b.c. A. 1.5 x'y' -z- 'quoted' it's", ""]
        var longest = [""]
        for _ in 1...4 {
            longest = longest.flatMap { text in alphabet.map { text + $0 } }
            texts += longest
        }
        for text in texts {
            for split in [false, true] {
                let ascii = try #require(Tokenizer.asciiTokens(text, splitHyphens: split), "\(text.debugDescription)")
                #expect(ascii == Tokenizer.characterTokens(text, splitHyphens: split), "\(text.debugDescription) \(split)")
            }
        }
        // Text with a carriage return or beyond ASCII takes the Character path.
        for text in ["a\r\nb", "l’OTAN", "Corée"] { #expect(Tokenizer.asciiTokens(text, splitHyphens: false) == nil) }
    }

    @Test func frontMatterFieldsAndLists() throws {
        let (matter, body) = try FrontMatter.split("---\ndate: 2024-05-01\nparties: [JPN, \"FRA\"]\ntags:\n  - a\n  - b\n---\nBody line\n")
        #expect(matter?.fields["date"] == "2024-05-01")
        #expect(matter?.lists["parties"] == ["JPN", "FRA"])
        #expect(matter?.lists["tags"] == ["a", "b"])
        #expect(body == "Body line\n")
    }

    @Test func malformedFrontMatterNamesTheLine() {
        #expect(throws: IngestError.badFrontMatter(line: 3, reason: "expected key: value, found \"this is not yaml\"")) {
            try FrontMatter.split("---\ndate: 2024-05-01\nthis is not yaml\n---\nBody\n")
        }
        #expect(throws: IngestError.badFrontMatter(line: 1, reason: "no closing --- line")) {
            try FrontMatter.split("---\ndate: 2024-05-01\nBody\n")
        }
    }

    @Test func decoderRefusesWhatIsNotText() {
        #expect(throws: IngestError.empty) { try SourceDecoder.decode(Data("  \n\t\n".utf8)) }
        #expect(throws: IngestError.binary) { try SourceDecoder.decode(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])) }
        #expect(throws: IngestError.undecodable) { try SourceDecoder.decode(Data([0x41, 0x42, 0xC3, 0x28, 0x43])) }
    }

    @Test func decoderNormalisesBOMsAndLineEndings() throws {
        #expect(try SourceDecoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\rc".utf8)) == "a\nb\nc")
        let utf16 = Data([0xFF, 0xFE]) + "Hé\r\n".data(using: .utf16LittleEndian)!
        #expect(try SourceDecoder.decode(utf16) == "Hé\n")
    }

    @Test func languageDetection() {
        let detector = LanguageDetector(profiles: Array(LanguageData.shared.languages.values))
        #expect(detector.detect("The two ministers agreed that they would meet again in the spring.") == "en")
        #expect(detector.detect("Les deux ministres sont convenus de se revoir au printemps et de renforcer leur coopération.") == "fr")
        #expect(detector.detect("両外相は、協力を深めることで一致した。") == "ja")
    }
}

@Suite struct PartyTests {
    let data = LanguageData.shared

    @Test func namesInEveryLanguageGiveOneCode() {
        for name in ["Japan", "Japon", "日本", "JPN", "jpn", "japonais"] { #expect(data.party(named: name) == "JPN", "\(name)") }
        for name in ["NATO", "OTAN", "North Atlantic Treaty Organization"] { #expect(data.party(named: name) == "NATO", "\(name)") }
        #expect(data.party(named: "Corée du Sud") == "KOR")
        #expect(data.party(named: "Côte d’Ivoire") == "CIV")
        #expect(data.party(named: "Québec") == "CA-QC")
        #expect(data.party(named: "Atlantis") == nil)
    }

    @Test func mentionsRespectCaseRules() {
        let resolver = PartyResolver(data: data)
        let en = resolver.mentions(in: "Let us talk about US and UK trade with Japan and the turkey dinner.", language: "en").map(\.code)
        #expect(en == ["USA", "GBR", "JPN"])
        let fr = resolver.mentions(in: "Un accord entre le Japon et l’Union européenne, une coopération nippo-africaine.", language: "fr").map(\.code)
        #expect(fr == ["JPN", "EU", "JPN"])
    }
}
