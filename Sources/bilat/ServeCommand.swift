import ArgumentParser
import BilatQuery
import BilatWeb
import Foundation

/// `bilat serve`: the archive in a browser, read-only, on 127.0.0.1 unless --host says otherwise.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a read-only web view of the archive (pages, JSON under /api/…, CSV) until interrupted."
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default: this machine only).", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Seconds a page's queries may take before they are stopped (503).", valueName: "seconds"))
    var timeLimit = 5.0

    @Option(name: .long, help: ArgumentHelp("Answers kept while the archive is unchanged (0: compute every page anew).", valueName: "n"))
    var cache = 500

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        if timeLimit <= 0 { throw ValidationError("--time-limit must be a positive number of seconds") }
        if cache < 0 { throw ValidationError("--cache must be 0 or more, not \(cache)") }
    }

    func run() throws {
        // Always read-only, whatever the file's permissions.
        let opened = try Archive.open(path: archive.path, create: false, readOnly: true)
        let site = BilatSite(archive: opened, timeLimit: timeLimit, cacheSize: cache)
        let (host, port) = (self.host, self.port)
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await BilatServer.run(site: site, host: host, port: port) { bound in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Console.note("bilat serve: http://\(shown):\(bound)/ (read-only; Ctrl-C stops)")
                    Task { await site.warm() }
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Console.error("\(error)")
            throw ExitCode.failure
        }
    }
}

/// The server task's failure, handed back to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
