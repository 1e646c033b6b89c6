import Foundation

/// The work of reading one readout, step by step; each step uses the results of the ones before.
struct ReadoutReading {
    let parser: ReadoutParser
    let profile: LanguageProfile
    let layout: ReadoutLayout
    let matter: FrontMatter?
    let grammar: DateGrammar
    let people: PersonExtractor
    /// The sentence that says who met whom, when and how.
    let leadIndex: Int?
    /// Whether a sentence of the text says that a meeting took place (a meeting word). A text without one
    /// that names no two sides either (a press conference, a statement, "Hello world") is no readout.
    let namesAMeeting: Bool
    /// The people each sentence names, found once and used by every step.
    let mentions: [[PersonMention]]
    /// The words each step read a fact from, kept as it reads them for the evidence step.
    let words = ReadingWords()
    var needsReview: [String] = []

    init(parser: ReadoutParser, profile: LanguageProfile, layout: ReadoutLayout, matter: FrontMatter?) {
        self.parser = parser
        self.profile = profile
        self.layout = layout
        self.matter = matter
        self.grammar = parser.grammars[profile.code] ?? DateGrammar(profile: profile)
        self.people = parser.people[profile.code] ?? PersonExtractor(profile: profile, parties: parser.parties, data: parser.data)
        let sentences = layout.sentences
        mentions = sentences.map { [people] in people.mentions(in: $0.text) }
        let spokesperson = profile.spokespersonCues
        let candidates = sentences.indices.filter { index in
            let s = sentences[index].text
            let folded = TextFolding.fold(s)
            if spokesperson.matchesAny(text: s, folded: folded) && s.count < 120 { return false }
            // A call is a meeting too: "I had a summit telephone talk with …".
            return profile.meetingCues.matchesAny(text: s, folded: folded) || profile.telephoneCues.matchesAny(text: s, folded: folded)
                || profile.videoCues.matchesAny(text: s, folded: folded)
        }
        // The lead names who met: a sentence with a meeting word but no one in it ("… welcomed the decision of
        // the Council") gives way to the next such sentence that names someone.
        let people = self.people
        let mentions = self.mentions
        let naming = candidates.first { !mentions[$0].isEmpty || !people.unnamedTitles(in: sentences[$0].text).isEmpty }
        leadIndex = naming ?? candidates.first ?? (sentences.isEmpty ? nil : 0)
        // A title that names a call names a meeting too.
        let title = layout.title ?? ""
        let callTitle = profile.telephoneCues.matchesAny(text: title, folded: TextFolding.fold(title))
            || profile.videoCues.matchesAny(text: title, folded: TextFolding.fold(title))
        namesAMeeting = !candidates.isEmpty || callTitle
    }

    /// Whether the text records a press conference rather than a meeting: its title names a press conference
    /// and, that set aside, no meeting ("Press Conference by the Prime Minister regarding a Telephone Talk
    /// with …" is a meeting's readout; "【記者会見】防衛大臣" is not).
    var isPressConference: Bool {
        guard var title = layout.title else { return false }
        var named = false
        for phrase in profile.pressConferencePhrases where title.range(of: phrase, options: [.caseInsensitive, .diacriticInsensitive]) != nil {
            named = true
            title = title.replacingOccurrences(of: phrase, with: " ", options: [.caseInsensitive, .diacriticInsensitive])
        }
        return named && !profile.titleCues.matchesAny(text: title, folded: TextFolding.fold(title))
    }

    var lead: String { leadIndex.map { layout.sentences[$0].text } ?? "" }

    /// The reading, step by step: who (participants and the sides they give), whether the text is a
    /// meeting's readout at all, when (date, clock), how (format, venue), the sides, what each sentence is
    /// about, what was agreed; then the reasons a person should check the record. Each step is a function of
    /// the layout, the lead and the mentions, in a file of its own (`ReadoutReading+Step.swift`).
    func record(language: String, source: SourceInfo) -> MeetingRecord {
        var peopleReview: [String] = []
        let (participants, namedSides) = participantsAndParties(review: &peopleReview)
        if isNoReadout(namedSides: namedSides) { return noMeeting(language: language, source: source) }
        var review: [String] = []
        if layout.sentencesLeftOut > 0 {
            review.append("the text has more than \(layout.sentences.count) sentences: facts were read from the first \(layout.sentences.count) only")
        }
        let date = meetingDate(review: &review)
        review += peopleReview
        let (startTime, duration) = clock()
        let format = meetingFormat()
        var sides = meetingSides(namedSides)
        let sentenceTopics = topicsOfSentences(sides: sides)
        let commitments = findCommitments(participants: participants, parties: sides, topics: sentenceTopics)
        let topics = meetingTopics(sentenceTopics, leadIsLogistics: startTime != nil || duration != nil)
        if participants.isEmpty { review.append("no participants found") }
        for p in participants where p.role == .principal && p.party == nil {
            review.append("no party found for \(p.name)")
        }
        if sides.count < 2 { review.append("no counterpart found") }
        sides = sidesStatedWhole(sides, participants: participants, review: &review)
        return MeetingRecord(
            title: matter?.fields["title"] ?? layout.title, language: language, date: date, startTime: startTime,
            durationMinutes: duration, format: format, venue: venue(), parties: sides, participants: participants,
            topics: topics, commitments: commitments, sections: layout.sections, needsReview: review, source: source)
    }

    /// Whether the text is no meeting's readout: it names no meeting and no two sides, or records a press
    /// conference (unless front matter gives the sides or the date).
    func isNoReadout(namedSides: [String]) -> Bool {
        (isPressConference || (!namesAMeeting && namedSides.count < 2)) && matter?.lists["parties"] == nil && matter?.fields["date"] == nil
    }

    /// The record of a text that is no readout: kept for search, stating none of a meeting's facts.
    func noMeeting(language: String, source: SourceInfo) -> MeetingRecord {
        MeetingRecord(title: matter?.fields["title"] ?? layout.title, language: language, date: nil, startTime: nil,
                      durationMinutes: nil, format: nil, venue: nil, parties: [], participants: [], topics: [],
                      commitments: [], sections: layout.sections, needsReview: ["no meeting found in the text"], source: source)
    }
}

/// The words of the readout each step of a reading read a fact from (`start_time` → "commencing at 3:15
/// p.m. for approximately 40 minutes"), kept by the steps as they read, so that the evidence step need not
/// look for them again.
final class ReadingWords: @unchecked Sendable {
    /// Facts' words by field. One reading fills it on one thread.
    var found: [String: String] = [:]
}
