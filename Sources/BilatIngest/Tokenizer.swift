import Foundation

/// A word or punctuation mark of a sentence, with its place in the sentence (in Characters).
struct Token: Equatable, Sendable {
    let text: String
    let start: Int
    let end: Int
    /// Folded form for comparisons: no case, no accents, ' for ’ (computed once: matching compares it often).
    let folded: String

    let isWord: Bool
    /// A word that starts with a letter (not a digit): what a name word must be.
    let startsWithLetter: Bool
    let isCapitalized: Bool
    /// "ISHIBA", "RUTTE": every letter a capital, at least two letters.
    let isAllCaps: Bool

    init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.folded = TextFolding.fold(text)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most tokens): decided on the bytes, without Unicode property lookups.
            func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            let first = text.utf8.first ?? 0
            startsWithLetter = isUpper(first) || isLower(first)
            isWord = startsWithLetter || (first >= 0x30 && first <= 0x39)
            isCapitalized = isUpper(first)
            let letters = text.utf8.filter { isUpper($0) || isLower($0) }
            isAllCaps = letters.count >= 2 && letters.allSatisfy(isUpper)
            return
        }
        let first = text.first
        startsWithLetter = first?.isLetter ?? false
        isWord = startsWithLetter || (first?.isNumber ?? false)
        isCapitalized = first?.isUppercase ?? false
        let letters = text.filter(\.isLetter)
        isAllCaps = letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}

/// Splits a sentence into tokens the way the name and party grammar wants them: "U.S.", "H.E." and
/// initials ("R.") keep their periods; French elisions ("l’", "d’") stand apart; a possessive "’s"
/// is dropped; hyphenated words stay whole unless `splitHyphens`.
enum Tokenizer {
    static let keptPeriodWords: Set<String> = ["mr", "mrs", "ms", "dr", "jr", "sr", "st", "m", "prof", "hon", "rt"]

    private static let nonBase = CharacterSet.nonBaseCharacters

    // ' ’ and - ‐ compared by scalar: comparing Characters outside ASCII normalises both sides.
    private static func isApostrophe(_ c: Character) -> Bool { isOneOf(c, "'", "’") }
    private static func isHyphen(_ c: Character) -> Bool { isOneOf(c, "-", "‐") }
    private static func isOneOf(_ c: Character, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let scalars = c.unicodeScalars
        return scalars.count == 1 && (scalars.first == a || scalars.first == b)
    }

    static func tokens(_ text: String, splitHyphens: Bool = false) -> [Token] {
        asciiTokens(text, splitHyphens: splitHyphens) ?? characterTokens(text, splitHyphens: splitHyphens)
    }

    /// ``tokens(_:splitHyphens:)`` of any text, a Character at a time.
    static func characterTokens(_ text: String, splitHyphens: Bool) -> [Token] {
        let runs = CharacterRuns(text)
        let chars = runs.chars
        var tokens: [Token] = []
        var i = 0
        func isWordChar(_ c: Character) -> Bool {
            if let ascii = c.asciiValue { return (ascii >= 0x30 && ascii <= 0x39) || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A) }
            return c.isLetter || c.isNumber || c.unicodeScalars.first.map { Self.nonBase.contains($0) } ?? false
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c.isWhitespace { i += 1; continue }
            if isWordChar(c) {
                var j = i + 1
                while j < chars.count {
                    let d = chars[j]
                    if isWordChar(d) { j += 1; continue }
                    // Apostrophes and hyphens inside a word; periods inside an abbreviation ("U.S.", "H.E.").
                    if (isApostrophe(d) || (!splitHyphens && isHyphen(d))) && j + 1 < chars.count && isWordChar(chars[j + 1]) {
                        j += 1; continue
                    }
                    if d == "." && j + 1 < chars.count && chars[j + 1].isLetter && (j - i == 1 || chars[i..<j].contains(".")) {
                        j += 1; continue
                    }
                    break
                }
                var word = runs[i..<j]
                var end = j
                // A closing period belongs to initials and abbreviations ("R.", "U.S.", "Mr.").
                if j < chars.count && chars[j] == "." {
                    let bare = word.lowercased()
                    if word.count == 1 && word.first!.isUppercase || word.contains(".") || keptPeriodWords.contains(bare) {
                        word += "."
                        end = j + 1
                    }
                }
                // French elision: "l’Organisation" → "l’" + "Organisation".
                if word.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }), let apostrophe = word.firstIndex(where: isApostrophe) {
                    let head = word[..<apostrophe].lowercased()
                    if ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"].contains(head) {
                        let cut = word.distance(from: word.startIndex, to: apostrophe) + 1
                        tokens.append(Token(text: String(word.prefix(cut)), start: i, end: i + cut))
                        word = String(word.dropFirst(cut))
                        tokens.append(Token(text: word, start: i + cut, end: end))
                        i = end
                        continue
                    }
                    // Possessive: "Pompeo’s" → "Pompeo".
                    let tail = word[apostrophe...].dropFirst().lowercased()
                    if tail == "s" {
                        let keep = word.distance(from: word.startIndex, to: apostrophe)
                        tokens.append(Token(text: String(word.prefix(keep)), start: i, end: i + keep))
                        i = end
                        continue
                    }
                }
                tokens.append(Token(text: word, start: i, end: end))
                i = end
                continue
            }
            tokens.append(Token(text: runs[i..<(i + 1)], start: i, end: i + 1))
            i += 1
        }
        return tokens
    }

    /// ``tokens(_:splitHyphens:)`` of an ASCII text, read byte by byte; `nil` for any other text. Where every
    /// byte is a Character (ASCII without a carriage return, which joins the line feed after it), the rules
    /// above give these tokens: most sentences of English readouts are plain ASCII, and taking them a
    /// Character at a time was a tenth of the reading.
    static func asciiTokens(_ text: String, splitHyphens: Bool) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
            func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            let period: UInt8 = 0x2E, apostrophe: UInt8 = 0x27, hyphen: UInt8 = 0x2D
            let count = bytes.count
            var tokens: [Token] = []
            var i = 0
            while i < count {
                let c = bytes[i]
                if isSpace(c) { i += 1; continue }
                guard isWordByte(c) else {
                    tokens.append(Token(text: string(i..<(i + 1)), start: i, end: i + 1))
                    i += 1
                    continue
                }
                var j = i + 1
                var hasPeriod = false
                while j < count {
                    let d = bytes[j]
                    if isWordByte(d) { j += 1; continue }
                    if (d == apostrophe || (!splitHyphens && d == hyphen)) && j + 1 < count && isWordByte(bytes[j + 1]) { j += 1; continue }
                    if d == period && j + 1 < count && isLetter(bytes[j + 1]) && (j - i == 1 || hasPeriod) {
                        hasPeriod = true
                        j += 1
                        continue
                    }
                    break
                }
                var end = j
                // A closing period belongs to initials and abbreviations ("R.", "U.S.", "Mr.").
                if j < count && bytes[j] == period {
                    let single = j - i == 1 && bytes[i] >= 0x41 && bytes[i] <= 0x5A
                    if single || hasPeriod || keptPeriodWords.contains(string(i..<j).lowercased()) { end = j + 1 }
                }
                // French elision ("l'Organisation") and the possessive ("Pompeo's"), at the word's first apostrophe.
                if let mark = (i..<j).first(where: { bytes[$0] == apostrophe }) {
                    if ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"].contains(string(i..<mark).lowercased()) {
                        tokens.append(Token(text: string(i..<(mark + 1)), start: i, end: mark + 1))
                        tokens.append(Token(text: string((mark + 1)..<end), start: mark + 1, end: end))
                        i = end
                        continue
                    }
                    if string((mark + 1)..<end).lowercased() == "s" {
                        tokens.append(Token(text: string(i..<mark), start: i, end: mark))
                        i = end
                        continue
                    }
                }
                tokens.append(Token(text: string(i..<end), start: i, end: end))
                i = end
            }
            return tokens
        }
    }
}

/// The Characters of a string with where each one starts, so that a run of them is cut out of the
/// string (its bytes copied) rather than rebuilt Character by Character. Offsets count Characters,
/// as sentences and mentions do.
struct CharacterRuns {
    let chars: [Character]
    private let text: String
    /// `starts[k]` is where Character `k` starts, and one more for the end of the text; empty for ASCII
    /// text, where Character `k` is byte `k`.
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        chars = Array(text)
        guard chars.count != text.utf8.count else { starts = []; return }
        var starts: [String.Index] = []
        starts.reserveCapacity(chars.count + 1)
        var index = text.startIndex
        for c in chars {
            starts.append(index)
            index = text.utf8.index(index, offsetBy: c.utf8.count)
        }
        starts.append(index)
        self.starts = starts
    }

    var count: Int { chars.count }

    /// Characters `range` of the text, as a string.
    subscript(range: Range<Int>) -> String {
        if starts.isEmpty {
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
        return String(text[starts[range.lowerBound]..<starts[range.upperBound]])
    }
}
