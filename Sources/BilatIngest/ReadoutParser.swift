import Foundation

/// A readout to import: its bytes and what is known of where they came from.
public struct ReadoutInput: Sendable {
    public var bytes: Data
    /// The base name of the file ("-" for standard input).
    public var fileName: String
    public var url: String?
    /// The character set an HTTP answer declared for a page (`Content-Type: text/html; charset=…`), which
    /// comes before the page's own `<meta charset>`.
    public var charset: String?

    public init(bytes: Data, fileName: String, url: String? = nil, charset: String? = nil) {
        self.bytes = bytes
        self.fileName = fileName
        self.url = url
        self.charset = charset
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

    /// The most sentences of a text read for facts (see ``ReadoutLayout/maxSentences``).
    public var sentenceLimit = ReadoutLayout.maxSentences

    public init(data: LanguageData = .shared) {
        self.data = data
        let parties = PartyResolver(data: data)
        self.parties = parties
        self.detector = LanguageDetector(profiles: Array(data.languages.values), otherLanguages: data.otherLanguageStopwords)
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
        let page = try HTMLReadout.read(input.bytes, url: input.url, charset: input.charset)
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
            let layout = ReadoutLayout(text: text, profile: data.profile("en"), allProfiles: Array(data.languages.values), sentenceLimit: sentenceLimit,
                                       knownTitle: matter?.fields["page_title"])
            var record = MeetingRecord(title: matter?.fields["title"] ?? layout.title, language: language, date: nil, startTime: nil,
                                       durationMinutes: nil, format: nil, venue: nil, parties: [], participants: [], topics: [],
                                       commitments: [], sections: layout.sections,
                                       needsReview: ["the text is not in a language Bilat reads (English, French, Japanese)"], source: source)
            record.readouts = [readoutInfo(of: record, matter: matter)]
            return record
        }
        let profile = data.profile(language)
        let layout = ReadoutLayout(text: text, profile: profile, allProfiles: Array(data.languages.values), sentenceLimit: sentenceLimit,
                                   knownTitle: matter?.fields["page_title"])
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
