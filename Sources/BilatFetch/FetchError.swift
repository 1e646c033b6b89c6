import Foundation

/// Why a page or feed could not be fetched, as one sentence naming the URL.
public struct FetchError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The URL asked for.
    public var url: String
    /// What went wrong ("HTTP 404 Not Found", "no answer within 30 seconds (--timeout)").
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "\(url): \(reason)" }
}
