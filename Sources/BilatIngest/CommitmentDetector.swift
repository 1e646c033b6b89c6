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

    /// Verbs whose undertaking side is named after them: "obtained X’s support" binds X.
    private static let objectBoundStems = ["obtain", "obten", "obtenu", "支持を得"]

    func binding(of sentence: String) -> Binding? {
        let folded = TextFolding.fold(sentence)
        let verb = earliest(profile.jointVerbs, in: sentence, folded)
        if let verb {
            // A joint subject before the verb: "Both sides confirmed", "they agreed", "les deux parties … ont réaffirmé".
            if let subject = earliest(profile.jointSubjects, in: sentence, folded), subject.start <= verb.start {
                return .joint
            }
            // Japanese puts the subject first and the verb last; "…で一致しました" without a subject is joint too.
            if profile.code == "ja" && (sentence.contains("一致") || sentence.contains("合意")) { return .joint }
            // Passive agreement: "it was agreed that", "it was confirmed that".
            if folded.hasPrefix("it was ") || folded.contains(" it was agreed") { return .joint }
        }
        if let undertaking = earliest(profile.unilateralVerbs, in: sentence, folded) {
            let before = String(folded.prefix(undertaking.start))
            if profile.nonCommitment.contains(where: { before.contains($0.folded) }) { return nil }
            let objectBound = Self.objectBoundStems.contains { undertaking.cue.folded.hasPrefix($0) || undertaking.cue.raw.hasPrefix($0) }
            return .unilateral(verbStart: undertaking.start, verbEnd: undertaking.start + undertaking.cue.raw.count, objectBound: objectBound)
        }
        return nil
    }

    private func earliest(_ cues: [Cue], in text: String, _ folded: String) -> (cue: Cue, start: Int)? {
        var best: (Cue, Int)?
        for cue in cues {
            guard let index = cue.firstMatch(text: text, folded: folded) else { continue }
            let haystack = cue.japanese || cue.exactCase ? text : folded
            let offset = haystack.distance(from: haystack.startIndex, to: index)
            if best == nil || offset < best!.1 { best = (cue, offset) }
        }
        return best.map { (cue: $0.0, start: $0.1) }
    }
}

/// Tags text with topics of the vocabulary by their cue words (`Data/topics.json`).
struct TopicTagger: Sendable {
    let topics: [Topic]
    let language: String

    /// The slugs whose cues occur in `text`, in vocabulary order.
    func topics(of text: String) -> [String] {
        let folded = TextFolding.fold(text)
        return topics.filter { topic in
            let cues = (topic.cues[language] ?? []) + (language == "en" ? [] : (topic.cues["en"] ?? []).filter(\.exactCase))
            return cues.contains { $0.matches(text: text, folded: folded) }
        }.map(\.slug)
    }
}
