import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GETs pages and feeds over HTTP(S) with Foundation's URLSession, within bounds: a time limit for each
/// request, a few redirects at most, a body no larger than one readout may be, and a User-Agent that
/// says who asks. One request at a time; the caller paces them.
public struct HTTPFetcher: Sendable {
    /// Seconds a request may take, from the first byte sent to the last received.
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
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let transfer = Transfer(maxRedirects: maxRedirects, sizeLimit: sizeLimit)
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        // The session's own limits end the task; the wait's margin only guards against a transfer that never ends.
        guard transfer.done.wait(timeout: .now() + timeout + 5) == .success else {
            session.invalidateAndCancel()
            throw FetchError(url: url, reason: "no answer within \(Self.seconds(timeout)) (--timeout)")
        }
        if transfer.tooManyRedirects { throw FetchError(url: url, reason: "too many redirects (more than \(maxRedirects))") }
        if transfer.tooLarge { throw FetchError(url: url, reason: "the answer is larger than the \(sizeLimit / 1_000_000) MB limit for one readout") }
        if let error = transfer.error { throw FetchError(url: url, reason: Self.reason(error, timeout: timeout)) }
        guard let response = transfer.response else { throw FetchError(url: url, reason: "the server sent no answer") }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let answer = HTTPAnswer(status: response.statusCode, url: response.url?.absoluteString ?? url, headers: headers, body: transfer.data)
        if answer.status >= 400 {
            throw FetchError(url: url, reason: "HTTP \(answer.status) \(HTTPURLResponse.localizedString(forStatusCode: answer.status).capitalized)")
        }
        return answer
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

    /// A URLSession error as a sentence a user can act on.
    static func reason(_ error: Error, timeout: Double) -> String {
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return ns.localizedDescription }
        switch ns.code {
        case NSURLErrorTimedOut: return "no answer within \(seconds(timeout)) (--timeout)"
        case NSURLErrorCannotConnectToHost: return "the connection was refused (is the server running, and the port right?)"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "the host could not be found"
        case NSURLErrorNotConnectedToInternet, NSURLErrorNetworkConnectionLost: return "the network could not be reached"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            return "the secure connection failed (certificate or TLS)"
        case NSURLErrorHTTPTooManyRedirects: return "too many redirects"
        default: return (ns.userInfo[NSLocalizedDescriptionKey] as? String).map { "the request failed: \($0)" } ?? "the request failed (error \(ns.code))"
        }
    }

    /// One transfer's state, filled by URLSession's delegate calls (on the session's queue, one at a time).
    final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let maxRedirects: Int
        let sizeLimit: Int
        let done = DispatchSemaphore(value: 0)
        var data = Data()
        var response: HTTPURLResponse?
        var error: Error?
        var redirects = 0
        var tooManyRedirects = false
        var tooLarge = false

        init(maxRedirects: Int, sizeLimit: Int) {
            self.maxRedirects = maxRedirects
            self.sizeLimit = sizeLimit
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            redirects += 1
            if redirects > maxRedirects {
                // Refusing the redirect ends the task with the redirect's own answer.
                tooManyRedirects = true
                completionHandler(nil)
            } else {
                completionHandler(request)
            }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
            self.response = response as? HTTPURLResponse
            // A declared length past the limit is refused before a byte of the body is read.
            if response.expectedContentLength > Int64(sizeLimit) {
                tooLarge = true
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            self.data.append(data)
            if self.data.count > sizeLimit {
                tooLarge = true
                dataTask.cancel()
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            self.error = error
            done.signal()
        }
    }
}
