import Foundation
import Testing
@testable import BilatIngest
@testable import bilat_bench

/// Random and mutated readouts must never trap (overflow, index out of range): the parser either reads
/// them or throws an error that names the problem. A trap would end this test process.
@Suite struct PropertyTests {
    static let pieces = ["On ", "Mr. ", "April 9, ", "MORI Kenta", "2025", ", Prime Minister of Japan", " commencing at ", "H.E. ",
                         "6:10 p.m.", " held a meeting with ", " for approximately ", "Mark Rutte", "45 minutes", ",", ". ",
                         " Secretary General of NATO", "The two leaders agreed ", "to deepen cooperation on cyber", "\n", "- ", "(1) ",
                         "Le 9 avril 2025 à partir de 18h10", ", le Premier ministre ", "sont convenus ", "本4日、", "午後5時25分から約55分間、",
                         "中山健太内閣総理大臣は、", "ヤン・ペテルセン・OECD事務総長", "と会談した。", "両者は一致した。", "---\n", "date: ",
                         "\u{0301}", "’", "«", "»", "—", "\t", "(", ")", "（", "）", "・", "Jr.", "U.S.", "12:99", "99 minutes", "February 30, 2023",
                         "<p>", "</p>", "<meta charset=\"shift_jis\">", "<h1>", "</h1>", "&amp;", "<script>", "</script>", "🙂", "\u{FEFF}", "\r"]

    func samples() throws -> [Data] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [root.appendingPathComponent("Data/samples"), root.appendingPathComponent("Tests/BilatIngestTests/Fixtures")]
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        }
    }

    func parseEverything(_ bytes: Data, _ parser: ReadoutParser) {
        if let record = try? parser.parse(ReadoutInput(bytes: bytes, fileName: "p.txt")).record {
            // What is read must write out as a record and read back the same.
            #expect((try? MeetingRecord.decode(json: record.jsonString())) == record)
        }
        _ = try? parser.parseHTML(ReadoutInput(bytes: bytes, fileName: "p.html"))
    }

    @Test func randomReadoutsNeverTrap() {
        let parser = ReadoutParser()
        var random = SeededRandom(state: 20_261_126)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            parseEverything(Data(text.utf8), parser)
        }
    }

    @Test func mutatedReadoutsNeverTrap() throws {
        let parser = ReadoutParser()
        var random = SeededRandom(state: 42)
        for sample in try samples() {
            for _ in 0..<40 {
                var bytes = [UInt8](sample)
                for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.insert(contentsOf: Array(Self.pieces.randomElement(using: &random)!.utf8), at: at)
                    case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &random)))
                    case 3: bytes = Array(bytes.prefix(at))
                    default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 300)], at: at)
                    }
                }
                parseEverything(Data(bytes), parser)
            }
        }
    }
}
