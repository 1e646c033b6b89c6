import Foundation

/// Decides whether a sentence is a commitment (shared/corpus/README.md): the sides jointly agree,
/// confirm, reaffirm, decide or share a view ("The two leaders agreed …", "Les deux parties sont
/// convenues …", "両首脳は…一致しました"), or one side explicitly undertakes something ("pledged",
/// "s’est engagé", "obtained NATO’s continued support"). Hopes, welcomes and thanks are not.
struct CommitmentDetector: Sendable {
    let profile: LanguageProfile

    /// Who a sentence binds: `.joint`, one side, or nobody.
    enum Binding: Equatable {
        case joint
        /// One side undertakes; `subjectEnd` is where its verb starts, `objectBound` when the side is
        /// named after the verb ("obtained NATO’s support").
        case unilateral(verbStart: Int, verbEnd: Int, objectBound: Bool)
    }

    /// Whether `text` holds "and" followed by a verb in the past ("and explained", "et a déclaré").
    static func startsNewClause(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        for (i, w) in words.enumerated() where (w == "and" || w == "et") && i + 1 < words.count {
            let next = words[i + 1]
            if next.hasSuffix("ed") || ["said", "stated", "noted", "a", "ont", "said", "told"].contains(next) { return true }
        }
        return false
    }

    static let pronounAnd = ["he and ", "she and ", " and he ", " and she ", "il et ", "elle et "]

    /// Verbs whose undertaking side is named after them: "obtained X’s support" binds X.
    private static let objectBoundStems = ["obtain", "obten", "obtenu", "支持を得"]

    /// Who `sentence` binds. `principals` are the words that name the principals (family names and titles),
    /// so that "He and Foreign Minister Wong agreed …" reads as both sides.
    func binding(of sentence: String, principals: [String] = []) -> Binding? {
        let folded = TextFolding.fold(sentence)
        // "agreed", "shared the view", "sont convenus", "一致": joint whoever the subject is.
        if earliest(profile.inherentJointVerbs, in: sentence, folded) != nil { return .joint }
        if let verb = earliest(profile.jointVerbs, in: sentence, folded) {
            // A joint subject before the verb: "Both sides confirmed", "they reaffirmed", "les deux parties … ont réaffirmé".
            if let subject = earliest(profile.jointSubjects, in: sentence, folded), subject.start <= verb.start {
                return .joint
            }
            // Two principals joined before the verb: "He and Foreign Minister Wong confirmed …".
            let before = String(decoding: folded.utf8.prefix(verb.start), as: UTF8.self)
            let named = principals.filter { !$0.isEmpty && before.contains(TextFolding.fold($0)) }
            if named.count >= 2 || (named.count == 1 && Self.pronounAnd.contains { before.contains($0) }) { return .joint }
        }
        if let undertaking = earliest(profile.unilateralVerbs, in: sentence, folded) {
            // Thanks or wishes in the same clause make it no undertaking ("thanked him for his commitment to …"),
            // unless a new verb starts a clause of its own ("… and explained that he intends to …").
            let before = String(decoding: folded.utf8.prefix(undertaking.start), as: UTF8.self)
            for cue in profile.nonCommitment {
                guard let r = before.range(of: cue.folded, options: .backwards) else { continue }
                if !Self.startsNewClause(String(before[r.upperBound...])) { return nil }
            }
            let objectBound = Self.objectBoundStems.contains { undertaking.cue.folded.hasPrefix($0) || undertaking.cue.raw.hasPrefix($0) }
            // The verb's place in Characters, as the callers measure names in the sentence.
            let haystack = undertaking.cue.japanese || undertaking.cue.exactCase ? sentence : folded
            let start = String(decoding: haystack.utf8.prefix(undertaking.start), as: UTF8.self).count
            return .unilateral(verbStart: start, verbEnd: start + undertaking.cue.raw.count, objectBound: objectBound)
        }
        return nil
    }

    /// The cue matched first, and where (a UTF-8 offset in the folded sentence, or in the sentence itself
    /// for Japanese and exact-case cues).
    private func earliest(_ cues: [Cue], in text: String, _ folded: String) -> (cue: Cue, start: Int)? {
        var best: (Cue, Int)?
        for cue in cues {
            guard let offset = cue.firstByteOffset(in: cue.japanese || cue.exactCase ? text : folded) else { continue }
            if best == nil || offset < best!.1 { best = (cue, offset) }
        }
        return best.map { (cue: $0.0, start: $0.1) }
    }
}

/// Tags text with topics of the vocabulary by their cue words (`Data/topics.json`).
struct TopicTagger: Sendable {
    /// Per topic of the vocabulary: its slug, the cues of the language (plus English acronyms such as G7),
    /// and the cues that leave a sentence to another topic.
    private let entries: [(slug: String, cues: [Cue], unless: [Cue])]

    init(topics: [Topic], language: String) {
        entries = topics.map { topic in
            let cues = (topic.cues[language] ?? []) + (language == "en" ? [] : (topic.cues["en"] ?? []).filter(\.exactCase))
            return (topic.slug, cues, topic.unless[language] ?? [])
        }
    }

    /// The slugs whose cues occur in `text`, in vocabulary order.
    func topics(of text: String) -> [String] {
        let folded = TextFolding.fold(text)
        return entries.filter { entry in
            entry.cues.contains { $0.matches(text: text, folded: folded) } && !entry.unless.contains { $0.matches(text: text, folded: folded) }
        }.map(\.slug)
    }
}
