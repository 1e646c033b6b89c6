import BilatIngest
import Foundation

/// Rows of one shape, as every listing command hands them to ``Output/write(_:format:)``: its columns, a
/// row of values for each item, and each item as a JSON object. One renderer writes them in each format
/// (as sqlite-utils has one `output_rows` for every command).
struct Listing {
    /// A column: its name in CSV and JSON, its header in the table, and where it shows.
    struct Column {
        /// The name in the CSV header and the JSON objects.
        let key: String
        /// The table's header (the key in capitals when not given).
        let title: String
        /// An id the user types again (`bilat show ID`): never cut in a table.
        let isID: Bool
        /// Whether the column shows in the table and in CSV (a table leaves out what is long and rarely read).
        let inTable: Bool
        let inCSV: Bool

        init(_ key: String, title: String? = nil, id: Bool = false, table: Bool = true, csv: Bool = true) {
            self.key = key
            self.title = title ?? key.uppercased().asWords
            self.isID = id
            self.inTable = table
            self.inCSV = csv
        }
    }

    var columns: [Column]
    /// The values of each row, in the columns' order: text, numbers, lists (joined with ", " in a table and
    /// ";" in CSV) or null ("—" in a table, empty in CSV).
    var rows: [[JSONValue]]
    /// Each row as JSON, where it has more than its columns (a meeting's participants as objects); by
    /// default the CSV columns and their values.
    var objects: [JSONValue]?
    /// What the table says on standard error when there is no row ("no meetings match").
    var empty: String
    /// How many items there are, when the rows are cut to a limit: a table then says "20 of 601 shown".
    var total: Int?

    init(_ columns: [Column], rows: [[JSONValue]], objects: [JSONValue]? = nil, empty: String, total: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.objects = objects
        self.empty = empty
        self.total = total
    }

    /// The rows as JSON objects.
    var json: [JSONValue] {
        objects ?? rows.map { row in
            .object(zip(columns, row).filter { $0.0.inCSV }.map { ($0.0.key, $0.1) })
        }
    }
}

extension Output {
    /// Writes `listing` in `format`; a table that is cut says how many there are, and how to see more.
    static func write(_ listing: Listing, format: OutputFormat) {
        switch format {
        case .json: jsonArray(listing.json)
        case .ndjson: ndjson(listing.json)
        case .csv:
            let shown = listing.columns.indices.filter { listing.columns[$0].inCSV }
            csv(header: shown.map { listing.columns[$0].key }, rows: listing.rows.map { row in shown.map { csvText(row[$0]) } })
        case .table:
            if listing.rows.isEmpty {
                Console.note(listing.empty)
                return
            }
            let shown = listing.columns.indices.filter { listing.columns[$0].inTable }
            table(header: shown.map { listing.columns[$0].title }, rows: listing.rows.map { row in shown.map { tableText(row[$0]) } },
                  fixed: Set(shown.indices.filter { listing.columns[shown[$0]].isID }))
            if let total = listing.total, total > listing.rows.count {
                Console.note("\(listing.rows.count) of \(total) shown; --limit N for more")
            }
        }
    }

    /// A value as a table shows it.
    static func tableText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case .array(let items): return items.isEmpty ? "—" : items.map(tableText).joined(separator: ", ")
        default: return value.cellText
        }
    }

    /// A value as a CSV field holds it.
    static func csvText(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return items.map(csvText).joined(separator: ";")
        default: return value.cellText
        }
    }
}
