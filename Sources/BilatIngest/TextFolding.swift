import Foundation

/// Folding that makes "Corée", "coree" and "CORÉE" the same key: case, accents, width and
/// typographic apostrophes and dashes are ignored. Used for names, cue words and filters.
public enum TextFolding {
    /// `text` case-, accent- and width-folded, with ’ ‘ ´ as ' and – — ‐ as -.
    public static func fold(_ text: String) -> String {
        // Plain ASCII (most words) needs only lower-casing.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) { return text.lowercased() }
        return scalarFolds.fold(text) ?? foundationFold(text)
    }

    /// Each non-ASCII scalar's fold, kept once Foundation has made it.
    static let scalarFolds = ScalarFolds()

    /// Folds text scalar by scalar, each non-ASCII scalar folded once by Foundation and then kept.
    ///
    /// Foundation folds a string a character cluster at a time, so where every cluster is one scalar the
    /// scalars' folds put together are the string's. A text with a scalar that joins the one before it (a
    /// combining accent, a joiner, a variation selector) is left to Foundation whole. Reading folds every
    /// sentence several times, and bridging each to NSString cost more than the rest of the reading's steps.
    final class ScalarFolds: @unchecked Sendable {
        private struct Fold {
            let bytes: [UInt8]
            /// Whether the scalar can join the scalar before it into one cluster.
            let joins: Bool
        }

        private let lock = NSLock()
        private var known: [UInt32: Fold] = [:]

        /// `text` folded, or `nil` when a scalar of it joins another.
        func fold(_ text: String) -> String? {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            lock.lock()
            defer { lock.unlock() }
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    let b = UInt8(value)
                    bytes.append(b == 0x60 ? 0x27 : (b >= 0x41 && b <= 0x5A ? b | 0x20 : b))
                    continue
                }
                let fold: Fold
                if let kept = known[value] {
                    fold = kept
                } else {
                    fold = Fold(bytes: Array(TextFolding.foundationFold(String(scalar)).utf8), joins: Self.joins(scalar))
                    // A bound on what is kept: texts of every script could otherwise keep many thousands.
                    if known.count > 50_000 { known.removeAll() }
                    known[value] = fold
                }
                if fold.joins { return nil }
                bytes.append(contentsOf: fold.bytes)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Whether `scalar` can stand in one character cluster with the scalar before it: marks and other
        /// grapheme extenders, format characters (joiners), emoji modifiers, regional indicators, Hangul jamo.
        static func joins(_ scalar: Unicode.Scalar) -> Bool {
            let properties = scalar.properties
            if properties.isGraphemeExtend { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .unassigned: return true
            default: break
            }
            switch scalar.value {
            case 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF, 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF,
                 0xFF9E...0xFF9F, 0x0E33, 0x0EB3:
                return true
            default:
                return false
            }
        }
    }

    /// Foundation's fold of `text` (case, diacritics, width), with ``plain(_:)`` applied to each scalar.
    static func foundationFold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Typographic apostrophes and dashes, replaced scalar by scalar.
        guard folded.unicodeScalars.contains(where: { plain($0) != $0 }) else { return folded }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: folded.unicodeScalars.map(plain))
        return String(scalars)
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
