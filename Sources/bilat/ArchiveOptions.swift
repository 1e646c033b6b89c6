import ArgumentParser
import BilatQuery
import Foundation

/// `--db PATH`, shared by every subcommand.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file (default: $BILAT_DB, else ./bilat.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["BILAT_DB"], !env.isEmpty { return env }
        return "bilat.sqlite"
    }

    /// Opens the archive for reading; a missing file is an error (read commands never create one).
    func openForReading() throws -> Archive {
        try Archive.open(path: path, create: false, readOnly: !FileManager.default.isWritableFile(atPath: path))
    }
}
