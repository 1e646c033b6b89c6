import Foundation

/// Tags text with topics of the vocabulary by their cue words (`Data/topics.json`).
struct TopicTagger: Sendable {
    /// The slugs of the vocabulary, in its order.
    private let slugs: [String]
    /// Every cue of every topic (its own language's, plus English acronyms such as G7), and the cues that
    /// leave a sentence to another topic, searched in one pass.
    private let cues: CueSet
    /// For each cue of `cues`: the topic it belongs to, whether it is an `unless` cue, and the party it only
    /// names (a name cue of a party's topic).
    private let owners: [(topic: Int, unless: Bool, names: String?)]

    init(topics: [Topic], language: String) {
        var all: [Cue] = []
        var owners: [(topic: Int, unless: Bool, names: String?)] = []
        for (index, topic) in topics.enumerated() {
            let names = Set((topic.nameCues[language] ?? []).map(\.raw))
            let cues = (topic.cues[language] ?? []) + (language == "en" ? [] : (topic.cues["en"] ?? []).filter(\.exactCase))
            all += cues
            owners += cues.map { (index, false, names.contains($0.raw) ? topic.party : nil) }
            let unless = topic.unless[language] ?? []
            all += unless
            owners += unless.map { _ in (index, true, nil) }
        }
        slugs = topics.map(\.slug)
        cues = CueSet(all)
        self.owners = owners
    }

    /// The slugs whose cues occur in `text` (and none of their `unless` cues), in vocabulary order. A cue
    /// that only names one of `sides` counts for nothing.
    func topics(of text: String, sides: Set<String> = []) -> [String] {
        var cued = Set<Int>()
        var left = Set<Int>()
        for match in cues.firstMatches(text: text, folded: TextFolding.fold(text)) {
            let owner = owners[match.index]
            if let named = owner.names, sides.contains(named) { continue }
            if owner.unless { left.insert(owner.topic) } else { cued.insert(owner.topic) }
        }
        return slugs.indices.filter { cued.contains($0) && !left.contains($0) }.map { slugs[$0] }
    }
}
