import BilatTestSupport
import Foundation
import Testing

/// `bilat serve` as a user starts it: the errors that stop it at once. (The pages are tested in
/// BilatWebTests, and in a real browser by `make browser-test`.) A server that starts by mistake is
/// stopped after 20 seconds, and the test then fails rather than hangs.
@Suite(.serialized) struct ServeCommandTests {
    /// Runs `bilat serve` with `arguments`; its status and standard error, or nil if it was still running.
    func serve(_ arguments: [String]) throws -> (status: Int32, stderr: String)? {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        process.waitUntilExit()
        let stillRan = !watchdog.isCancelled && process.terminationReason == .uncaughtSignal
        watchdog.cancel()
        if stillRan { return nil }
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func aMissingArchiveOrATakenPortIsOneLineAndExitOne() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let missing = try #require(try serve(["--db", cli.db]))
        #expect(missing.status == 1 && missing.stderr == "bilat: no archive at \(cli.db); create one with `bilat import --db \(cli.db) FILE…`\n")
        try cli.file("a.txt", readoutA)
        #expect(try cli.run(["import", "--db", cli.db, cli.folder.appendingPathComponent("a.txt").path]).status == 0)
        let taken = try TestHTTPServer { _ in .init() }
        defer { taken.stop() }
        let busy = try #require(try serve(["--db", cli.db, "--port", String(taken.port)]))
        #expect(busy.status == 1 && busy.stderr == "bilat: port \(taken.port) on 127.0.0.1 is already in use: give another with --port\n", "\(busy.stderr)")
        let usage = try #require(try serve(["--db", cli.db, "--port", "70000"]))
        #expect(usage.status == 2 && usage.stderr.hasPrefix("bilat: --port must be between 0 and 65535, not 70000\n"))
    }
}
