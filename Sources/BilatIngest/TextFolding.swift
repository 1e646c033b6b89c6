import Foundation

/// Folding that makes "Corée", "coree" and "CORÉE" the same key: case, accents, width and
/// typographic apostrophes and dashes are ignored. Used for names, cue words and filters.
public enum TextFolding {
    /// `text` case-, accent- and width-folded, with ’ ‘ ´ as ' and – — ‐ as -.
    public static func fold(_ text: String) -> String {
        // Plain ASCII (most words) needs only lower-casing, without a trip through Foundation.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) { return text.lowercased() }
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.contains(where: { "’‘´`".contains($0) }) {
            folded = String(folded.map { "’‘´`".contains($0) ? "'" : $0 })
        }
        if folded.contains(where: { "–—‐".contains($0) }) {
            folded = String(folded.map { "–—‐".contains($0) ? "-" : $0 })
        }
        return folded
    }

    /// The folded letters and digits of `text` only: the key under which two spellings of a name meet.
    public static func key(_ text: String) -> String {
        String(fold(text).unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Whether `scalar` belongs to a word (letters, digits, marks).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(scalar)
    }

    /// Whether the text is written in Japanese script (kana or CJK ideographs).
    static func isJapaneseScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }
}

/// A cue (word or phrase from the language data) prepared for matching inside folded text.
///
/// A cue matches at the start of a word ("cyber" matches "cybersécurité"); a cue written with
/// capitals or digits only (AI, ODA, G7) matches only as written and as a whole word, so that
/// "AI" does not match "aid". Cues in Japanese script match anywhere (no spaces between words).
struct Cue: Sendable {
    let raw: String
    let folded: String
    let exactCase: Bool
    let japanese: Bool
    /// Matches only a whole word or phrase: "agree" must not match "agreement".
    let wholeWord: Bool

    /// The cue's bytes, as written and folded, for searching.
    let rawBytes: [UInt8]
    let foldedBytes: [UInt8]

    init(_ raw: String, wholeWord: Bool = false) {
        self.raw = raw
        self.wholeWord = wholeWord
        self.rawBytes = Array(raw.utf8)
        self.foldedBytes = Array(TextFolding.fold(raw).utf8)
        self.folded = TextFolding.fold(raw)
        let letters = raw.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        self.exactCase = raw.count <= 5 && !letters.isEmpty && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
        self.japanese = raw.unicodeScalars.contains(where: TextFolding.isJapaneseScalar)
    }

    /// Whether the cue occurs in `text` (original) / `folded` (its fold).
    func matches(text: String, folded: String) -> Bool {
        firstMatch(text: text, folded: folded) != nil
    }

    /// Where the first match starts in the searched string (`text` for Japanese and exact-case cues,
    /// else `folded`), or `nil`.
    func firstMatch(text: String, folded: String) -> String.Index? {
        let haystack = japanese || exactCase ? text : folded
        guard let offset = firstByteOffset(in: haystack) else { return nil }
        return haystack.utf8.index(haystack.utf8.startIndex, offsetBy: offset)
    }

    /// The UTF-8 offset of the first match in `haystack` (searched as bytes: cue matching is
    /// the hot path of reading a readout), honouring the word-boundary rules.
    func firstByteOffset(in haystack: String) -> Int? {
        let needle = japanese || exactCase ? rawBytes : foldedBytes
        guard !needle.isEmpty else { return nil }
        var copy = haystack
        return copy.withUTF8 { hay -> Int? in
            guard let base = hay.baseAddress, hay.count >= needle.count else { return nil }
            return needle.withUnsafeBytes { n -> Int? in
                var from = 0
                while from <= hay.count - needle.count {
                    // memchr finds the first byte, memcmp checks the rest (memmem is not in every libc).
                    guard let hit = memchr(base + from, Int32(needle[0]), hay.count - needle.count + 1 - from) else { return nil }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, n.baseAddress!, needle.count) != 0 { from = at + 1; continue }
                    if japanese { return at }
                    let startsWord = !Self.isWordByte(needle[0]) || at == 0 || !Self.isWordCharacter(before: at, in: hay)
                    let end = at + needle.count
                    let endsWord = !(exactCase || wholeWord) || !Self.isWordByte(needle[needle.count - 1]) || end >= hay.count
                        || !Self.isWordCharacter(at: end, in: hay)
                    if startsWord && endsWord { return at }
                    from = at + 1
                }
                return nil
            }
        }
    }

    /// Letters and digits, and every byte of a non-ASCII character (accented letters, CJK).
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Whether the character that starts at byte `i` is a letter or digit (non-ASCII ones decoded: « is not).
    static func isWordCharacter(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes[i] >= 0x80 else { return isWordByte(bytes[i]) }
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self).unicodeScalars.first
            .map(TextFolding.isWordScalar) ?? false
    }

    /// Whether the character that ends right before byte `i` is a letter or digit.
    static func isWordCharacter(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(at: start, in: bytes)
    }
}
