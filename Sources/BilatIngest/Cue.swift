import Foundation

/// A cue (word or phrase from the language data) prepared for matching inside folded text.
///
/// A cue matches at the start of a word ("cyber" matches "cybersécurité"); a cue written with
/// capitals or digits only (AI, ODA, G7) matches only as written and as a whole word, so that
/// "AI" does not match "aid". Cues in Japanese script match anywhere (no spaces between words).
///
/// A class, not a struct: cues are read by the thousand for every sentence, and copying one would
/// retain each of its strings and arrays.
final class Cue: Sendable {
    let raw: String
    let folded: String
    let exactCase: Bool
    let japanese: Bool
    /// Matches only a whole word or phrase: "agree" must not match "agreement".
    let wholeWord: Bool
    /// The bytes searched for: as written for Japanese and exact-case cues, else folded.
    let needle: [UInt8]

    init(_ raw: String, wholeWord: Bool = false) {
        self.raw = raw
        self.wholeWord = wholeWord
        self.folded = TextFolding.fold(raw)
        let letters = raw.unicodeScalars.filter(TextFolding.isLetterScalar).map(\.properties.generalCategory)
        self.exactCase = raw.count <= 5 && !letters.isEmpty && letters.allSatisfy { $0 == .uppercaseLetter || $0 == .titlecaseLetter }
        self.japanese = raw.unicodeScalars.contains(where: TextFolding.isJapaneseScalar)
        self.needle = Array((japanese || exactCase ? raw : folded).utf8)
    }

    /// Whether the cue is searched in the text as written (Japanese and exact-case cues) rather than folded.
    var searchesText: Bool { japanese || exactCase }

    /// Whether the cue occurs in `text` (original) / `folded` (its fold).
    func matches(text: String, folded: String) -> Bool {
        firstMatch(text: text, folded: folded) != nil
    }

    /// Where the first match starts in the searched string (`text` for Japanese and exact-case cues,
    /// else `folded`), or `nil`.
    func firstMatch(text: String, folded: String) -> String.Index? {
        let haystack = searchesText ? text : folded
        guard let offset = firstByteOffset(in: haystack) else { return nil }
        return haystack.utf8.index(haystack.utf8.startIndex, offsetBy: offset)
    }

    /// The UTF-8 offset of the first match in `haystack`, honouring the word-boundary rules.
    func firstByteOffset(in haystack: String) -> Int? {
        guard !needle.isEmpty else { return nil }
        var copy = haystack
        return copy.withUTF8 { hay -> Int? in
            needle.withUnsafeBufferPointer { bytes -> Int? in
                var from = 0
                while let at = ByteSearch.firstOffset(of: bytes, in: hay, from: from) {
                    if isWord(at: at, in: hay) { return at }
                    from = at + 1
                }
                return nil
            }
        }
    }

    /// Whether the cue's bytes stand at byte `at` of `hay` within the word boundaries it asks for.
    func matches(at: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        guard count > 0, at + count <= hay.count else { return false }
        let equal = needle.withUnsafeBufferPointer { n in memcmp(hay.baseAddress! + at, n.baseAddress!, count) == 0 }
        return equal && isWord(at: at, in: hay)
    }

    /// Whether the cue's bytes, standing at byte `at` of `hay`, stand within the word boundaries it asks for.
    func isWord(at: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        if japanese { return true }
        let count = needle.count
        let startsWord = !Self.isWordByte(needle[0]) || at == 0 || !Self.isWordCharacter(before: at, in: hay)
        let end = at + count
        let endsWord = !(exactCase || wholeWord) || !Self.isWordByte(needle[count - 1]) || end >= hay.count
            || !Self.isWordCharacter(at: end, in: hay)
        return startsWord && endsWord
    }

    /// Letters and digits, and every byte of a non-ASCII character (accented letters, CJK).
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Whether the character that starts at byte `i` is a letter or digit (non-ASCII ones decoded: « is not).
    static func isWordCharacter(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = bytes[i]
        guard lead >= 0x80 else { return isWordByte(lead) }
        // Decode the one scalar by hand: this runs at every candidate match.
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return false }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value).map(TextFolding.isWordScalar) ?? false
    }

    /// Whether the character that ends right before byte `i` is a letter or digit.
    static func isWordCharacter(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(at: start, in: bytes)
    }
}

/// Cues searched together: one walk over a sentence finds where each cue first matches, instead of one
/// search per cue (a language's topic vocabulary alone has hundreds of cues, and every sentence is searched).
struct CueSet: Sendable {
    let cues: [Cue]
    /// Cues by the first two bytes they search for: in the folded text, and in the text as written.
    private let foldedIndex: FirstBytesIndex
    private let textIndex: FirstBytesIndex

    init(_ cues: [Cue]) {
        self.cues = cues
        var folded = FirstBytesIndex()
        var text = FirstBytesIndex()
        for (index, cue) in cues.enumerated() where !cue.needle.isEmpty {
            if cue.searchesText { text.add(cue.needle, index) } else { folded.add(cue.needle, index) }
        }
        foldedIndex = folded
        textIndex = text
    }

    var isEmpty: Bool { cues.isEmpty }

    /// Each cue that occurs, once, with the UTF-8 offset of its first match (in `text` for cues that
    /// search the text as written, else in `folded`).
    func firstMatches(text: String, folded: String) -> [(index: Int, offset: Int)] {
        var found: [(index: Int, offset: Int)] = []
        var seen = [Bool](repeating: false, count: cues.count)
        for (index, haystack) in [(foldedIndex, folded), (textIndex, text)] where !index.isEmpty {
            index.scan(haystack, cues: cues) { cue, offset in
                if !seen[cue] { seen[cue] = true; found.append((cue, offset)) }
                return true
            }
        }
        return found
    }

    /// Whether any cue occurs.
    func matchesAny(text: String, folded: String) -> Bool {
        var any = false
        for (index, haystack) in [(foldedIndex, folded), (textIndex, text)] where !index.isEmpty && !any {
            index.scan(haystack, cues: cues) { _, _ in any = true; return false }
        }
        return any
    }

    /// The cue matched first and where (its UTF-8 offset, as in `firstMatches`); on a tie, the cue listed first.
    func earliest(text: String, folded: String) -> (cue: Cue, start: Int)? {
        firstMatches(text: text, folded: folded).min { ($0.offset, $0.index) < ($1.offset, $1.index) }
            .map { (cues[$0.index], $0.offset) }
    }
}

/// Cue indices by the first two bytes of their needles, with a bit per two-byte pair so that the many
/// places where no cue starts cost one look.
private struct FirstBytesIndex: Sendable {
    private var filter = [UInt64](repeating: 0, count: 1024)
    private var byPair: [UInt16: [Int]] = [:]
    /// Needles of one byte (a cue of one ASCII letter or sign).
    private var byByte: [UInt8: [Int]] = [:]

    var isEmpty: Bool { byPair.isEmpty && byByte.isEmpty }

    mutating func add(_ needle: [UInt8], _ index: Int) {
        if needle.count == 1 { byByte[needle[0], default: []].append(index); return }
        let pair = UInt16(needle[0]) << 8 | UInt16(needle[1])
        filter[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
        byPair[pair, default: []].append(index)
    }

    /// Calls `found(cue, offset)` for every match, in order of offset; stops when it returns false.
    func scan(_ haystack: String, cues: [Cue], _ found: (Int, Int) -> Bool) {
        var copy = haystack
        copy.withUTF8 { hay in
            guard !hay.isEmpty else { return }
            for at in 0..<hay.count {
                let b = hay[at]
                if b & 0xC0 == 0x80 { continue }  // inside a character: no needle starts there
                if !byByte.isEmpty, let candidates = byByte[b] {
                    for cue in candidates where cues[cue].matches(at: at, in: hay) { if !found(cue, at) { return } }
                }
                guard at + 1 < hay.count else { continue }
                let pair = UInt16(b) << 8 | UInt16(hay[at + 1])
                guard filter[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0, let candidates = byPair[pair] else { continue }
                for cue in candidates where cues[cue].matches(at: at, in: hay) { if !found(cue, at) { return } }
            }
        }
    }
}
