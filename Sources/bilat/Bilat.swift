import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

/// The `bilat` command: parses arguments, calls the library, formats output.
struct Bilat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilat",
        abstract: "An archive of bilateral diplomatic meetings: who met whom, when, and what they agreed.",
        discussion: """
            The archive is one SQLite file: --db PATH, else $BILAT_DB, else ./bilat.sqlite.
            Only `import` creates it. Exit status: 0 success, 1 a failure you can fix, 2 wrong usage.
            """,
        subcommands: [
            ImportCommand.self, ListCommand.self, ShowCommand.self, CommitmentsCommand.self, SearchCommand.self,
            PeopleCommand.self, TopicsCommand.self, ExportCommand.self, SQLCommand.self, CheckCommand.self,
            CorrectCommand.self, ReviewCommand.self, RereadCommand.self, LinkCommand.self, UnlinkCommand.self, StatsCommand.self,
            SchemaCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command line, mapping every error to one sentence on standard error and the exit
    /// codes of cli.md: 1 for a failure the user can fix, 2 for wrong usage.
    static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            return failure.code
        } catch let error as ArchiveError {
            Console.error(error.description)
            return 1
        } catch let error as CorrectionError {
            Console.error(error.description)
            return error.isUsage ? 2 : 1
        } catch let error as IngestError {
            Console.error(error.description)
            return 1
        } catch let error as CocoaError {
            Console.error(error.localizedDescription)
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            let message = fullMessage(for: error)
            if code == .validationFailure {
                Console.error(message.components(separatedBy: "\n").first { !$0.isEmpty }?.replacingOccurrences(of: "Error: ", with: "") ?? message)
                Console.note("see `bilat \(helpPath(arguments)) --help`")
                return 2
            }
            Console.error(message.isEmpty ? "\(error)" : message)
            return 1
        }
    }

    private static func helpPath(_ arguments: [String]) -> String {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        return arguments.first(where: names.contains) ?? ""
    }
}

/// A command that already said what went wrong and only needs to exit with `code`.
struct CommandFailure: Error {
    let code: Int32
}

enum Console {
    /// One line on standard error: "bilat: MESSAGE".
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("bilat: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The terminal's width in columns, or `nil` when standard output is not a terminal.
    static var width: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}
