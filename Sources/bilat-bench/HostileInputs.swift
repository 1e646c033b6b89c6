import Foundation

/// Readouts of the shapes a hostile or broken source can send, up to the 10 MB limit, deterministic from a
/// seed: what the reading must get through in bounded time, or refuse at once (issue "bounded work per
/// readout"). `bilat-bench hostile` times them; the tests read smaller ones.
public struct HostileInputs {
    /// A shape: its name, the file name that says how it is read, and its bytes.
    public struct Input {
        public var name: String
        public var fileName: String
        public var bytes: Data
    }

    public let seed: UInt64

    public init(seed: UInt64 = 1) {
        self.seed = seed
    }

    /// One tag with `count` attributes.
    public func manyAttributes(_ count: Int) -> Input {
        let tag = "<div " + (0..<count).map { "a\($0)=\"x\"" }.joined(separator: " ") + ">On March 3, 2024 the ministers met.</div>"
        return Input(name: "one tag, \(count) attributes", fileName: "attributes.html", bytes: Data("<html><body>\(tag)</body></html>".utf8))
    }

    /// Elements nested `depth` deep.
    public func deepNesting(_ depth: Int) -> Input {
        let body = String(repeating: "<div>", count: depth) + "On March 3, 2024 the ministers met." + String(repeating: "</div>", count: depth)
        return Input(name: "nested \(depth) deep", fileName: "nested.html", bytes: Data("<html><body>\(body)</body></html>".utf8))
    }

    /// `count` sentences, each naming two people with titles and sides (about 155 bytes a sentence).
    public func peopleSentences(_ count: Int) -> Input {
        var random = SeededRandom(state: seed)
        let given = ["John", "Maria", "Ahmed", "Yuki", "Pierre", "Olga", "Kwame", "Lucia", "Arjun", "Sven"]
        let family = ["Smith", "Garcia", "Haddad", "Tanaka", "Martin", "Ivanova", "Mensah", "Rossi", "Patel", "Berg"]
        let countries = ["France", "Japan", "Ghana", "Italy", "India", "Sweden", "Brazil", "Egypt", "Chile", "Kenya"]
        var text = "Meeting of Ministers\nMarch 3, 2024\n\n"
        for i in 0..<count {
            let a = given.randomElement(using: &random)!, b = family.randomElement(using: &random)!
            let c = countries.randomElement(using: &random)!, d = given.randomElement(using: &random)!, e = family.randomElement(using: &random)!
            text += "Mr. \(a) \(b)\(i), Minister for Foreign Affairs of \(c), met Ms. \(d) \(e)\(i + 1) and they agreed to cooperate on trade.\n"
        }
        return Input(name: "\(count) sentences naming people", fileName: "people.txt", bytes: Data(text.utf8))
    }

    /// About `size` bytes of random lower-case words, in lines of a few dozen words.
    public func randomWords(_ size: Int) -> Input {
        var random = SeededRandom(state: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<5_000).map { _ in String((0..<Int.random(in: 2...9, using: &random)).map { _ in letters.randomElement(using: &random)! }) }
        var text = ""
        text.reserveCapacity(size + 16)
        var inLine = 0
        while text.utf8.count < size {
            text += words.randomElement(using: &random)!
            inLine += 1
            if inLine == 40 { text += ".\n"; inLine = 0 } else { text += " " }
        }
        return Input(name: "\(size / 1_000_000) MB of random words", fileName: "words.txt", bytes: Data(text.utf8))
    }

    /// One line of about `size` bytes: words without a sentence's end.
    public func oneLine(_ size: Int) -> Input {
        let sentence = "the ministers agreed to strengthen cooperation on trade and security "
        let text = String(repeating: sentence, count: size / sentence.utf8.count) + "\n"
        return Input(name: "one line of \(size / 1_000_000) MB", fileName: "line.txt", bytes: Data(text.utf8))
    }

    /// Every shape at the size the issue measured (up to the 10 MB limit).
    public func all() -> [Input] {
        [manyAttributes(100_000), deepNesting(100_000), peopleSentences(50_000), randomWords(8_700_000), oneLine(9_000_000)]
    }
}
