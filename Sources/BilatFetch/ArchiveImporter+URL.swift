import BilatIngest
import BilatQuery
import Foundation

extension ArchiveImporter {
    /// Fetches the page at `url` with `fetcher` and imports it as ``importPage(url:bytes:charset:into:now:link:)``
    /// does; a page that cannot be fetched is the report's failure, and writes nothing.
    public func importURL(_ url: String, fetcher: HTTPFetcher, into archive: Archive, link: Bool = true) -> ImportReport {
        do {
            let page = try fetcher.page(url)
            return importPage(url: url, bytes: page.body, charset: page.charset, into: archive, link: link)
        } catch let error as FetchError {
            return ImportReport(path: url, outcomes: [], failure: error.reason)
        } catch {
            return ImportReport(path: url, outcomes: [], failure: "\(error)")
        }
    }

    /// Fetches the page at `url` and reads it without writing anything (`import --dry-run`).
    public func readURL(_ url: String, fetcher: HTTPFetcher) throws -> [StorableReadout] {
        let page = try fetcher.page(url)
        return try reader.readPage(url: url, bytes: page.body, charset: page.charset)
    }
}
