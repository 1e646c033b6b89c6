import BilatFetch
import BilatIngest
import BilatQuery
import BilatTestSupport
import Foundation
import Testing

/// A readout page written for these tests.
func readoutPage(day: Int, counterpart: String = "H.E. Ms. Anna Lindqvist, Minister for Foreign Affairs of the Kingdom of Sweden",
                 extra: String = "") -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Foreign Ministers' Meeting | Ministry</title></head>
    <body><nav><a href="/">Home</a> <a href="/press">Press</a></nav>
    <main><h1>Foreign Ministers' Meeting</h1>
    <p>March \(day), 2024</p>
    <p>On March \(day), commencing at 2:00 p.m. for approximately 40 minutes, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with \(counterpart).</p>
    <p>The two ministers agreed to strengthen cooperation on cybersecurity and on support for Ukraine.\(extra)</p>
    </main><footer>Copyright</footer></body></html>
    """
}

/// An RSS 2.0 feed of `items` (path, title, day) on `server`.
func rss(_ items: [(path: String, title: String, day: Int)], on server: TestHTTPServer) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Press releases</title><link>\(server.url("/"))</link>
    \(items.map { "<item><title>\($0.title)</title><link>\(server.url($0.path))</link><guid isPermaLink=\"false\">id-\($0.path)</guid><pubDate>Mon, \(String(format: "%02d", $0.day)) Mar 2024 09:00:00 +0900</pubDate></item>" }.joined(separator: "\n"))
    </channel></rss>
    """
}

/// A server's pages and feed that a test can change while it runs.
final class Site: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: TestHTTPServer.Response] = [:]

    subscript(path: String) -> TestHTTPServer.Response? {
        get { lock.lock(); defer { lock.unlock() }; return routes[path] }
        set { lock.lock(); routes[path] = newValue; lock.unlock() }
    }

    /// A server answering from this site: 404 where it has nothing; a feed with an ETag answers 304 to
    /// a request that sends it back.
    func serve() throws -> TestHTTPServer {
        try TestHTTPServer { [self] request in
            guard let response = self[request.path] else { return .init(status: 404, body: Data("no such page".utf8)) }
            if let etag = response.headers.first(where: { $0.0 == "ETag" })?.1, request.headers["if-none-match"] == etag {
                return .init(status: 304, headers: [("ETag", etag)])
            }
            return response
        }
    }
}

/// A temporary archive.
struct TemporaryArchive {
    let folder: URL
    let archive: Archive

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        archive = try Archive.open(path: folder.appendingPathComponent("archive.sqlite").path, create: true)
    }

    func count(_ table: String) throws -> Int {
        try RawSQL.run(archive, sql: "SELECT count(*) FROM \(table)").rows[0][0].intValue ?? -1
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

extension JSONValue {
    var intValue: Int? { if case .int(let n) = self { return n } else { return nil } }
}

@Suite struct PageFetchTests {
    let fetcher = HTTPFetcher(timeout: 5)

    @Test func aPageByURLHasTheFactsOfThePageSavedAsAFile() throws {
        let site = Site()
        site["/press/2024/sweden.html"] = .page(readoutPage(day: 4))
        let server = try site.serve()
        defer { server.stop() }
        let web = try TemporaryArchive(), saved = try TemporaryArchive()
        defer { web.cleanUp(); saved.cleanUp() }
        let url = server.url("/press/2024/sweden.html")
        let page = try fetcher.page(url)
        let report = ArchiveImporter().importPage(url: url, bytes: page.body, charset: page.charset, into: web.archive)
        #expect(report.failure == nil)
        let id = try #require(report.outcomes.first?.id)
        let file = saved.folder.appendingPathComponent("sweden.html")
        try page.body.write(to: file)
        var fromFile: ImportReport?
        ArchiveImporter().importFiles(FileWalk([file.path]), into: saved.archive) { fromFile = $0 }
        #expect(fromFile?.outcomes.first?.id == id)
        var a = try MeetingQuery.record(web.archive, id: id), b = try MeetingQuery.record(saved.archive, id: id)
        #expect(a.date == "2024-03-04" && a.format?.rawValue == "in_person" && a.parties == ["JPN", "SWE"])
        #expect(a.readoutList.first?.path == url && a.source.url == url)
        #expect(b.source.url == nil)
        // Apart from where each came from, the records are the same.
        a.source = b.source
        a.readouts = b.readouts
        a.evidence = b.evidence
        #expect(a == b)
        // Fetched again: the same bytes are unchanged; other bytes at the URL replace the readout.
        let again = ArchiveImporter().importPage(url: url, bytes: try fetcher.page(url).body, charset: "utf-8", into: web.archive)
        #expect(again.outcomes == [.unchanged(id: id, sameAs: nil)])
        site["/press/2024/sweden.html"] = .page(readoutPage(day: 4, extra: " They also agreed to meet again next year."))
        let changed = ArchiveImporter().importPage(url: url, bytes: try fetcher.page(url).body, charset: nil, into: web.archive)
        #expect(changed.outcomes == [.replaced(id: id)])
        #expect(try web.count("sources") == 1)
    }

    @Test func theCharacterSetOfTheAnswerComesBeforeThePageOwn() throws {
        let site = Site()
        // Windows-1252 bytes (é as 0xE9) in a page that declares no character set: only the header says it.
        let html = readoutPage(day: 5, counterpart: "H.E. Mr. Léon Dufrêne, Minister for Foreign Affairs of Belgium").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        site["/belgium.html"] = .init(headers: [("Content-Type", "text/html; charset=windows-1252")], body: html.data(using: .windowsCP1252)!)
        let server = try site.serve()
        defer { server.stop() }
        let page = try fetcher.page(server.url("/belgium.html"))
        #expect(page.charset == "windows-1252")
        let records = try ReadoutFile().readPage(url: server.url("/belgium.html"), bytes: page.body, charset: page.charset)
        #expect(records.first?.record.participants.map(\.name).contains("Léon Dufrêne") == true)
        // Without the header, the same bytes are not UTF-8 and declare nothing: refused rather than guessed.
        #expect(throws: IngestError.self) { try ReadoutFile().readPage(url: server.url("/belgium.html"), bytes: page.body, charset: nil) }
    }

    @Test func eachFailureIsOneClearReasonAndWritesNothing() throws {
        let site = Site()
        site["/slow.html"] = .init(headers: [("Content-Type", "text/html")], body: Data(readoutPage(day: 6).utf8), delay: 3)
        site["/report.pdf"] = .init(headers: [("Content-Type", "application/pdf")], body: Data("%PDF-1.7".utf8))
        site["/huge.html"] = .init(headers: [("Content-Type", "text/html")], body: Data(repeating: 0x61, count: 10_000_001))
        site["/loop"] = .init(status: 302, headers: [("Location", "/loop")])
        for step in 0..<7 { site["/hop\(step)"] = .init(status: 302, headers: [("Location", "/hop\(step + 1)")]) }
        site["/moved"] = .init(status: 301, headers: [("Location", "/press/here.html")])
        site["/press/here.html"] = .page(readoutPage(day: 7))
        let server = try site.serve()
        defer { server.stop() }
        let quick = HTTPFetcher(timeout: 1)
        let refused = "http://127.0.0.1:\(try TestHTTPServer.closedPort())/page.html"
        let cases: [(String, String)] = [
            (server.url("/missing.html"), "HTTP 404 Not Found"),
            (refused, "the connection was refused (is the server running, and the port right?)"),
            (server.url("/slow.html"), "no answer within 1 second (--timeout)"),
            (server.url("/report.pdf"), "not a web page: the answer is application/pdf"),
            (server.url("/huge.html"), "the answer is larger than the 10 MB limit for one readout"),
            (server.url("/loop"), "a redirect loop: the server sends the request back where it has been"),
            (server.url("/hop0"), "too many redirects (more than 5)"),
            ("ftp://example.org/page.html", "not an http:// or https:// address"),
        ]
        for (url, reason) in cases {
            #expect(throws: FetchError(url: url, reason: reason), "\(url)") { try quick.page(url) }
        }
        // A redirect is followed; the page is known by the address asked for.
        let moved = try quick.page(server.url("/moved"))
        #expect(moved.url == server.url("/press/here.html") && moved.isPage)
        #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("Bilat") == true })
    }
}

@Suite struct FeedTests {
    @Test func rssAtomAndTheirDates() throws {
        let rss = Data("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>One</title><link>/press/one.html</link><pubDate>Tue, 3 Dec 2024 10:00:00 +0900</pubDate></item>
            <item><title>Two</title><link>https://example.org/two.html</link><guid>urn:two</guid><pubDate>Sun, 01 Sep 2024 23:30:00 GMT</pubDate></item>
            <item><title>No link</title></item>
            </channel></rss>
            """.utf8)
        let items = try FeedDocument.items(rss, url: "https://example.org/feeds/press.xml")
        #expect(items == [
            FeedItem(key: "https://example.org/press/one.html", link: "https://example.org/press/one.html", title: "One", published: "2024-12-03"),
            FeedItem(key: "urn:two", link: "https://example.org/two.html", title: "Two", published: "2024-09-01"),
        ])
        let atom = Data("""
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><title>Three</title><id>tag:example.org,2024:3</id><link rel="alternate" href="three.html"/><link rel="enclosure" href="three.pdf"/>
            <published>2024-11-30T08:00:00+09:00</published><updated>2024-12-01T00:00:00Z</updated></entry>
            </feed>
            """.utf8)
        #expect(try FeedDocument.items(atom, url: "https://example.org/en/feed.atom") == [
            FeedItem(key: "tag:example.org,2024:3", link: "https://example.org/en/three.html", title: "Three", published: "2024-11-30"),
        ])
        #expect(throws: FetchError(url: "https://example.org/x", reason: "not a feed: an RSS or Atom document was expected, not <html>")) {
            try FeedDocument.items(Data("<html><body>hi</body></html>".utf8), url: "https://example.org/x")
        }
        #expect(throws: FetchError.self) { try FeedDocument.items(Data("not xml at all".utf8), url: "https://example.org/y") }
    }

    @Test func aPullImportsNewItemsOnceWithConditionalRequests() throws {
        let site = Site()
        let server = try site.serve()
        defer { server.stop() }
        for (day, path) in [(4, "/a.html"), (5, "/b.html"), (6, "/c.html")] {
            site[path] = .page(readoutPage(day: day, counterpart: "H.E. Mr. Person \(day), Minister for Foreign Affairs of the Kingdom of Sweden"))
        }
        site["/feed.xml"] = .init(headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")],
                                  body: Data(rss([("/c.html", "C", 6), ("/b.html", "B", 5), ("/a.html", "A", 4)], on: server).utf8))
        let temporary = try TemporaryArchive()
        defer { temporary.cleanUp() }
        let name = try FeedStore.add(temporary.archive, url: server.url("/feed.xml"), name: nil)
        #expect(name == "127.0.0.1")
        let pull = FeedPull(fetcher: HTTPFetcher(timeout: 5), pace: 0)
        var events: [String] = []
        let first = try pull.run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { events.append("\($0)") }
        #expect(first.imported == 3 && first.failed == 0)
        #expect(try temporary.count("meetings") == 3)
        // Oldest first.
        #expect(try MeetingQuery.list(temporary.archive, filter: MeetingFilter()).map(\.date) == ["2024-03-06", "2024-03-05", "2024-03-04"])
        #expect(events.filter { $0.hasPrefix("imported") }.count == 3)
        let pagesAsked = server.requests.filter { $0.path != "/feed.xml" }.count
        let second = try pull.run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { _ in }
        #expect(second.imported == 0 && second.unchangedFeeds == 1)
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
        #expect(server.requests.filter { $0.path != "/feed.xml" }.count == pagesAsked)
        // A new item: imported alone.
        site["/d.html"] = .page(readoutPage(day: 7, counterpart: "H.E. Ms. Person Seven, Minister for Foreign Affairs of the Kingdom of Norway"))
        site["/feed.xml"] = .init(headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v2\"")],
                                  body: Data(rss([("/d.html", "D", 7), ("/c.html", "C", 6), ("/b.html", "B", 5), ("/a.html", "A", 4)], on: server).utf8))
        var third: [String] = []
        let summary = try pull.run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { event in
            if case .imported(_, let url, _) = event { third.append(url) }
        }
        #expect(summary.imported == 1 && third == [server.url("/d.html")])
        #expect(try FeedStore.list(temporary.archive).first?.imported == 4)
    }

    @Test func aFailedItemIsTriedAgainAndOldItemsCanBeLeftAlone() throws {
        let site = Site()
        let server = try site.serve()
        defer { server.stop() }
        site["/a.html"] = .page(readoutPage(day: 4))
        site["/feed.xml"] = .init(headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")],
                                  body: Data(rss([("/new.html", "New", 9), ("/a.html", "A", 4), ("/old.html", "Old", 1)], on: server).utf8))
        let temporary = try TemporaryArchive()
        defer { temporary.cleanUp() }
        _ = try FeedStore.add(temporary.archive, url: server.url("/feed.xml"), name: "ministry")
        let pull = FeedPull(fetcher: HTTPFetcher(timeout: 5), pace: 0, since: "2024-03-02")
        var failures: [String] = []
        let first = try pull.run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { event in
            if case .failed(_, let url, let reason) = event { failures.append("\(url): \(reason)") }
        }
        #expect(first.imported == 1 && first.failed == 1 && first.skipped == 1)
        #expect(failures == ["\(server.url("/new.html")): HTTP 404 Not Found"])
        #expect(try FeedStore.list(temporary.archive).first?.failing == 1)
        // The page appears: the next pull reads the feed in full (no validators were kept) and takes it.
        site["/new.html"] = .page(readoutPage(day: 9, counterpart: "H.E. Mr. Person Nine, Minister for Foreign Affairs of the Kingdom of Norway"))
        let second = try pull.run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { _ in }
        #expect(second.imported == 1 && second.failed == 0 && second.unchangedFeeds == 0)
        #expect(try FeedStore.list(temporary.archive).first.map { ($0.imported, $0.failing) } ?? (0, 0) == (2, 0))
        #expect(!server.requests.contains { $0.path == "/old.html" })
    }

    @Test func aPoliteServerSeesOneRequestAtATimeAndPauses() throws {
        let site = Site()
        let server = try site.serve()
        defer { server.stop() }
        site["/a.html"] = .page(readoutPage(day: 4))
        site["/b.html"] = .page(readoutPage(day: 5, counterpart: "H.E. Mr. Person Five, Minister for Foreign Affairs of the Kingdom of Norway"))
        site["/feed.xml"] = .init(headers: [("Content-Type", "application/rss+xml")], body: Data(rss([("/b.html", "B", 5), ("/a.html", "A", 4)], on: server).utf8))
        let temporary = try TemporaryArchive()
        defer { temporary.cleanUp() }
        _ = try FeedStore.add(temporary.archive, url: server.url("/feed.xml"), name: nil)
        let start = Date()
        let summary = try FeedPull(fetcher: HTTPFetcher(timeout: 5), pace: 0.3).run(temporary.archive, feeds: FeedStore.list(temporary.archive)) { _ in }
        #expect(summary.imported == 2)
        // Three requests to one host: two pauses between them.
        #expect(Date().timeIntervalSince(start) >= 0.6)
        #expect(server.requests.map(\.path) == ["/feed.xml", "/a.html", "/b.html"])
    }
}
