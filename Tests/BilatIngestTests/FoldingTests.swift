import Foundation
import Testing
@testable import BilatIngest
@testable import bilat_bench

/// The fold made scalar by scalar (``TextFolding/ScalarFolds``) must give what Foundation's fold of the
/// whole string gives, and the byte search what the standard library's Character search finds, on every
/// kind of text reading meets: the results of reading depend on both.
@Suite struct FoldingTests {
    /// Texts of every kind the reader folds: accents, ligatures, width, kana, typographic marks, and
    /// scalars that join the one before them (combining accents, voiced-sound marks, joiners, flags).
    static let tricky = [
        "Corée", "CORÉE", "Coree\u{301}", "Straße", "ŒUVRE", "İstanbul", "ﬁnance", "Ａｂｃ１２", "ｶﾞｲﾑｼｮｳ", "ガイムショウ",
        "う\u{3099}", "l’Organisation", "Indo‐Pacifique — et – ‘quoted’ ´", "`tick`", "Σίσυφος", "ǅemal", "ŉ", "Ⅻ ① ²",
        "👩‍👩‍👧 🇯🇵🇫🇷 👍🏽", "한국 외교부 가", "ภาษาไทย ำ", "A\u{200D}B\u{00AD}C", "\r\nline", "Ω Å K", "日本国外務大臣 茂木",
        "Ministre de l'Europe et des Affaires étrangères", "Mr. SATO Taro, Minister for Foreign Affairs of Japan",
    ]

    /// Lines of the bundled sample readouts and the test fixtures, and of the real corpus when it is there.
    func lines() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent("Data/samples"), root.appendingPathComponent("Tests/BilatIngestTests/Fixtures")]
        let corpus = root.appendingPathComponent("../shared/corpus/dev")
        if FileManager.default.fileExists(atPath: corpus.path) { folders.append(corpus) }
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
                String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
    }

    @Test func scalarFoldIsFoundationsFold() throws {
        let texts = Self.tricky + (try lines())
        #expect(texts.count > 500)
        for text in texts {
            #expect(TextFolding.fold(text) == TextFolding.foundationFold(text), "\(text)")
        }
    }

    @Test func randomScalarFoldIsFoundationsFold() {
        // Random strings of scalars drawn from the ranges readouts use, from a seed that replays them.
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x2000...0x206F,
                                             0x3040...0x30FF, 0x4E00...0x4FFF, 0xFF00...0xFFEF, 0x1F300...0x1F3FF]
        var random = SeededRandom(state: 20_261_203)
        for _ in 0..<3_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let range = ranges.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { scalars.append(scalar) }
            }
            let text = String(scalars)
            #expect(TextFolding.fold(text) == TextFolding.foundationFold(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func joiningScalarsAreLeftToFoundation() {
        #expect(TextFolding.scalarFolds.fold("Coree\u{301}") == nil)
        #expect(TextFolding.scalarFolds.fold("ｶﾞ") == nil)
        #expect(TextFolding.scalarFolds.fold("Corée") == "coree")
        #expect(TextFolding.fold("l’Élysée — Paris") == "l'elysee - paris")
    }

    @Test func byteSearchFindsWhatCharacterSearchFinds() throws {
        let texts = (Self.tricky + (try lines())).map(TextFolding.fold)
        let needles = ["minister", "coree", "affaires etrangeres", "外務", "会談", "'", "-", "e", "agreed to", "x", ""]
        for text in texts {
            for needle in needles {
                let expected = text.firstRange(of: needle).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
                #expect(text.utf8Offset(of: needle) == expected, "\(needle) in \(text)")
                #expect(text.containsBytes(needle) == (expected != nil))
            }
        }
        let sentence = "le ministre coreen"
        #expect(sentence.byteRange(of: "coreen").map { String(sentence[$0]) } == "coreen")
        #expect(sentence.dropFirst(3).utf8Offset(of: "ministre") == 0)
        #expect(sentence.utf8Offset(of: "corée") == nil)
    }
}
