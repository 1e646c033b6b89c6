import CLibXML2
import Foundation

/// What libxml2's nodes hold, read into Swift strings: for the pages (``HTMLReadout``) and the feeds
/// (BilatFetch's FeedDocument) Bilat reads.
public enum XMLNodes {
    /// The value of the attribute `name` of `node`, where it has one.
    public static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// The text inside `node`, its descendants' included.
    public static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }
}
