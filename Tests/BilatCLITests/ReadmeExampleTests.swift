import Foundation
import Testing

/// The README's examples, run as written and compared with what it shows (as sqlite-utils checks its docs):
/// a README that stops telling the truth fails here.
@Suite(.serialized) struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A `$ bilat …` line of an indented block and the lines shown under it.
    struct Example {
        var command: String
        var shown: [String] = []
    }

    /// The examples of the README's text between `start` and the next `## ` heading.
    static func examples(in section: String) throws -> [Example] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let page = try #require(readme.components(separatedBy: section).dropFirst().first?.components(separatedBy: "\n## ").first)
        var examples: [Example] = []
        var inBlock = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("    ") else {
                inBlock = false
                continue
            }
            let text = String(line.dropFirst(4))
            if text.hasPrefix("$ bilat ") {
                examples.append(Example(command: text))
                inBlock = true
            } else if inBlock, !examples.isEmpty {
                examples[examples.count - 1].shown.append(text)
            }
        }
        return examples
    }

    /// Whether `actual` is what the README shows: a line "…" stands for any lines (none too), a "…" in a
    /// line for any text there, and a time of import for any time.
    static func matches(_ shown: [String], _ actual: [String]) -> Bool {
        func normal(_ line: String) -> String {
            line.replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "TIME")
        }
        func lineMatches(_ pattern: String, _ line: String) -> Bool {
            let parts = normal(pattern).components(separatedBy: "…")
            let text = normal(line)
            guard parts.count > 1 else { return text == parts[0] }
            guard text.hasPrefix(parts[0]) else { return false }
            var rest = text.dropFirst(parts[0].count)
            for part in parts.dropFirst() where !part.isEmpty {
                guard let found = rest.range(of: part) else { return false }
                rest = rest[found.upperBound...]
            }
            return parts.last!.isEmpty || text.hasSuffix(parts.last!)
        }
        func match(_ s: ArraySlice<String>, _ a: ArraySlice<String>) -> Bool {
            guard let first = s.first else { return a.isEmpty }
            if first == "…" { return (a.startIndex...a.endIndex).contains { match(s.dropFirst(), a[$0...]) } }
            guard let line = a.first, lineMatches(first, line) else { return false }
            return match(s.dropFirst(), a.dropFirst())
        }
        return match(shown[...], actual[...])
    }

    @Test func theMatcherReadsEllipsesAsTheReadmeMeansThem() {
        #expect(Self.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        #expect(Self.matches(["a", "…"], ["a"]))
        #expect(Self.matches(["x … z"], ["x and then z"]))
        #expect(!Self.matches(["x … z"], ["y and then z"]))
        #expect(!Self.matches(["a", "b"], ["a", "c"]))
        #expect(!Self.matches(["a"], ["a", "b"]))
        #expect(Self.matches(["imported 2026-12-02T16:56:08Z"], ["imported 2027-01-01T00:00:00Z"]))
    }

    /// "Using `bilat`": each command in order on the archive its first example imports (the samples),
    /// from a folder where `Data/samples` is the project's, tables cut to a terminal of 100 columns;
    /// output compared where the README shows it.
    @Test func theUsageExamplesAnswerAsShown() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try FileManager.default.createSymbolicLink(at: cli.folder.appendingPathComponent("Data"), withDestinationURL: Self.root.appendingPathComponent("Data"))
        let examples = try Self.examples(in: "## Using `bilat`")
        #expect(examples.count >= 20)
        var compared = 0
        // Examples that fetch from the web cannot run here (no network is reachable), and `serve` runs until it
        // is stopped: FetchCommandTests runs the fetching commands against a local server, ServeCommandTests and
        // `make browser-test` the server. They are counted, so that none is left out unnoticed.
        let elsewhere = examples.filter { $0.command.contains("://") || $0.command.hasPrefix("$ bilat feed ") || $0.command.hasPrefix("$ bilat serve ") }
        #expect(elsewhere.count == 5, "\(elsewhere.map(\.command))")
        for example in examples where !elsewhere.contains(where: { $0.command == example.command }) {
            // "$ bilat export … > archive.ndjson   # comment": the words, and the file that takes the output.
            let line = example.command.dropFirst("$ bilat ".count).components(separatedBy: "  #")[0]
            let redirect = line.components(separatedBy: " > ")
            let words = Self.words(redirect[0])
            let r = try cli.run(words, environment: ["COLUMNS": "100"])
            if redirect.count > 1 {
                try r.stdout.write(to: cli.folder.appendingPathComponent(redirect[1].trimmingCharacters(in: .whitespaces)), atomically: true, encoding: .utf8)
            }
            guard !example.shown.isEmpty else {
                #expect(r.status == 0, "\(example.command)\n\(r.stderr)")
                continue
            }
            let output = r.status == 0 ? r.stdout : r.stderr
            #expect(Self.matches(example.shown, output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)),
                    "\(example.command)\nshown:\n\(example.shown.joined(separator: "\n"))\nprinted:\n\(output)")
            compared += 1
        }
        #expect(compared >= 14)
    }

    /// A command line's words: spaces split them, except inside double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for c in line {
            if c == "\"" { quoted.toggle(); started = true; continue }
            if c == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
