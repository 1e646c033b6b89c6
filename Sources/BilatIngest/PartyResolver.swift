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
    /// Every key's word prefixes ("organisation du traite"), so that a run stops growing as soon as no spelling can match.
    private let prefixes: Set<String>
    /// Words that end a news medium's name, in every language (`media_words`).
    private let mediaWords: Set<String>

    init(data: LanguageData) {
        self.data = data
        mediaWords = Set(data.languages.values.flatMap(\.mediaWords))
        var byKey: [String: String] = [:]
        var prefixes = Set<String>()
        for (spelling, code) in data.partyBySpelling {
            guard let key = Self.key(Tokenizer.tokens(spelling, splitHyphens: true)[...]) else { continue }
            byKey[key] = code
            let words = key.split(separator: " ")
            for n in 1..<max(words.count, 1) { prefixes.insert(words.prefix(n).joined(separator: " ")) }
        }
        self.byKey = byKey
        self.prefixes = prefixes
    }

    /// The party named by exactly these tokens, with the case rules of the language.
    func party(tokens: ArraySlice<Token>, language: String) -> String? {
        guard let key = Self.key(tokens), let code = byKey[key] else { return nil }
        return accepts(tokens, language: language) ? code : nil
    }

    /// The lookup key of a run of tokens: folded words joined by single spaces, hyphens as spaces, no space
    /// after an elided article ("l'atlantique"); `nil` when punctuation other than a hyphen breaks the run.
    static func key(_ tokens: ArraySlice<Token>) -> String? {
        var key = ""
        var previous: Token?
        for token in tokens {
            if token.text == "-" || token.text == "‐" { previous = token; continue }
            guard token.isWord || token.folded.hasSuffix("'") else { return nil }
            let word = token.folded.contains("-") ? token.folded.replacingOccurrences(of: "-", with: " ") : token.folded
            if let p = previous, !key.isEmpty, !(p.folded.hasSuffix("'") && p.text != "-") { key += " " }
            key += word
            previous = token
        }
        return key.isEmpty ? nil : key
    }

    /// The case rules: short spellings ("US", "UN", "UE") only in capitals, so that "us", "un", "une" are not
    /// parties; English writes every country and adjective with a capital ("turkey" is a bird).
    private func accepts(_ tokens: ArraySlice<Token>, language: String) -> Bool {
        guard let first = tokens.first(where: \.isWord) else { return false }
        let letters = tokens.reduce(0) { $0 + $1.text.reduce(0) { $0 + ($1.isLetter ? 1 : 0) } }
        if letters <= 3 && !tokens.filter(\.isWord).allSatisfy(\.isAllCaps) { return false }
        if language == "en" && !first.isCapitalized { return false }
        if language != "en" && letters == 4 && !first.isCapitalized { return false }
        return true
    }

    /// Every party mention in `text`, longest spelling first at each place, in text order.
    func mentions(in text: String, language: String) -> [PartyMention] {
        var found: [PartyMention] = []
        let tokens = Tokenizer.tokens(text, splitHyphens: true)
        let longest = min(data.longestPartySpellingWords + 3, 9)
        var i = 0
        while i < tokens.count {
            guard tokens[i].isWord else { i += 1; continue }
            // Grow the run while its key is still a prefix of some spelling, remembering the longest match.
            var best: (code: String, end: Int)?
            var end = i
            var words = 0
            while end < tokens.count && words < longest {
                let token = tokens[end]
                if !(token.isWord || token.text == "-" || token.text == "‐" || token.folded.hasSuffix("'")) { break }
                end += 1
                if token.isWord { words += 1 } else { continue }
                guard let key = Self.key(tokens[i..<end]) else { break }
                if let code = byKey[key], accepts(tokens[i..<end], language: language) { best = (code, end) }
                if !prefixes.contains(key) { break }
            }
            if let best, inMediaName(tokens, i, best.end) {
                i = best.end
            } else if let best {
                found.append(PartyMention(code: best.code, start: tokens[i].start, end: tokens[best.end - 1].end))
                i = best.end
            } else {
                i += 1
            }
        }
        // Japanese script: names are not separated by spaces, so search each spelling.
        if text.unicodeScalars.contains(where: TextFolding.isJapaneseScalar) {
            var taken: [Range<Int>] = found.map { $0.start..<$0.end }
            let chars = Array(text)
            for (spelling, code) in data.partyByJapaneseSpelling where spelling.count >= 2 {
                let needle = Array(spelling)
                var k = 0
                while k + needle.count <= chars.count {
                    if chars[k] == needle[0] && Array(chars[k..<(k + needle.count)]) == needle {
                        if !taken.contains(where: { $0.overlaps(k..<(k + needle.count)) }) {
                            found.append(PartyMention(code: code, start: k, end: k + needle.count))
                            taken.append(k..<(k + needle.count))
                        }
                        k += needle.count
                    } else {
                        k += 1
                    }
                }
            }
            found.append(contentsOf: japaneseAbbreviationPairs(in: text, taken: taken))
        }
        return found.sorted { $0.start < $1.start }
    }

    /// Whether the state named by `tokens[from..<end]` is part of a news medium's name ("Pakistan Point News",
    /// "Saudi Press Agency": a medium word among the capitalised words after it) or of a wire service's
    /// bracketed source line ("(Agency News / WAM - 2 May)": a medium word inside the same brackets).
    private func inMediaName(_ tokens: [Token], _ from: Int, _ end: Int) -> Bool {
        guard !mediaWords.isEmpty else { return false }
        func isMedia(_ t: Token) -> Bool { t.isWord && t.isCapitalized && mediaWords.contains(t.folded) }
        var j = end
        while j < tokens.count && j < end + 3, tokens[j].isWord, tokens[j].isCapitalized {
            if isMedia(tokens[j]) { return true }
            j += 1
        }
        // The brackets around the mention, if any, within a line's length.
        var open: Int?
        var k = from - 1
        while k >= 0 && from - k <= 24 {
            if tokens[k].text == ")" { break }
            if tokens[k].text == "(" { open = k; break }
            k -= 1
        }
        guard let open else { return false }
        var close = end
        while close < tokens.count && close - open <= 40, tokens[close].text != ")", tokens[close].text != "(" { close += 1 }
        guard close < tokens.count, tokens[close].text == ")" else { return false }
        return tokens[(open + 1)..<close].contains(where: isMedia)
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
