/// CSV as RFC 4180 writes it (the same quoting as `bilat … --format csv`), CRLF-free: one line per row.
enum CSV {
    static func render(header: [String], rows: [[String]]) -> String {
        var out = header.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
        return out
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
