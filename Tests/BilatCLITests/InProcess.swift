import Foundation
@testable import bilat

/// Runs `bilat` commands inside the test process, their standard output and error caught through
/// ``Output/sink`` and ``Console/sink``: quicker than a process each, and the terminal's width can be set.
/// One command at a time (the sinks are shared): suites that use it are serialized.
enum InProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    private static let lock = NSLock()

    static func run(_ arguments: [String], width: Int? = nil) -> Result {
        lock.lock()
        defer { lock.unlock() }
        var out = "", err = ""
        let (savedOut, savedErr, savedWidth) = (Output.sink, Console.sink, Console.widthOverride)
        Output.sink = { out += $0 }
        Console.sink = { err += $0 }
        Console.widthOverride = width
        defer { (Output.sink, Console.sink, Console.widthOverride) = (savedOut, savedErr, savedWidth) }
        let status = Bilat.run(arguments: arguments)
        return Result(status: status, stdout: out, stderr: err)
    }
}
