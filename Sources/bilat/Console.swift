import Foundation

/// Standard error and what the terminal is: where notes, errors and progress go.
enum Console {
    /// Where standard error's text goes: the process's standard error, or a test's buffer (see ``Output/sink``).
    nonisolated(unsafe) static var sink: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    /// A terminal's width a test sets, in place of `$COLUMNS` and the terminal's.
    nonisolated(unsafe) static var widthOverride: Int?

    /// One line on standard error: "bilat: MESSAGE".
    static func error(_ message: String) {
        sink("bilat: \(message)\n")
    }

    static func note(_ message: String) {
        sink("\(message)\n")
    }

    /// Text on standard error as it is, for a progress bar redrawn in place.
    static func write(_ text: String) {
        sink(text)
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width a table must fit: `$COLUMNS` where set, else the terminal's; `nil` when standard output is
    /// not a terminal and no width is set (every value is then written in full).
    static var width: Int? {
        if let widthOverride { return widthOverride }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}
