import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery
@testable import bilat_bench

/// A search ranks only its best readouts first (``SearchQuery/meetingsStatement(hits:_:filter:order:ranked:candidates:_:)``):
/// whenever that gives a whole page, the page must be the one ranking every match gives, meeting for meeting
/// and rank for rank.
@Suite struct SearchRankingTests {
    @Test func aPageFromTheBestReadoutsIsThePageFromAllOfThem() throws {
        let t = try TemporaryArchive()
        let corpus = t.folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        // 240 generated readouts (a fixed seed: the same corpus every run), some of them other readouts of one meeting.
        _ = try CorpusGenerator(seed: 7, peopleCount: 200).write(count: 240, seed: 7, to: corpus)
        let archive = try t.open()
        var failed = 0
        ArchiveImporter().importFiles(FileWalk([corpus.path]), into: archive) { if $0.failure != nil { failed += 1 } }
        #expect(failed == 0)
        var decidedByCandidates = 0
        for query in ["cooperation", "ministers", "security OR trade", "agreed", "confirmed", "coopération", "\"two leaders\""] {
            let match = try SearchSyntax.ftsQuery(query)
            for filter in [MeetingFilter(limit: 1), MeetingFilter(limit: 5), MeetingFilter(limit: 20), MeetingFilter(party: "JPN", limit: 10),
                           MeetingFilter(from: "2010", limit: 8)] {
                let all = try archive.read { db in
                    let (sql, arguments) = try SearchQuery.statement(match: match, filter: filter, db)
                    return try Row.fetchAll(db, sql: sql, arguments: arguments).map { "\($0["id"] as String) \($0["rank"] as Double)" }
                }
                for candidates in [1, 2, 3, 5, 8, 13, 25, 60] {
                    let bounded = try archive.read { db in
                        let (sql, arguments) = try SearchQuery.statement(match: match, filter: filter, db, candidates: candidates)
                        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { "\($0["id"] as String) \($0["rank"] as Double)" }
                    }
                    // Fewer than a page: the search asks again over every match.
                    guard bounded.count >= filter.limit! else { continue }
                    decidedByCandidates += 1
                    #expect(bounded == all, "\(query) \(filter) \(candidates)")
                }
                // What the search gives is the page of every match, whichever way it was found.
                let hits = try SearchQuery.search(archive, query: query, filter: filter).map { "\($0.id) \($0.rank)" }
                #expect(hits == all, "\(query) \(filter)")
            }
        }
        // The check above must have compared pages made from the candidates alone, not only fallbacks.
        #expect(decidedByCandidates > 40)
    }
}
