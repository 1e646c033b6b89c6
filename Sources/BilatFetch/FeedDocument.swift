import BilatIngest
import CLibXML2
import Foundation

/// The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, read with libxml2's XML parser: no network,
/// no external entities, nothing but the document's own elements.
public enum FeedDocument {
    /// The items of the feed in `bytes`, fetched from `url` (against which relative links are resolved),
    /// in the feed's order; a document that is no feed is refused.
    public static func items(_ bytes: Data, url: String) throws -> [FeedItem] {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), url, nil, options)
        }
        guard let document else { throw FetchError(url: url, reason: "not a feed: the answer is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw FetchError(url: url, reason: "not a feed: the document is empty") }
        let base = URL(string: url)
        switch name(root) {
        case "rss":
            return elements(root, "channel").flatMap { elements($0, "item") }.compactMap { rssItem($0, base: base) }
        case "RDF":
            return elements(root, "item").compactMap { rssItem($0, base: base) }
        case "feed":
            return elements(root, "entry").compactMap { atomEntry($0, base: base) }
        default:
            throw FetchError(url: url, reason: "not a feed: an RSS or Atom document was expected, not <\(name(root))>")
        }
    }

    static func rssItem(_ node: xmlNodePtr, base: URL?) -> FeedItem? {
        let link = child(node, "link").map(text) ?? attribute(node, "about")
        guard let link = link.flatMap({ absolute($0, base) }) else { return nil }
        let guid = child(node, "guid").map(text).flatMap { $0.isEmpty ? nil : $0 }
        let date = (child(node, "pubDate") ?? child(node, "date")).map(text).flatMap(day)
        return FeedItem(key: guid ?? link, link: link, title: child(node, "title").map(text), published: date)
    }

    static func atomEntry(_ node: xmlNodePtr, base: URL?) -> FeedItem? {
        let links = elements(node, "link")
        let page = links.first { (attribute($0, "rel") ?? "alternate") == "alternate" } ?? links.first
        guard let link = page.flatMap({ attribute($0, "href") }).flatMap({ absolute($0, base) }) else { return nil }
        let id = child(node, "id").map(text).flatMap { $0.isEmpty ? nil : $0 }
        let date = (child(node, "published") ?? child(node, "updated")).map(text).flatMap(day)
        return FeedItem(key: id ?? link, link: link, title: child(node, "title").map(text), published: date)
    }

    /// The day of a feed's date: ISO 8601 ("2024-12-03T10:00:00+09:00") or RFC 822 ("Tue, 3 Dec 2024 10:00:00 +0900"),
    /// as written (the publisher's own day, whatever the time zone).
    static func day(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let match = trimmed.prefixMatch(of: /(\d{4})-(\d\d)-(\d\d)/) { return "\(match.1)-\(match.2)-\(match.3)" }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let match = trimmed.firstMatch(of: /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/),
              let month = months.firstIndex(of: match.2.lowercased()), let dayNumber = Int(match.1) else { return nil }
        return String(format: "%@-%02d-%02d", String(match.3), month + 1, dayNumber)
    }

    static func absolute(_ link: String, _ base: URL?) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url.absoluteString
    }

    // MARK: libxml2

    /// An element's local name, as written ("item", "RDF", "pubDate").
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func elements(_ node: xmlNodePtr, _ local: String) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, name(c) == local { found.append(c) }
            child = c.pointee.next
        }
        return found
    }

    static func child(_ node: xmlNodePtr, _ local: String) -> xmlNodePtr? {
        elements(node, local).first
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        XMLNodes.attribute(node, name)
    }

    static func text(_ node: xmlNodePtr) -> String {
        XMLNodes.text(node).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
