import BilatIngest
import BilatQuery
import Foundation

/// The web view of one archive: answers a method, a path and a query string with a page, JSON or CSV.
/// Knows nothing of HTTP servers (``BilatServer`` puts it behind Hummingbird) and writes no SQL: every
/// answer comes from BilatQuery, with the same filters and facts as the CLI.
///
/// Read-only: GET and HEAD only (anything else 405). A path outside the routes is 404. Queries run one at a
/// time on a queue of their own, each request's under a time limit (past it: 503).
///
/// Answers are kept (up to `cacheSize` of them, the least recently used leaving first) for as long as the
/// archive does not change (``ArchiveDataVersion``, read again when a second has passed since it was last
/// read): a page asked for again, or a facet link followed back, costs no query and does not wait behind a
/// page being computed. An import into the archive while it is served empties the cache within a second.
public final class BilatSite: Sendable {
    public let archive: Archive
    /// Seconds a request's queries may take before they are stopped.
    public let timeLimit: Double
    private let queue = DispatchQueue(label: "bilat.serve.archive")
    private let cache: AnswerCache
    /// Each meeting's facet values, read at start (``warm()``) and again after the archive changes.
    private let facetIndex = FacetIndexBox()

    public init(archive: Archive, timeLimit: Double = 5, cacheSize: Int = 500) {
        self.archive = archive
        self.timeLimit = timeLimit
        self.cache = AnswerCache(capacity: cacheSize)
    }

    /// The pages that read the whole archive, computed by ``warm()`` ahead of the first visitor.
    public static let warmPaths = ["/meetings", "/api/meetings", "/people", "/api/people", "/parties", "/api/parties", "/topics",
                                   "/api/topics", "/commitments", "/api/commitments"]

    /// Computes the pages that read the whole archive (the first page, people, parties, topics, commitments) ahead
    /// of the first visitor, so that they are answered from the cache (`bilat serve` starts it once it listens).
    public func warm() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                _ = try? self.currentFacetIndex()
                continuation.resume()
            }
        }
        guard cache.capacity > 0 else { return }
        for path in Self.warmPaths { _ = await respond(method: "GET", path: path, query: nil) }
    }

    /// The facet index of the archive as it is now, read again when the archive changed (on the queue).
    func currentFacetIndex() throws -> MeetingFacetIndex {
        let version = try ArchiveDataVersion.current(archive)
        if let index = facetIndex.value, index.version == version { return index }
        let index = try MeetingFacetIndex.load(archive)
        facetIndex.value = index
        return index
    }

    /// The answer to `method` on `path` (percent-encoded, as requested) with `query` (the part after `?`).
    public func respond(method: String, path: String, query: String?) async -> WebResponse {
        guard method == "GET" || method == "HEAD" else {
            var response = WebResponse.html(Pages.error(status: 405, "This archive is read-only: only GET and HEAD are answered."), status: 405)
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        let parsed = WebQuery(parsing: query)
        // A kept answer, while the archive was seen unchanged less than a second ago, is given at once: it does not
        // wait behind a page being computed.
        if let route = Route(path: path), let kept = cache.recentAnswer(Self.key(route, parsed)) { return kept }
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.answer(path: path, query: parsed))
            }
        }
    }

    /// The cache key of a route and query: `/` and `/meetings` are one page.
    static func key(_ route: Route, _ query: WebQuery) -> String {
        [route.api ? "api" : "", route.csv ? "csv" : "", route.segments.isEmpty ? "meetings" : route.segments.joined(separator: "/"),
         query.string].joined(separator: "\u{0}")
    }

    /// The answer, computed on the caller's thread (``respond(method:path:query:)`` runs it on the queue).
    func answer(path: String, query: WebQuery) -> WebResponse {
        guard let route = Route(path: path) else { return Self.failure(404, "No such page.", api: path.hasPrefix("/api/")) }
        if route.segments == ["style.css"], !route.api {
            return WebResponse(status: 200, contentType: "text/css; charset=utf-8", body: Layout.stylesheet,
                               headers: [("Cache-Control", "max-age=3600")])
        }
        do {
            let key = Self.key(route, query)
            let version = try cache.capacity > 0 ? ArchiveDataVersion.current(archive) : 0
            if let kept = cache.answer(key, version: version) { return kept }
            let listing = route.segments.isEmpty || route.segments == ["meetings"]
            let pages = Pages(archive: archive, query: query, route: route, facetIndex: listing ? try currentFacetIndex() : nil)
            let answer = try QueryTimeLimit.run(archive, seconds: timeLimit) { try pages.answer() }
            if answer.status == 200 { cache.keep(answer, key, version: version) }
            return answer
        } catch let error as QueryTimeLimit.Exceeded {
            return Self.failure(503, "The query took too long and was stopped (\(error.seconds) s). Narrow the filters and try again.", api: route.api)
        } catch let error as ArchiveError {
            switch error {
            case .noSuchMeeting: return Self.failure(404, error.description, api: route.api)
            case .badQuery(let reason): return Self.failure(400, reason, api: route.api)
            default: return Self.failure(500, error.description, api: route.api)
            }
        } catch let error as WebError {
            return Self.failure(error.status, error.message, api: route.api)
        } catch {
            return Self.failure(500, "The archive could not answer: \(error)", api: route.api)
        }
    }

    static func failure(_ status: Int, _ message: String, api: Bool) -> WebResponse {
        if api {
            return .json(JSONValue.object([("error", .string(message)), ("status", .int(status))]).rendered(), status: status)
        }
        return .html(Pages.error(status: status, message), status: status)
    }
}

/// The answers of ``BilatSite`` for one version of the archive, least recently used leaving first. Used on
/// the site's queue only; the lock makes it safe anywhere.
final class AnswerCache: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var version = -1
    private var answers: [String: (answer: WebResponse, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) { self.capacity = capacity }

    /// When the archive's version was last read.
    private var checked = DispatchTime(uptimeNanoseconds: 0)
    /// How long a reading of the version is trusted without asking SQLite again.
    static let trust: UInt64 = 1_000_000_000

    /// The answer kept for `key` if the archive's version was read less than ``trust`` ago (no query at all).
    func recentAnswer(_ key: String) -> WebResponse? {
        lock.lock(); defer { lock.unlock() }
        guard capacity > 0, DispatchTime.now().uptimeNanoseconds < checked.uptimeNanoseconds &+ Self.trust, let kept = answers[key] else { return nil }
        clock += 1
        answers[key]?.used = clock
        return kept.answer
    }

    func answer(_ key: String, version: Int) -> WebResponse? {
        lock.lock(); defer { lock.unlock() }
        guard capacity > 0 else { return nil }
        checked = DispatchTime.now()
        if version != self.version {
            answers.removeAll()
            self.version = version
            return nil
        }
        guard let kept = answers[key] else { return nil }
        clock += 1
        answers[key]?.used = clock
        return kept.answer
    }

    func keep(_ answer: WebResponse, _ key: String, version: Int) {
        lock.lock(); defer { lock.unlock() }
        guard capacity > 0, version == self.version else { return }
        if answers.count >= capacity, let oldest = answers.min(by: { $0.value.used < $1.value.used })?.key {
            answers.removeValue(forKey: oldest)
        }
        clock += 1
        answers[key] = (answer, clock)
    }
}

/// The site's facet index, replaced when the archive changes.
final class FacetIndexBox: @unchecked Sendable {
    private let lock = NSLock()
    private var index: MeetingFacetIndex?
    var value: MeetingFacetIndex? {
        get { lock.lock(); defer { lock.unlock() }; return index }
        set { lock.lock(); index = newValue; lock.unlock() }
    }
}

/// A failure the web layer itself finds (no such person, party or topic; a CSV of a page that is no table).
struct WebError: Error {
    var status: Int
    var message: String
    static func notFound(_ message: String) -> WebError { WebError(status: 404, message: message) }
}

/// A request's path: whether it is under `/api`, whether it asks for CSV (`.csv` on its last segment) and
/// its segments, percent-decoded. Paths with empty, `.` or `..` segments, a slash or a NUL inside a
/// segment, are no route.
struct Route: Equatable {
    var api: Bool
    var csv: Bool
    var segments: [String]

    init?(path: String) {
        guard path.hasPrefix("/"), path.count <= 2000 else { return nil }
        var parts: [String] = []
        let raw = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in raw.enumerated() {
            if part.isEmpty && index == raw.count - 1 { continue }  // a trailing slash
            guard let decoded = String(part).removingPercentEncoding, !decoded.isEmpty, decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.contains("\u{0}"), !decoded.contains("\\") else { return nil }
            parts.append(decoded)
        }
        api = parts.first == "api"
        if api { parts.removeFirst() }
        csv = false
        if api, let last = parts.last, last.hasSuffix(".csv"), last.count > 4 {
            parts[parts.count - 1] = String(last.dropLast(4))
            csv = true
        } else if api, let last = parts.last, last.hasSuffix(".json"), last.count > 5 {
            parts[parts.count - 1] = String(last.dropLast(5))
        }
        segments = parts
    }
}
