import Foundation

/// A person as one sentence names them.
struct PersonMention: Equatable, Sendable {
    /// The name tokens as written, honorifics and suffixes removed ("Michael R. Pompeo", "ISHIBA Shigeru").
    var nameTokens: [String]
    var title: String?
    var party: String?
    /// Offset of the mention in the sentence (Characters).
    var start: Int
    var end: Int

    /// The family name in usual case: the capitalised part in MOFA style ("TALL SALL" → "Tall Sall"),
    /// else from the first name particle ("von der Leyen") or the last word.
    var familyName: String { Self.split(nameTokens).family }
    var givenName: String? { Self.split(nameTokens).given }

    static let particles: Set<String> = ["von", "van", "der", "den", "de", "du", "da", "dos", "bin", "bint", "ibn", "al", "āl", "el", "le", "la", "ter", "di"]
    /// Particles of Arabic name chains: "Mohammed bin Salman bin Abdulaziz Al Saud".
    static let chainParticles: Set<String> = ["bin", "bint", "ibn"]
    static let familyArticles: Set<String> = ["al", "āl"]

    /// "… bin Abdulaziz Al Saud", "… Al-Thani": an Arabic name whose family name is the "Al X" at its end;
    /// the given name is the chain before it. `nil` for names of another shape.
    static func arabicFamily(_ words: [String]) -> (family: String, given: String?)? {
        guard words.count >= 2, let last = words.last else { return nil }
        let before = words[words.count - 2]
        if familyArticles.contains(before.lowercased()), before.first!.isUppercase, words.count >= 3 {
            return ("\(before) \(last)", words.dropLast(2).joined(separator: " "))
        }
        let lower = last.lowercased()
        if let dash = lower.firstIndex(of: "-"), familyArticles.contains(String(lower[..<dash])), last.first!.isUppercase {
            return (last, words.dropLast().joined(separator: " "))
        }
        return nil
    }

    static func split(_ tokens: [String]) -> (family: String, given: String?) {
        let words = tokens.filter { !isInitial($0) }.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        guard !words.isEmpty else { return (tokens.joined(separator: " "), nil) }
        let caps = words.filter(isAllCaps)
        if !caps.isEmpty && caps.count < words.count {
            // A particle right before the capitalised family name belongs to it: "Jean-Yves Le DRIAN".
            var familyWords = caps.map(titleCased)
            var givenWords = words.filter { !isAllCaps($0) }
            if let firstCaps = words.firstIndex(where: isAllCaps), firstCaps > 0, particles.contains(words[firstCaps - 1].lowercased()),
               let g = givenWords.lastIndex(of: words[firstCaps - 1]) {
                familyWords.insert(givenWords.remove(at: g), at: 0)
            }
            let given = givenWords.joined(separator: " ")
            return (familyWords.joined(separator: " "), given.isEmpty ? nil : given)
        }
        if words.count == 1 { return (titleCasedIfCaps(words[0]), nil) }
        if let arabic = arabicFamily(words) { return arabic }
        if let particle = words.dropFirst().firstIndex(where: { particles.contains($0.lowercased()) && $0.first!.isLowercase }) {
            return (words[particle...].joined(separator: " "), words[..<particle].joined(separator: " "))
        }
        let given = words.dropLast().map(titleCasedIfCaps).joined(separator: " ")
        return (titleCasedIfCaps(words.last!), given.isEmpty ? nil : given)
    }

    /// "R.", "L.P.": initials, not names.
    static func isInitial(_ word: String) -> Bool {
        guard word.hasSuffix("."), word.count >= 2 else { return false }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false).dropLast()
        return parts.allSatisfy { $0.count == 1 && $0.first!.isUppercase }
    }
    static func isAllCaps(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
    static func titleCased(_ word: String) -> String {
        word.split(separator: "-", omittingEmptySubsequences: false).map { part in
            part.prefix(1).uppercased() + part.dropFirst().lowercased()
        }.joined(separator: "-")
    }
    static func titleCasedIfCaps(_ word: String) -> String { isAllCaps(word) ? titleCased(word) : word }
}

/// Finds people in a sentence by the grammar of titles and names in each language:
/// "Mr. ISHIBA Shigeru, Prime Minister of Japan", "H.E. Mr. Mark Rutte, Secretary General of NATO",
/// "le Premier ministre ISHIBA Shigeru", "UK Foreign Secretary Jeremy Hunt", "President Macron".
/// Honorifics are not names; a title keeps the text's own words.
struct PersonExtractor: Sendable {
    let profile: LanguageProfile
    let parties: PartyResolver
    /// Titles as folded token sequences, longest first, by their first token.
    private let titles: [String: [[String]]]
    /// Plural titles by first word, and the singular of each (by its folded words).
    private let pluralTitles: [String: [[String]]]
    private let singularOf: [String: String]
    /// The known names, honorifics and non-name words every language shares.
    private let names: PersonNameTables
    private let prepositions: [[String]]
    /// Prepositions that name where a mission works: "Ambassador to Japan", "ambassadeur auprès de l'UE".
    private let missionPrepositions: [[String]]
    private let known: [KnownPerson]
    private let japanese: JapaneseNameGrammar?

    init(profile: LanguageProfile, parties: PartyResolver, data: LanguageData) {
        self.profile = profile
        self.parties = parties
        self.known = data.people
        self.japanese = profile.code == "ja" ? JapaneseNameGrammar(profile: profile, data: data, parties: parties) : nil
        self.names = data.personNames
        let index = PersonNameTables.phraseIndex
        titles = index(profile.titles)
        // Plural titles ("Cabinet Secretaries"), each with its singular, for the names they list.
        var plurals: [String: String] = [:]
        for title in profile.titles {
            guard let last = title.split(separator: " ").last.map(String.init) else { continue }
            for ending in profile.pluralEndings where ending.count == 2 && last.hasSuffix(ending[0]) {
                plurals[String(title.dropLast(last.count)) + last.dropLast(ending[0].count) + ending[1]] = title
                break
            }
        }
        pluralTitles = index(Array(plurals.keys))
        singularOf = Dictionary(plurals.map { (Tokenizer.tokens($0.key).map(\.folded).joined(separator: " "), $0.value) },
                                uniquingKeysWith: { first, _ in first })
        prepositions = profile.titleOf.map { Tokenizer.tokens($0).map(\.folded) }.sorted { $0.count > $1.count }
        missionPrepositions = profile.missionPrepositions.map { Tokenizer.tokens($0).map(\.folded) }.filter { !$0.isEmpty }
    }

    /// Every person named in `sentence`, in order; overlapping readings keep the fullest one.
    func mentions(in sentence: String) -> [PersonMention] {
        if let japanese { return japanese.mentions(in: sentence) }
        let tokens = Tokenizer.tokens(sentence)
        var found: [PersonMention] = []
        var i = 0
        while i < tokens.count {
            if let (listed, next) = pluralTitleThenNames(tokens, at: i) {
                found += listed
                i = max(next, i + 1)
            } else if let (mention, next) = counterpartThenName(tokens, at: i) ?? nameThenTitle(tokens, at: i) ?? titleThenName(tokens, at: i)
                ?? honorificName(tokens, at: i) {
                found.append(mention)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        // Well-known people named without title or honorific: "Keir Starmer meeting with …".
        for (start, end) in knownNames(tokens) where !found.contains(where: { $0.start < tokens[end - 1].end && tokens[start].start < $0.end }) {
            found.append(PersonMention(nameTokens: tokens[start..<end].map(\.text), title: nil, party: nil,
                                       start: tokens[start].start, end: tokens[end - 1].end))
        }
        return found.sorted { $0.start < $1.start }
    }

    /// Token ranges that spell a known person's full name, given name first or family name first
    /// (compared without spaces or hyphens: "Kyung-wha" and "Kyung wha" are one spelling).
    private func knownNames(_ t: [Token]) -> [(Int, Int)] {
        let keys = t.map { TextFolding.key($0.text) }
        // Each key's bytes where it is ASCII, for the comparison by bytes.
        let asciiKeys = keys.map { key in key.utf8.allSatisfy { $0 < 0x80 } ? Array(key.utf8) : nil }
        var result: [(Int, Int)] = []
        var i = 0
        while i < keys.count {
            let length = keys[i].count
            guard t[i].isCapitalized, length >= 2,
                  let candidates = length == 2 ? names.knownTargets[keys[i]] : names.knownTargetsByThree[String(keys[i].prefix(3))] else { i += 1; continue }
            var matchedEnd: Int?
            if let ascii = Self.asciiNameEnd(asciiKeys, at: i, candidates: candidates) {
                matchedEnd = ascii
            } else {
                matchedEnd = Self.nameEnd(keys, at: i, candidates: candidates)
            }
            if let end = matchedEnd {
                result.append((i, end))
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Where the longest candidate spelled by the keys from token `i` on ends, compared as Characters.
    private static func nameEnd(_ keys: [String], at i: Int, candidates: [String]) -> Int? {
        var matchedEnd: Int?
        for target in candidates where target.hasPrefix(keys[i]) {
            var joined = keys[i]
            var j = i + 1
            while joined.count < target.count, j < keys.count, !keys[j].isEmpty, target.hasPrefix(joined + keys[j]) {
                joined += keys[j]
                j += 1
            }
            if joined == target && j - i >= 2 { matchedEnd = max(matchedEnd ?? 0, j) }
        }
        return matchedEnd
    }

    /// ``nameEnd(_:at:candidates:)`` compared as bytes, where the keys and the candidates are ASCII (most
    /// names): Characters would find the same there, at many times the cost. `nil` when a key or a candidate it
    /// reads is not ASCII (the Characters decide then); `.some(nil)` when no candidate is spelled there.
    private static func asciiNameEnd(_ keys: [[UInt8]?], at i: Int, candidates: [String]) -> Int?? {
        guard let first = keys[i] else { return nil }
        var matchedEnd: Int?
        for candidate in candidates {
            var candidate = candidate
            let found = candidate.withUTF8 { target -> Int?? in
                guard target.allSatisfy({ $0 < 0x80 }) else { return nil }
                func follows(_ key: [UInt8], at offset: Int) -> Bool {
                    offset + key.count <= target.count && target[offset..<(offset + key.count)].elementsEqual(key)
                }
                guard follows(first, at: 0) else { return .some(nil) }
                var offset = first.count
                var j = i + 1
                while offset < target.count, j < keys.count {
                    guard let key = keys[j] else { return nil }
                    guard !key.isEmpty, follows(key, at: offset) else { break }
                    offset += key.count
                    j += 1
                }
                return .some(offset == target.count && j - i >= 2 ? j : nil)
            }
            guard let found else { return nil }
            if let end = found { matchedEnd = max(matchedEnd ?? 0, end) }
        }
        return .some(matchedEnd)
    }

    /// Titles that stand for a person without a name: "The Prime Minister spoke to …", "le Premier ministre a …".
    func unnamedTitles(in sentence: String) -> [(title: String, party: String?, start: Int)] {
        if japanese != nil { return [] }
        let tokens = Tokenizer.tokens(sentence)
        let named = mentions(in: sentence)
        var result: [(String, String?, Int)] = []
        for i in tokens.indices.dropFirst() where ["the", "le", "la", "l'"].contains(tokens[i - 1].folded) {
            guard let end = matchTitle(tokens, at: i) else { continue }
            if named.contains(where: { $0.start <= tokens[i].start && tokens[end - 1].end <= $0.end }) { continue }
            var party: String?
            if let (code, _) = partyPhrase(tokens, at: end), !isMission(tokens, at: end) { party = code }
            result.append((text(tokens, i, end), party, tokens[i].start))
        }
        return result.map { (title: $0.0, party: $0.1, start: $0.2) }
    }

    // MARK: Grammar

    /// "TITLE [of PARTY] [,] NAME [of PARTY]" and, in French, "le TITLE … NAME" with a capitalised family name.
    private func titleThenName(_ t: [Token], at i: Int) -> (PersonMention, Int)? {
        guard let titleEnd = matchTitle(t, at: i) else { return nil }
        var party = qualifier(before: i, t)
        var k = titleEnd
        var titleLast = titleEnd
        // A portfolio between the title and the state: "Cabinet Secretary for Foreign and Diaspora Affairs of Kenya".
        if partyPhrase(t, at: k) == nil, let (code, end) = portfolioThenParty(t, at: k) {
            if !isMission(t, at: end.prepositionAt) { party = code }
            k = end.end
            titleLast = end.end
        } else if let (code, end) = partyPhrase(t, at: k) {
            // "Ambassador to Japan": the state a mission works in is not the person's side.
            if !isMission(t, at: k) { party = code }
            k = end
            titleLast = end
        }
        if k < t.count, t[k].text == "," { k += 1 }
        k = skipHonorifics(t, at: k)
        if let (name, end) = nameRun(t, at: k) {
            var mention = PersonMention(nameTokens: name, title: text(t, i, titleLast), party: party, start: t[i].start, end: t[end - 1].end)
            if let (code, after) = ofParty(t, at: end) {
                if mention.party == nil { mention.party = code }
                return (mention, after)
            }
            return (mention, end)
        }
        if let found = appositiveAfterLongTitle(t, title: i, titleEnd: titleEnd, party: qualifier(before: i, t)) { return found }
        // French style puts a long title before a name whose family part is in capitals:
        // "le ministre des Affaires étrangères et de la Défense NAKATANI Gen".
        guard profile.code == "fr" else { return nil }
        var j = titleLast
        while j < t.count && j - titleLast < 16 {
            if [",", ";", ":", "."].contains(t[j].text) { break }
            if t[j].isAllCaps && !names.stopNames.contains(t[j].folded) && parties.party(tokens: t[j..<(j + 1)], language: profile.code) == nil {
                // The given name may stand before the family name: "Mark RUTTE".
                var nameStart = j
                let before = j - 1
                if before >= titleLast, t[before].isWord, t[before].isCapitalized, !t[before].isAllCaps,
                   !names.stopNames.contains(t[before].folded), parties.party(tokens: t[before..<j], language: profile.code) == nil {
                    nameStart = before
                }
                guard let (name, end) = nameRun(t, at: nameStart) else { return nil }
                var mention = PersonMention(nameTokens: name, title: text(t, i, nameStart), party: party, start: t[i].start, end: t[end - 1].end)
                if mention.party == nil { mention.party = partiesInside(t, i, nameStart).last }
                return (mention, end)
            }
            j += 1
        }
        return nil
    }

    /// "Ghana's State Minister of Finance, Ambassador X Y, …", "le ministre des Affaires étrangères et européennes du
    /// Luxembourg, X Y, et …": a title whose portfolio runs on to a comma, then the name it belongs to, closed by a
    /// comma, "and"/"et" or the sentence's end. A title right before the name ("Ambassador") is an honorific there.
    /// The side is the state named inside the title, else the one before it.
    private func appositiveAfterLongTitle(_ t: [Token], title i: Int, titleEnd: Int, party before: String?) -> (PersonMention, Int)? {
        var k = titleEnd
        var party: String?
        var missionParty = false
        var lowerWords = 0
        var partyEndsTitle = false
        while k < t.count && k - titleEnd < 14 && t[k].text != "," {
            if let (code, end) = partyPhrase(t, at: k) {
                if isMission(t, at: k) { missionParty = true } else { party = code }
                k = end
                partyEndsTitle = true
                continue
            }
            partyEndsTitle = false
            let token = t[k]
            // Another title inside is another person's ("le ministre a reçu le ministre du …").
            guard token.isWord, matchTitle(t, at: k) == nil else { return nil }
            if token.isCapitalized || Self.titleJoiners.contains(token.folded) || ["et", "d'", "d’", "l'", "l’"].contains(token.folded) { k += 1; continue }
            // French portfolios carry a few lower-case adjectives ("et européennes", "du Développement international")
            // before the state that closes the title.
            if profile.code == "fr" && t[k - 1].isWord && !profile.clauseVerbs.contains(token.folded) && lowerWords < 3 {
                lowerWords += 1; k += 1; continue
            }
            return nil
        }
        guard k > titleEnd, k < t.count, t[k].text == ",", !missionParty, lowerWords == 0 || partyEndsTitle else { return nil }
        var n = skipHonorifics(t, at: k + 1)
        if let honorificTitle = matchTitle(t, at: n), honorificTitle - n == 1, partyPhrase(t, at: honorificTitle) == nil {
            n = skipHonorifics(t, at: honorificTitle)
        }
        guard let (name, end) = nameRun(t, at: n), name.count >= 2 else { return nil }
        guard end == t.count || [",", ".", ";"].contains(t[end].text) || profile.clauseConjunctions.contains(t[end].folded) else { return nil }
        let mention = PersonMention(nameTokens: name, title: text(t, i, k), party: party ?? before, start: t[i].start, end: t[end - 1].end)
        return (mention, end)
    }

    /// "Cabinet Secretaries Efua Asante and Kwame Addo": a plural title, then the names it lists (joined by
    /// commas and "and"), each a mention with the title in the singular.
    private func pluralTitleThenNames(_ t: [Token], at i: Int) -> ([PersonMention], Int)? {
        guard i < t.count, t[i].isWord, let candidates = pluralTitles[t[i].folded] else { return nil }
        guard let title = candidates.first(where: { i + $0.count <= t.count && zip($0, t[i..<(i + $0.count)]).allSatisfy { $0 == $1.folded } }),
              profile.code != "en" || t[i].isCapitalized,
              let singular = singularOf[title.joined(separator: " ")] else { return nil }
        var k = skipHonorifics(t, at: i + title.count)
        var listed: [PersonMention] = []
        while let (name, end) = nameRun(t, at: k) {
            listed.append(PersonMention(nameTokens: name, title: singular, party: qualifier(before: i, t), start: t[k].start, end: t[end - 1].end))
            k = end
            // The next name of the list: after a comma or "and" (the language's clause words).
            guard k < t.count, t[k].text == "," || profile.clauseConjunctions.contains(t[k].folded) else { break }
            k = skipHonorifics(t, at: k + 1)
            if k < t.count, profile.clauseConjunctions.contains(t[k].folded) { k = skipHonorifics(t, at: k + 1) }
        }
        return listed.count >= 2 ? (listed, k) : nil
    }

    /// "his Iranian counterpart, X", "son homologue malien, X", "counterpart Foreign Minister X": the person
    /// after a counterpart word, of the side its country adjective names (before or after the word).
    private func counterpartThenName(_ t: [Token], at i: Int) -> (PersonMention, Int)? {
        guard i < t.count, t[i].isWord, profile.counterpartWords.contains(t[i].folded) else { return nil }
        var party = qualifier(before: i, t)
        var k = i + 1
        if party == nil {
            for length in stride(from: min(3, t.count - k), through: 1, by: -1) {
                if let code = parties.party(tokens: t[k..<(k + length)], language: profile.code) { party = code; k += length; break }
            }
        }
        if k < t.count, t[k].text == "," { k += 1 }
        // A title may stand between: "his Iranian counterpart, Foreign Minister X".
        if matchTitle(t, at: k) != nil, let (found, end) = titleThenName(t, at: k) {
            var mention = found
            if mention.party == nil { mention.party = party }
            return (mention, end)
        }
        // "her counterpart, HE Mr X, Minister of Foreign Affairs": the name and its title.
        if let (found, end) = nameThenTitle(t, at: k) {
            var mention = found
            if mention.party == nil { mention.party = party }
            return (mention, end)
        }
        let n = skipHonorifics(t, at: k)
        guard let (name, end) = nameRun(t, at: n), name.count >= 2 || n > k else { return nil }
        // "…, Minister of Foreign Affairs of X" after the name says more than the adjective.
        var mention = PersonMention(nameTokens: name, title: nil, party: party, start: t[k].start, end: t[end - 1].end)
        if mention.party == nil, let (code, after) = ofParty(t, at: end) {
            mention.party = code
            return (mention, after)
        }
        return (mention, end)
    }

    /// "[HON] NAME, [the] TITLE … ," — the title runs to the next comma.
    private func nameThenTitle(_ t: [Token], at i: Int) -> (PersonMention, Int)? {
        let k = skipHonorifics(t, at: i)
        let hadHonorific = k > i
        guard let (name, end) = nameRun(t, at: k), end < t.count, t[end].text == "," else { return nil }
        var j = end + 1
        if j < t.count, ["the", "le", "la", "l'"].contains(t[j].folded) { j += 1 }
        // A state's adjective before the office: "X, Omani Ambassador to …", "X, UK Secretary of State for …".
        if matchTitle(t, at: j) == nil, let length = (1...3).first(where: { n in
            j + n < t.count && parties.party(tokens: t[j..<(j + n)], language: profile.code) != nil && matchTitle(t, at: j + n) != nil }) {
            j += length
        }
        guard let titleEnd = matchTitle(t, at: j) else { return nil }
        guard hadHonorific || name.count >= 2 else { return nil }
        var last = titleEnd
        var depth = 0
        while last < t.count && last - j < 24 {
            let w = t[last].text
            if w == "(" { depth += 1 } else if w == ")" { if depth == 0 { break }; depth -= 1 }
            if depth == 0 && w == "," && profile.code == "en", let more = enumeratedPortfolio(t, after: last) { last = more; continue }
            if depth == 0 && [",", ";", ":", "."].contains(w) { break }
            if depth == 0 && ["who", "qui", "which", "lequel", "laquelle"].contains(t[last].folded) { break }
            // An English title is capitalised words joined by small words: a verb ends it
            // ("…, Crown Prince and Prime Minister made a call to …").
            if depth == 0 && profile.code == "en" && t[last].isWord && !t[last].isCapitalized && !Self.titleJoiners.contains(t[last].folded) { break }
            last += 1
        }
        // Stop before a verb phrase that is not part of the title ("… of Japan held a meeting").
        let title = text(t, j, last)
        let party = partiesInside(t, j, last, ownOnly: true).last ?? qualifier(before: j, t)
        return (PersonMention(nameTokens: name, title: title, party: party, start: t[i].start, end: t[max(last - 1, end)].end), last)
    }

    /// The end of the rest of a title's enumeration after the comma at `comma`: "Minister of Foreign Affairs,
    /// International Cooperation and Diaspora" — capitalised words, then "and" and a capitalised word, then the
    /// end of the clause. `nil` when what follows is not such a list (another person, a verb).
    private func enumeratedPortfolio(_ t: [Token], after comma: Int) -> Int? {
        var k = comma + 1
        var sawAnd = false
        var wordsAfterAnd = 0
        while k < t.count && k - comma < 12 {
            let token = t[k]
            if token.isWord && token.isCapitalized {
                if sawAnd { wordsAfterAnd += 1 }
                k += 1; continue
            }
            if ["and", "&"].contains(token.folded), k > comma + 1, !sawAnd { sawAnd = true; k += 1; continue }
            if ["of", "for", "the"].contains(token.folded), k > comma + 1 { k += 1; continue }
            break
        }
        guard sawAnd, wordsAfterAnd > 0 else { return nil }
        // The list ends the clause: a full stop, a comma or the sentence's end, not a verb.
        if k < t.count, ![",", ".", ";", ")"].contains(t[k].text) { return nil }
        return k
    }

    /// The small words inside an English title: "Minister of State for the Environment and Climate".
    static let titleJoiners: Set<String> = ["of", "for", "and", "the", "on", "to", "in", "at", "&", "de", "du", "des", "la", "le"]

    /// "Mr. RUTTE", "M. RUTTE", "Mme TALL SALL": a name known by its honorific alone.
    private func honorificName(_ t: [Token], at i: Int) -> (PersonMention, Int)? {
        let k = skipHonorifics(t, at: i)
        guard k > i, let (name, end) = nameRun(t, at: k) else { return nil }
        return (PersonMention(nameTokens: name, title: nil, party: nil, start: t[i].start, end: t[end - 1].end), end)
    }

    // MARK: Pieces

    private func matchTitle(_ t: [Token], at i: Int) -> Int? {
        guard i < t.count, t[i].isWord, let candidates = titles[t[i].folded] else { return nil }
        for title in candidates where i + title.count <= t.count {
            if zip(title, t[i..<(i + title.count)]).allSatisfy({ $0 == $1.folded }) {
                // English titles are capitalised when they stand before a name ("President Macron").
                if profile.code == "en" && !t[i].isCapitalized { continue }
                return i + title.count
            }
        }
        return nil
    }


    private func skipHonorifics(_ t: [Token], at i: Int) -> Int {
        var k = i
        var progressed = true
        while progressed && k < t.count {
            progressed = false
            for h in names.honorifics[t[k].folded] ?? [] where k + h.count <= t.count {
                if zip(h, t[k..<(k + h.count)]).allSatisfy({ $0 == $1.folded }) && t[k].isCapitalized {
                    // "Mr" written without its period is still an honorific; "M" alone needs the period.
                    k += h.count
                    progressed = true
                    break
                }
            }
        }
        return k
    }

    /// A run of 1–5 name words starting at `i`: capitalised words, initials, particles inside.
    private func nameRun(_ t: [Token], at i: Int) -> ([String], Int)? {
        var words: [String] = []
        var k = i
        // Particles do not count toward the length: "Mohammed bin Abdulrahman bin Jassim Al Thani".
        while k < t.count && words.filter({ !PersonMention.particles.contains($0.lowercased()) }).count < 6 {
            let token = t[k]
            guard token.startsWithLetter else { break }
            // A capitalised particle inside a name: "Jean-Yves Le DRIAN", "Ursula Von der Leyen".
            if !words.isEmpty, token.isCapitalized, !token.isAllCaps, PersonMention.particles.contains(token.folded),
               k + 1 < t.count, t[k + 1].isCapitalized, !names.stopNames.contains(t[k + 1].folded) || t[k + 1].isAllCaps {
                words.append(token.text)
                k += 1
                continue
            }
            if token.isCapitalized {
                if names.stopNames.contains(token.folded) { break }
                // A party name is not a person's name ("Japan", "NATO"), unless a name goes on after it ("Franco FRATTINI").
                let nameGoesOn = k + 1 < t.count && t[k + 1].isWord && t[k + 1].isCapitalized && !names.stopNames.contains(t[k + 1].folded)
                    && parties.party(tokens: t[(k + 1)..<(k + 2)], language: profile.code) == nil
                if !PersonMention.isInitial(token.text) && !nameGoesOn && parties.party(tokens: t[k..<(k + 1)], language: profile.code) != nil { break }
                // Nor is a party of several words ("United States", "New Zealand").
                if (2...3).contains(where: { n in k + n <= t.count && parties.party(tokens: t[k..<(k + n)], language: profile.code) != nil }) { break }
                words.append(token.text)
                k += 1
                continue
            }
            // Lower-case particles inside a name: "Ursula von der Leyen".
            if !words.isEmpty, PersonMention.particles.contains(token.text), k + 1 < t.count, t[k + 1].isCapitalized, !names.stopNames.contains(t[k + 1].folded) || t[k + 1].isAllCaps {
                if profile.code == "fr" && ["de", "du", "la", "le"].contains(token.text) { break }
                words.append(token.text)
                k += 1
                continue
            }
            break
        }
        // ", Jr." after a name belongs to it.
        if k + 1 < t.count, t[k].text == ",", profile.nameSuffixes.contains(t[k + 1].text) { k += 2 }
        while let last = words.last, PersonMention.particles.contains(last) { words.removeLast(); k -= 1 }
        guard !words.isEmpty, !words.allSatisfy(PersonMention.isInitial) else { return nil }
        return (words, k)
    }

    /// "of Japan", "of the French Republic", "de l’Organisation du traité de l’Atlantique nord (OTAN)".
    private func partyPhrase(_ t: [Token], at i: Int) -> (String, Int)? {
        for prep in prepositions where i + prep.count < t.count {
            guard zip(prep, t[i..<(i + prep.count)]).allSatisfy({ $0 == $1.folded }) else { continue }
            var start = i + prep.count
            // "of the sisterly United Arab Emirates": a word of courtesy before the state's name.
            if start + 1 < t.count, profile.partyEpithets.contains(t[start].folded) { start += 1 }
            for length in stride(from: min(9, t.count - start), through: 1, by: -1) {
                if let code = parties.party(tokens: t[start..<(start + length)], language: profile.code) {
                    var end = start + length
                    // A parenthesised acronym: "(OTAN)".
                    if end + 2 < t.count, t[end].text == "(", t[end + 2].text == ")", parties.party(tokens: t[(end + 1)..<(end + 2)], language: profile.code) != nil {
                        end += 3
                    }
                    return (code, end)
                }
            }
        }
        return nil
    }

    /// Whether the preposition at `i` names where a mission works ("to", "auprès de"), not whose it is.
    private func isMission(_ t: [Token], at i: Int) -> Bool {
        missionPrepositions.contains { prep in
            i + prep.count <= t.count && zip(prep, t[i..<(i + prep.count)]).allSatisfy { $0 == $1.folded }
        }
    }

    /// "for Foreign and Diaspora Affairs of Kenya", "of Social Welfare and Development of the Philippines":
    /// a portfolio of capitalised words (joined by "and", "&", commas) after a title, then a party phrase.
    private func portfolioThenParty(_ t: [Token], at i: Int) -> (String, (end: Int, prepositionAt: Int))? {
        guard i < t.count, prepositions.contains(where: { $0.count == 1 && $0[0] == t[i].folded }) else { return nil }
        var k = i + 1
        var words = 0
        while k < t.count && words < 10 {
            let token = t[k]
            if token.isWord && token.isCapitalized && parties.party(tokens: t[k..<(k + 1)], language: profile.code) == nil {
                words += 1; k += 1; continue
            }
            if words > 0, ["and", "&", "et", ","].contains(token.folded) { k += 1; continue }
            break
        }
        guard words > 0, let (code, end) = partyPhrase(t, at: k) else { return nil }
        return (code, (end, k))
    }

    /// "… Morrison of Australia": a party after the name.
    private func ofParty(_ t: [Token], at i: Int) -> (String, Int)? {
        guard i < t.count, ["of", "de", "du"].contains(t[i].folded) || (i + 1 < t.count && t[i].folded == "de" && t[i + 1].folded == "l'") else { return nil }
        return partyPhrase(t, at: i)
    }

    /// The party named right before a title: "UK Foreign Secretary", "the Japanese Prime Minister".
    private func qualifier(before i: Int, _ t: [Token]) -> String? {
        for length in stride(from: min(3, i), through: 1, by: -1) {
            if let code = parties.party(tokens: t[(i - length)..<i], language: profile.code) { return code }
        }
        return nil
    }

    /// The parties named in tokens `from..<to`; with `ownOnly`, not those after a preposition of a mission
    /// ("Saudi Ambassador to the UAE" is Saudi Arabia's, not the UAE's).
    private func partiesInside(_ t: [Token], _ from: Int, _ to: Int, ownOnly: Bool = false) -> [String] {
        guard from < to, to <= t.count else { return [] }
        let phrase = String(text(t, from, to))
        let found = parties.mentions(in: phrase, language: profile.code)
        guard ownOnly else { return found.map(\.code) }
        let chars = Array(phrase)
        return found.filter { m in
            var before = TextFolding.fold(String(chars[..<m.start])).trimmingCharacters(in: .whitespaces)
            for article in [" the", " l'", " la", " le"] where before.hasSuffix(article) { before = String(before.dropLast(article.count)) }
            return !profile.missionPrepositions.contains { before == TextFolding.fold($0) || before.hasSuffix(" " + TextFolding.fold($0)) }
        }.map(\.code)
    }

    /// The original text from token `from` up to (not including) token `to`.
    private func text(_ t: [Token], _ from: Int, _ to: Int) -> String {
        guard from < to, to <= t.count else { return "" }
        // Rebuild with the sentence's own spacing from the token offsets.
        var out = ""
        for index in from..<to {
            if index > from && t[index].start > t[index - 1].end { out += " " }
            out += t[index].text
        }
        return out
    }
}
