import ArgumentParser
import BilatFetch
import BilatIngest
import BilatQuery
import Foundation

/// The `bilat` command: parses arguments, calls the library, formats output.
@main
struct Bilat: ParsableCommand {
    /// This version of Bilat (`bilat --version`).
    static let version = "0.6.0"
    /// How Bilat names itself to the servers it fetches pages and feeds from.
    static let userAgent = "Bilat/\(version) (an archive of diplomatic meeting readouts)"

    static let configuration = CommandConfiguration(
        commandName: "bilat",
        abstract: "An archive of bilateral diplomatic meetings: who met whom, when, and what they agreed.",
        discussion: """
            The archive is one SQLite file: --db PATH, else $BILAT_DB, else ./bilat.sqlite.
            Only `import` creates it. Exit status: 0 success, 1 a failure you can fix, 2 wrong usage.
            """,
        version: "bilat \(version) (archive schema \(Archive.schemaVersion))",
        subcommands: [
            ImportCommand.self, ListCommand.self, ShowCommand.self, CommitmentsCommand.self, SearchCommand.self,
            PeopleCommand.self, TopicsCommand.self, ExportCommand.self, SQLCommand.self, CheckCommand.self,
            CorrectCommand.self, ReviewCommand.self, RereadCommand.self, LinkCommand.self, UnlinkCommand.self, StatsCommand.self,
            SchemaCommand.self, FeedCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command line and exits with its status (rather than ArgumentParser's own `main`, so that
    /// every error is one sentence and the exit codes are those of cli.md).
    static func main() {
        Foundation.exit(run(arguments: Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs the command line, mapping every error to one sentence on standard error and the exit
    /// codes of cli.md: 1 for a failure the user can fix, 2 for wrong usage.
    static func run(arguments: [String]) -> Int32 {
        if let unknown = unknownCommand(arguments) {
            Console.error(unknown)
            Console.note("see `bilat --help`")
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch let error as CorrectionError {
            Console.error(error.description)
            return error.isUsage ? 2 : 1
        } catch where error is ArchiveError || error is FetchError || error is IngestError {
            // The library's own errors are one sentence each: a failure the user can fix.
            Console.error(String(describing: error))
            return 1
        } catch let error as CocoaError {
            Console.error(error.localizedDescription)
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.line(fullMessage(for: error))
                return 0
            }
            let message = fullMessage(for: error)
            if code == .validationFailure {
                let first = message.components(separatedBy: "\n").first { !$0.isEmpty }?.replacingOccurrences(of: "Error: ", with: "") ?? message
                Console.error(plainUsageError(first))
                Console.note("see `\((["bilat"] + [helpPath(arguments)].compactMap { $0 }).joined(separator: " ")) --help`")
                return 2
            }
            Console.error(message.isEmpty ? "\(error)" : message)
            return 1
        }
    }

    /// ArgumentParser's "The value 'X' is invalid for '--opt <v>': is …" as "--opt X is …".
    static func plainUsageError(_ message: String) -> String {
        guard let match = message.wholeMatch(of: /The value '(.*)' is invalid for '(\S+)(?: <[^>]*>)?': (is .*)/) else { return message }
        return "\(match.2) \(match.1) \(match.3)"
    }

    /// The subcommands' names, as written out: every run checks its first word against them, and asking each
    /// subcommand for its configuration would build all of their help texts first. (A test keeps the two
    /// lists equal.)
    static let commandNames = [
        "import", "list", "show", "commitments", "search", "people", "topics", "export", "sql", "check",
        "correct", "review", "reread", "link", "unlink", "stats", "schema", "feed", "serve",
    ]

    /// The subcommand `arguments` name, if any.
    private static func helpPath(_ arguments: [String]) -> String? {
        arguments.first(where: commandNames.contains)
    }

    /// What is wrong when the first word (or the word after `help`) is no command: the nearest commands
    /// suggested, since ArgumentParser would only say "unexpected argument" or print the main help.
    static func unknownCommand(_ arguments: [String]) -> String? {
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let word = words.first, !word.hasPrefix("-"), !commandNames.contains(word), word != "help" else { return nil }
        let hint = Suggestions.hint(for: word, among: commandNames)
        return "unknown command '\(word)'" + (hint.isEmpty ? "; the commands are \(commandNames.joined(separator: ", "))" : hint)
    }
}
