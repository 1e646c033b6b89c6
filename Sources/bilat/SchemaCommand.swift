import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// `bilat schema`: the archive's tables and views with their columns.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the archive's tables and views with their columns, for `bilat sql`; with a name, that one's columns.",
        discussion: "The view meeting_overview gives one flat row per meeting, readouts one per readout. Full-text indexes show as fts5."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("A table or view: show its columns one a row, and the statement that made it.", valueName: "name"))
    var name: String?

    func run() throws {
        var tables = try SchemaQuery.tables(try archive.openForReading())
        if let name {
            tables = tables.filter { $0.name == name }
            guard let table = tables.first else {
                let names = try SchemaQuery.tables(try archive.openForReading()).map(\.name)
                throw ArchiveError.badQuery("no table or view \(name)" + Suggestions.hint(for: name, among: names) + " (`bilat schema` lists them)")
            }
            if output.format == .table {
                Output.write(Listing([.init("column", id: true), .init("type"), .init("not_null", title: "NOT NULL"), .init("key")],
                                     rows: table.columns.map { [.string($0.name), .string($0.type), .string($0.notNull ? "yes" : ""), .string($0.primaryKey ? "primary" : "")] },
                                     empty: "\(table.name) has no columns"), format: .table)
                Output.line("")
                Output.line(table.sql)
                return
            }
        }
        if output.format == .table {
            Output.write(Listing([.init("name", id: true), .init("kind"), .init("columns")], rows: tables.map { t in
                [.string(t.name), .string(t.kind), .string(t.columns.map { $0.type.isEmpty ? $0.name : "\($0.name) \($0.type.lowercased())" }.joined(separator: ", "))]
            }, empty: "the archive has no tables"), format: .table)
            return
        }
        // One row a column in CSV; a table with its columns inside in JSON.
        Output.write(Listing([.init("table"), .init("kind"), .init("column"), .init("type"), .init("not_null"), .init("primary_key")],
                             rows: tables.flatMap { t in t.columns.map {
                                 [.string(t.name), .string(t.kind), .string($0.name), .string($0.type), .int($0.notNull ? 1 : 0), .int($0.primaryKey ? 1 : 0)]
                             } }, objects: tables.map(\.json), empty: "the archive has no tables"), format: output.format)
    }
}
