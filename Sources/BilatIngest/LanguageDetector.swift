import Foundation

/// Tells which language a readout is written in: Japanese by its script, otherwise by the share
/// of each language's common words (`stopwords` in `Data/languages`).
public struct LanguageDetector: Sendable {
    let profiles: [LanguageProfile]
    /// Common words of languages Bilat does not read: a text more in one of them is ``unsupported``.
    let otherLanguages: [String: Set<String>]

    public init(profiles: [LanguageProfile], otherLanguages: [String: Set<String>] = [:]) {
        self.profiles = profiles
        self.otherLanguages = otherLanguages
    }

    /// A text of this many words or more whose common words are fewer than `minimumShare` of them in each
    /// language Bilat reads is in another language (Portuguese, Spanish, German …): real English or French
    /// readouts have 15–40 % of them.
    static let minimumWords = 40
    static let minimumShare = 0.12

    /// The code to give a text in none of the languages Bilat reads (BCP 47's "undetermined").
    public static let unsupported = "und"

    /// The ISO 639-1 code of `text`'s language, ``unsupported`` for a long text in a language Bilat does not
    /// read; `en` when nothing tells.
    public func detect(_ text: String) -> String {
        let sample = text.prefix(1500)
        var japanese = 0
        var letters = 0
        // Words, lower-cased, as runs of letters (and ') — read scalar by scalar: this looks at every readout.
        var words: [String] = []
        var wordStart: String.Index?
        let scalars = sample.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let isLetter = TextFolding.isLetterScalar(scalar)
            if isLetter {
                letters += 1
                if TextFolding.isJapaneseScalar(scalar) { japanese += 1 }
            }
            if isLetter || scalar == "'" {
                if wordStart == nil { wordStart = index }
            } else if let start = wordStart {
                words.append(sample[start..<index].lowercased())
                wordStart = nil
            }
        }
        if let start = wordStart { words.append(sample[start...].lowercased()) }
        if letters > 0 && japanese * 5 > letters { return "ja" }
        var best = ("en", 0)
        for profile in profiles where !profile.stopwords.isEmpty {
            let hits = words.reduce(0) { $0 + (profile.stopwords.contains($1) ? 1 : 0) }
            if hits > best.1 { best = (profile.code, hits) }
        }
        if words.count >= Self.minimumWords && Double(best.1) < Self.minimumShare * Double(words.count) { return Self.unsupported }
        // Spanish or Portuguese share common words with French: a text that has more of another language's is in that one.
        for (_, stopwords) in otherLanguages where words.count >= Self.minimumWords {
            let hits = words.reduce(0) { $0 + (stopwords.contains($1) ? 1 : 0) }
            if hits > best.1 { return Self.unsupported }
        }
        return best.0
    }
}
