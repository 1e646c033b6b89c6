import Foundation

/// One published text about a meeting: where it came from and what it is as a publication.
///
/// A meeting has one or more readouts (both sides publish one, often in several languages); a record
/// lists them in import order, and its other fields refer to them by that index.
public struct ReadoutInfo: Codable, Equatable, Sendable {
    /// The base name of the file it was imported from ("-" for standard input).
    public var file: String
    /// The resolved absolute path of that file at import, where there was one.
    public var path: String?
    /// SHA-256 of the bytes as imported.
    public var sha256: String
    /// The canonical URL, where the readout or its page gives one.
    public var url: String?
    /// ISO 639-1 code of the text.
    public var language: String
    /// The readout's own title line, not a website's section heading.
    public var title: String?
    /// The code of the side that published it, where known (the page's site, its front matter).
    public var publisher: String?
    /// The publication date, `YYYY-MM-DD`, where the page or front matter gives one.
    public var published: String?
    /// UTC, ISO 8601; `nil` until the readout is stored.
    public var importedAt: String?

    public init(file: String, path: String?, sha256: String, url: String?, language: String, title: String?,
                publisher: String?, published: String?, importedAt: String?) {
        self.file = file
        self.path = path
        self.sha256 = sha256
        self.url = url
        self.language = language
        self.title = title
        self.publisher = publisher
        self.published = published
        self.importedAt = importedAt
    }

    enum CodingKeys: String, CodingKey {
        case file, path, sha256, url, language, title, publisher, published, importedAt = "imported_at"
    }

    /// The readout as export.md writes it, keys in the documented order.
    public var json: JSONValue {
        .object([
            ("file", .string(file)), ("path", .optional(path)), ("sha256", .string(sha256)), ("url", .optional(url)),
            ("language", .string(language)), ("title", .optional(title)), ("publisher", .optional(publisher)),
            ("published", .optional(published)), ("imported_at", .optional(importedAt)),
        ])
    }
}
