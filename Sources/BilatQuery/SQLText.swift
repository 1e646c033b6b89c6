import BilatIngest
import Foundation
import GRDB

/// SQL text with its arguments written in as literals (for the `sqlite3` shell and for users).
public enum SQLText {
    static func inline(_ sql: String, _ arguments: StatementArguments, _ db: Database) throws -> String {
        // SQLite's own quote() writes each value as a literal.
        var placeholders = 0
        var quoted = false
        for c in sql { if c == "'" { quoted.toggle() } else if c == "?" && !quoted { placeholders += 1 } }
        let values = placeholders == 0 ? [] : try Row.fetchOne(
            db, sql: "SELECT " + Array(repeating: "quote(?)", count: placeholders).joined(separator: ", "), arguments: arguments
        )?.databaseValues.map { String.fromDatabaseValue($0) ?? "NULL" } ?? []
        var out = ""
        var index = 0
        var inString = false
        for c in sql {
            if c == "'" { inString.toggle() }
            if c == "?" && !inString && index < values.count {
                out += values[index]
                index += 1
            } else {
                out.append(c)
            }
        }
        return out
    }
}
