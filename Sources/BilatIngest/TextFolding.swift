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

    init(_ raw: String, wholeWord: Bool = false) {
        self.raw = raw
        self.wholeWord = wholeWord
        self.folded = TextFolding.fold(raw)
        let letters = raw.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        self.exactCase = raw.count <= 5 && !letters.isEmpty && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
        self.japanese = raw.unicodeScalars.contains(where: TextFolding.isJapaneseScalar)
    }

    /// Whether the cue occurs in `text` (original) / `folded` (its fold).
    func matches(text: String, folded: String) -> Bool {
        firstMatch(text: text, folded: folded) != nil
    }

    /// The offset (in the searched string's characters) of the first match, or `nil`.
    func firstMatch(text: String, folded: String) -> String.Index? {
        // Native Swift searching (firstRange), not Foundation's range(of:), which bridges the whole string each call.
        if japanese { return text.firstRange(of: raw)?.lowerBound }
        let haystack = exactCase ? text : folded
        let needle = exactCase ? raw : self.folded
        var searchStart = haystack.startIndex
        while let range = haystack[searchStart...].firstRange(of: needle) {
            let before = range.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: range.lowerBound)]
            // A cue that starts with punctuation ("’s commitment") may follow a word directly.
            let cueStartsWithWord = needle.first.map { $0.isLetter || $0.isNumber } ?? false
            let startsWord = !cueStartsWithWord || (before.map { !$0.unicodeScalars.allSatisfy(TextFolding.isWordScalar) } ?? true)
            var endsWord = true
            if exactCase || wholeWord, range.upperBound < haystack.endIndex, needle.last.map({ $0.isLetter || $0.isNumber }) ?? false {
                endsWord = !haystack[range.upperBound].unicodeScalars.allSatisfy(TextFolding.isWordScalar)
            }
            if startsWord && endsWord { return range.lowerBound }
            searchStart = haystack.index(after: range.lowerBound)
        }
        return nil
    }
}
