import ArgumentParser
import BilatFetch

/// `--timeout`, shared by the commands that fetch pages or feeds.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds each request may take.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be a number of seconds above 0, not \(timeout)") }
    }

    /// The fetcher these options describe, naming Bilat to the servers it asks.
    var fetcher: HTTPFetcher { HTTPFetcher(timeout: timeout, userAgent: Bilat.userAgent) }
}
