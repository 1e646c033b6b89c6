import Foundation

/// What Bilat knows of one language: date words, titles, agreement verbs, format cues …
/// Loaded from `Data/languages/CODE.json`, which is embedded in the binary at build time.
public struct LanguageProfile: Sendable {
    public let code: String
    let stopwords: Set<String>
    let months: [String: Int]
    /// The month names alone, folded, without the short forms that could be names ("Jun", "Mar").
    let fullMonthWords: [String]
    /// Month names as written in the data, for patterns over unfolded text ("février").
    let monthNames: [String]
    let weekdays: [String: Int]
    let numberWords: [String: Int]
    let hourWords: [String]
    let minuteWords: [String]
    let halfWords: [String]
    let relativeDays: [(phrase: Cue, days: Int)]
    let homeTimeMarkers: [String]
    let localTimeMarkers: [String]
    let meetingCues: CueSet
    let telephoneCues: CueSet
    let videoCues: CueSet
    let inPersonOverrides: CueSet
    let honorifics: [String]
    let nameSuffixes: [String]
    let titles: [String]
    let titleOf: [String]
    let presenceCues: CueSet
    /// Words that name someone who was not at the meeting ("on behalf of", "au nom de").
    let absenceCues: CueSet
    let spokespersonCues: CueSet
    let jointSubjects: CueSet
    let jointVerbs: CueSet
    /// Verbs that are joint whoever is their subject: "agreed", "shared the view", "sont convenus", "一致".
    let inherentJointVerbs: CueSet
    let unilateralVerbs: CueSet
    let nonCommitment: CueSet
    let boilerplate: [String]
    /// `boilerplate` folded, as lines are compared with it.
    let foldedBoilerplate: [String]
    let hostVisitCues: [String]
    /// "on the {} side": where an adjective names the side of the people that follow or precede.
    let sidePhrases: [String]
    /// Titles that name the home government of the language's publishers when no country precedes them
    /// (in Japanese, 外務大臣 alone is Japan's Minister for Foreign Affairs), and that government.
    let homeTitles: Set<String>
    /// One-character country names written between a foreign name and a title ("トランプ米大統領": 米 = USA).
    let titleCountryPrefixes: Set<Character>
    let homeParty: String?
    /// Words that put a bare day in the month of the publication date ("本31日": the 31st of this month).
    let currentMonthDayMarkers: [String]
    /// Words that make a line a readout's title ("Meeting", "Entretien", "会談") rather than a site's category.
    let titleCues: CueSet
    /// Whether a numeric date with slashes is written day first ("25/12/2024", "05/11/2020").
    let numericDayFirst: Bool
    /// Words that join two clock times into a span ("11:30-12:00", "de 12h45 à 14h30").
    let rangeJoiners: Set<String>
    /// Words before the first time of a span ("between", "from") and the words that then join the two.
    let rangeOpeners: [String]
    let rangeJoinersAfterOpener: Set<String>
    /// Words that stamp a text's publication ("Posted On:", "Publié le"): the date and time that follow
    /// them are the publication's, not the meeting's.
    let publicationMarkers: CueSet
    /// Words that give a meeting's length in a sentence of its own ("The call lasted about 40 minutes").
    let durationCues: CueSet
    /// Words before a place that is the subject of talks, not a side: "the situation in", "la guerre en".
    let subjectPlaceCues: [String]
    /// Prepositions after a title that name where a mission works, not whose it is ("Ambassador to Japan").
    let missionPrepositions: [String]
    /// Words for the other side's holder of the same office ("counterpart", "homologue"): with a country
    /// adjective they give the person named after them that side ("his Iranian counterpart, X").
    let counterpartWords: Set<String>
    /// Words of courtesy between "of the" and a state's name ("of the sisterly United Arab Emirates").
    let partyEpithets: Set<String>
    /// Words that end the name of a news medium or agency ("News", "Agency", "Times", "Presse"): a state
    /// named in it ("Pakistan Point News", "Saudi Press Agency") is no side of the meeting.
    let mediaWords: Set<String>
    /// Words that name a press conference ("press conference", "記者会見"): a text whose title names one and
    /// no meeting besides is a press conference's record, not a readout.
    let pressConferencePhrases: [String]
    /// The first person speaking of a meeting ("I had a telephone talk", "j'ai reçu", "私から"): the speaker is
    /// the publisher's principal, so the publisher is a side.
    let firstPersonCues: CueSet
    /// Words that join clauses ("and", "et"), and the verbs (or verb endings: "-ed") that, right after one,
    /// open a clause of its own ("and explained", "et a déclaré"): an undertaking before it is not this clause's.
    let clauseConjunctions: Set<String>
    let clauseVerbs: Set<String>
    let clauseVerbEndings: [String]
    /// A pronoun joined to a principal before a verb ("He and Minister Wong agreed"): both sides.
    let pronounPairs: [String]
    /// Verbs whose undertaking side is named after them: "obtained X’s support" binds X (folded stems).
    let objectBoundVerbs: [String]
    /// Phrases of an exchange of views ("shared their views on"), which is no shared view.
    let viewExchanges: [String]
    /// `viewExchanges` folded, to find them byte for byte in a folded sentence.
    let foldedViewExchanges: [String]
    /// Words that say the sides were in one place ("met", "received", "visited", "会談"): without them, or a
    /// call's words, a text does not say how the sides met.
    let inPersonCues: CueSet
    /// A later sentence's words for the meeting as a call or a video conference ("During the phone call"),
    /// which decide the format when the title and lead do not.
    let telephoneReferences: CueSet
    let videoReferences: CueSet
    /// Words of a sentence about another event than the meeting ("followed the talks held on the sidelines of
    /// … on 20 May"): a date in it is not the meeting's.
    let otherEventCues: CueSet
    /// Time zones of a site's clock ("Tuesday, 02 January 2024 12:17 GMT"): a header line with one is the
    /// page's clock, not its date line.
    let siteClockMarkers: [String]
    /// Words right after a clock time that make it the start ("8時5分から"): in a sentence of its own about the
    /// meeting ("電話会談は、31日8時5分から約52分間"), such a time is the start time.
    let startTimeSuffixes: [String]
    /// Words that open the name of an office ("Minister of", "ministère des") and the small words inside one
    /// ("of", "and", "de", "et"): the capitalised words of an office name are no topic ("Minister of Defense").
    let officeOpeners: [String]
    let officeConnectors: Set<String>
    /// `officeOpeners` as cues, to tell at once whether a sentence names an office at all.
    let officeOpenerCues: CueSet
    /// Particles that belong to the family name written after them in Japanese script ("ル・ドリアン").
    let nameParticles: Set<String>
    /// How a title's last word is made plural (["y", "ies"]: "Secretary" → "Secretaries"; ["", "s"]), for
    /// titles that name several people at once ("Cabinet Secretaries A and B").
    let pluralEndings: [[String]]
    /// Particles that mark who acts ("は", "から", "より"): in a language that has them, the side that undertakes
    /// is the one so marked nearest before the verb ("AからBを説明し、Cより支持表明があった": C; not a name
    /// inside the quoted words), rather than the first named (English "X pledged …, thanking Y").
    let agentParticles: [String]
    /// Words of one speaker ("I", "je"): a verb after one is that speaker's, whatever joint subject came before.
    let singularSpeakers: Set<String>

    private struct File: Decodable {
        let code: String
        let stopwords: [String]
        let months: [String: Int]
        let month_abbreviations: [String: Int]?
        let weekdays: [String: Int]
        let number_words: [String: Int]
        let hour_words: [String]
        let minute_words: [String]
        let half_words: [String]
        let relative_days: [String: Int]
        let home_time_markers: [String]
        let local_time_markers: [String]
        let meeting_cues: [String]
        let format_cues: [String: [String]]
        let in_person_overrides: [String]
        let honorifics: [String]
        let name_suffixes: [String]
        let titles: [String]
        let title_of: [String]
        let presence_cues: [String]
        let absence_cues: [String]?
        let spokesperson_cues: [String]
        let joint_subjects: [String]
        let joint_verbs: [String]
        let inherent_joint_verbs: [String]?
        let unilateral_verbs: [String]
        let non_commitment: [String]
        let boilerplate: [String]
        let host_visit_cues: [String]
        let side_phrases: [String]?
        let home_titles: [String]?
        let title_country_prefixes: [String]?
        let home_party: String?
        let current_month_day_markers: [String]?
        let title_cues: [String]?
        let numeric_day_first: Bool?
        let range_joiners: [String]?
        let range_openers: [String]?
        let range_joiners_after_opener: [String]?
        let publication_markers: [String]?
        let duration_cues: [String]?
        let subject_place_cues: [String]?
        let mission_prepositions: [String]?
        let counterpart_words: [String]?
        let party_epithets: [String]?
        let media_words: [String]?
        let press_conference_phrases: [String]?
        let first_person_cues: [String]?
        let clause_conjunctions: [String]?
        let clause_verbs: [String]?
        let clause_verb_endings: [String]?
        let pronoun_pairs: [String]?
        let object_bound_verbs: [String]?
        let view_exchanges: [String]?
        let in_person_cues: [String]?
        let format_references: [String: [String]]?
        let other_event_cues: [String]?
        let site_clock_markers: [String]?
        let start_time_suffixes: [String]?
        let office_openers: [String]?
        let office_connectors: [String]?
        let name_particles: [String]?
        let plural_endings: [[String]]?
        let agent_particles: [String]?
        let singular_speakers: [String]?
    }

    init(json: String) throws {
        let f = try JSONDecoder().decode(File.self, from: Data(json.utf8))
        code = f.code
        stopwords = Set(f.stopwords)
        // Short forms written without their period ("24 MAR 2026") count in dates only.
        let allMonths = f.months.merging(f.month_abbreviations ?? [:]) { a, _ in a }
        months = Dictionary(allMonths.map { (TextFolding.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        fullMonthWords = f.months.keys.map(TextFolding.fold)
        monthNames = Array(Set(allMonths.keys).union(months.keys))
        weekdays = Dictionary(f.weekdays.map { (TextFolding.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        numberWords = f.number_words
        hourWords = f.hour_words
        minuteWords = f.minute_words
        halfWords = f.half_words
        relativeDays = f.relative_days.sorted { $0.key.count > $1.key.count }.map { (Cue($0.key), $0.value) }
        homeTimeMarkers = f.home_time_markers
        localTimeMarkers = f.local_time_markers
        func cues(_ list: [String]) -> CueSet { CueSet(list.map { Cue($0) }) }
        meetingCues = cues(f.meeting_cues)
        telephoneCues = cues(f.format_cues["telephone"] ?? [])
        videoCues = cues(f.format_cues["video"] ?? [])
        inPersonOverrides = cues(f.in_person_overrides)
        // Longest first, so that "Prime Minister" wins over "Minister" and "H.E." over "HE".
        honorifics = f.honorifics.sorted { $0.count > $1.count }
        nameSuffixes = f.name_suffixes
        titles = f.titles.sorted { $0.count > $1.count }
        titleOf = f.title_of.sorted { $0.count > $1.count }
        presenceCues = cues(f.presence_cues)
        absenceCues = cues(f.absence_cues ?? [])
        spokespersonCues = cues(f.spokesperson_cues)
        // Verbs and subjects match as whole words ("agree" is not "agreement"); topic cues match word starts.
        func words(_ list: [String]) -> CueSet { CueSet(list.map { Cue($0, wholeWord: true) }) }
        jointSubjects = words(f.joint_subjects)
        jointVerbs = words(f.joint_verbs)
        inherentJointVerbs = words(f.inherent_joint_verbs ?? [])
        unilateralVerbs = words(f.unilateral_verbs)
        nonCommitment = words(f.non_commitment)
        boilerplate = f.boilerplate
        foldedBoilerplate = f.boilerplate.map(TextFolding.fold)
        hostVisitCues = f.host_visit_cues
        sidePhrases = f.side_phrases ?? []
        homeTitles = Set(f.home_titles ?? [])
        titleCountryPrefixes = Set((f.title_country_prefixes ?? []).compactMap(\.first))
        homeParty = f.home_party
        currentMonthDayMarkers = f.current_month_day_markers ?? []
        titleCues = cues(f.title_cues ?? [])
        numericDayFirst = f.numeric_day_first ?? false
        rangeJoiners = Set((f.range_joiners ?? []).map(TextFolding.fold))
        rangeOpeners = f.range_openers ?? []
        rangeJoinersAfterOpener = Set((f.range_joiners_after_opener ?? []).map(TextFolding.fold))
        publicationMarkers = cues(f.publication_markers ?? [])
        durationCues = words(f.duration_cues ?? [])
        subjectPlaceCues = f.subject_place_cues ?? []
        missionPrepositions = f.mission_prepositions ?? []
        counterpartWords = Set((f.counterpart_words ?? []).map(TextFolding.fold))
        partyEpithets = Set((f.party_epithets ?? []).map(TextFolding.fold))
        mediaWords = Set((f.media_words ?? []).map(TextFolding.fold))
        pressConferencePhrases = f.press_conference_phrases ?? []
        firstPersonCues = cues(f.first_person_cues ?? [])
        clauseConjunctions = Set(f.clause_conjunctions ?? [])
        clauseVerbs = Set(f.clause_verbs ?? [])
        clauseVerbEndings = f.clause_verb_endings ?? []
        pronounPairs = f.pronoun_pairs ?? []
        objectBoundVerbs = f.object_bound_verbs ?? []
        viewExchanges = f.view_exchanges ?? []
        foldedViewExchanges = (f.view_exchanges ?? []).map(TextFolding.fold)
        inPersonCues = cues(f.in_person_cues ?? [])
        telephoneReferences = cues(f.format_references?["telephone"] ?? [])
        videoReferences = cues(f.format_references?["video"] ?? [])
        otherEventCues = cues(f.other_event_cues ?? [])
        siteClockMarkers = f.site_clock_markers ?? []
        startTimeSuffixes = f.start_time_suffixes ?? []
        officeOpeners = f.office_openers ?? []
        officeOpenerCues = cues(f.office_openers ?? [])
        officeConnectors = Set(f.office_connectors ?? [])
        nameParticles = Set(f.name_particles ?? [])
        pluralEndings = f.plural_endings ?? []
        agentParticles = f.agent_particles ?? []
        singularSpeakers = Set((f.singular_speakers ?? []).map(TextFolding.fold))
    }
}

/// One topic of the vocabulary with its cue words per language.
public struct Topic: Sendable {
    public let slug: String
    public let label: String
    public let covers: String
    let cues: [String: [Cue]]
    /// Cues that, in the same sentence, leave the sentence to another topic.
    let unless: [String: [Cue]]
    /// The party the topic is about, where it is one ("china": CHN), and the cues that only name it: in a
    /// meeting of that party, naming it is no topic ("Chinese" in a Sino-Thai readout), its other cues are
    /// ("the East China Sea").
    let party: String?
    let nameCues: [String: [Cue]]
    /// Whether the topic counts in a lead that gives the clock (a lead is logistics — who, when, where —
    /// but a state visit it names is the meeting's occasion).
    let countsInLead: Bool
}

/// A side that can meet: a state, a sub-national government or an organisation.
public struct Party: Sendable {
    public let code: String
    /// `state`, `subdivision` or `organization`.
    public let kind: String
    /// A state's ISO 3166-1 alpha-2 code ("JP" for JPN), which people type too.
    public let alpha2: String?
    public let nameEn: String
    public let nameFr: String?
    public let nameJa: String?
    /// Every spelling that names the party, in any language.
    public let spellings: [String]
    /// A state's capitals (mledoze/countries) or an organisation's seats, in English: where a meeting there
    /// was hosted by that party.
    public let capitals: [String]
    /// The state a sub-national government is part of (`CAN` for `CA-QC`).
    public let country: String?
}

/// A known office holder (`Data/people.json`, generated by scripts/generate-people.py from public datasets and
/// the hand-curated `Data/people-sources/overlay.json`): how the name divides, and whose side they speak for.
public struct KnownPerson: Sendable {
    public let family: String
    public let given: String
    public let party: String
    public let japaneseFamily: String?
    public let japaneseGiven: String?
    /// Whether the entry is hand-curated (the overlay): a well-known person, preferred when a family name
    /// alone could be theirs or a generated namesake's.
    public let curated: Bool
    /// Folded words of the family and given names.
    let familyWords: [String]
    let givenWords: [String]
}

/// The language knowledge under `Data/`, loaded once from the copy embedded in the binary.
public final class LanguageData: Sendable {
    /// The shared instance, built from the embedded data on first use.
    public static let shared: LanguageData = {
        do { return try LanguageData(files: EmbeddedData.files, languages: sharedProfiles) } catch {
            fatalError("The embedded Data/ is invalid: \(error)")
        }
    }()

    /// The language profiles alone, built from the embedded data on first use. Reading a stored text's
    /// layout again (`show`, `export`) needs only these, not the parties and people that take longer to load.
    public static let sharedProfiles: [String: LanguageProfile] = {
        do { return try profiles(in: EmbeddedData.files) } catch {
            fatalError("The embedded Data/languages is invalid: \(error)")
        }
    }()

    /// The profiles of the `languages/*.json` files among `files`, by language code.
    static func profiles(in files: [String: String]) throws -> [String: LanguageProfile] {
        var languages: [String: LanguageProfile] = [:]
        for (path, text) in files where path.hasPrefix("languages/") {
            let profile = try LanguageProfile(json: text)
            languages[profile.code] = profile
        }
        return languages
    }

    /// Profiles by ISO 639-1 code.
    public let languages: [String: LanguageProfile]
    /// The topic vocabulary, in the order of shared/spec/topics.md.
    public let topics: [Topic]
    /// Every known party, by code.
    public let parties: [String: Party]
    /// Folded spelling → party code, for spellings that name exactly one party.
    let partyBySpelling: [String: String]
    /// Spellings in Japanese script → party code (matched without folding).
    let partyByJapaneseSpelling: [(String, String)]
    /// The longest spelling, in words, so that lookups know how far to look.
    let longestPartySpellingWords: Int
    /// Well-known office holders.
    public let people: [KnownPerson]
    /// Indexes into `people` by the first word of the family name (a key): the candidates for a name.
    private let peopleByFamilyWord: [String: [Int]]
    /// The people known by a name in Japanese script (a few hundred of the thousands known), for the
    /// Japanese name grammar, which looks at each of them for each name.
    public let peopleInJapaneseScript: [KnownPerson]
    /// The tables every language's name grammar shares (known names by their first letters, honorifics,
    /// words that are never a name), built once here.
    let personNames: PersonNameTables
    /// Common words of languages Bilat has no grammar for (`Data/other-languages.json`), by code.
    public let otherLanguageStopwords: [String: Set<String>]
    /// Offices and places that stand for the government publishing a readout ("Downing Street").
    let seats: CueSet
    /// The party code of each of `seats`' cues.
    let seatParties: [String]

    /// Reads `files` (paths under `Data/` → contents); `languages` when the profiles are read already.
    init(files: [String: String], languages: [String: LanguageProfile]? = nil) throws {
        self.languages = try languages ?? Self.profiles(in: files)

        struct TopicFile: Decodable {
            struct Entry: Decodable {
                let slug: String; let label: String; let covers: String; let cues: [String: [String]]; let unless: [String: [String]]?
                let party: String?; let name_cues: [String: [String]]?; let counts_in_lead: Bool?
            }
            let topics: [Entry]
        }
        let topicFile = try JSONDecoder().decode(TopicFile.self, from: Data((files["topics.json"] ?? "").utf8))
        topics = topicFile.topics.map { entry in
            Topic(slug: entry.slug, label: entry.label, covers: entry.covers, cues: entry.cues.mapValues { $0.map { Cue($0) } },
                  unless: (entry.unless ?? [:]).mapValues { $0.map { Cue($0) } }, party: entry.party,
                  nameCues: (entry.name_cues ?? [:]).mapValues { $0.map { Cue($0) } }, countsInLead: entry.counts_in_lead ?? false)
        }

        struct PartyFile: Decodable {
            struct Entry: Decodable {
                let code: String
                let kind: String
                let alpha2: String?
                let names: [String: String?]
                let spellings: [String: [String]]
                let capitals: [String]?
                let country: String?
            }
            let parties: [Entry]
        }
        let partyFile = try JSONDecoder().decode(PartyFile.self, from: Data((files["parties.json"] ?? "").utf8))
        var parties: [String: Party] = [:]
        var owners: [String: Set<String>] = [:]
        var japanese: [(String, String)] = []
        var longest = 1
        for entry in partyFile.parties {
            let spellings = Array(Set(entry.spellings.values.flatMap { $0 } + [entry.code]))
            parties[entry.code] = Party(
                code: entry.code, kind: entry.kind, alpha2: entry.alpha2, nameEn: (entry.names["en"] ?? nil) ?? entry.code,
                nameFr: entry.names["fr"] ?? nil, nameJa: entry.names["ja"] ?? nil, spellings: spellings, capitals: entry.capitals ?? [],
                country: entry.country)
            for spelling in spellings {
                if spelling.unicodeScalars.contains(where: TextFolding.isJapaneseScalar) {
                    japanese.append((spelling, entry.code))
                } else {
                    owners[TextFolding.fold(spelling), default: []].insert(entry.code)
                    longest = max(longest, spelling.split(separator: " ").count)
                }
            }
        }
        self.parties = parties
        // A spelling shared by two parties ("Congo") names neither.
        partyBySpelling = owners.compactMapValues { $0.count == 1 ? $0.first : nil }
        partyByJapaneseSpelling = japanese.sorted { $0.0.count > $1.0.count }
        longestPartySpellingWords = longest

        struct PeopleFile: Decodable {
            struct Entry: Decodable {
                let family: String; let given: String; let party: String; let ja_family: String?; let ja_given: String?; let curated: Bool?
            }
            let people: [Entry]
        }
        let peopleFile = try JSONDecoder().decode(PeopleFile.self, from: Data((files["people.json"] ?? "{\"people\": []}").utf8))
        struct SeatsFile: Decodable { let seats: [String: String] }
        struct OtherLanguagesFile: Decodable { let stopwords: [String: [String]] }
        let others = try JSONDecoder().decode(OtherLanguagesFile.self, from: Data((files["other-languages.json"] ?? "{\"stopwords\": {}}").utf8))
        otherLanguageStopwords = others.stopwords.mapValues { Set($0) }
        let seatsFile = try JSONDecoder().decode(SeatsFile.self, from: Data((files["seats.json"] ?? "{\"seats\": {}}").utf8))
        let sortedSeats = seatsFile.seats.sorted { $0.key < $1.key }
        seats = CueSet(sortedSeats.map { Cue($0.key) })
        seatParties = sortedSeats.map(\.value)
        func words(_ s: String) -> [String] { s.split(whereSeparator: { $0 == " " || $0 == "-" }).map { TextFolding.key(String($0)) } }
        people = peopleFile.people.map {
            KnownPerson(family: $0.family, given: $0.given, party: $0.party, japaneseFamily: $0.ja_family, japaneseGiven: $0.ja_given,
                        curated: $0.curated ?? false, familyWords: words($0.family), givenWords: words($0.given))
        }
        var byFamilyWord: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            if let first = person.familyWords.first { byFamilyWord[first, default: []].append(index) }
        }
        peopleByFamilyWord = byFamilyWord
        peopleInJapaneseScript = people.filter { $0.japaneseFamily != nil }
        personNames = PersonNameTables(people: people, languages: self.languages)
    }

    /// The state whose ISO alpha-2 code is `code` ("JP", "gb"), or `nil`. Kept apart from
    /// ``party(named:)``: two capital letters in a readout ("IT", "NO") are not a country.
    public func party(alpha2 code: String) -> String? {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard upper.count == 2 else { return nil }
        return parties.values.first { $0.alpha2 == upper }?.code
    }

    /// The party that `text` names ("Japan", "Japon", "japonais", "日本", "JPN", "OTAN"), or `nil`.
    public func party(named text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let code = partyBySpelling[TextFolding.fold(trimmed)] { return code }
        if let code = partyByJapaneseSpelling.first(where: { $0.0 == trimmed })?.1 { return code }
        let upper = trimmed.uppercased()
        return parties[upper] != nil ? upper : nil
    }

    /// The known person that `nameTokens` names: the family name's words appear in order, and the
    /// given name's first word too when the tokens hold more than the family name.
    public func knownPerson(nameTokens: [String]) -> KnownPerson? {
        let words = nameTokens.flatMap { $0.split(separator: "-") }.map { TextFolding.key(String($0)) }.filter { !$0.isEmpty }
        var candidates: [KnownPerson] = []
        let endsInAlFamily = PersonMention.arabicFamily(nameTokens.filter { !PersonMention.isInitial($0) }) != nil
        // Only people whose family name starts with one of the words can match (in `people` order).
        let possible = Set(words.flatMap { peopleByFamilyWord[$0] ?? [] }).sorted().map { people[$0] }
        for person in possible where person.familyWords.count <= words.count {
            let n = person.familyWords.count
            guard (0...(words.count - n)).contains(where: { Array(words[$0..<($0 + n)]) == person.familyWords }) else { continue }
            // The first given word that is not a particle must be there too: "Abdullah bin Zayed Al Nahyan" is
            // not "Al-Sultan Abdullah" (whose given words "al", "sultan" share only the particle).
            if words.count > n, let first = person.givenWords.first(where: { !PersonMention.particles.contains($0) }) ?? person.givenWords.first,
               !words.contains(first) { continue }
            // A name that ends in an "Al X" family name is the person only when that family name is theirs:
            // "Abdullah Ali Al-Yahya" is not "Ali Al-Sadiq Ali".
            if endsInAlFamily, Array(words.suffix(n)) != person.familyWords { continue }
            candidates.append(person)
        }
        let longest = candidates.map(\.familyWords.count).max() ?? 0
        candidates = candidates.filter { $0.familyWords.count == longest }
        // "Wong" alone could be Australia's or Singapore's minister: a family name alone must be unambiguous,
        // among the well-known (curated) people when one of them has it, else among all.
        // "Pham Binh Minh" is the person of that whole name, not "Pham Minh Chinh", whose first given word it holds.
        let whole = candidates.filter { words.count > $0.familyWords.count && Set($0.givenWords).isSubset(of: words) }
        if !whole.isEmpty { candidates = whole }
        let curated = candidates.filter(\.curated)
        if !curated.isEmpty { candidates = curated }
        guard let first = candidates.first, candidates.allSatisfy({ $0.party == first.party }) else { return nil }
        return first
    }

    /// The known person whose name in Japanese script is `japaneseFamily` (and `given`, when given).
    public func knownPerson(japaneseFamily: String?, given: String?) -> KnownPerson? {
        guard let family = japaneseFamily, family.unicodeScalars.contains(where: TextFolding.isJapaneseScalar) else { return nil }
        // The family name decides when only one known person has it (katakana given names vary in length:
        // ジャン, ジャン・ピエール・マリー); else the given name must match too.
        let byFamily = peopleInJapaneseScript.filter { $0.japaneseFamily == family }
        let matches = byFamily.count == 1 ? byFamily : byFamily.filter { given == nil || $0.japaneseGiven == given }
        guard let first = matches.first, matches.allSatisfy({ $0.family == first.family && $0.given == first.given }) else { return nil }
        return first
    }

    /// The profile for `code`, falling back to English for languages without one.
    public func profile(_ code: String) -> LanguageProfile {
        Self.profile(code, in: languages)
    }

    /// The profile for `code` among `languages` (such as ``sharedProfiles``), falling back to English.
    public static func profile(_ code: String, in languages: [String: LanguageProfile]) -> LanguageProfile {
        languages[code] ?? languages["en"]!
    }
}
