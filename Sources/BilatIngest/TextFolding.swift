import Foundation

/// Folding that makes "Corée", "coree" and "CORÉE" the same key: case, accents, width and
/// typographic apostrophes and dashes are ignored. Used for names, cue words and filters.
public enum TextFolding {
    /// `text` case-, accent- and width-folded, with ’ ‘ ´ as ' and – — ‐ as -.
    public static func fold(_ text: String) -> String {
        // Plain ASCII (most words) needs only lower-casing, without a trip through Foundation.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) { return text.lowercased() }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Typographic apostrophes and dashes, replaced scalar by scalar (comparing Characters costs more).
        guard folded.unicodeScalars.contains(where: { plain($0) != $0 }) else { return folded }
        // Rewritten as bytes: French text has an apostrophe in most sentences, and this runs for each.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            let replacement = plain(scalar)
            if replacement == scalar { bytes.append(contentsOf: UTF8.encode(scalar)!) } else { bytes.append(UInt8(replacement.value)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ’ ‘ ´ ` as ', – — ‐ as -, any other scalar as itself.
    private static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2019, 0x2018, 0x00B4, 0x0060: return "'"
        case 0x2013, 0x2014, 0x2010: return "-"
        default: return scalar
        }
    }

    /// The folded letters and digits of `text` only: the key under which two spellings of a name meet.
    public static func key(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-case letters and digits, byte by byte (the name grammar asks for keys of every word).
            let bytes = text.utf8.compactMap { b -> UInt8? in
                if b >= 0x41 && b <= 0x5A { return b | 0x20 }
                return (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) ? b : nil
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: fold(text).unicodeScalars.filter(isWordScalar))
        return String(scalars)
    }

    /// Whether `scalar` belongs to a word (letters, digits, marks: what `CharacterSet.alphanumerics` holds).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value >= 0x30 && scalar.value <= 0x39) || isLetterScalar(scalar) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return isLetterScalar(scalar)
        }
    }

    /// Whether `scalar` is a letter (or a mark on one: what `CharacterSet.letters` holds).
    static func isLetterScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Whether the text is written in Japanese script (kana or CJK ideographs).
    static func isJapaneseScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without white space or line breaks at either end. (Foundation's `trimmingCharacters`
    /// goes through NSString, which reading pays for on every line.)
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }

    /// Whether the text is empty or white space only.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
