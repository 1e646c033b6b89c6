import BilatIngest
import BilatQuery
import Foundation

/// Reads followed feeds and imports each item not imported before: one request at a time, a pause
/// between two requests to one host, a conditional request for each feed so that an unchanged feed costs
/// one "304 Not Modified". An item that fails is reported and tried again on the next pull; the others go in.
public struct FeedPull: Sendable {
    /// What happened, as the pull goes.
    public enum Event: Sendable {
        /// The feed had not changed since the last pull (304).
        case feedUnchanged(feed: String)
        /// The feed was read: `items` in it, `new` of them to fetch.
        case feedRead(feed: String, items: Int, new: Int)
        /// The feed itself could not be fetched or read.
        case feedFailed(feed: String, reason: String)
        /// An item's page went in.
        case imported(feed: String, url: String, outcome: ImportOutcome)
        /// An item's page could not be fetched or read; it is tried again next time.
        case failed(feed: String, url: String, reason: String)
    }

    /// How many items went in and how many failed, over all the feeds pulled.
    public struct Summary: Equatable, Sendable {
        public var feeds = 0
        public var unchangedFeeds = 0
        public var failedFeeds = 0
        public var imported = 0
        public var failed = 0
        /// Items older than `since`, left alone.
        public var skipped = 0
    }

    public var fetcher: HTTPFetcher
    /// Seconds between two requests to one host.
    public var pace: Double
    /// Items the feed dates before this day (`YYYY-MM-DD`) are left alone.
    public var since: String?
    public var link: Bool

    public init(fetcher: HTTPFetcher, pace: Double = 1, since: String? = nil, link: Bool = true) {
        self.fetcher = fetcher
        self.pace = pace
        self.since = since
        self.link = link
    }

    /// What a request for a feed accepts.
    public static let feedTypes = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"

    /// Pulls `feeds` into `archive`, calling `report` for each event.
    public func run(_ archive: Archive, feeds: [Feed], importer: ArchiveImporter = ArchiveImporter(),
                    report: (Event) -> Void) throws -> Summary {
        var summary = Summary()
        var pacer = Pacer(pause: pace)
        for feed in feeds {
            summary.feeds += 1
            pacer.wait(for: feed.url)
            let answer: HTTPAnswer
            let items: [FeedItem]
            do {
                answer = try fetcher.get(feed.url, accept: Self.feedTypes, validators: .init(etag: feed.etag, lastModified: feed.lastModified))
                items = answer.status == 304 ? [] : try FeedDocument.items(answer.body, url: answer.url)
            } catch let error as FetchError {
                summary.failedFeeds += 1
                report(.feedFailed(feed: feed.name, reason: error.reason))
                continue
            }
            if answer.status == 304 {
                try FeedStore.pulled(archive, feed: feed.name, etag: nil, lastModified: nil, notModified: true)
                summary.unchangedFeeds += 1
                report(.feedUnchanged(feed: feed.name))
                continue
            }
            let known = try FeedStore.items(archive, feed: feed.name, keys: items.map(\.key))
            var fresh = items.filter { known[$0.key]?.importedAt == nil }
            if let since {
                // An item the feed gives no day for is never too old.
                let isOld = { (item: FeedItem) in (item.published ?? "9999") < since }
                summary.skipped += fresh.count(where: isOld)
                fresh.removeAll(where: isOld)
            }
            report(.feedRead(feed: feed.name, items: items.count, new: fresh.count))
            // Oldest first, so that the archive takes them in the order they were published.
            var anyFailed = false
            for item in fresh.reversed() {
                pacer.wait(for: item.link)
                let result = importer.importURL(item.link, fetcher: fetcher, into: archive, link: link)
                for outcome in result.outcomes { report(.imported(feed: feed.name, url: item.link, outcome: outcome)) }
                let failure = result.failure
                if let failure {
                    anyFailed = true
                    summary.failed += 1
                    report(.failed(feed: feed.name, url: item.link, reason: failure))
                } else {
                    summary.imported += 1
                }
                try FeedStore.record(archive, feed: feed.name, key: item.key, link: item.link, title: item.title, published: item.published,
                                     meetingID: failure == nil ? result.outcomes.first?.id : nil, error: failure)
            }
            // The validators are kept only when every item went in: after a failure (or a pull cut short) the
            // next pull reads the feed in full, and tries the failed items again.
            try FeedStore.pulled(archive, feed: feed.name, etag: anyFailed ? nil : answer.headers["etag"],
                                 lastModified: anyFailed ? nil : answer.headers["last-modified"], notModified: false)
        }
        return summary
    }

    /// Keeps a pause between two requests to one host.
    struct Pacer {
        let pause: Double
        var last: [String: Date] = [:]

        mutating func wait(for url: String) {
            let host = URLComponents(string: url)?.host ?? url
            if let previous = last[host] {
                let left = pause - Date().timeIntervalSince(previous)
                if left > 0 { Thread.sleep(forTimeInterval: left) }
            }
            last[host] = Date()
        }
    }
}
