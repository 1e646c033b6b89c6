import Foundation

/// A readout to import: its bytes and what is known of where they came from.
public struct ReadoutInput: Sendable {
    public var bytes: Data
    /// The base name of the file ("-" for standard input).
    public var fileName: String
    public var url: String?

    public init(bytes: Data, fileName: String, url: String? = nil) {
        self.bytes = bytes
        self.fileName = fileName
        self.url = url
    }
}

/// What the parser read: the record, and the text it was read from (stored verbatim beside the bytes).
public struct ParsedReadout: Sendable {
    public var record: MeetingRecord
    /// The readout text as read: decoded, line endings normalised, front matter removed.
    public var text: String
    public var mediaType: String
}

/// Reads one readout (text or Markdown) into a meeting record, using the language knowledge in `Data/`.
///
/// Every fact comes from the text's own grammar; what the text does not state stays `nil`, with a
/// reason in `needsReview` where a person should look.
public struct ReadoutParser: Sendable {
    let data: LanguageData
    let parties: PartyResolver
    let detector: LanguageDetector
    /// The name grammar of each language, built once (its indexes of titles and names take a while).
    let people: [String: PersonExtractor]
    /// The date grammar of each language, its patterns compiled once.
    let grammars: [String: DateGrammar]
    /// The topic cues of each language.
    let taggers: [String: TopicTagger]

    public init(data: LanguageData = .shared) {
        self.data = data
        let parties = PartyResolver(data: data)
        self.parties = parties
        self.detector = LanguageDetector(profiles: Array(data.languages.values))
        self.people = data.languages.mapValues { PersonExtractor(profile: $0, parties: parties, data: data) }
        self.grammars = data.languages.mapValues { DateGrammar(profile: $0) }
        self.taggers = Dictionary(uniqueKeysWithValues: data.languages.keys.map { ($0, TopicTagger(topics: data.topics, language: $0)) })
    }

    /// Parses `input` (UTF-8/UTF-16 text or Markdown, optional front matter).
    public func parse(_ input: ReadoutInput) throws -> ParsedReadout {
        let decoded = try SourceDecoder.decode(input.bytes)
        let (matter, body) = try FrontMatter.split(decoded)
        guard !body.isBlank else { throw IngestError.empty }
        let sha = SHA256.hex(input.bytes)
        let mediaType = input.fileName.lowercased().hasSuffix(".md") ? "text/markdown" : "text/plain"
        let source = SourceInfo(file: input.fileName, sha256: sha, url: matter?.fields["url"] ?? input.url, importedAt: nil)
        let record = read(text: body, matter: matter, source: source)
        return ParsedReadout(record: record, text: body, mediaType: mediaType)
    }

    /// Parses a saved HTML page: the readout is taken out of the page (`HTMLReadout`) and read as text,
    /// with the page's canonical URL, publication date and language as its front matter would give them.
    public func parseHTML(_ input: ReadoutInput) throws -> ParsedReadout {
        let page = try HTMLReadout.read(input.bytes, url: input.url)
        var matter = FrontMatter()
        if let published = page.published {
            matter.fields["published"] = published
            matter.fields["page_published"] = published
        }
        if let language = page.language, data.languages[language] != nil { matter.fields["language"] = language }
        if let publisher = page.publisher { matter.fields["publisher"] = publisher }
        if let title = page.title { matter.fields["page_title"] = title }
        let source = SourceInfo(file: input.fileName, sha256: SHA256.hex(input.bytes), url: page.url ?? input.url, importedAt: nil)
        let record = read(text: page.text, matter: matter, source: source)
        return ParsedReadout(record: record, text: page.text, mediaType: "text/html")
    }

    /// Reads the facts of a readout text.
    public func read(text: String, matter: FrontMatter?, source: SourceInfo) -> MeetingRecord {
        let language = matter?.fields["language"]?.lowercased() ?? detector.detect(text)
        // A language Bilat has no grammar for is kept for search, but read for no facts: another language's
        // grammar would state wrong ones.
        if language == LanguageDetector.unsupported || data.languages[language] == nil {
            let layout = ReadoutLayout(text: text, profile: data.profile("en"), allProfiles: Array(data.languages.values),
                                       knownTitle: matter?.fields["page_title"])
            var record = MeetingRecord(title: matter?.fields["title"] ?? layout.title, language: language, date: nil, startTime: nil,
                                       durationMinutes: nil, format: nil, venue: nil, parties: [], participants: [], topics: [],
                                       commitments: [], sections: layout.sections,
                                       needsReview: ["the text is not in a language Bilat reads (English, French, Japanese)"], source: source)
            record.readouts = [readoutInfo(of: record, matter: matter)]
            return record
        }
        let profile = data.profile(language)
        let layout = ReadoutLayout(text: text, profile: profile, allProfiles: Array(data.languages.values), knownTitle: matter?.fields["page_title"])
        let reading = ReadoutReading(parser: self, profile: profile, layout: layout, matter: matter)
        var record = reading.record(language: language, source: source)
        record.readouts = [readoutInfo(of: record, matter: matter)]
        record.evidence = reading.evidence(for: record)
        return record
    }

    /// What a readout is as a publication: its source, language and own title, the side that published it
    /// and when, as the page or front matter says.
    func readoutInfo(of record: MeetingRecord, matter: FrontMatter?) -> ReadoutInfo {
        let grammar = grammars[record.language] ?? DateGrammar(profile: data.profile(record.language))
        let published = matter?.fields["published"].flatMap { grammar.days(in: $0).first(where: { $0.year != nil })?.iso }
        return ReadoutInfo(file: record.source.file, path: nil, sha256: record.source.sha256, url: record.source.url,
                           language: record.language, title: record.title,
                           publisher: matter?.fields["publisher"].flatMap(data.party(named:)), published: published, importedAt: nil)
    }
}

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


    /// A publication stamp at the head of the lead ("Posted On: 24 MAR 2026 8:48PM by …", "Publié le …"):
    /// the range of the lead from the marker through the date and a clock time right after it.
    func publicationStamp() -> Range<Int>? {
        let text = lead
        let folded = TextFolding.fold(text)
        let starts = profile.publicationMarkers.cues.compactMap { cue -> Int? in
            guard let index = cue.firstMatch(text: text, folded: folded) else { return nil }
            let haystack = cue.searchesText ? text : folded
            return haystack.distance(from: haystack.startIndex, to: index)
        }
        let chars = Array(text)
        guard let start = starts.min(), start < chars.count else { return nil }
        let tail = String(chars[start...])
        guard let day = grammar.days(in: tail).first, day.position < 30 else { return nil }
        var end = start + day.position + 1
        // The date's own words, then a clock time that follows within a few characters.
        while end < chars.count, !chars[end].isWhitespace { end += 1 }
        for _ in 0..<2 {
            var k = end
            while k < chars.count, chars[k].isWhitespace || chars[k] == "," { k += 1 }
            var w = k
            while w < chars.count, !chars[w].isWhitespace { w += 1 }
            guard w > k else { break }
            let word = String(chars[k..<w])
            if DateGrammar.hasDigit(word) || (profile.months[TextFolding.fold(word)] != nil) { end = w } else { break }
        }
        if let time = grammar.times(in: String(chars[end...])).first, time.position < 4 { end += time.end }
        return start..<end
    }

    /// The lead as the facts are read from it: a publication stamp blanked out.
    var factLead: String {
        guard let stamp = publicationStamp() else { return lead }
        var chars = Array(lead)
        for i in stamp { chars[i] = " " }
        return String(chars)
    }

    func record(language: String, source: SourceInfo) -> MeetingRecord {
        var peopleReview: [String] = []
        var (participants, partyCodes) = participantsAndParties(review: &peopleReview)
        // A text that names no meeting and no two sides, or records a press conference, is kept for search,
        // but states none of a meeting's facts.
        if (isPressConference || (!namesAMeeting && partyCodes.count < 2)) && matter?.lists["parties"] == nil && matter?.fields["date"] == nil {
            return MeetingRecord(title: matter?.fields["title"] ?? layout.title, language: language, date: nil, startTime: nil,
                                 durationMinutes: nil, format: nil, venue: nil, parties: [], participants: [], topics: [],
                                 commitments: [], sections: layout.sections, needsReview: ["no meeting found in the text"], source: source)
        }
        var review: [String] = []
        let date = meetingDate(review: &review)
        review += peopleReview
        let (startTime, duration) = clock()
        let format = meetingFormat()
        if let listed = matter?.lists["parties"], !listed.isEmpty {
            partyCodes = listed.map { parser.data.party(named: $0) ?? $0.uppercased() }
        } else if let publisher = matter?.fields["publisher"].flatMap(parser.data.party(named:)), !partyCodes.contains(publisher),
                  ([lead] + layout.sentences.prefix(3).map(\.text)).contains(where: { profile.firstPersonCues.matchesAny(text: $0, folded: TextFolding.fold($0)) }) {
            // "I had a telephone talk with …" on a prime minister's page: the speaker's side published it.
            partyCodes.insert(publisher, at: 0)
        }
        // Each sentence's topics, found once: for the meeting and for the commitments among them.
        let tagger = parser.taggers[profile.code] ?? TopicTagger(topics: parser.data.topics, language: profile.code)
        let sentenceTopics = layout.sentences.indices.map { tagger.topics(of: maskingPeople($0)) }
        let commitments = findCommitments(participants: participants, parties: partyCodes, topics: sentenceTopics)
        var topics = Set<String>()
        for index in layout.sentences.indices {
            // A lead that gives the clock time is logistics (who, when, where), not a subject discussed.
            // (clock() read the lead already: a start time or duration found there is such a statement.)
            if index == leadIndex, startTime != nil || duration != nil { continue }
            topics.formUnion(sentenceTopics[index])
        }
        let orderedTopics = parser.data.topics.map(\.slug).filter(topics.contains)
        if participants.isEmpty { review.append("no participants found") }
        for p in participants where p.role == .principal && p.party == nil {
            review.append("no party found for \(p.name)")
        }
        if partyCodes.count < 2 { review.append("no counterpart found") }
        // Two principals, one of unknown side, and one side found: the sides are not known, and one alone
        // would be a wrong list of them.
        let principals = participants.filter { $0.role == .principal }
        if partyCodes.count == 1, principals.count >= 2, principals.contains(where: { $0.party == nil }), matter?.lists["parties"] == nil {
            partyCodes = []
            review.append("sides not stated: a principal's side is unknown")
        }
        return MeetingRecord(
            title: matter?.fields["title"] ?? layout.title,
            language: language,
            date: date,
            startTime: startTime,
            durationMinutes: duration,
            format: format,
            venue: venue(),
            parties: partyCodes,
            participants: participants,
            topics: orderedTopics,
            commitments: commitments,
            sections: layout.sections,
            needsReview: review,
            source: source)
    }

    // MARK: When

    /// The publication date: front matter `published`, else the first full date among the header lines
    /// (the date line), else a full date in a sentence that says when the text was issued.
    func documentDate() -> DayMention? {
        if let published = matter?.fields["published"], let day = grammar.days(in: published).first(where: { $0.year != nil }) {
            return day
        }
        for line in layout.headerLines where !isSiteClock(line) {
            if let day = grammar.days(in: line).first(where: { $0.iso != nil }) { return day }
        }
        // A date line that a page puts below the lead ("LE MATIN" / "10 Mars 2026"): a short line that is a date.
        let shortLines = (layout.sections.prefix(4).compactMap(\.heading) + layout.paragraphs.prefix(6)).filter { $0.count <= 30 }
        for line in shortLines where !isSiteClock(line) {
            if let day = grammar.days(in: line).first(where: { $0.iso != nil }) { return day }
        }
        if let stamp = publicationStamp() {
            let text = String(Array(lead)[stamp])
            if let day = grammar.days(in: text).first(where: { $0.iso != nil }) { return day }
        }
        // "The press release issued by … on 27 October 2025." before the lead.
        for sentence in layout.sentences.prefix(leadIndex ?? 0) {
            if let day = grammar.days(in: sentence.text).first(where: { $0.iso != nil }) { return day }
        }
        if let title = layout.title, !isSiteClock(title), let day = grammar.days(in: title).first(where: { $0.iso != nil }) { return day }
        return nil
    }

    /// Whether `line` is a site's clock ("Tuesday, 02 January 2024 12:17 GMT"): it dates the visit to the
    /// page, not the readout.
    func isSiteClock(_ line: String) -> Bool {
        !grammar.times(in: line).isEmpty && line.split(whereSeparator: { !$0.isLetter }).contains { profile.siteClockMarkers.contains(String($0)) }
    }

    func meetingDate(review: inout [String]) -> String? {
        if let fixed = matter?.fields["date"] {
            if let day = grammar.days(in: fixed).first, let iso = day.iso { return iso }
        }
        let published = documentDate()
        let lead = factLead
        // Where the lead says nothing of the day, the headline or the next sentences may — not one about
        // another event ("followed the talks held on the sidelines of … on 20 May").
        let opening = layout.sentences.prefix(4).map(\.text).filter { s in
            s == lead || !profile.otherEventCues.matchesAny(text: s, folded: TextFolding.fold(s))
        }
        func resolve(_ day: DayMention) -> String? {
            if let iso = day.iso { return iso }
            guard let published, let year = published.year else {
                review.append("no year in text")
                return nil
            }
            // A meeting on December 30 reported on January 2 took place the year before.
            let later = (day.month, day.day) > (published.month, published.day)
            return DayMention(year: later ? year - 1 : year, month: day.month, day: day.day, position: 0).iso
        }
        func relative(_ offset: Int) -> String? {
            guard let published, let iso = published.iso else {
                review.append("no year in text")
                return nil
            }
            return Self.shift(iso, days: offset)
        }
        if let day = grammar.days(in: lead).first { return resolve(day) }
        if let day = layout.title.flatMap({ grammar.days(in: $0).first { $0.iso != nil } }) { return resolve(day) }
        if let day = grammar.dayOfCurrentMonth(in: lead), let published, let year = published.year {
            return DayMention(year: year, month: published.month, day: day, position: 0).iso
        }
        // The lead's own "today" or "on Tuesday" speaks of the meeting; a date in a later sentence may be
        // another event's ("the decision made on 17 October").
        if let offset = grammar.relativeDay(in: lead) { return relative(offset) }
        if let weekday = grammar.weekday(in: lead), let iso = published?.iso {
            return Self.latest(weekday: weekday, onOrBefore: iso)
        }
        if let day = opening.lazy.compactMap({ grammar.days(in: $0).first }).first { return resolve(day) }
        if let offset = opening.lazy.compactMap({ grammar.relativeDay(in: $0) }).first { return relative(offset) }
        if let iso = published?.iso, matter?.fields["published"] == nil || matter?.fields["page_published"] != nil {
            // The date line of a readout that does not name the meeting's day (a page's own date is one): the
            // readout is the day's record.
            review.append("meeting date taken from the date line")
            return iso
        }
        if published != nil {
            review.append("meeting date not stated; only the publication date is")
        } else {
            review.append("no date in text")
        }
        return nil
    }

    static func calendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func parse(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar().date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    static func format(_ date: Date) -> String {
        let c = calendar().dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func shift(_ iso: String, days: Int) -> String? {
        guard let date = parse(iso), let moved = calendar().date(byAdding: .day, value: days, to: date) else { return nil }
        return format(moved)
    }

    static func latest(weekday: Int, onOrBefore iso: String) -> String? {
        guard let date = parse(iso) else { return nil }
        let current = calendar().component(.weekday, from: date)
        return shift(iso, days: -((current - weekday + 7) % 7))
    }

    /// The start time (local time as stated first) and the meeting's own duration, from the lead sentence.
    func clock() -> (String?, Int?) {
        let lead = factLead
        let times = grammar.times(in: lead)
        var start = DateGrammar.startTime(times)
        var duration = grammar.durations(in: lead).first?.minutes
        // "between 17:50 and 18:15": the span gives the start and the length.
        if let range = grammar.timeRange(in: lead), start == nil || range.start == times.first {
            start = range.start
            if duration == nil { duration = range.minutes }
        }
        // "The call lasted about 40 minutes.", "会談は約20分間行われた。" in a sentence of its own; there, a time
        // marked as a start ("電話会談は、31日8時5分から約52分間") is the start time.
        if duration == nil || start == nil {
            for (index, sentence) in layout.sentences.enumerated() where index != leadIndex {
                let folded = TextFolding.fold(sentence.text)
                guard profile.durationCues.matchesAny(text: sentence.text, folded: folded) else { continue }
                let minutes = grammar.durations(in: sentence.text).first?.minutes
                let chars = Array(sentence.text)
                let marked = grammar.times(in: sentence.text).first { t in
                    profile.startTimeSuffixes.contains { String(chars[t.end...].prefix($0.count)) == $0 }
                }
                guard minutes != nil || marked != nil else { continue }
                if duration == nil { duration = minutes }
                if start == nil { start = marked }
                break
            }
        }
        return (start?.text, duration)
    }

    // MARK: How

    /// How the sides met: a call's or video conference's words in the title or lead; else a later sentence
    /// that speaks of the meeting as one ("During the phone call"); else in person where the text says the
    /// sides were together ("met", "received", "会談"). A text that says none of these states no format.
    func meetingFormat() -> MeetingFormat? {
        let opening = ([layout.title ?? ""] + [lead]).joined(separator: "\n")
        let folded = TextFolding.fold(opening)
        if profile.videoCues.matchesAny(text: opening, folded: folded) { return .video }
        if profile.telephoneCues.matchesAny(text: opening, folded: folded) {
            let leadFolded = TextFolding.fold(lead)
            if profile.inPersonOverrides.matchesAny(text: lead, folded: leadFolded)
                && !profile.telephoneCues.matchesAny(text: lead, folded: leadFolded) {
                return .inPerson
            }
            return .telephone
        }
        for sentence in layout.sentences {
            let f = TextFolding.fold(sentence.text)
            if profile.videoReferences.matchesAny(text: sentence.text, folded: f) { return .video }
            if profile.telephoneReferences.matchesAny(text: sentence.text, folded: f) { return .telephone }
        }
        if profile.inPersonCues.matchesAny(text: opening, folded: folded) || profile.inPersonOverrides.matchesAny(text: opening, folded: folded) {
            return .inPerson
        }
        return nil
    }

    /// "in Ankara", "à Paris" in the lead sentence, where the place is not a party.
    static let venuePattern = Pattern(#"(?:\bin|\bà)\s+(\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?)(?=\s+(?:today|this|on|le|ce|,)|[,.;]|$)"#,
                                      caseInsensitive: false)

    func venue() -> String? {
        for m in Self.venuePattern.matches(in: lead) {
            guard let place = m.group(1) else { continue }
            let tokens = Tokenizer.tokens(place)
            if parser.parties.party(tokens: tokens[...], language: profile.code) != nil { continue }
            if profile.months[TextFolding.fold(place)] != nil { continue }
            return place
        }
        return nil
    }

    // MARK: Who

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
        func find(_ mention: PersonMention) -> Int? {
            let familyKey = TextFolding.key(mention.familyName)
            let dynasty = PersonMention.arabicFamily(mention.nameTokens) != nil
            if let index = persons.firstIndex(where: { p in
                guard TextFolding.key(p.family) == familyKey else { return false }
                // "Al X" is a house's name that many bear: two people of it with other first names are two.
                guard dynasty, let a = p.tokens.first, let b = mention.nameTokens.first, p.tokens.count > 1, mention.nameTokens.count > 2
                else { return true }
                return TextFolding.key(a) == TextFolding.key(b)
            }) { return index }
            // "Sheikh Abdullah" after "Sheikh Abdullah bin Zayed Al Nahyan": an Arabic name is shortened to its
            // first given name; the one person so named before.
            if mention.nameTokens.count == 1 {
                let named = persons.indices.filter { i in
                    persons[i].tokens.count > 2 && PersonMention.arabicFamily(persons[i].tokens) != nil
                        && TextFolding.key(persons[i].tokens[0]) == familyKey
                }
                if named.count == 1 { return named[0] }
            }
            return nil
        }
        func merge(_ mention: PersonMention, order: Int) -> Int {
            if let index = find(mention) {
                if persons[index].given == nil, let given = mention.givenName {
                    persons[index].given = given
                    persons[index].tokens = mention.nameTokens
                    persons[index].family = mention.familyName
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
            for line in layout.headerLines where line.count <= 100 && TextFolding.fold(line).contains(foldedTitle) {
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

    /// The side of a principal whom the text names by title alone: the party paired with a known one
    /// ("Japan-NATO", "Japon – OTAN", "U.S.-Australia"), the host of a visit ("sa venue au Japon"), or the
    /// state the text names most.
    func homeParty(known: [String]) -> (String?, certain: Bool) {
        let found = homePartyFound(known: known)
        return (found.0, found.1)
    }

    private func homePartyFound(known: [String]) -> (String?, Bool) {
        if let fixed = matter?.lists["parties"]?.first { return (parser.data.party(named: fixed), true) }
        if let publisher = matter?.fields["publisher"].flatMap(parser.data.party(named:)), !known.contains(publisher) { return (publisher, true) }
        // The publisher's own seat: "A Downing Street spokesperson said", a "Washington, DC" dateline.
        let whole = ([layout.title ?? ""] + layout.headerLines + layout.sentences.map(\.text)).joined(separator: "\n")
        let wholeFolded = TextFolding.fold(whole)
        // The first seat in the data's order that the text names, of a party not already known.
        let seatParties = parser.data.seatParties
        if let seat = parser.data.seats.firstMatches(text: whole, folded: wholeFolded).map(\.index)
            .filter({ !known.contains(seatParties[$0]) }).min() {
            return (seatParties[seat], true)
        }
        let text = ([layout.title ?? ""] + layout.sentences.map(\.text)).joined(separator: "\n")
        let mentions = parser.parties.mentions(in: text, language: profile.code)
        // Pairs: two mentions joined by a hyphen or dash.
        let chars = Array(text)
        for (a, b) in zip(mentions, mentions.dropFirst()) where b.start >= a.end {
            let between = String(chars[a.end..<b.start]).trimmingCharacters(in: .whitespaces)
            // Japanese writes the pair without a mark: "日米首脳", "日豪".
            let japanesePair = between.isEmpty && b.start == a.end && a.end - a.start == 1 && b.end - b.start == 1
                && String(chars[a.start..<b.end]).unicodeScalars.allSatisfy(TextFolding.isJapaneseScalar)
            guard japanesePair || ["-", "–", "—", "‐", "/"].contains(between) else { continue }
            if known.contains(a.code) && !known.contains(b.code) { return (b.code, true) }
            if known.contains(b.code) && !known.contains(a.code) { return (a.code, true) }
        }
        // The host of a visit named in the lead: "during his visit to Japan", "à l’occasion de sa venue au Japon".
        let leadMentions = parser.parties.mentions(in: lead, language: profile.code)
        let leadChars = Array(lead)
        for m in leadMentions where !known.contains(m.code) {
            let before = TextFolding.fold(String(leadChars[max(0, m.start - 30)..<m.start]))
            if profile.hostVisitCues.contains(where: { before.hasSuffix(TextFolding.fold($0) + " ") || before.hasSuffix(TextFolding.fold($0) + " the ") }) {
                return (m.code, true)
            }
        }
        // Last, the state the headline and the lead name most — where the sides are named. A state named
        // as the place of a situation ("the situation in Burundi", "the war in Ukraine") is a subject, not a side.
        let sideText = ([layout.title ?? ""] + [lead]).joined(separator: "\n")
        let sideChars = Array(sideText)
        var counts: [String: Int] = [:]
        for m in parser.parties.mentions(in: sideText, language: profile.code)
        where !known.contains(m.code) && parser.data.parties[m.code]?.kind != "organization" {
            let before = TextFolding.fold(String(sideChars[max(0, m.start - 30)..<m.start]))
            if profile.subjectPlaceCues.contains(where: { before.hasSuffix(TextFolding.fold($0) + " ") || before.hasSuffix(TextFolding.fold($0) + " the ") }) { continue }
            // "The Saudi Foreign Minister", "Egypt's Foreign Minister": the state of another person, named by
            // office, not the side of the one whose side is sought.
            if qualifiesATitle(sideChars, start: m.start, end: m.end) { continue }
            counts[m.code, default: 0] += 1
        }
        return (counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key, false)
    }

    /// Whether an office follows a state's name ending at `end` ("Saudi Foreign Minister", "Egypt's President").
    func qualifiesATitle(_ chars: [Character], start: Int, end: Int) -> Bool {
        func spaced(_ s: String) -> String {
            TextFolding.fold(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var rest = spaced(String(chars[min(end, chars.count)..<min(end + 60, chars.count)]))
        if rest.hasPrefix("'s") { rest.removeFirst(2) }
        rest = rest.trimmingCharacters(in: .whitespaces) + " "
        return profile.titles.contains { rest.hasPrefix(TextFolding.fold($0) + " ") }
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
        guard !profile.officeOpeners.isEmpty else { return [] }
        var found: [Range<Int>] = []
        for opener in profile.officeOpeners {
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

    // MARK: What they agreed

    func findCommitments(participants: [Participant], parties: [String], topics: [[String]]) -> [Commitment] {
        let detector = CommitmentDetector(profile: profile)
        var result: [Commitment] = []
        // Each principal's words: a title that two principals share ("President") names neither.
        let principals = participants.filter { $0.role == .principal }
        let titles = principals.compactMap(\.title)
        let principalWords = principals.map { p in
            [p.familyName, p.title.flatMap { t in titles.filter { $0 == t }.count == 1 ? t : nil }].compactMap { $0 }
        }
        for (index, sentence) in layout.sentences.enumerated() {
            guard let binding = detector.binding(of: sentence.text, principals: principalWords) else { continue }
            let by: String?
            switch binding {
            case .joint:
                by = Commitment.joint
            case let .unilateral(verbStart, verbEnd, objectBound):
                by = undertakingSide(sentence.text, verbStart: verbStart, verbEnd: verbEnd, objectBound: objectBound,
                                     participants: participants, parties: parties)
            }
            guard let by else { continue }
            result.append(Commitment(text: sentence.text, by: by, topics: topics[index], offset: sentence.offset))
        }
        return result
    }

    /// The side that undertakes: the person or party named before the verb, or after it for "obtained".
    func undertakingSide(_ sentence: String, verbStart: Int, verbEnd: Int, objectBound: Bool,
                         participants: [Participant], parties: [String]) -> String? {
        let partyMentions = parser.parties.mentions(in: sentence, language: profile.code).filter { parties.contains($0.code) }
        // Japanese names the side before the verb even then: "…長官から支持を得た".
        if objectBound && profile.code != "ja" {
            return partyMentions.first { $0.start >= verbEnd }?.code
        }
        let folded = TextFolding.fold(sentence)
        // The subject is the first person named before the verb, by name or by title alone ("The Foreign
        // Secretary"): later names before the verb are objects ("extended his congratulations to Minister X").
        var best: (Int, String)?
        let titles = participants.compactMap(\.title)
        for p in participants {
            guard let party = p.party else { continue }
            // By family name, by full title, or by the title's head ("The Prime Minister" for "Prime Minister of …").
            // Only a principal's head of two words or more: "Minister" alone would name anyone.
            let head = p.role != .principal ? nil : p.title.flatMap { t in
                [" of ", " de ", " du ", " des "].compactMap { t.range(of: $0)?.lowerBound }.min().map { String(t[..<$0]) }
            }.flatMap { $0.contains(" ") ? $0 : nil }
            // "Crown Prince and Prime Minister": each office of a double title names the person.
            let offices = (head ?? p.title).map { t in
                [" and ", " et "].reduce([t]) { parts, joiner in parts.flatMap { $0.components(separatedBy: joiner) } }
            }.map { $0.count > 1 ? $0.filter { $0.contains(" ") } : [] } ?? []
            // A title that another participant shares ("President") names neither of them.
            let ownTitle = p.title.flatMap { t in titles.filter { $0 == t }.count == 1 ? t : nil }
            for name in ([p.familyName, ownTitle, ownTitle == nil ? nil : head] + (ownTitle == nil ? [] : offices).map(Optional.some)).compactMap({ $0 }) {
                if let r = folded.firstRange(of: TextFolding.fold(name)) {
                    let at = folded.distance(from: folded.startIndex, to: r.lowerBound)
                    if at < verbStart && (best == nil || at < best!.0) { best = (at, party) }
                }
            }
        }
        // No person: a side named as the subject ("Japan will provide …").
        if best == nil, let first = partyMentions.first(where: { $0.start < verbStart }) {
            best = (first.start, first.code)
        }
        return best?.1
    }
}
