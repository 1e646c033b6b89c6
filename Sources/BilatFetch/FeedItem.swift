import Foundation

/// One item of a feed: a press release's page.
public struct FeedItem: Equatable, Sendable {
    /// What the feed calls the item once and for all: its guid (RSS) or id (Atom), else its link.
    public var key: String
    /// The page's address, made absolute against the feed's.
    public var link: String
    public var title: String?
    /// The day the feed says the item was published (`YYYY-MM-DD`), where it says.
    public var published: String?

    public init(key: String, link: String, title: String?, published: String?) {
        self.key = key
        self.link = link
        self.title = title
        self.published = published
    }
}
