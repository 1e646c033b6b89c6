/// What the name grammar of every language shares, built once from the known people and all the
/// profiles (``LanguageData/personNames``) rather than once for each language's ``PersonExtractor``:
/// an import that reads one short readout spent a quarter of its time building these three times.
struct PersonNameTables: Sendable {
    /// Known people's names as keys (given name first and family name first), by their first two
    /// Characters, and those of three Characters or more by their first three: a word of three letters or
    /// more is compared with the names that begin as it does only.
    let knownTargets: [String: [String]]
    let knownTargetsByThree: [String: [String]]
    /// The honorifics of every language as folded token sequences, longest first, by their first token.
    let honorifics: [String: [[String]]]
    /// Words that are never a name: every language's title words, months and weekdays, and function words.
    let stopNames: Set<String>

    init(people: [KnownPerson], languages: [String: LanguageProfile]) {
        var targets: [String: [String]] = [:]
        var targetsByThree: [String: [String]] = [:]
        for person in people {
            for target in Set([(person.givenWords + person.familyWords).joined(), (person.familyWords + person.givenWords).joined()]) where target.count >= 2 {
                targets[String(target.prefix(2)), default: []].append(target)
                if target.count >= 3 { targetsByThree[String(target.prefix(3)), default: []].append(target) }
            }
        }
        knownTargets = targets
        knownTargetsByThree = targetsByThree
        honorifics = Self.phraseIndex(languages.values.flatMap(\.honorifics))
        var stop = Set(languages.values.flatMap { p in p.titles.flatMap { Tokenizer.tokens($0).map(\.folded) } })
        stop.formUnion(languages.values.flatMap { $0.fullMonthWords + Array($0.weekdays.keys) })
        stop.formUnion(["the", "le", "la", "les", "l'", "il", "elle", "they", "he", "she", "both", "his", "her", "their", "and", "et",
                        "on", "in", "at", "with", "avec", "en", "au", "of", "de", "du", "des", "a", "an", "this", "that", "ce", "cette",
                        "readout", "press", "release", "statement", "meeting", "rencontre", "entretien", "call", "talks", "summit",
                        "sommet", "office", "spokesperson", "following", "after", "during", "lors", "today", "aujourd'hui",
                        "monsieur", "madame", "excellency", "majesty", "royal", "highness", "government", "gouvernement",
                        "foreign", "affairs", "affaires", "etrangeres", "defense", "defence", "national", "security", "state", "etat",
                        "republic", "republique", "kingdom", "federal", "federation", "union", "council", "commission", "ministry",
                        "minister", "ministre", "department", "house", "white", "downing", "street", "g7", "g20", "g8", "jr.", "jr"])
        stopNames = stop
    }

    /// `phrases` as folded token sequences, longest first, grouped by their first token.
    static func phraseIndex(_ phrases: [String]) -> [String: [[String]]] {
        let sequences = phrases.map { Tokenizer.tokens($0).map(\.folded) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        return Dictionary(grouping: sequences, by: { $0[0] })
    }
}
