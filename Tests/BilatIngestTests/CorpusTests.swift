import Foundation
import Testing
@testable import BilatIngest

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The shared corpus beside the checkout; absent on a user's machine.
let corpusFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
let corpusIsPresent = FileManager.default.fileExists(atPath: corpusFolder.appendingPathComponent("seed-fr-2025-04-09-nato.txt").path)

/// Gold facts as shared/corpus/README.md writes them.
struct Gold: Decodable {
    struct Person: Decodable { let family_name: String; let given_name: String?; let title: String?; let party: String? }
    struct Key: Decodable { let key: String; let by: String }
    let file: String
    let language: String
    let date: String?
    let start_time: String?
    let duration_minutes: Int?
    let format: String
    let parties: [String]
    let principals: [Person]
    let attendees: [Person]
    let commitments: [Key]
    let topics: [String]
}

/// score.py's text form: NFKC, one apostrophe and dash, single spaces, case-folded.
func flat(_ s: String) -> String {
    var t = s.precomposedStringWithCompatibilityMapping
    for a in ["’", "‘", "`", "´"] { t = t.replacingOccurrences(of: a, with: "'") }
    for d in ["–", "—", "‐"] { t = t.replacingOccurrences(of: d, with: "-") }
    return t.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
}

@Suite struct SeedTests {
    @Test(.enabled(if: corpusIsPresent, "../shared/corpus is absent: the seed comparison needs it (skipped)"))
    func seedMatchesItsGoldFactsExactly() throws {
        let stem = corpusFolder.appendingPathComponent("seed-fr-2025-04-09-nato")
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: stem.appendingPathExtension("json")))
        let bytes = try Data(contentsOf: stem.appendingPathExtension("txt"))
        let r = try ReadoutParser().parse(ReadoutInput(bytes: bytes, fileName: gold.file)).record
        #expect(r.language == gold.language)
        #expect(r.date == gold.date)
        #expect(r.startTime == gold.start_time)
        #expect(r.durationMinutes == gold.duration_minutes)
        #expect(r.format?.rawValue == gold.format)
        #expect(r.parties == gold.parties)
        #expect(r.principals.map { TextFolding.key($0.familyName ?? "") } == gold.principals.map { TextFolding.key($0.family_name) })
        #expect(r.principals.map(\.party) == gold.principals.map(\.party))
        #expect(r.principals.map(\.givenName) == gold.principals.map(\.given_name))
        #expect(r.attendees.map { TextFolding.key($0.familyName ?? "") } == gold.attendees.map { TextFolding.key($0.family_name) })
        #expect(r.attendees.map(\.title) == gold.attendees.map(\.title))
        let texts = r.commitments.map { (flat($0.text), $0.by) }
        for key in gold.commitments {
            let hits = texts.filter { $0.0.contains(flat(key.key)) }
            #expect(!hits.isEmpty, "commitment not found: \(key.key)")
            #expect(hits.contains { $0.1 == (key.by == "both" ? "joint" : key.by) }, "wrong side for: \(key.key)")
        }
        for (text, _) in texts {
            #expect(gold.commitments.contains { text.contains(flat($0.key)) }, "extra commitment: \(text)")
        }
        #expect(Set(r.topics) == Set(gold.topics))
        #expect(r.needsReview.isEmpty)
        #expect(r.sections.compactMap(\.heading) == ["Introduction", "Relations Japon – OTAN", "Situation régionale et internationale"])
    }

    @Test(.enabled(if: corpusIsPresent, "../shared/corpus is absent: the corpus import check needs it (skipped)"))
    func everyCorpusReadoutParses() throws {
        let parser = ReadoutParser()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count >= 40)
        for file in files {
            let bytes = try Data(contentsOf: corpusFolder.appendingPathComponent(file))
            #expect(throws: Never.self, "\(file)") { try parser.parse(ReadoutInput(bytes: bytes, fileName: file)) }
        }
    }
}

/// The sample readouts in Data/samples, written for this project: these checks always run.
@Suite struct SampleTests {
    func sample(_ name: String) throws -> MeetingRecord {
        let url = packageRoot.appendingPathComponent("Data/samples/\(name)")
        return try ReadoutParser().parse(ReadoutInput(bytes: Data(contentsOf: url), fileName: name)).record
    }

    @Test func mofaStyleEnglish() throws {
        let r = try sample("2024-11-05-jpn-aus-foreign-ministers.txt")
        #expect(r.date == "2024-11-05")
        #expect(r.startTime == "16:15")
        #expect(r.durationMinutes == 70)
        #expect(r.format == .inPerson)
        #expect(r.parties == ["JPN", "AUS"])
        #expect(r.principals.map(\.name) == ["Takeshi Iwaya", "Penny Wong"])
        #expect(r.attendees.map(\.name) == ["Gen Nakatani"])
        #expect(r.commitments.map(\.by) == ["joint", "joint", "joint", "joint", "AUS", "joint"])
        #expect(r.topics.contains("abductions") && r.topics.contains("economic-security"))
        #expect(r.sections.compactMap(\.heading) == ["Bilateral relations", "Regional situation", "Other issues"])
    }

    @Test func frenchTelephoneTalk() throws {
        let r = try sample("2025-02-14-fra-jpn-entretien.txt")
        #expect(r.language == "fr")
        #expect(r.date == "2025-02-14")
        #expect(r.startTime == "09:30")
        #expect(r.durationMinutes == 30)
        #expect(r.format == .telephone)
        #expect(r.parties == ["FRA", "JPN"])
        #expect(r.principals.map(\.familyName) == ["Barrot", "Iwaya"])
        #expect(r.commitments.filter { $0.by == "joint" }.count == 3)
        #expect(r.topics.contains("ukraine") && r.topics.contains("middle-east") && r.topics.contains("energy"))
    }

    @Test func markdownWithFrontMatter() throws {
        let r = try sample("2023-06-20-usa-ind-call.md")
        #expect(r.title == "Readout of the Secretary's Call with India's External Affairs Minister")
        #expect(r.date == "2023-06-20")
        #expect(r.format == .telephone)
        #expect(r.parties == ["USA", "IND"])
        #expect(r.source.url == "https://example.org/readouts/2023-06-20-usa-ind")
        #expect(r.commitments.count == 2)
    }

    @Test func ukStyle() throws {
        let r = try sample("2022-09-12-gbr-kor-meeting.txt")
        #expect(r.date == "2022-09-12")
        #expect(r.parties == ["GBR", "KOR"])
        #expect(r.principals.map(\.familyName) == ["Cleverly", "Park"])
        #expect(r.commitments.map(\.by) == ["joint", "joint", "GBR"])
        #expect(r.venue == "London")
    }
}

@Suite struct EvidenceOnTheCorpusTests {
    /// On every real readout, each fact's evidence is words of the readout's own text.
    @Test(.enabled(if: corpusIsPresent, "../shared/corpus is absent: no real readouts to read (skipped)"))
    func evidenceIsWordsOfTheText() throws {
        let parser = ReadoutParser()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var facts = 0
        for file in files {
            let bytes = try Data(contentsOf: corpusFolder.appendingPathComponent(file))
            let parsed = try parser.parse(ReadoutInput(bytes: bytes, fileName: file))
            for e in parsed.record.evidence {
                facts += 1
                #expect(parsed.text.contains(e.text), "\(file) \(e.field): \(e.text)")
            }
            // Every stated start time, length and participant has its words (dates read from "today" may not).
            let fields = Set(parsed.record.evidence.map(\.field))
            if parsed.record.startTime != nil { #expect(fields.contains("start_time"), "\(file)") }
            if parsed.record.durationMinutes != nil { #expect(fields.contains("duration_minutes"), "\(file)") }
            for index in parsed.record.participants.indices { #expect(fields.contains("participant:\(index)"), "\(file) participant \(index)") }
        }
        #expect(facts > 400)
    }
}
