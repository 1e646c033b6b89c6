import BilatIngest
import Foundation

/// Writes rows in the formats of cli.md: aligned tables, JSON arrays, NDJSON lines, RFC 4180 CSV.
enum Output {
    /// Standard output goes through one buffer (Swift's print), so lines keep their order.
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    static func line(_ text: String = "") {
        print(text)
    }

    /// A JSON array of `items`, pretty-printed.
    static func jsonArray(_ items: [JSONValue]) {
        line(JSONValue.array(items).rendered(pretty: true))
    }

    /// One JSON object a line.
    static func ndjson(_ items: [JSONValue]) {
        for item in items { line(item.rendered()) }
    }

    /// A header row and one row a record; fields quoted when they hold a comma, a quote or a line break.
    static func csv(header: [String], rows: [[String]]) {
        line(header.map(csvField).joined(separator: ","))
        for row in rows { line(row.map(csvField).joined(separator: ",")) }
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// An aligned table. On a terminal (or within `$COLUMNS`) the widest columns are cut with … to fit its
    /// width, never a `fixed` one (an id the user types again); elsewhere every value is written in full.
    static func table(header: [String], rows: [[String]], fixed: Set<Int> = []) {
        let cells = ([header] + rows).map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } }
        var widths = header.indices.map { column in cells.map { displayWidth($0[column]) }.max() ?? 0 }
        if let terminal = Console.width {
            let spacing = 2 * (header.count - 1)
            while widths.reduce(0, +) + spacing > terminal,
                  let widest = widths.indices.filter({ !fixed.contains($0) }).max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
                widths[widest] -= 1
            }
        }
        for (index, row) in cells.enumerated() {
            let text = row.indices.map { column -> String in
                let value = fit(row[column], widths[column])
                return column == row.count - 1 ? value : pad(value, widths[column])
            }.joined(separator: "  ")
            line(text.trimmingCharacters(in: .whitespaces))
            if index == 0 { line(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
        }
    }

    /// Columns a string takes on a terminal: wide (CJK) characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if scalar.properties.generalCategory == .nonspacingMark { return width }
            return width + (isWide(scalar) ? 2 : 1)
        }
    }

    /// East Asian wide and full-width characters, and emoji shown as pictures, take two columns.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F680...0x1F6FF, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = ""
        for c in text {
            if displayWidth(out + String(c)) > width - 1 { break }
            out.append(c)
        }
        return out + "…"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }
}

extension JSONValue {
    /// The value as a cell of a table or CSV: a string as it is, null as nothing, anything else as JSON.
    var cellText: String {
        switch self {
        case .string(let text): return text
        case .null: return ""
        default: return rendered()
        }
    }
}

extension Participant {
    /// "Shigeru Ishiba (JPN)".
    var label: String { party.map { "\(name) (\($0))" } ?? name }
}
