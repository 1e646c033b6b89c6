import Foundation

/// The query string of a request as ordered name–value pairs (`+` a space, percent escapes decoded), and
/// the links that change one parameter of it.
public struct WebQuery: Sendable, Equatable {
    public var items: [(name: String, value: String)]

    public static func == (a: WebQuery, b: WebQuery) -> Bool {
        a.items.map { [$0.name, $0.value] } == b.items.map { [$0.name, $0.value] }
    }

    public init(_ items: [(name: String, value: String)] = []) { self.items = items }

    /// Parses `a=1&b=two+words&c=%C3%A9`; pairs without a name are dropped.
    public init(parsing query: String?) {
        items = []
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            items.append((name, parts.count > 1 ? Self.decode(parts[1]) : ""))
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first non-empty value of `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }?.value
    }

    /// Every non-empty value of `name`.
    public func all(_ name: String) -> [String] {
        items.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    /// This query with `name` set to `value` (every other value of `name` removed; `nil` removes it).
    public func setting(_ name: String, _ value: String?) -> WebQuery {
        var copy = self
        copy.items.removeAll { $0.name == name }
        if let value { copy.items.append((name, value)) }
        return copy
    }

    /// This query with one more value of `name`.
    public func adding(_ name: String, _ value: String) -> WebQuery {
        var copy = self
        copy.items.append((name, value))
        return copy
    }

    /// This query without the value `value` of `name`.
    public func removing(_ name: String, _ value: String) -> WebQuery {
        var copy = self
        copy.items.removeAll { $0.name == name && $0.value == value }
        return copy
    }

    /// `?a=1&b=…` (empty when there is nothing), each part percent-encoded.
    public var string: String {
        items.isEmpty ? "" : "?" + items.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    /// `value` percent-encoded for a query string or a path segment.
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
