/// A fragment of HTML built so that text is escaped by default: ``text(_:)`` and every attribute value are
/// escaped; only ``raw(_:)`` (for markup this module writes itself) is not. Readouts are untrusted input:
/// a title holding `<script>` or `onerror=` shows as text.
public struct HTML: Sendable, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    private init(markup: String) { self.markup = markup }

    public var description: String { markup }

    /// Nothing.
    public static let empty = HTML(markup: "")

    /// `value` as text: `&`, `<`, `>`, `"` and `'` escaped.
    public static func text(_ value: String) -> HTML { HTML(markup: escape(value)) }

    /// Markup written by this module (never text from a readout or a request).
    static func raw(_ markup: String) -> HTML { HTML(markup: markup) }

    /// The element `name` with its attributes (values escaped; a `nil` value leaves the attribute out) and content.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ content: [HTML] = []) -> HTML {
        var out = "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            out += " " + key + "=\"" + escape(value) + "\""
        }
        out += ">"
        if voidElements.contains(name) { return HTML(markup: out) }
        for part in content { out += part.markup }
        out += "</" + name + ">"
        return HTML(markup: out)
    }

    /// The element `name` holding the text `text`.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTML {
        el(name, attributes, [.text(text)])
    }

    /// The fragments one after another.
    static func join(_ parts: [HTML]) -> HTML { HTML(markup: parts.map(\.markup).joined()) }

    static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.markup + b.markup) }

    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "link", "meta"]

    /// `value` with the five characters that matter in HTML text and attribute values escaped.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
