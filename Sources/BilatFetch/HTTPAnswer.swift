import Foundation

/// A server's answer to a GET: its status, the URL it came from after redirects, its headers and body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    /// The URL of the answer, after any redirects.
    public var url: String
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    /// The media type of `Content-Type`, in lower case, without its parameters ("text/html").
    public var mediaType: String? {
        headers["content-type"].map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The `charset` parameter of `Content-Type`, where given ("Shift_JIS").
    public var charset: String? {
        guard let type = headers["content-type"] else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }

    /// Whether the answer is a web page (HTML or XHTML) rather than a document of another kind.
    public var isPage: Bool {
        guard let type = mediaType else { return true }
        return type == "text/html" || type == "application/xhtml+xml"
    }
}
