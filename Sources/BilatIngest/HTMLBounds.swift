import Foundation

/// The shapes of page that libxml2 cannot read in bounded time, found in one pass over the bytes before
/// the page is handed to it: a tag with thousands of attributes (its HTML parser takes time quadratic in
/// the attributes of one element: 100,000 of them, in 1 MB, take half a minute) and elements nested
/// thousands deep. Real pages have a few attributes to a tag and nest a few dozen deep.
public enum HTMLBounds {
    /// The most attributes one tag may have.
    public static let maxAttributes = 1_000
    /// The deepest nesting of elements whose end tag is required.
    public static let maxDepth = 1_000

    /// Elements that have no end tag, or whose end tag may be left out: they do not count in the depth,
    /// since a page may leave a thousand `<p>` or `<li>` open without nesting anything.
    static let uncounted: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    ]

    /// Refuses a page of a shape libxml2 cannot read in bounded time, with the reason.
    public static func check(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            var i = 0
            var depth = 0
            func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
            func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
            /// The index after the first occurrence of `needle` (lower case ASCII) from `from`, or `n`.
            func skip(past needle: [UInt8], from: Int) -> Int {
                var j = from
                while j + needle.count <= n {
                    var k = 0
                    while k < needle.count, lower(b[j + k]) == needle[k] { k += 1 }
                    if k == needle.count { return j + needle.count }
                    j += 1
                }
                return n
            }
            while i < n {
                guard b[i] == 0x3C, i + 1 < n else { i += 1; continue }     // '<'
                if b[i + 1] == 0x21 {                                         // "<!": a comment or a declaration
                    i = i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D ? skip(past: Array("-->".utf8), from: i + 4) : skip(past: [0x3E], from: i + 2)
                    continue
                }
                let closing = b[i + 1] == 0x2F
                var j = i + (closing ? 2 : 1)
                guard j < n, isLetter(b[j]) else { i += 1; continue }
                let nameStart = j
                while j < n, !isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F { j += 1 }
                let name = String(decoding: b[nameStart..<j].map(lower), as: UTF8.self)
                // The attributes: each a name after white space, values in quotes passed over whole.
                var attributes = 0
                var selfClosing = false
                var afterSpace = false
                while j < n, b[j] != 0x3E {
                    let c = b[j]
                    if c == 0x22 || c == 0x27 {
                        j += 1
                        while j < n, b[j] != c { j += 1 }
                    } else if isSpace(c) {
                        afterSpace = true
                    } else {
                        if afterSpace, c != 0x3D, c != 0x2F {
                            attributes += 1
                            if attributes > maxAttributes {
                                throw IngestError.badHTML("the page has a <\(name)> tag with more than \(maxAttributes) attributes; a readout page has a few, and this one cannot be read in bounded time")
                            }
                        }
                        selfClosing = c == 0x2F
                        afterSpace = false
                    }
                    j += 1
                }
                i = j + 1
                if uncounted.contains(name) { continue }
                if closing {
                    depth = max(0, depth - 1)
                } else if !selfClosing {
                    depth += 1
                    if depth > maxDepth {
                        throw IngestError.badHTML("the page nests its elements more than \(maxDepth) deep; a readout page nests a few dozen, and this one cannot be read in bounded time")
                    }
                    // A script's or a style's text is not markup.
                    if name == "script" || name == "style" {
                        i = skip(past: Array("</\(name)".utf8), from: i)
                        depth -= 1
                    }
                }
            }
        }
    }
}
