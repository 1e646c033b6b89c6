/// The few edits the command line makes to text it writes, in the standard library alone: Foundation's
/// `replacingOccurrences(of:with:)` and `trimmingCharacters(in:)` go through `NSString` on Linux, whose
/// first use costs a short command more than its query (issue 15).
extension String {
    /// This text with every `scalar` replaced by `replacement`: the replacements the command line makes
    /// (`in_person` as "in person", line breaks in table cells, quotes doubled in CSV fields).
    /// Scalars are compared, as `NSString` compares code units: a `"\n"` inside `"\r\n"` is replaced too.
    func replacing(every scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var result = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == scalar { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(s) }
        }
        return String(result)
    }

    /// A value written with underscores as words: `in_person` as "in person".
    var asWords: String { replacing(every: "_", with: " ") }

    /// This text without the spaces and tabs at either end (a table line's padding).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
