import BilatIngest
import Foundation
import Testing
@testable import bilat_bench

/// Readouts of hostile shapes are read in work proportional to their size, or refused at once with a
/// reason (their reading times at 10 MB are measured by `bilat-bench hostile`, see BENCHMARKS.md).
@Suite struct BoundedWorkTests {
    let inputs = HostileInputs(seed: 3)
    let reader = ReadoutFile()

    @Test func aTagWithThousandsOfAttributesIsRefusedBeforeLibxml2() {
        for count in [1_001, 100_000] {
            let input = inputs.manyAttributes(count)
            #expect(throws: IngestError.badHTML("the page has a <div> tag with more than 1000 attributes; a readout page has a few, and this one cannot be read in bounded time")) {
                try reader.read(path: input.fileName, bytes: input.bytes)
            }
        }
        // A thousand is many, but a page may have them.
        #expect(throws: Never.self) { try HTMLBounds.check(inputs.manyAttributes(1_000).bytes) }
    }

    @Test func pagesNestedThousandsDeepAreRefused() {
        let input = inputs.deepNesting(100_000)
        #expect(throws: IngestError.badHTML("the page nests its elements more than 1000 deep; a readout page nests a few dozen, and this one cannot be read in bounded time")) {
            try reader.read(path: input.fileName, bytes: input.bytes)
        }
        #expect(throws: Never.self) { try HTMLBounds.check(inputs.deepNesting(1_000).bytes) }
    }

    @Test func whatLooksDeepOrCrowdedButIsNotIsRead() throws {
        // Paragraphs and list items left open, void elements, and markup inside scripts, comments and quoted
        // values are no nesting and no attributes.
        let open = String(repeating: "<p>One more paragraph of the readout<li>an item<br><img src=x.png>", count: 3_000)
        let script = "<script>for (var i = 0; i < 5000; i++) { s += '<div a=1 b=2>'; }</script>"
        let comment = "<!-- " + String(repeating: "<div>", count: 5_000) + " -->"
        let quoted = "<div title=\"" + String(repeating: "a b c > ", count: 2_000) + "\">On March 3, 2024 the ministers met.</div>"
        let page = "<html><head><style>div > p { margin: 0 }</style></head><body>\(script)\(comment)\(quoted)\(open)</body></html>"
        #expect(throws: Never.self) { try HTMLBounds.check(Data(page.utf8)) }
    }

    @Test func textsNamingThousandsOfPeopleAreReadWhole() throws {
        let input = inputs.peopleSentences(3_000)
        let record = try #require(try reader.read(path: input.fileName, bytes: input.bytes).first?.record)
        #expect(record.date == "2024-03-03")
        // Every person is told apart by their family name (each sentence's names carry its number).
        let text = String(decoding: input.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\n").count > 3_000)
        #expect(!record.participants.isEmpty)
    }

    @Test func factsAreReadFromTheFirstSentencesOfAnOverlongText() throws {
        // The limit of 12,000 sentences, as 300 for a test's time.
        var parser = ReadoutParser()
        parser.sentenceLimit = 300
        let reader = ReadoutFile(parser: parser)
        let input = inputs.peopleSentences(800)
        let readout = try #require(try reader.read(path: input.fileName, bytes: input.bytes).first)
        #expect(readout.record.needsReview.contains("the text has more than 300 sentences: facts were read from the first 300 only"))
        #expect(readout.record.date == "2024-03-03")
        // The whole text is kept, for reading and search.
        #expect(readout.text.contains("Ms. ") && readout.text.hasSuffix("they agreed to cooperate on trade.\n"))
        #expect(readout.text.components(separatedBy: "\n").count > 800)
        let shorter = inputs.peopleSentences(200)
        #expect(try reader.read(path: shorter.fileName, bytes: shorter.bytes).first?.record.needsReview.contains { $0.hasPrefix("the text has more than") } == false)
    }

    @Test func randomWordsAndOneLongLineAreReadAsDocuments() throws {
        for input in [inputs.randomWords(300_000), inputs.oneLine(300_000)] {
            let record = try #require(try reader.read(path: input.fileName, bytes: input.bytes).first?.record, "\(input.name)")
            #expect(record.date == nil && record.participants.isEmpty, "\(input.name)")
        }
    }
}
