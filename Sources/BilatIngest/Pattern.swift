import Foundation

/// A compiled regular expression (ICU syntax, as NSRegularExpression) with String-friendly results.
struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as thread-safe.
    let regex: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = true) {
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if caseInsensitive { options.insert(.caseInsensitive) }
        do { regex = try NSRegularExpression(pattern: pattern, options: options) } catch {
            fatalError("invalid built-in pattern \(pattern): \(error)")
        }
    }

    /// One match: the whole range and each capture group (nil when the group did not take part).
    struct Match {
        let range: Range<String.Index>
        let groups: [Range<String.Index>?]
        let text: String

        var value: String { String(text[range]) }
        func group(_ i: Int) -> String? { groups[i].map { String(text[$0]) } }
    }

    func matches(in text: String) -> [Match] {
        let ns = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: ns).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
            return Match(range: range, groups: groups, text: text)
        }
    }

    func firstMatch(in text: String) -> Match? {
        let ns = NSRange(text.startIndex..., in: text)
        guard let result = regex.firstMatch(in: text, range: ns), let range = Range(result.range, in: text) else { return nil }
        return Match(range: range, groups: (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }, text: text)
    }

    /// `words` as an alternation, longest first, each escaped.
    static func alternation(_ words: some Sequence<String>) -> String {
        words.sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    }
}
