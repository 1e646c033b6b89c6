import Foundation

/// Names and titles in Japanese script, which runs words together without spaces:
/// "山田太郎内閣総理大臣" (name, then title), "ジャン・デュポン・ベルギー王国首相" (katakana name
/// words joined by ・, then the country and the title), "デュポン首相" (family name and title).
struct JapaneseNameGrammar: Sendable {
    let profile: LanguageProfile
    let data: LanguageData
    let parties: PartyResolver
    /// Titles as characters, longest first, and the characters titles start with (most positions start none).
    private let titles: [[Character]]
    private let titleStarts: Set<Character>
    /// Party spellings of two characters or more, longest first, by their last character.
    private let partiesByLastCharacter: [Character: [(spelling: String, code: String)]]

    init(profile: LanguageProfile, data: LanguageData, parties: PartyResolver) {
        self.profile = profile
        self.data = data
        self.parties = parties
        titles = profile.titles.sorted { $0.count > $1.count }.map(Array.init)
        titleStarts = Set(titles.compactMap(\.first))
        var byLast: [Character: [(spelling: String, code: String)]] = [:]
        for (spelling, code) in data.partyByJapaneseSpelling where spelling.count >= 2 {
            byLast[spelling.last!, default: []].append((spelling, code))
        }
        partiesByLastCharacter = byLast
    }

    static func isKanji(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) || $0 == "々" }
    }

    static func isKatakana(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x30A0...0x30FF).contains($0.value) || (0xFF66...0xFF9F).contains($0.value) }
            || "・ー=＝".contains(c)
    }

    /// Every person named with a title in `sentence`, in order.
    func mentions(in sentence: String) -> [PersonMention] {
        let chars = Array(sentence)
        var found: [PersonMention] = []
        var i = 0
        while i < chars.count {
            guard titleStarts.contains(chars[i]) else { i += 1; continue }
            // A title is a whole word: 委員 in 欧州委員会 is not one, 委員長 after it is.
            guard let title = titles.first(where: { title in
                matches(title, chars, at: i)
                    && (i + title.count == chars.count || !Self.isKanji(chars[i + title.count]) || "及並兼等".contains(chars[i + title.count]))
            }) else { i += 1; continue }
            let titleEnd = i + title.count
            if let mention = mention(chars, titleStart: i, titleEnd: titleEnd) { found.append(mention) }
            i = titleEnd
        }
        return found
    }

    private func matches(_ word: [Character], _ chars: [Character], at i: Int) -> Bool {
        guard i + word.count <= chars.count else { return false }
        for k in word.indices where chars[i + k] != word[k] { return false }
        return true
    }

    /// The name and country written right before a title.
    private func mention(_ chars: [Character], titleStart: Int, titleEnd: Int) -> PersonMention? {
        // The run before the title: kanji, katakana and ・, with a parenthesised acronym such as （NATO）.
        var start = titleStart
        var depth = 0
        while start > 0 {
            let c = chars[start - 1]
            if c == "）" || c == ")" { depth += 1; start -= 1; continue }
            if c == "（" || c == "(" { if depth == 0 { break }; depth -= 1; start -= 1; continue }
            // Acronyms in Latin capitals belong to the run too: "ヤン・ペテルセンOECD事務総長".
            if depth > 0 || Self.isKanji(c) || Self.isKatakana(c) || (c.isASCII && c.isUppercase) { start -= 1; continue }
            break
        }
        guard start < titleStart else { return nil }
        let run = String(chars[start..<titleStart])
        var title = String(chars[titleStart..<titleEnd])

        var party: String?
        // Peel the country or organisation off the end of the run: "…・ベルギー王国" + 首相.
        var namePart = run
        var segments = run.components(separatedBy: "・")
        if let last = segments.last, let code = partyAtEnd(last) {
            party = code.code
            title = code.text + title
            let rest = String(last.dropLast(code.text.count))
            segments[segments.count - 1] = rest
            if rest.isEmpty { segments.removeLast() }
            namePart = segments.joined(separator: "・")
        }
        // "トランプ米大統領": one character for the country between a name in katakana and the title.
        if party == nil, let last = namePart.last, profile.titleCountryPrefixes.contains(last),
           namePart.count >= 2, Self.isKatakana(namePart[namePart.index(namePart.endIndex, offsetBy: -2)]),
           let code = data.partyByJapaneseSpelling.first(where: { $0.0 == String(last) })?.1 {
            party = code
            namePart = String(namePart.dropLast())
        }
        namePart = namePart.trimmingCharacters(in: CharacterSet(charactersIn: "・"))
        guard !namePart.isEmpty else { return nil }
        var nameTokens: [String]
        if namePart.contains(where: Self.isKatakana) && !namePart.contains(where: Self.isKanji) {
            // Katakana: family name last ("ジャン・デュポン"), with the particles before it ("ジャン=イヴ・ル・ドリアン").
            var words = namePart.components(separatedBy: "・").filter { !$0.isEmpty }
            while words.count > 1, profile.nameParticles.contains(words[words.count - 2]) {
                let family = words.removeLast()
                words[words.count - 1] += "・" + family
            }
            nameTokens = words.count > 1 ? [words.dropLast().joined(separator: "・"), words.last!] : words
        } else {
            nameTokens = splitKanji(namePart)
        }
        if party == nil, profile.homeTitles.contains(title), namePart.allSatisfy(Self.isKanji) {
            party = profile.homeParty
        }
        return PersonMention(nameTokens: nameTokens, title: title, party: party, start: start, end: titleEnd)
    }

    /// A kanji name as [given, family] or [family]: as `Data/people.json` knows it, else the usual
    /// two-character family name when the name is longer than two characters.
    func splitKanji(_ name: String) -> [String] {
        for person in data.peopleInJapaneseScript {
            guard let family = person.japaneseFamily, name.hasPrefix(family) else { continue }
            let rest = String(name.dropFirst(family.count))
            if rest.isEmpty { return [family] }
            if let given = person.japaneseGiven, rest == given { return [given, family] }
        }
        guard name.count > 2 else { return [name] }
        return [String(name.dropFirst(2)), String(name.prefix(2))]
    }

    /// A party spelling that ends `text`, longest first.
    private func partyAtEnd(_ text: String) -> (code: String, text: String)? {
        if let last = text.last, let candidates = partiesByLastCharacter[last],
           let found = candidates.first(where: { text.hasSuffix($0.spelling) }) {
            return (found.code, found.spelling)
        }
        let acronym = String(text.reversed().prefix { $0.isASCII && $0.isUppercase }.reversed())
        if acronym.count >= 2, let code = data.party(named: acronym) { return (code, acronym) }
        // A parenthesised acronym after the name: "国際原子力機関（IAEA）".
        if let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            let inner = text[text.index(after: open)...].dropLast()
            let before = String(text[..<open])
            if let code = data.party(named: String(inner)) ?? data.partyByJapaneseSpelling.first(where: { before.hasSuffix($0.0) })?.1 {
                let spelling = data.partyByJapaneseSpelling.first(where: { before.hasSuffix($0.0) && $0.1 == code })?.0 ?? ""
                return (code, spelling + String(text[open...]))
            }
        }
        return nil
    }
}
