import Foundation

/// The participants step: the people who met and those named as present, with their titles and sides.
extension ReadoutReading {

    /// One person, gathered from every mention.
    struct Person {
        var tokens: [String]
        var family: String
        var given: String?
        var title: String?
        var party: String?
        var firstSeen: Int
        var titleFromHeadline: Bool
        var inLead = false
        var inTitle = false
        var attendee = false
        var excluded = false
        /// Where the principal is first named in the lead sentence.
        var leadPosition: Int?
    }

    func participantsAndParties(review: inout [String]) -> ([Participant], [String]) {
        var persons: [Person] = []
        // The persons by the key of their family name, and (for Arabic names) of their first given name, in
        // the order they were first named: a mention is matched against its namesakes only, so that a text
        // naming thousands of people reads in time proportional to its size.
        var byFamily: [String: [Int]] = [:]
        var byFirstGiven: [String: [Int]] = [:]
        func firstGivenKey(_ p: Person) -> String? {
            p.tokens.count > 2 && PersonMention.arabicFamily(p.tokens) != nil ? TextFolding.key(p.tokens[0]) : nil
        }
        func indexPerson(_ i: Int) {
            func insert(_ list: inout [Int]) { list.insert(i, at: list.firstIndex { $0 > i } ?? list.endIndex) }
            insert(&byFamily[TextFolding.key(persons[i].family), default: []])
            if let key = firstGivenKey(persons[i]) { insert(&byFirstGiven[key, default: []]) }
        }
        func unindexPerson(_ i: Int) {
            byFamily[TextFolding.key(persons[i].family)]?.removeAll { $0 == i }
            if let key = firstGivenKey(persons[i]) { byFirstGiven[key]?.removeAll { $0 == i } }
        }
        func find(_ mention: PersonMention) -> Int? {
            let familyKey = TextFolding.key(mention.familyName)
            let dynasty = PersonMention.arabicFamily(mention.nameTokens) != nil
            if let index = (byFamily[familyKey] ?? []).first(where: { i in
                let p = persons[i]
                // "Al X" is a house's name that many bear: two people of it with other first names are two.
                guard dynasty, let a = p.tokens.first, let b = mention.nameTokens.first, p.tokens.count > 1, mention.nameTokens.count > 2
                else { return true }
                return TextFolding.key(a) == TextFolding.key(b)
            }) { return index }
            // "Sheikh Abdullah" after "Sheikh Abdullah bin Zayed Al Nahyan": an Arabic name is shortened to its
            // first given name; the one person so named before.
            if mention.nameTokens.count == 1 {
                let named = byFirstGiven[familyKey] ?? []
                if named.count == 1 { return named[0] }
            }
            return nil
        }
        func merge(_ mention: PersonMention, order: Int) -> Int {
            if let index = find(mention) {
                if persons[index].given == nil, let given = mention.givenName {
                    unindexPerson(index)
                    persons[index].given = given
                    persons[index].tokens = mention.nameTokens
                    persons[index].family = mention.familyName
                    indexPerson(index)
                }
                // A title from the body (the text's full words) wins over the headline's short form.
                if persons[index].title == nil || (persons[index].titleFromHeadline && order >= 0 && mention.title != nil) {
                    persons[index].title = mention.title
                    persons[index].titleFromHeadline = order < 0
                }
                if persons[index].party == nil { persons[index].party = mention.party }
                return index
            }
            persons.append(Person(tokens: mention.nameTokens, family: mention.familyName, given: mention.givenName,
                                  title: mention.title, party: mention.party, firstSeen: order, titleFromHeadline: order < 0))
            indexPerson(persons.count - 1)
            return persons.count - 1
        }
        func positions(_ cues: CueSet, _ text: String, _ folded: String) -> [Int] {
            cues.cues.compactMap { $0.firstMatch(text: text, folded: folded).map { folded.distance(from: folded.startIndex, to: $0) } }
        }
        for (order, sentence) in layout.sentences.enumerated() {
            let text = sentence.text
            let folded = TextFolding.fold(text)
            let mentions = self.mentions[order]
            guard !mentions.isEmpty else { continue }
            let presenceAt = positions(profile.presenceCues, text, folded).min()
            let absenceAt = positions(profile.absenceCues, text, folded).min()
            let isSpokesperson = profile.spokespersonCues.matchesAny(text: text, folded: folded) && text.count < 160
            // Named as present: the people after the cue ("Also present were …"), or before it ("… also attended").
            var present = Set<Int>()
            if let p = presenceAt {
                let after = mentions.indices.filter { mentions[$0].start > p }
                present = Set(after.isEmpty && order != leadIndex ? mentions.indices.filter { mentions[$0].start < p } : after)
            }
            for (n, mention) in mentions.enumerated() {
                let index = merge(mention, order: order)
                if isSpokesperson { persons[index].excluded = true; continue }
                if let a = absenceAt, mention.start > a, !present.contains(n) {
                    if !persons[index].inLead { persons[index].excluded = true }
                    continue
                }
                if present.contains(n) {
                    persons[index].attendee = true
                    if persons[index].party == nil { persons[index].party = side(of: mention, in: text) }
                } else if order == leadIndex && !Self.isPossessive(text, at: mention.end) {
                    // "… met in Jane Roe's government …": a name in the possessive is not one who met.
                    persons[index].inLead = true
                    persons[index].excluded = false
                    if persons[index].leadPosition == nil { persons[index].leadPosition = mention.start }
                }
            }
        }
        // The headline names people too ("Keir Starmer meeting with President Erdoğan"); a headline name counts
        // when the body names the same person or the person is well known, since headlines capitalise every word.
        if let title = layout.title {
            for mention in people.mentions(in: title) {
                if let index = find(mention) {
                    persons[index].inTitle = true
                } else if parser.data.knownPerson(nameTokens: mention.nameTokens) != nil {
                    let index = merge(mention, order: -1)
                    persons[index].inTitle = true
                }
            }
        }
        var principals = persons.filter { ($0.inLead || $0.inTitle) && !$0.attendee && !$0.excluded }
        if principals.isEmpty { principals = persons.filter { !$0.attendee && !$0.excluded }.prefix(2).map { $0 } }
        // "The Prime Minister spoke to …": a principal named by title alone.
        // It is the lead's subject, named before the other side ("… spoke to President X").
        let firstNamed = principals.compactMap(\.leadPosition).min() ?? Int.max
        // (Also when the people named are all of one side: "… met jointly with the President of the Council, X, and …".)
        let sides = principals.map { $0.party ?? parser.data.knownPerson(nameTokens: $0.tokens)?.party }
        let oneSide = principals.count >= 2 && sides.allSatisfy { $0 != nil && $0 == sides[0] }
        if principals.count < 2 || oneSide, let unnamed = people.unnamedTitles(in: lead).first(where: { $0.start < firstNamed }) {
            principals.append(Person(tokens: [], family: "", given: nil, title: unnamed.title, party: unnamed.party,
                                     firstSeen: leadIndex ?? 0, titleFromHeadline: false, inLead: true, leadPosition: unnamed.start))
        }
        // A principal named by title alone may be named in a byline of the header ("Jane Roe, Secretary-General"):
        // the one person a short header line names beside that title.
        for index in principals.indices where principals[index].family.isEmpty {
            guard let title = principals[index].title else { continue }
            let foldedTitle = TextFolding.fold(title)
            for line in layout.headerLines where line.count <= 100 && TextFolding.fold(line).containsBytes(foldedTitle) {
                let named = people.mentions(in: line)
                guard named.count == 1, let m = named.first, m.nameTokens.count >= 2,
                      !principals.contains(where: { TextFolding.key($0.family) == TextFolding.key(m.familyName) }) else { continue }
                principals[index].tokens = m.nameTokens
                principals[index].family = m.familyName
                principals[index].given = m.givenName
                if principals[index].party == nil { principals[index].party = m.party }
                break
            }
        }
        let principalKeys = Set(principals.map { TextFolding.key($0.family) }.filter { !$0.isEmpty })
        // (A house's name — "Al X" — is shared: an attendee of it with another first name is another person.)
        let principalFirstNames = Set(principals.compactMap { p in p.tokens.first.map { TextFolding.key(p.family) + " " + TextFolding.key($0) } })
        let attendees = persons.filter { p in
            guard p.attendee && !p.excluded else { return false }
            guard principalKeys.contains(TextFolding.key(p.family)) else { return true }
            guard PersonMention.arabicFamily(p.tokens) != nil, let first = p.tokens.first else { return false }
            return !principalFirstNames.contains(TextFolding.key(p.family) + " " + TextFolding.key(first))
        }
        // In the order the text names them: the lead's order first (the publishing side usually leads).
        principals.sort { ($0.leadPosition == nil ? 1 : 0, $0.leadPosition ?? 0, $0.firstSeen) < ($1.leadPosition == nil ? 1 : 0, $1.leadPosition ?? 0, $1.firstSeen) }
        principals = Self.mergingNamesakes(principals.map(resolveName))
        let resolvedAttendees = attendees.map(resolveName)

        // Sides: each principal's party; a principal the text gives no side takes the side left over.
        if principals.contains(where: { $0.party == nil }) {
            let (home, certain) = homeParty(known: principals.compactMap(\.party))
            let missing = principals.indices.filter { principals[$0].party == nil }
            // A side found by a guess (the state named most) is given to one principal at most: two people
            // without a side are not both of the one state the text happens to name.
            // The publisher's side goes to the first of them (the lead names its own side first); the others
            // are left without a side rather than all given the same one.
            if let first = missing.first, certain || missing.count == 1 {
                principals[first].party = home
            }
            if missing.count > 1 && home != nil { review.append("sides of the principals not stated") }
        }
        var codes: [String] = []
        for p in principals { if let c = p.party, !codes.contains(c) { codes.append(c) } }
        func participant(_ p: Person, _ role: ParticipantRole) -> Participant {
            if p.family.isEmpty {
                return Participant(name: p.title ?? "", familyName: nil, givenName: nil, title: p.title, party: p.party, role: role)
            }
            // "Given Family" in Latin script; as written in Japanese script (山田太郎, ジャン・デュポン).
            let japanese = p.family.unicodeScalars.contains(where: TextFolding.isJapaneseScalar)
            let katakana = p.family.contains(where: JapaneseNameGrammar.isKatakana)
            let name = japanese && !katakana
                ? p.family + (p.given ?? "")
                : [p.given, p.family].compactMap { $0 }.joined(separator: japanese ? "・" : " ")
            return Participant(name: name, familyName: p.family, givenName: p.given, title: p.title, party: p.party, role: role)
        }
        var attendeeList = resolvedAttendees
        for index in attendeeList.indices where attendeeList[index].party == nil {
            // Attendees are named in the publishing side's readout as its own delegation unless said otherwise.
            attendeeList[index].party = principals.first?.party
        }
        return (principals.map { participant($0, .principal) } + attendeeList.map { participant($0, .attendee) }, codes)
    }

    /// Whether the name ending at `offset` of `sentence` is in the possessive ("Jane Roe's", "Jane Roe’s").
    static func isPossessive(_ sentence: String, at offset: Int) -> Bool {
        guard offset >= 0, offset < sentence.count else { return false }
        let rest = sentence.dropFirst(offset).prefix(3)
        return rest.hasPrefix("'s ") || rest.hasPrefix("’s ") || rest == "'s" || rest == "’s"
    }

    /// One person named twice ("President Xi Jinping", then "President Xi"): after the names are divided, people
    /// of one family name of whom at most one gives a given name (or both the same) are one person.
    static func mergingNamesakes(_ people: [Person]) -> [Person] {
        var merged: [Person] = []
        for p in people {
            let key = TextFolding.key(p.family)
            if !key.isEmpty, let j = merged.firstIndex(where: { TextFolding.key($0.family) == key
                && ($0.given == nil || p.given == nil || TextFolding.key($0.given!) == TextFolding.key(p.given!)) }) {
                if merged[j].given == nil, p.given != nil { merged[j].given = p.given; merged[j].tokens = p.tokens }
                if merged[j].title == nil { merged[j].title = p.title }
                if merged[j].party == nil { merged[j].party = p.party }
                if merged[j].leadPosition == nil { merged[j].leadPosition = p.leadPosition }
                continue
            }
            merged.append(p)
        }
        return merged
    }

    /// The side a "… side" phrase gives the people of a clause: "Attending on the Vietnamese side were …",
    /// "… etc. from the Japanese side;".
    func side(of mention: PersonMention, in sentence: String) -> String? {
        let chars = Array(sentence)
        // The clause: from the previous ";" or "(" to the next ";" or ")".
        var from = min(mention.start, chars.count)
        while from > 0, !";(".contains(chars[from - 1]) { from -= 1 }
        var to = min(mention.end, chars.count)
        while to < chars.count, !";)".contains(chars[to]) { to += 1 }
        let clause = String(chars[from..<to])
        let tokens = Tokenizer.tokens(clause, splitHyphens: true)
        for template in profile.sidePhrases {
            let parts = template.components(separatedBy: "{}")
            guard parts.count == 2 else { continue }
            let before = Tokenizer.tokens(parts[0]).map(\.folded)
            let after = Tokenizer.tokens(parts[1]).map(\.folded)
            for i in tokens.indices {
                guard i + before.count <= tokens.count, zip(before, tokens[i...]).allSatisfy({ $0 == $1.folded }) else { continue }
                let start = i + before.count
                for length in 1...3 where start + length + after.count <= tokens.count {
                    let rest = tokens[(start + length)...]
                    guard zip(after, rest).allSatisfy({ $0 == $1.folded }) else { continue }
                    if let code = parser.parties.party(tokens: tokens[start..<(start + length)], language: profile.code) { return code }
                }
            }
        }
        return nil
    }

    /// Parties whose names are written family name first in Latin script ("Yang Jiechi", "Park Jin").
    static let familyFirstParties: Set<String> = ["CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "HKG", "MAC"]

    /// Divides a name as a careful reader would: as `Data/people.json` knows it, else family-first for
    /// East Asian names, else by the grammar (capitals, particles, last word); fills in a known side.
    func resolveName(_ person: Person) -> Person {
        var p = person
        if let known = parser.data.knownPerson(nameTokens: p.tokens) {
            p.family = known.family
            if p.tokens.count > known.familyWords.count { p.given = known.given }
            // A generated entry may be spelled without accents or with every middle name ("Cavusoglu"):
            // the text's own words are kept, divided as the entry divides them.
            if !known.curated, let run = Self.tokenRun(p.tokens, spelling: known.familyWords) {
                p.family = p.tokens[run].joined(separator: " ")
                let rest = p.tokens[..<run.lowerBound] + p.tokens[run.upperBound...]
                p.given = rest.isEmpty ? nil : rest.joined(separator: " ")
            }
            if p.party == nil { p.party = known.party }
            return p
        }
        if let party = p.party, Self.familyFirstParties.contains(party), p.tokens.count >= 2,
           !p.tokens.contains(where: PersonMention.isAllCaps) {
            let words = p.tokens.filter { !PersonMention.isInitial($0) }
            p.family = words[0]
            p.given = words.dropFirst().joined(separator: " ")
        }
        return p
    }

    /// The tokens of `tokens` that spell `words` (folded words, a hyphenated token counting as its parts):
    /// ["Mevlüt", "Çavuşoğlu"] spell ["cavusoglu"] at 1..<2.
    static func tokenRun(_ tokens: [String], spelling words: [String]) -> Range<Int>? {
        let target = words.joined()
        guard !target.isEmpty else { return nil }
        for start in tokens.indices {
            var joined = ""
            for end in start..<tokens.count {
                joined += TextFolding.key(tokens[end])
                if joined == target { return start..<(end + 1) }
                if !target.hasPrefix(joined) { break }
            }
        }
        return nil
    }
}
