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

    /// Whether `text` holds a clause word followed by a verb that opens a clause of its own ("and explained",
    /// "et a déclaré"): the language's `clause_conjunctions`, `clause_verbs` and `clause_verb_endings`.
    func startsNewClause(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        for (i, w) in words.enumerated() where profile.clauseConjunctions.contains(w) && i + 1 < words.count {
            let next = words[i + 1]
            if profile.clauseVerbEndings.contains(where: { next.hasSuffix($0) }) || profile.clauseVerbs.contains(next) { return true }
        }
        return false
    }

    /// The first `bytes` UTF-8 bytes of `text` (a cue's offset: always at a character's start).
    static func prefix(_ text: String, bytes: Int) -> Substring {
        text[..<text.utf8.index(text.utf8.startIndex, offsetBy: min(bytes, text.utf8.count))]
    }

    /// Where the last occurrence of `needle` in `text` ends, compared byte for byte (both are folded).
    static func endOfLastOccurrence(of needle: String, in text: Substring) -> Substring.Index? {
        let n = Array(needle.utf8)
        let hay = Array(text.utf8)
        guard !n.isEmpty, hay.count >= n.count else { return nil }
        for start in stride(from: hay.count - n.count, through: 0, by: -1) where hay[start..<(start + n.count)].elementsEqual(n) {
            return text.utf8.index(text.utf8.startIndex, offsetBy: start + n.count)
        }
        return nil
    }


    /// Who `sentence` binds. `principals` holds, for each principal, the words that name them (family name,
    /// and title where no other principal has it), so that "He and Foreign Minister Wong agreed …" reads as
    /// both sides and "President Biden pledged …" as one.
    func binding(of sentence: String, principals: [[String]] = []) -> Binding? {
        var sentence = sentence
        var folded = TextFolding.fold(sentence)
        // "shared their views on …" is an exchange of views, not a shared view: it is set aside before the verbs are read.
        for (phrase, foldedPhrase) in zip(profile.viewExchanges, profile.foldedViewExchanges) where folded.containsBytes(foldedPhrase) {
            let mask = String(repeating: " ", count: phrase.count)
            sentence = sentence.replacingOccurrences(of: phrase, with: mask, options: [.caseInsensitive])
            folded = folded.replacingOccurrences(of: TextFolding.fold(phrase), with: mask)
        }
        // "agreed", "shared the view", "sont convenus", "一致": joint whoever the subject is.
        if profile.inherentJointVerbs.matchesAny(text: sentence, folded: folded) { return .joint }
        if let verb = profile.jointVerbs.earliest(text: sentence, folded: folded) {
            // A joint subject before the verb: "Both sides confirmed", "they reaffirmed", "les deux parties … ont réaffirmé".
            // (Not when one speaker takes the verb after it: "We talked, and I reiterated …".)
            if let subject = profile.jointSubjects.earliest(text: sentence, folded: folded), subject.start <= verb.start {
                let subjectEnd = subject.start + subject.cue.needle.count
                let between = folded.utf8.dropFirst(subjectEnd).prefix(max(0, verb.start - subjectEnd))
                let words = String(decoding: between, as: UTF8.self).split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
                if !words.contains(where: { profile.singularSpeakers.contains(String($0)) }) { return .joint }
            }
            // Two principals joined before the verb: "He and Foreign Minister Wong confirmed …".
            let before = Self.prefix(folded, bytes: verb.start)
            let named = principals.filter { words in words.contains { !$0.isEmpty && before.containsBytes(TextFolding.fold($0)) } }
            if named.count >= 2 || (named.count == 1 && profile.pronounPairs.contains { before.contains($0) }) { return .joint }
        }
        if let undertaking = profile.unilateralVerbs.earliest(text: sentence, folded: folded) {
            // Thanks or wishes in the same clause make it no undertaking ("thanked him for his commitment to …"),
            // unless a new verb starts a clause of its own ("… and explained that he intends to …").
            let before = Self.prefix(folded, bytes: undertaking.start)
            for cue in profile.nonCommitment.cues {
                guard let end = Self.endOfLastOccurrence(of: cue.folded, in: before) else { continue }
                if !startsNewClause(String(before[end...])) { return nil }
            }
            let objectBound = profile.objectBoundVerbs.contains { undertaking.cue.folded.hasPrefix($0) || undertaking.cue.raw.hasPrefix($0) }
            // The verb's place in Characters, as the callers measure names in the sentence.
            let haystack = undertaking.cue.searchesText ? sentence : folded
            let start = Self.prefix(haystack, bytes: undertaking.start).count
            return .unilateral(verbStart: start, verbEnd: start + undertaking.cue.raw.count, objectBound: objectBound)
        }
        return nil
    }
}
