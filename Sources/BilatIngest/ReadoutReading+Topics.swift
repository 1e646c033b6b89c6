import Foundation

/// The topics step: what each sentence is about, with people's names and offices' names set aside.
extension ReadoutReading {
    /// Each sentence's topics, found once: for the meeting and for the commitments among them. The names
    /// of `sides` are no topic (a Sino-Thai meeting is not about China for saying "Chinese").
    func topicsOfSentences(sides: [String] = []) -> [[String]] {
        let tagger = parser.taggers[profile.code] ?? TopicTagger(topics: parser.data.topics, language: profile.code)
        let sides = Set(sides)
        return layout.sentences.indices.map { tagger.topics(of: maskingPeople($0), sides: sides) }
    }

    /// The meeting's topics, in vocabulary order: those of its sentences, but the lead's when it gives the
    /// clock (`leadIsLogistics`: who, when, where — not a subject discussed), save the topics that count in
    /// a lead (a state visit is the meeting's occasion).
    func meetingTopics(_ sentenceTopics: [[String]], leadIsLogistics: Bool) -> [String] {
        var topics = Set<String>()
        let inLead = Set(parser.data.topics.filter(\.countsInLead).map(\.slug))
        for index in layout.sentences.indices {
            let logistics = index == leadIndex && leadIsLogistics
            topics.formUnion(logistics ? sentenceTopics[index].filter(inLead.contains) : sentenceTopics[index])
        }
        return parser.data.topics.map(\.slug).filter(topics.contains)
    }

    /// `sentence` with people's names and titles blanked out: "Minister of Economy, Trade and Industry"
    /// is who someone is, not a topic discussed.
    func maskingPeople(_ index: Int) -> String {
        let text = layout.sentences[index].text
        let offices = Self.officeNames(in: text, profile: profile)
        guard !mentions[index].isEmpty || !offices.isEmpty else { return text }
        var chars = Array(text)
        for mention in mentions[index] where mention.start < mention.end && mention.end <= chars.count {
            for i in mention.start..<mention.end { chars[i] = " " }
        }
        for office in offices where office.upperBound <= chars.count {
            for i in office { chars[i] = " " }
        }
        return String(chars)
    }

    /// The names of offices in `text` ("Minister of Defense", "ministre des Affaires étrangères, de la
    /// Coopération africaine"): an opener, then capitalised words, the word after each (French adjectives
    /// follow their noun), the small words between them, and a comma before another small word (a
    /// portfolio listed after another). In characters.
    static func officeNames(in text: String, profile: LanguageProfile) -> [Range<Int>] {
        let folded = TextFolding.fold(text)
        guard !profile.officeOpeners.isEmpty, profile.officeOpenerCues.matchesAny(text: text, folded: folded) else { return [] }
        var found: [Range<Int>] = []
        // (An opener that the folded text lacks is not there in any case: Foundation's search is not paid for it.)
        for opener in profile.officeOpeners where folded.containsBytes(TextFolding.fold(opener)) {
            var from = text.startIndex
            while let r = text.range(of: opener, options: [.caseInsensitive], range: from..<text.endIndex) {
                from = r.upperBound
                // The words after the opener, while they are capitalised or small connecting words.
                var end = r.upperBound
                var cursor = r.upperBound
                var afterName = false
                while cursor < text.endIndex {
                    var rest = text[cursor...]
                    // ", de la Coopération …": a comma, then a small word, goes on with the office's name.
                    if rest.hasPrefix(",") {
                        let next = rest.dropFirst().drop { $0 == " " }.prefix { $0.isLetter || $0 == "'" || $0 == "’" }
                        guard profile.officeConnectors.contains(next.lowercased()) else { break }
                        rest = rest.dropFirst()
                        cursor = rest.startIndex
                        afterName = false
                    }
                    let spaces = rest.prefix { $0 == " " }
                    let wordStart = text.index(cursor, offsetBy: spaces.count)
                    let word = text[wordStart...].prefix { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" }
                    guard !word.isEmpty else { break }
                    let isName = word.first?.isUppercase == true
                    let isConnector = profile.officeConnectors.contains(word.lowercased())
                    guard isName || isConnector || afterName else { break }
                    cursor = text.index(wordStart, offsetBy: word.count)
                    if isName || (afterName && !isConnector) { end = cursor }
                    afterName = isName
                }
                if end > r.upperBound {
                    found.append(text.distance(from: text.startIndex, to: r.lowerBound)..<text.distance(from: text.startIndex, to: end))
                }
            }
        }
        return found
    }
}
