import CLibXML2
import Foundation

/// What a saved web page gives: the readout's title, date line and body as text the readout grammar
/// reads, plus the page's provenance (canonical URL, publication date, language).
public struct HTMLPage: Sendable {
    public var title: String?
    /// The page's own URL: `<link rel=canonical>`, else `og:url`.
    public var url: String?
    /// The publication date, `YYYY-MM-DD`: `article:published_time`, `<time datetime>`, JSON-LD `datePublished`.
    public var published: String?
    /// `<html lang>`, as an ISO 639-1 code.
    public var language: String?
    /// The side that publishes on the page's site (gov.uk: GBR), when known.
    public var publisher: String?
    /// The readout as text: title line, then the main content with its headings, list items and paragraphs.
    public var text: String
}

/// Reads a saved HTML page with the system's libxml2 and keeps only the readout: navigation, menus,
/// footers, cookie banners, scripts, styles, share buttons and related links are left out. The main
/// content is found by a site profile (`Data/sites.json`) where one fits, else `<main>`/`<article>`,
/// else the block with the most paragraph text.
public enum HTMLReadout {
    /// Elements that never hold the readout.
    static let junkElements: Set<String> = ["script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe",
                                            "svg", "select", "template", "input", "label", "menu", "dialog", "head", "link", "meta"]
    /// Words in a class or id that mark navigation and page furniture.
    static let junkWords = ["nav", "menu", "breadcrumb", "footer", "sidebar", "share", "social", "sns", "cookie", "banner",
                            "related", "skip", "pagetop", "page-top", "print", "subscribe", "newsletter", "modal", "popup",
                            "advert", "promo", "masthead", "site-header", "global-header", "toolbar", "pager", "pagination", "tags"]
    static let blockElements: Set<String> = ["p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                                             "h6", "table", "tr", "blockquote", "dl", "dt", "dd", "header", "figure", "figcaption",
                                             "address", "pre", "hr", "body", "center", "time"]

    struct Site: Decodable { let content: [String]; let drop: [String]; let publisher: String? }
    struct SitesFile: Decodable { let sites: [String: Site]; let publisher_domains: [String: String] }

    static let profiles: SitesFile = {
        guard let json = EmbeddedData.files["sites.json"], let file = try? JSONDecoder().decode(SitesFile.self, from: Data(json.utf8)) else {
            return SitesFile(sites: [:], publisher_domains: [:])
        }
        return file
    }()

    /// The side that publishes on `host`: a site profile's publisher, else the government domain it ends with.
    static func publisher(host: String) -> String? {
        if let site = profiles.sites.first(where: { host == $0.key || host.hasSuffix("." + $0.key) })?.value, let p = site.publisher { return p }
        return profiles.publisher_domains.filter { host == $0.key || host.hasSuffix("." + $0.key) }.max { $0.key.count < $1.key.count }?.value
    }

    /// Reads `bytes` as an HTML page; `url` is where it was saved from, when known, and `charset` the
    /// character set its HTTP answer declared.
    public static func read(_ bytes: Data, url: String? = nil, charset: String? = nil) throws -> HTMLPage {
        if bytes.count > SourceDecoder.sizeLimit { throw IngestError.tooLarge(limit: SourceDecoder.sizeLimit) }
        guard !bytes.isEmpty, bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { throw IngestError.empty }
        try HTMLBounds.check(bytes)
        let encoding = try characterSet(of: bytes, declared: charset)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // libxml2 reports its errors to this thread's handler instead of printing them; an encoding error
        // means the page is cut short where the bytes stop fitting the character set, so it is refused.
        let errors = ParseErrors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque()) { context, error in
            guard let context, let error else { return }
            let errors = Unmanaged<ParseErrors>.fromOpaque(context).takeUnretainedValue()
            if error.pointee.domain == Int32(XML_FROM_I18N.rawValue) || error.pointee.code == Int32(XML_IO_ENCODER.rawValue)
                || error.pointee.code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
                errors.encoding = true
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: htmlDocPtr? = bytes.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), url, encoding, options)
        }
        if errors.encoding {
            if let document { xmlFreeDoc(document) }
            throw IngestError.badHTML("the page is not valid \(encoding) text, the character set it declares")
        }
        guard let document else { throw IngestError.badHTML("libxml2 could not read the page (character set \(encoding))") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw IngestError.badHTML("the page has no content") }
        var page = HTMLPage(title: nil, url: nil, published: nil, language: nil, publisher: nil, text: "")
        readMetadata(root, into: &page)
        // A site's root or a section's index given as the page's URL names no page of its own.
        if let canonical = page.url, !namesOnePage(canonical) { page.url = nil }
        if page.url == nil { page.url = url }
        let host = page.url.flatMap { URL(string: $0)?.host?.lowercased() }
        let site = host.flatMap { h in profiles.sites.first { h == $0.key || h.hasSuffix("." + $0.key) }?.value }
        page.publisher = host.flatMap(publisher(host:))
        let content = mainContent(root, site: site) ?? root
        let drops = (site?.drop ?? []).map(Selector.init)
        var lines: [String] = []
        var current = ""
        render(content, drops: drops, into: &lines, current: &current)
        flush(&current, into: &lines)
        let heading = firstHeading(content)
        page.title = heading ?? page.title
        // The page's title line comes first, as in a readout's text; a heading equal to it is not repeated.
        if let title = page.title, let first = lines.first, normalize(first) == normalize(title) { lines.removeFirst() }
        let body = lines.filter { !$0.isEmpty }
        guard !body.isEmpty else { throw IngestError.badHTML("no readout text was found in the page") }
        page.text = ([page.title].compactMap { $0 } + body).joined(separator: "\n") + "\n"
        return page
    }

    /// Whether a page's canonical URL names that page alone. Some sites give every page the URL of the
    /// site's root or of a section's index as `og:url`; taken as the page's place, it would make all
    /// those pages one readout, each replacing the last.
    public static func namesOnePage(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), components.host != nil else { return false }
        let last = components.path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        return !last.isEmpty && !indexDocuments.contains(last)
    }

    /// The names servers give a folder's own page.
    private static let indexDocuments: Set<String> = [
        "index.html", "index.htm", "index.shtml", "index.php", "index.asp", "index.aspx", "default.htm", "default.html",
        "default.asp", "default.aspx",
    ]

    /// What libxml2 reported while reading one page.
    final class ParseErrors {
        var encoding = false
    }

    // MARK: Encodings

    /// The page's character set: a byte-order mark, else the one its HTTP answer declared, else
    /// `<meta charset>` (or the http-equiv form), else UTF-8 when the bytes are valid UTF-8 (the order
    /// browsers follow). Anything else cannot be read without guessing.
    static func characterSet(of bytes: Data, declared: String? = nil) throws -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        let pattern = Pattern(#"<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)"#)
        if let name = declared ?? pattern.firstMatch(in: head).flatMap({ $0.group(1) ?? $0.group(2) }) {
            let upper = name.uppercased()
            let known = ["UTF-8", "UTF8", "SHIFT_JIS", "SHIFT-JIS", "SJIS", "X-SJIS", "CP932", "WINDOWS-31J", "EUC-JP", "ISO-2022-JP",
                         "WINDOWS-1252", "CP1252", "ISO-8859-1", "LATIN1", "ISO-8859-15", "US-ASCII", "ASCII", "UTF-16", "WINDOWS-1250", "ISO-8859-2"]
            guard known.contains(upper) else { throw IngestError.badHTML("the page's character set \(name) is not one Bilat can decode") }
            switch upper {
            case "SJIS", "X-SJIS", "SHIFT-JIS": return "SHIFT_JIS"
            case "UTF8": return "UTF-8"
            // Pages that say ISO-8859-1 are in practice Windows-1252 (the WHATWG rule browsers follow).
            case "ISO-8859-1", "LATIN1", "US-ASCII", "ASCII": return "WINDOWS-1252"
            default: return upper
            }
        }
        guard String(data: bytes, encoding: .utf8) != nil else {
            throw IngestError.badHTML("the page declares no character set and is not UTF-8")
        }
        return "UTF-8"
    }

    // MARK: Metadata

    static func readMetadata(_ root: xmlNodePtr, into page: inout HTMLPage) {
        if let lang = attribute(root, "lang") ?? attribute(root, "xml:lang") {
            let code = String(lang.lowercased().prefix(2))
            if code.count == 2 && code.allSatisfy(\.isLetter) { page.language = code }
        }
        var pageTitle: String?
        var ogTitle: String?
        walk(root) { node, name in
            switch name {
            case "title" where pageTitle == nil:
                pageTitle = text(of: node)
            case "link":
                if attribute(node, "rel")?.lowercased().split(separator: " ").contains("canonical") == true, let href = attribute(node, "href") {
                    page.url = href
                }
            case "meta":
                let key = (attribute(node, "property") ?? attribute(node, "name") ?? attribute(node, "itemprop") ?? "").lowercased()
                guard let value = attribute(node, "content"), !value.isEmpty else { break }
                switch key {
                case "og:url" where page.url == nil: page.url = value
                case "og:title": ogTitle = value
                case "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "pubdate":
                    if page.published == nil { page.published = isoDay(value) }
                default: break
                }
            case "time" where page.published == nil:
                if let value = attribute(node, "datetime") { page.published = isoDay(value) }
            case "script":
                if attribute(node, "type")?.lowercased() == "application/ld+json", page.published == nil {
                    let json = text(of: node)
                    if let m = Pattern(#""datePublished"\s*:\s*"([^"]+)""#).firstMatch(in: json), let value = m.group(1) {
                        page.published = isoDay(value)
                    }
                }
            default: break
            }
            return true
        }
        // "Readout of the call | The White House": the part before the site's name.
        let title = ogTitle ?? pageTitle.map { t in
            for separator in [" | ", " – ", " — ", " - "] where t.contains(separator) {
                return String(t.components(separatedBy: separator).first ?? t)
            }
            return t
        }
        page.title = title.map(normalize).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `2025-04-09T10:00:00+09:00` → `2025-04-09`.
    static func isoDay(_ value: String) -> String? {
        guard let m = Pattern(#"^\s*(\d{4})-(\d{2})-(\d{2})"#).firstMatch(in: value), let y = m.group(1), let mo = m.group(2), let d = m.group(3),
              let day = DayMention(year: Int(y), month: Int(mo)!, day: Int(d)!, position: 0).iso else { return nil }
        return day
    }

    // MARK: Main content

    /// A CSS-like selector of a site profile: `tag`, `#id`, `.class`, `tag#id`, `tag.class`.
    struct Selector {
        let tag: String?
        let id: String?
        let className: String?

        init(_ text: String) {
            var tag = text
            var id: String?
            var className: String?
            if let hash = text.firstIndex(of: "#") { id = String(text[text.index(after: hash)...]); tag = String(text[..<hash]) }
            if let dot = tag.firstIndex(of: ".") { className = String(tag[tag.index(after: dot)...]); tag = String(tag[..<dot]) }
            self.tag = tag.isEmpty ? nil : tag.lowercased()
            self.id = id
            self.className = className
        }

        func matches(_ node: xmlNodePtr, name: String) -> Bool {
            if let tag, tag != name { return false }
            if let id, HTMLReadout.attribute(node, "id") != id { return false }
            if let className, !(HTMLReadout.attribute(node, "class")?.split(separator: " ").contains { $0 == className } ?? false) { return false }
            return true
        }
    }

    static func mainContent(_ root: xmlNodePtr, site: Site?) -> xmlNodePtr? {
        for selector in (site?.content ?? []).map(Selector.init) {
            if let node = first(root, where: { selector.matches($0, name: $1) }) { return node }
        }
        if let main = first(root, where: { $1 == "main" || attribute($0, "role") == "main" }), paragraphText(main) > 80 { return main }
        var articles: [xmlNodePtr] = []
        walk(root) { node, name in
            if isJunk(node, name: name) { return false }
            if name == "article" { articles.append(node) }
            return true
        }
        if let best = articles.max(by: { paragraphText($0) < paragraphText($1) }), paragraphText(best) > 80 { return best }
        return densestBlock(root)
    }

    /// The element whose paragraphs hold the most text: each paragraph, list item or heading counts for
    /// its parent, and half for its grandparent.
    static func densestBlock(_ root: xmlNodePtr) -> xmlNodePtr? {
        var scores: [xmlNodePtr: Int] = [:]
        walk(root) { node, name in
            if isJunk(node, name: name) { return false }
            if ["p", "li", "h1", "h2", "h3", "h4", "blockquote", "dd", "pre"].contains(name) || (name == "div" && hasOnlyInlineChildren(node)) {
                let length = text(of: node).count - 2 * linkText(node)
                if length > 0, let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
                    scores[parent, default: 0] += length
                    if let grand = parent.pointee.parent, grand.pointee.type == XML_ELEMENT_NODE { scores[grand, default: 0] += length / 2 }
                }
                return false
            }
            return true
        }
        guard var best = scores.max(by: { $0.value < $1.value })?.key else { return nil }
        // An article in several parts ("1. Announcements", "2. Questions and answers", each a <section>):
        // the part with the most text is one of them, and the article is their parent.
        while let parent = best.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE, !["body", "html"].contains(name(of: parent)),
              !isJunk(parent, name: name(of: parent)) {
            let kind = name(of: best)
            var sibling = parent.pointee.children
            var anotherPart = false
            while let s = sibling, !anotherPart {
                if s != best, s.pointee.type == XML_ELEMENT_NODE, name(of: s) == kind, !isJunk(s, name: kind), paragraphText(s) > 80 { anotherPart = true }
                sibling = s.pointee.next
            }
            guard anotherPart else { break }
            best = parent
        }
        return best
    }

    static func paragraphText(_ node: xmlNodePtr) -> Int {
        var total = 0
        walk(node) { n, name in
            if isJunk(n, name: name) { return false }
            if ["p", "li", "h1", "h2", "h3", "dd", "blockquote"].contains(name) { total += text(of: n).count; return false }
            return true
        }
        return total
    }

    static func hasOnlyInlineChildren(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        var hasText = false
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, blockElements.contains(name(of: c)) { return false }
            if c.pointee.type == XML_TEXT_NODE, !text(of: c).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { hasText = true }
            child = c.pointee.next
        }
        return hasText
    }

    static func isJunk(_ node: xmlNodePtr, name: String) -> Bool {
        if junkElements.contains(name) { return true }
        // The page itself and its main region are never junk, whatever their classes say of the layout
        // ("no-sidebars", "page-with-menu").
        if name == "body" || name == "html" || name == "main" { return false }
        if name == "header", first(node, where: { $1 == "h1" }) == nil { return true }
        if attribute(node, "aria-hidden") == "true" || attribute(node, "hidden") != nil { return true }
        let marks = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "") + " " + (attribute(node, "role") ?? "")).lowercased()
        guard !marks.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        // A class that says what is absent ("no-sidebars", "has-no-share") marks nothing.
        let words = marks.split(whereSeparator: { $0 == " " }).filter { !$0.hasPrefix("no-") && !$0.hasPrefix("has-no-") }
        return junkWords.contains { junk in words.contains { $0.contains(junk) } } || words.contains("navigation") || words.contains("banner")
    }

    // MARK: Text

    /// Writes the text of `node` as lines: a line per block; list items as "- item"; headings alone on a line.
    static func render(_ node: xmlNodePtr, drops: [Selector], into lines: inout [String], current: inout String) {
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                current += text(of: c)
            case XML_ELEMENT_NODE:
                let name = name(of: c)
                if isJunk(c, name: name) || drops.contains(where: { $0.matches(c, name: name) }) { continue }
                if name == "br" { flush(&current, into: &lines); continue }
                if name == "img" { continue }
                let block = blockElements.contains(name)
                if block { flush(&current, into: &lines) }
                if name == "li" { current += "- " }
                if name == "td" || name == "th" { current += " " }
                render(c, drops: drops, into: &lines, current: &current)
                if block { flush(&current, into: &lines) }
            default:
                break
            }
        }
    }

    static func flush(_ current: inout String, into lines: inout [String]) {
        let line = normalize(current)
        if !line.isEmpty && line != "-" { lines.append(line) }
        current = ""
    }

    /// White space folded to single spaces, as a browser shows it.
    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{3000}" }).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    static func firstHeading(_ node: xmlNodePtr) -> String? {
        guard let h1 = first(node, where: { $1 == "h1" }) else { return nil }
        let t = normalize(text(of: h1))
        return t.isEmpty ? nil : t
    }

    static func linkText(_ node: xmlNodePtr) -> Int {
        var total = 0
        walk(node) { n, name in
            if name == "a" { total += text(of: n).count; return false }
            return true
        }
        return total
    }

    // MARK: libxml2

    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        XMLNodes.attribute(node, name)
    }

    static func text(of node: xmlNodePtr) -> String {
        XMLNodes.text(node)
    }

    /// Visits element nodes depth first; `visit` returns whether to go into the node's children.
    static func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr, String) -> Bool) {
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast() {
            if n.pointee.type == XML_ELEMENT_NODE, !visit(n, name(of: n)) { continue }
            var children: [xmlNodePtr] = []
            var child = n.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { children.append(c) }
                child = c.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    static func first(_ node: xmlNodePtr, where test: (xmlNodePtr, String) -> Bool) -> xmlNodePtr? {
        var found: xmlNodePtr?
        walk(node) { n, name in
            if found != nil { return false }
            if test(n, name) { found = n; return false }
            return true
        }
        return found
    }
}
