import BilatIngest
import Foundation

/// Writes rows in the formats of cli.md: aligned tables, JSON arrays, NDJSON lines, RFC 4180 CSV.
enum Output {
    /// Where standard output's text goes: Swift's print (one buffer, so lines keep their order), or a
    /// test's buffer when a test runs commands in its own process (with ``Console/sink``).
    nonisolated(unsafe) static var sink: (String) -> Void = { print($0, terminator: "") }

    static func write(_ text: String) {
        sink(text)
    }

    static func line(_ text: String = "") {
        sink(text + "\n")
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
        return "\"" + value.replacing(every: "\"", with: "\"\"") + "\""
    }

    /// An aligned table. On a terminal (or within `$COLUMNS`) the widest columns are cut with … to fit its
    /// width, never a `fixed` one (an id the user types again); elsewhere every value is written in full.
    static func table(header: [String], rows: [[String]], fixed: Set<Int> = []) {
        for text in tableLines(header: header, rows: rows, fixed: fixed, width: Console.width) { line(text) }
    }

    /// The lines of ``table(header:rows:fixed:)`` for a terminal `width` columns wide (`nil`: no limit).
    /// The longest column not `fixed` is cut first, a column at a time, down to 8 columns at least.
    static func tableLines(header: [String], rows: [[String]], fixed: Set<Int> = [], width: Int?) -> [String] {
        let cells = ([header] + rows).map { $0.map { $0.replacing(every: "\n", with: " ") } }
        var widths = header.indices.map { column in cells.map { displayWidth($0[column]) }.max() ?? 0 }
        if let width {
            let spacing = 2 * (header.count - 1)
            while widths.reduce(0, +) + spacing > width,
                  let widest = widths.indices.filter({ !fixed.contains($0) }).max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
                widths[widest] -= 1
            }
        }
        var lines: [String] = []
        for (index, row) in cells.enumerated() {
            let text = row.indices.map { column -> String in
                let value = fit(row[column], widths[column])
                return column == row.count - 1 ? value : pad(value, widths[column])
            }.joined(separator: "  ")
            lines.append(text.trimmingSpaces)
            if index == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
        }
        return lines
    }

    /// Columns a string takes on a terminal, a character (grapheme) at a time: two for East Asian wide
    /// and full-width characters and for emoji shown as pictures (a flag, a skin tone or a family
    /// joined with ZWJ is one character), one for the others.
    static func displayWidth(_ text: String) -> Int {
        // Printable ASCII (most cells) takes a column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { width, character in width + displayWidth(character) }
    }

    static func displayWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .format }) { return 0 }
        if scalars.contains(where: isWide) { return 2 }
        // An emoji shown as a picture: by default, or asked for with the variation selector U+FE0F.
        if scalars.first?.properties.isEmojiPresentation == true || scalars.contains(where: { $0.value == 0xFE0F }) && scalars.count > 1 { return 2 }
        return 1
    }

    /// East Asian wide and full-width characters take two columns.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// `text` cut to `width` columns, ending in … when cut; a wide character never sticks out.
    static func fit(_ text: String, _ width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text.utf8.prefix(max(0, width - 1)))! + "…" }
        var out = ""
        var used = 0
        for c in text {
            let w = displayWidth(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
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
