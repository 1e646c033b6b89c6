import Foundation

/// A place in the text where a party is named.
struct PartyMention: Equatable, Sendable {
    let code: String
    /// Offset in the searched text (Characters).
    let start: Int
    let end: Int
}

/// Finds the parties a text names: states by their names, official names and adjectives in each
/// language, sub-national governments and organisations (`Data/parties.json`).
struct PartyResolver: Sendable {
    let data: LanguageData
    /// Folded key → code, with hyphens as spaces, built once.
    private let byKey: [String: String]

    init(data: LanguageData) {
        self.data = data
        var byKey: [String: String] = [:]
        for (spelling, code) in data.partyBySpelling {
            byKey[Tokenizer.phraseKey([spelling])] = code
        }
        self.byKey = byKey
    }

    /// The party named by exactly these tokens, with the case rules of the language.
    func party(tokens: ArraySlice<Token>, language: String) -> String? {
        guard let first = tokens.first else { return nil }
        let key = Tokenizer.phraseKey(tokens.map(\.text))
        guard let code = byKey[key] else { return nil }
        let letters = tokens.map(\.text).joined().filter(\.isLetter)
        // Short spellings ("US", "UN", "UE") only in capitals, so that "us", "un", "une" are not parties.
        if letters.count <= 3 && !tokens.allSatisfy(\.isAllCaps) { return nil }
        // English writes every country and adjective with a capital ("turkey" is a bird).
        if language == "en" && !first.isCapitalized { return nil }
        if language != "en" && letters.count == 4 && !first.isCapitalized { return nil }
        return code
    }

    /// Every party mention in `text`, longest spelling first at each place, in text order.
    func mentions(in text: String, language: String) -> [PartyMention] {
        var found: [PartyMention] = []
        let tokens = Tokenizer.tokens(text, splitHyphens: true)
        var i = 0
        let longest = min(data.longestPartySpellingWords + 3, 9)
        while i < tokens.count {
            guard tokens[i].isWord else { i += 1; continue }
            var matched = false
            for length in stride(from: min(longest, tokens.count - i), through: 1, by: -1) {
                let slice = tokens[i..<(i + length)]
                guard slice.last!.isWord else { continue }
                if let code = party(tokens: slice, language: language) {
                    found.append(PartyMention(code: code, start: slice.first!.start, end: slice.last!.end))
                    i += length
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        // Japanese script: names are not separated by spaces, so search each spelling.
        if text.unicodeScalars.contains(where: TextFolding.isJapaneseScalar) {
            var taken: [Range<Int>] = found.map { $0.start..<$0.end }
            for (spelling, code) in data.partyByJapaneseSpelling where spelling.count >= 2 {
                var from = text.startIndex
                while let r = text[from...].firstRange(of: spelling) {
                    let s = text.distance(from: text.startIndex, to: r.lowerBound)
                    let e = s + spelling.count
                    if !taken.contains(where: { $0.overlaps(s..<e) }) {
                        found.append(PartyMention(code: code, start: s, end: e))
                        taken.append(s..<e)
                    }
                    from = r.upperBound
                }
            }
            found.append(contentsOf: japaneseAbbreviationPairs(in: text, taken: taken))
        }
        return found.sorted { $0.start < $1.start }
    }

    /// "日米", "日仏首脳会談": one-character names of countries written side by side.
    private func japaneseAbbreviationPairs(in text: String, taken: [Range<Int>]) -> [PartyMention] {
        let single = Dictionary(data.partyByJapaneseSpelling.filter { $0.0.count == 1 }.map { ($0.0.first!, $0.1) }, uniquingKeysWith: { a, _ in a })
        var result: [PartyMention] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            var j = i
            while j < chars.count, single[chars[j]] != nil { j += 1 }
            if j - i >= 2 {
                for k in i..<j where !taken.contains(where: { $0.contains(k) }) {
                    result.append(PartyMention(code: single[chars[k]]!, start: k, end: k + 1))
                }
                i = j
            } else {
                i += 1
            }
        }
        return result
    }
}
