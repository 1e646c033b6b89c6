import BilatIngest

/// Where a fact's words lie in a readout's text, counted as SQLite counts text (code points, from 1), so
/// that the archive keeps the place instead of a copy and reads the words back with `substr` (the
/// `commitments` view, evidence).
enum TextPlace {
    /// The first place of `words` in `body`: `start` as SQLite's `instr(body, words)` gives it and `length`
    /// as its `length(words)`; `nil` when the body does not hold the words.
    ///
    /// Found by bytes, then counted in code points (every byte that does not continue one): `instr`
    /// compares bytes too, and a match of whole UTF-8 text always starts a code point.
    static func of(_ words: String, in body: String) -> (start: Int, length: Int)? {
        guard let offset = body.utf8Offset(of: words) else { return nil }
        return (codePoints(body.utf8.prefix(offset)) + 1, sqliteLength(words))
    }

    /// SQLite's `length()` of a text: its code points up to the first NUL, where SQLite stops counting.
    private static func sqliteLength(_ text: String) -> Int {
        codePoints(text.utf8.prefix { $0 != 0 })
    }

    private static func codePoints(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
