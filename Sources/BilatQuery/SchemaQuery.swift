import BilatIngest
import Foundation
import GRDB

/// A table or view of the archive with its columns, as `bilat schema` lists them.
public struct SchemaTable: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public var name: String
        /// The declared type ("" for a view's computed column or a full-text index's).
        public var type: String
        public var notNull: Bool
        public var primaryKey: Bool
    }

    public var name: String
    /// `table`, `view` or `fts5` (a full-text index).
    public var kind: String
    public var columns: [Column]
    /// The statement that made it, as the archive keeps it.
    public var sql: String

    public var json: JSONValue {
        .object([("name", .string(name)), ("kind", .string(kind)), ("columns", .array(columns.map { c in
            .object([("name", .string(c.name)), ("type", .string(c.type)), ("not_null", .bool(c.notNull)), ("primary_key", .bool(c.primaryKey))])
        })), ("sql", .string(sql))])
    }
}

/// The archive's tables and views with their columns (`bilat schema`): what a user of `bilat sql` needs.
public enum SchemaQuery {
    /// Every table, view and full-text index, by name; SQLite's own tables, the migration log and the
    /// full-text indexes' shadow tables are left out.
    public static func tables(_ archive: Archive) throws -> [SchemaTable] {
        try archive.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT name, type, coalesce(sql, '') AS sql FROM sqlite_schema
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'grdb_migrations'
                ORDER BY name
                """)
            let fts = Set(rows.filter { ($0["sql"] as String).uppercased().contains("USING FTS5") }.map { $0["name"] as String })
            let shadows = Set(fts.flatMap { name in ["data", "idx", "content", "docsize", "config"].map { "\(name)_\($0)" } })
            return try rows.filter { !shadows.contains($0["name"]) }.map { row in
                let name: String = row["name"]
                let columns = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [name]).map {
                    SchemaTable.Column(name: $0["name"], type: $0["type"], notNull: $0["notnull"] as Bool, primaryKey: ($0["pk"] as Int) > 0)
                }
                return SchemaTable(name: name, kind: fts.contains(name) ? "fts5" : row["type"], columns: columns, sql: row["sql"])
            }
        }
    }
}
