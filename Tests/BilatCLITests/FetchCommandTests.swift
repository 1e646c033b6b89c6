import BilatTestSupport
import Foundation
import Testing
@testable import bilat

/// `bilat import URL` and `bilat feed …` against a server on 127.0.0.1, run in process.
@Suite(.serialized) struct FetchCommandTests {
    static func page(_ day: Int, _ counterpart: String) -> TestHTTPServer.Response {
        .page("""
            <html lang="en"><head><meta charset="utf-8"></head><body><main><h1>Foreign Ministers' Telephone Talk</h1>
            <p>From 8:00 p.m. on May \(day), 2024, Japanese Foreign Minister Akira Sato spoke by telephone for roughly 20 minutes with \(counterpart).</p>
            <p>Both ministers agreed to join efforts on maritime security.</p></main></body></html>
            """)
    }

    struct Setup {
        let folder: URL
        let server: TestHTTPServer
        var db: String { folder.appendingPathComponent("archive.sqlite").path }

        init(_ routes: [String: TestHTTPServer.Response]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilat-fetch-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            server = try TestHTTPServer { request in routes[request.path] ?? .init(status: 404) }
        }

        func cleanUp() {
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func importURLAsASavedPageAndEachFailureOnOneLine() throws {
        let setup = try Setup([
            "/press/one.html": Self.page(14, "Portuguese Foreign Minister Pedro Alves"),
            "/paper.pdf": .init(headers: [("Content-Type", "application/pdf")], body: Data("%PDF".utf8)),
        ])
        defer { setup.cleanUp() }
        let url = setup.server.url("/press/one.html")
        let first = InProcess.run(["import", "--db", setup.db, url])
        #expect(first.status == 0 && first.stdout == "imported  \(url) → 2024-05-14-jpn-prt\n1 imported, 0 linked, 0 unchanged, 0 replaced, 0 failed\n",
                "\(first.stdout)\(first.stderr)")
        #expect(InProcess.run(["import", "--db", setup.db, url]).stdout.hasPrefix("unchanged \(url) → 2024-05-14-jpn-prt\n"))
        let show = InProcess.run(["show", "--db", setup.db, "2024-05-14-jpn-prt", "--format", "json"])
        #expect(show.stdout.contains("\"url\": \"\(url)\""))
        let dry = InProcess.run(["import", "--dry-run", url])
        #expect(dry.status == 0 && dry.stdout.contains("\"date\": \"2024-05-14\""))
        // Failures: one line each, exit 1, the archive as it was.
        let refused = "http://127.0.0.1:\(try TestHTTPServer.closedPort())/x.html"
        for (target, reason) in [(setup.server.url("/gone.html"), "HTTP 404 Not Found"),
                                 (setup.server.url("/paper.pdf"), "not a web page: the answer is application/pdf"),
                                 (refused, "the connection was refused (is the server running, and the port right?)")] {
            let r = InProcess.run(["import", "--db", setup.db, target])
            #expect(r.status == 1 && r.stderr == "bilat: failed: \(target): \(reason)\n", "\(r.stderr)")
            #expect(r.stdout == "0 imported, 0 linked, 0 unchanged, 0 replaced, 1 failed\n")
        }
        #expect(InProcess.run(["sql", "--db", setup.db, "SELECT count(*) FROM sources", "--format", "csv"]).stdout == "count(*)\n1\n")
        #expect(InProcess.run(["import", "--db", setup.db, "--timeout", "0", url]).status == 2)
        // Nothing fetched into an archive that did not exist: none is left behind.
        let fresh = setup.folder.appendingPathComponent("fresh.sqlite").path
        #expect(InProcess.run(["import", "--db", fresh, setup.server.url("/gone.html")]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func feedsAddListPullAndRemove() throws {
        let feed = """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Press</title>
            <entry><title>Two</title><id>urn:2</id><link href="/press/two.html"/><updated>2024-05-16T10:00:00Z</updated></entry>
            <entry><title>One</title><id>urn:1</id><link href="/press/one.html"/><updated>2024-05-14T10:00:00Z</updated></entry>
            </feed>
            """
        let setup = try Setup([
            "/press/one.html": Self.page(14, "Portuguese Foreign Minister Pedro Alves"),
            "/press/two.html": Self.page(16, "Spanish Foreign Minister Ines Garcia"),
            "/feed.atom": .init(headers: [("Content-Type", "application/atom+xml"), ("Last-Modified", "Thu, 16 May 2024 10:00:00 GMT")], body: Data(feed.utf8)),
            "/not-a-feed.html": Self.page(14, "Portuguese Foreign Minister Pedro Alves"),
        ])
        defer { setup.cleanUp() }
        let notFeed = InProcess.run(["feed", "add", "--db", setup.db, setup.server.url("/not-a-feed.html")])
        #expect(notFeed.status == 1 && notFeed.stderr.contains("not a feed"), "\(notFeed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: setup.db))
        let add = InProcess.run(["feed", "add", "--db", setup.db, "--name", "mofa", setup.server.url("/feed.atom")])
        #expect(add.status == 0 && add.stdout == "following mofa: \(setup.server.url("/feed.atom")) (2 items now; `bilat feed pull mofa` imports them)\n")
        #expect(InProcess.run(["feed", "add", "--db", setup.db, setup.server.url("/feed.atom")]).stderr.contains("already followed, as mofa"))
        let pull = InProcess.run(["feed", "pull", "--db", setup.db, "--pace", "0"])
        #expect(pull.status == 0)
        #expect(pull.stdout == """
            mofa: 2 items, 2 new
            imported  \(setup.server.url("/press/one.html")) → 2024-05-14-jpn-prt
            imported  \(setup.server.url("/press/two.html")) → 2024-05-16-jpn-esp
            2 imported, 0 failed from 1 feed

            """, "\(pull.stdout)\(pull.stderr)")
        let again = InProcess.run(["feed", "pull", "--db", setup.db, "mofa", "--pace", "0"])
        #expect(again.stdout == "mofa: 2 items, 0 new\n0 imported, 0 failed from 1 feed\n", "\(again.stdout)")
        #expect(setup.server.requests.last?.headers["if-modified-since"] == "Thu, 16 May 2024 10:00:00 GMT")
        let list = InProcess.run(["feed", "list", "--db", setup.db, "--format", "csv"])
        #expect(list.stdout.hasPrefix("name,imported,failing,pulled_at,added_at,url\nmofa,2,0,"))
        #expect(InProcess.run(["feed", "pull", "--db", setup.db, "mofo"]).stderr == "bilat: no feed named mofo; did you mean mofa?\n")
        #expect(InProcess.run(["feed", "remove", "--db", setup.db, "mofa"]).stdout == "no longer following mofa: \(setup.server.url("/feed.atom"))\n")
        #expect(InProcess.run(["feed", "list", "--db", setup.db]).stderr == "no feeds are followed; add one with `bilat feed add URL`\n")
        #expect(InProcess.run(["list", "--db", setup.db, "--format", "csv"]).stdout.split(separator: "\n").count == 3)
    }
}
