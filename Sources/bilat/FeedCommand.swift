import ArgumentParser
import BilatFetch
import BilatIngest
import BilatQuery
import Foundation

/// `bilat feed`: the RSS and Atom feeds of ministries' press releases that the archive follows.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Follow ministries' RSS and Atom feeds: add, list, remove, and pull new readouts from them.",
        discussion: """
            `feed pull` reads each feed and imports every item not imported before, as `bilat import URL` does. \
            It asks with the validators of the last answer (ETag, Last-Modified), so an unchanged feed costs one \
            "304 Not Modified"; it sends one request at a time, pauses between two requests to one host (--pace) \
            and names itself in its User-Agent. An item that fails is reported and tried again on the next pull.
            """,
        subcommands: [FeedAddCommand.self, FeedListCommand.self, FeedRemoveCommand.self, FeedPullCommand.self]
    )
}

/// `bilat feed add URL`.
struct FeedAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Follow the feed at URL (it is fetched once to check that it is an RSS or Atom feed)."
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("The feed's name in `feed list` and `feed pull NAME` (default: its host).", valueName: "name"))
    var name: String?

    @OptionGroup var fetching: FetchOptions

    @Argument(help: ArgumentHelp("The feed's http:// or https:// address.", valueName: "url"))
    var url: String

    func validate() throws {
        if !ImportCommand.isURL(url) { throw ValidationError("\(url) is not an http:// or https:// address") }
    }

    func run() throws {
        let answer = try fetching.fetcher.get(url, accept: FeedPull.feedTypes)
        let items = try FeedDocument.items(answer.body, url: answer.url)
        let created = !FileManager.default.fileExists(atPath: archive.path)
        let opened = try Archive.open(path: archive.path, create: true)
        do {
            let chosen = try FeedStore.add(opened, url: url, name: name)
            Output.line("following \(chosen): \(url) (\(items.count) item\(items.count == 1 ? "" : "s") now; `bilat feed pull \(chosen)` imports them)")
        } catch {
            if created { Archive.removeFiles(at: archive.path) }
            throw error
        }
    }
}

/// `bilat feed list`.
struct FeedListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the feeds followed, with what their pulls imported.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let feeds = try FeedStore.list(try archive.openForReading())
        Output.write(Listing([.init("name", id: true), .init("imported"), .init("failing"), .init("pulled_at", title: "LAST PULL"),
                              .init("added_at", table: false), .init("url")],
                             rows: feeds.map { [.string($0.name), .int($0.imported), .int($0.failing), .optional($0.pulledAt),
                                                .string($0.addedAt), .string($0.url)] },
                             objects: feeds.map(\.json), empty: "no feeds are followed; add one with `bilat feed add URL`"), format: output.format)
    }
}

/// `bilat feed remove NAME`.
struct FeedRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Stop following a feed (the readouts it brought stay in the archive).")

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("The feed's name or URL.", valueName: "name"))
    var name: String

    func run() throws {
        let feed = try FeedStore.remove(try Archive.open(path: archive.path, create: false), name)
        Output.line("no longer following \(feed.name): \(feed.url)")
    }
}

/// `bilat feed pull [NAME…]`.
struct FeedPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Import the new items of every feed followed (or of the feeds named).")

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("Leave alone items the feed dates before this day.", valueName: "date"), transform: DateBound.init)
    var since: DateBound?

    @OptionGroup var fetching: FetchOptions

    @Option(name: .long, help: ArgumentHelp("Seconds between two requests to one host.", valueName: "seconds"))
    var pace: Double = 1

    @Flag(name: .long, help: "Keep each readout a meeting of its own, linking none to a meeting already in the archive.")
    var noLink = false

    @Argument(help: ArgumentHelp("Feeds to pull, by name or URL (default: all).", valueName: "name"))
    var names: [String] = []

    func validate() throws {
        if pace < 0 { throw ValidationError("--pace must be 0 or more seconds, not \(pace)") }
    }

    func run() throws {
        let opened = try Archive.open(path: archive.path, create: false)
        let feeds = names.isEmpty ? try FeedStore.list(opened) : try names.map { try FeedStore.find(opened, $0) }
        if feeds.isEmpty {
            Console.note("no feeds are followed; add one with `bilat feed add URL`")
            return
        }
        // A bound of a year or a month starts on its first day.
        let since = since.map { bound in bound.text.count == 4 ? bound.text + "-01-01" : bound.text.count == 7 ? bound.text + "-01" : bound.text }
        let pull = FeedPull(fetcher: fetching.fetcher, pace: pace, since: since, link: !noLink)
        let summary = try pull.run(opened, feeds: feeds) { event in
            switch event {
            case .feedUnchanged(let feed): Output.line("\(feed): not changed since the last pull")
            case .feedRead(let feed, let items, let new): Output.line("\(feed): \(items) item\(items == 1 ? "" : "s"), \(new) new")
            case .feedFailed(let feed, let reason): Console.error("failed: feed \(feed): \(reason)")
            case .imported(_, let url, let outcome):
                switch outcome {
                case .imported(let id): Output.line("imported  \(url) → \(id)")
                case .linked(let id): Output.line("linked    \(url) → \(id)")
                case .unchanged(let id, _), .readoutKept(let id, _): Output.line("unchanged \(url) → \(id)")
                case .replaced(let id): Output.line("replaced  \(url) → \(id)")
                }
            case .failed(_, let url, let reason): Console.error("failed: \(url): \(reason) (tried again next pull)")
            }
        }
        Output.line("\(summary.imported) imported, \(summary.failed) failed"
            + (summary.skipped > 0 ? ", \(summary.skipped) older than --since left alone" : "")
            + " from \(summary.feeds) feed\(summary.feeds == 1 ? "" : "s")"
            + (summary.unchangedFeeds > 0 ? " (\(summary.unchangedFeeds) not changed)" : "")
            + (summary.failedFeeds > 0 ? " (\(summary.failedFeeds) could not be read)" : ""))
        if summary.failed > 0 || summary.failedFeeds > 0 { throw ExitCode.failure }
    }
}
