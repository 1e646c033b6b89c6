/// The frame every HTML page shares: head, navigation, the links to the page's JSON and CSV, and the stylesheet.
enum Layout {
    /// A whole page titled `title`; `api` is the path (with query) of its JSON, `csv` of its CSV when it is a table.
    static func page(title: String, api: String?, csv: String? = nil, search: String? = nil, _ content: [HTML]) -> HTML {
        let nav: [(String, String)] = [("/meetings", "Meetings"), ("/people", "People"), ("/parties", "Parties"),
                                       ("/topics", "Topics"), ("/commitments", "Commitments")]
        var data: [HTML] = []
        if let api { data.append(.el("a", [("href", api), ("class", "data-link")], text: "JSON")) }
        if let csv { data.append(.el("a", [("href", csv), ("class", "data-link")], text: "CSV")) }
        return .el("html", [("lang", "en")], [
            .el("head", [], [
                .el("meta", [("charset", "utf-8")]),
                .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .el("title", text: title + " · Bilat"),
                .el("link", [("rel", "stylesheet"), ("href", "/style.css")]),
            ]),
            .el("body", [], [
                .el("header", [], [
                    .el("a", [("href", "/"), ("class", "brand")], text: "Bilat"),
                    .el("nav", [], nav.map { .el("a", [("href", $0.0)], text: $0.1) }),
                    .el("form", [("action", "/search"), ("method", "get"), ("class", "search")], [
                        .el("input", [("type", "search"), ("name", "q"), ("value", search ?? ""), ("placeholder", "Search readouts"),
                                      ("aria-label", "Search readouts")]),
                        .el("button", [("type", "submit")], text: "Search"),
                    ]),
                ]),
                .el("main", [], [.el("div", [("class", "page-head")], [.el("h1", text: title), .el("span", [("class", "data")], data)])] + content),
                .el("footer", [], [.text("Bilat: a read-only view of the archive. Every page is also JSON under /api/….")]),
            ]),
        ])
    }

    /// A table with a header row; each cell is HTML.
    static func table(_ header: [String], _ rows: [[HTML]], className: String? = nil) -> HTML {
        .el("table", [("class", className)], [
            .el("thead", [], [.el("tr", [], header.map { .el("th", text: $0) })]),
            .el("tbody", [], rows.map { row in .el("tr", [], row.map { .el("td", [], [$0]) }) }),
        ])
    }

    /// A link to `href` reading `text`.
    static func link(_ href: String, _ text: String) -> HTML { .el("a", [("href", href)], text: text) }

    /// `/SEGMENT/VALUE` with the value percent-encoded.
    static func path(_ segment: String, _ value: String) -> String { "/" + segment + "/" + WebQuery.encode(value) }

    /// Links to the items' pages, comma-separated.
    static func links(_ segment: String, _ values: [String]) -> HTML {
        var parts: [HTML] = []
        for (index, value) in values.enumerated() {
            if index > 0 { parts.append(.text(", ")) }
            parts.append(link(path(segment, value), value))
        }
        return .join(parts)
    }

    /// The stylesheet (`/style.css`).
    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6474; --line: #dfe3ea; --accent: #3b6ea5; --bg: #fafbfc; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .6rem 1.5rem; background: #1d2330; }
        header a { color: #e8edf5; text-decoration: none; }
        header nav { display: flex; gap: 1rem; }
        header .brand { font-weight: 700; font-size: 1.15rem; }
        header form.search { margin-left: auto; display: flex; gap: .3rem; }
        input, button { font: inherit; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: white; border-color: var(--accent); }
        main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        footer { text-align: center; color: var(--muted); font-size: .85rem; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .4rem 0; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
        a { color: var(--accent); }
        .page-head { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
        .data-link { font-size: .8rem; border: 1px solid var(--line); border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; text-decoration: none; }
        table { border-collapse: collapse; width: 100%; background: white; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
        th { font-size: .8rem; text-transform: uppercase; color: var(--muted); }
        .layout { display: grid; grid-template-columns: 240px 1fr; gap: 1.5rem; }
        @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
        .facets section { margin-bottom: 1rem; }
        .facets h3 { font-size: .8rem; text-transform: uppercase; color: var(--muted); margin: .2rem 0; }
        .facets ul { list-style: none; margin: 0; padding: 0; }
        .facets li { display: flex; justify-content: space-between; gap: .5rem; font-size: .9rem; }
        .facets li.selected a { font-weight: 700; }
        .facets li.selected a::before { content: "✕ "; }
        .count { color: var(--muted); font-variant-numeric: tabular-nums; }
        .filters { margin: .3rem 0 .8rem; color: var(--muted); }
        .filters a { margin-right: .6rem; }
        .pager { display: flex; gap: 1rem; margin: .8rem 0; align-items: center; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; background: white; padding: .8rem; border: 1px solid var(--line); }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .readout-text { white-space: pre-wrap; background: white; border: 1px solid var(--line); padding: 1rem; font-family: Georgia, serif; line-height: 1.6; }
        mark { background: #fff1a8; border-bottom: 2px solid #e0b400; }
        mark.commitment { background: #d8f0dc; border-bottom-color: #3c9a4d; }
        mark.participant { background: #e3ecfa; border-bottom-color: #3b6ea5; }
        .snippet { color: var(--muted); }
        .tag { display: inline-block; background: #eef2f7; border-radius: 3px; padding: 0 .35rem; margin: 0 .2rem .2rem 0; font-size: .85rem; }
        .corrected { color: #8a5a00; font-size: .8rem; }
        .warning { background: #fff4e5; border: 1px solid #f0c27b; padding: .5rem .8rem; }
        svg.chart { width: 100%; max-width: 720px; height: auto; background: white; border: 1px solid var(--line); }
        svg.chart .chart-title { font-size: 13px; font-weight: 600; }
        .error { background: #fdecea; border: 1px solid #f5b7b1; padding: 1rem; }
        """
}
