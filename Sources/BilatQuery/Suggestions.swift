import BilatIngest
import Foundation

/// The valid values nearest to one a person mistyped, for "did you mean …?" in error messages.
public enum Suggestions {
    /// Up to `limit` of `candidates` nearest to `word` (case- and accent-insensitive): those that start
    /// with it or hold it, then those within a few edits, nearest first.
    public static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let key = TextFolding.key(word)
        guard !key.isEmpty else { return [] }
        var scored: [(score: Int, candidate: String)] = []
        for candidate in candidates {
            let other = TextFolding.key(candidate)
            if other == key { return [candidate] }
            if other.hasPrefix(key) || key.hasPrefix(other) && other.count >= 3 {
                scored.append((0, candidate))
            } else if key.count >= 3 && other.contains(key) {
                scored.append((1, candidate))
            } else {
                // A word mistyped whole, or the start of a longer one mistyped ("durration" for duration_minutes).
                let whole = editDistance(Array(key), Array(other))
                let start = key.count >= 4 && other.count > key.count ? editDistance(Array(key), Array(other.prefix(key.count))) : whole
                let distance = min(whole, start + 1)
                if distance <= max(1, key.count / 3) { scored.append((1 + distance, candidate)) }
            }
        }
        var seen = Set<String>()
        // Nearest first; among equals, the one closest in length ("meetings" before "meeting_topics" for "meeting").
        func gap(_ candidate: String) -> Int { abs(candidate.count - word.count) }
        return scored.sorted { ($0.score, gap($0.candidate), $0.candidate) < ($1.score, gap($1.candidate), $1.candidate) }.map(\.candidate)
            .filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// "; did you mean X or Y?", or nothing when no candidate is near.
    public static func hint(for word: String, among candidates: [String]) -> String {
        let near = nearest(to: word, among: candidates)
        guard !near.isEmpty else { return "" }
        return "; did you mean " + (near.count == 1 ? near[0] : near.dropLast().joined(separator: ", ") + " or " + near.last!) + "?"
    }

    /// Edit distance: insertions, deletions, substitutions and swaps of two neighbours ("yaer" for "year"),
    /// each one edit (the optimal string alignment distance).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(0...b.count)
        var previous = beforePrevious
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
