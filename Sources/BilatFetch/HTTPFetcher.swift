import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// GETs pages and feeds over HTTP(S) with AsyncHTTPClient, within bounds: a time limit for each request,
/// a few redirects at most (and no loop), a body no larger than one readout may be, and a User-Agent that
/// says who asks. One request at a time; the caller paces them.
public struct HTTPFetcher: Sendable {
    /// Seconds a request may take, from the connection to the last byte received.
    public var timeout: Double
    /// Redirects followed before the request is given up ("too many redirects").
    public var maxRedirects: Int
    /// The largest body accepted, in bytes.
    public var sizeLimit: Int
    /// Sent with every request, so that a ministry's server knows who is asking.
    public var userAgent: String

    public init(timeout: Double = 30, maxRedirects: Int = 5, sizeLimit: Int = 10_000_000,
                userAgent: String = "Bilat (an archive of diplomatic meeting readouts)") {
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.sizeLimit = sizeLimit
        self.userAgent = userAgent
    }

    /// Validators of an earlier answer, for a conditional request: the server answers 304 when nothing changed.
    public struct Validators: Sendable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String?, lastModified: String?) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// GETs `url`. An answer of status 400 or more, a body past the size limit, too many redirects, a
    /// refused connection or no answer in time is a ``FetchError``; 304 is an answer (with `validators`).
    public func get(_ url: String, accept: String, validators: Validators? = nil) throws -> HTTPAnswer {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https", target.host != nil else {
            throw FetchError(url: url, reason: "not an http:// or https:// address")
        }
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: maxRedirects, allowCycles: false),
                                                     timeout: .init(connect: limit, read: limit))
        configuration.decompression = .enabled(limit: .size(sizeLimit))
        // One request from a command line: a refused connection is said at once, not retried until the time limit.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        var headers = HTTPHeaders([("User-Agent", userAgent), ("Accept", accept)])
        if let etag = validators?.etag { headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators?.lastModified { headers.add(name: "If-Modified-Since", value: modified) }
        let transfer = Transfer(url: url, sizeLimit: sizeLimit)
        do {
            let request = try HTTPClient.Request(url: url, method: .GET, headers: headers)
            let answer = try client.execute(request: request, delegate: transfer, deadline: .now() + limit).wait()
            if answer.status >= 400 {
                throw FetchError(url: url, reason: "HTTP \(answer.status) \(HTTPResponseStatus(statusCode: answer.status).reasonPhrase)")
            }
            return answer
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(url: url, reason: Self.reason(error, timeout: timeout, maxRedirects: maxRedirects))
        }
    }

    /// What a request for a page accepts.
    public static let pageTypes = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

    /// GETs the web page at `url`: an answer that is no page (a PDF, an image, JSON) is refused, as a page
    /// whose bytes are too many is.
    public func page(_ url: String) throws -> HTTPAnswer {
        let answer = try get(url, accept: Self.pageTypes)
        guard answer.status == 200 || answer.status == 203 else {
            throw FetchError(url: url, reason: "HTTP \(answer.status): no page in the answer")
        }
        guard answer.isPage else { throw FetchError(url: url, reason: "not a web page: the answer is \(answer.mediaType ?? "of no stated type")") }
        return answer
    }

    /// "30 seconds", "1 second", "0.5 seconds".
    static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return text + (value == 1 ? " second" : " seconds")
    }

    /// An error of the transfer as a sentence a user can act on.
    static func reason(_ error: Error, timeout: Double, maxRedirects: Int) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .redirectLimitReached: return "too many redirects (more than \(maxRedirects))"
            case .redirectCycleDetected: return "a redirect loop: the server sends the request back where it has been"
            case .connectTimeout, .readTimeout, .deadlineExceeded: return "no answer within \(seconds(timeout)) (--timeout)"
            case .remoteConnectionClosed: return "the server closed the connection before it answered"
            default: return "the request failed: \(error)"
            }
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return "the connection was refused (is the server running, and the port right?)"
        }
        let text = String(describing: error)
        if text.contains("connection refused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
            return "the connection was refused (is the server running, and the port right?)"
        }
        if text.contains("NIOSSL") || text.contains("certificate") { return "the secure connection failed (certificate or TLS)" }
        if text.contains("resolution") || text.contains("getaddrinfo") { return "the host could not be found" }
        return "the request failed: \(text)"
    }

    /// One transfer: the answer's head and body as they come, refused past the size limit. AsyncHTTPClient
    /// calls it on one event loop, one call at a time.
    final class Transfer: HTTPClientResponseDelegate, @unchecked Sendable {
        typealias Response = HTTPAnswer

        let url: String
        let sizeLimit: Int
        var head: HTTPResponseHead?
        var finalURL: String
        var body = Data()

        init(url: String, sizeLimit: Int) {
            self.url = url
            self.sizeLimit = sizeLimit
            finalURL = url
        }

        func didVisitURL(task: HTTPClient.Task<HTTPAnswer>, _ request: HTTPClient.Request, _ head: HTTPResponseHead) {
            finalURL = request.url.absoluteString
        }

        func didReceiveHead(task: HTTPClient.Task<HTTPAnswer>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
            self.head = head
            // A declared length past the limit is refused before a byte of the body is read.
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > sizeLimit {
                return task.eventLoop.makeFailedFuture(tooLarge)
            }
            return task.eventLoop.makeSucceededVoidFuture()
        }

        func didReceiveBodyPart(task: HTTPClient.Task<HTTPAnswer>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
            body.append(contentsOf: buffer.readableBytesView)
            return body.count > sizeLimit ? task.eventLoop.makeFailedFuture(tooLarge) : task.eventLoop.makeSucceededVoidFuture()
        }

        var tooLarge: FetchError {
            FetchError(url: url, reason: "the answer is larger than the \(sizeLimit / 1_000_000) MB limit for one readout")
        }

        func didFinishRequest(task: HTTPClient.Task<HTTPAnswer>) throws -> HTTPAnswer {
            guard let head else { throw FetchError(url: url, reason: "the server sent no answer") }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            return HTTPAnswer(status: Int(head.status.code), url: finalURL, headers: headers, body: body)
        }
    }
}
