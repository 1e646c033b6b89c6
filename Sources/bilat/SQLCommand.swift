import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query on the archive (for power users); anything that writes is refused."
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int = 10_000

    @Argument(help: ArgumentHelp("The SELECT statement.", valueName: "sql"))
    var sql: String

    func run() throws {
        let opened = try Archive.open(path: archive.path, create: false, readOnly: true)
        let result = try RawSQL.run(opened, sql: sql, maxRows: limit)
        Output.write(Listing(result.columns.map { Listing.Column($0, title: $0) }, rows: result.rows, empty: "no rows"), format: output.format)
        if result.truncated { Console.note("only the first \(limit) rows are shown (--limit)") }
    }
}
