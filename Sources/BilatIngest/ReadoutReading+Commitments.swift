import Foundation

/// The commitments step: the sentences of joint agreement or of one side's undertaking, and who is bound.
extension ReadoutReading {

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
        /// Whether the name at `range` is marked as the one who acts: an agent particle after it (and its title)
        /// before the clause goes on.
        func markedAsAgent(_ range: Range<String.Index>) -> Bool {
            let after = folded[range.upperBound...].prefix(12).prefix { !"、，,「」『』".contains($0) }
            return profile.agentParticles.contains { after.contains($0) }
        }
        var marked = false
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
                if let r = folded.byteRange(of: TextFolding.fold(name)) {
                    let at = folded.distance(from: folded.startIndex, to: r.lowerBound)
                    guard at < verbStart else { continue }
                    if profile.agentParticles.isEmpty {
                        if best == nil || at < best!.0 { best = (at, party) }
                    } else {
                        // The marked agent nearest the verb; an unmarked name only while none is marked.
                        let isAgent = markedAsAgent(r)
                        if (isAgent && (!marked || at > best!.0)) || (!isAgent && !marked && (best == nil || at > best!.0)) {
                            best = (at, party)
                            marked = marked || isAgent
                        }
                    }
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
