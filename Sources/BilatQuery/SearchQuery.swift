import BilatIngest
import Foundation
import GRDB

/// One full-text search hit.
public struct SearchHit: Equatable, Sendable {
    public var id: String
    public var date: String?
    public var title: String?
    public var parties: [String]
    /// The best-matching passage, matches between `[` and `]`.
    public var snippet: String
    /// bm25 score: lower is better.
    public var rank: Double

    public var json: JSONValue {
        .object([("id", .string(id)), ("date", .optional(date)), ("title", .optional(title)),
                 ("parties", .array(parties.map(JSONValue.string))), ("snippet", .string(snippet)), ("rank", .double(rank))])
    }
}

public enum SearchQuery {
    /// How many meetings a search gives when no limit is set.
    public static let defaultLimit = 20

    /// Meetings whose readouts match `query`, best first (bm25 of the best-matching readout, its title
    /// weighing more than its body), with the filters of `list`: one hit per meeting, however many of its
    /// readouts match, with a passage of the best one.
    public static func search(_ archive: Archive, query: String, filter: MeetingFilter) throws -> [SearchHit] {
        if SearchSyntax.isJapanese(query) { return try searchJapanese(archive, query: query, filter: filter) }
        let match = try SearchSyntax.ftsQuery(query)
        return try archive.read { db in
            let rows = try bestFirst(filter, db) { try statement(match: match, filter: filter, db, candidates: $0) }
            let passage = try db.cachedStatement(sql: """
                SELECT snippet(readout_fts, 1, '[', ']', '…', 16) FROM readout_fts WHERE readout_fts MATCH ? AND rowid = ?
                """)
            return try rows.map { row in
                let snippet = try String.fetchOne(passage, arguments: [match, row["source"] as Int64]) ?? ""
                return SearchHit(id: row["id"], date: row["date"], title: row["title"], parties: try MeetingQuery.parties(row["num"], db),
                                 snippet: snippet.replacingOccurrences(of: "\n", with: " "), rank: row["rank"])
            }
        }
    }

    /// How many meetings match `query` with `filter`, whatever its limit (for "20 of 601 shown").
    public static func count(_ archive: Archive, query: String, filter: MeetingFilter) throws -> Int {
        var all = filter
        all.limit = Int.max
        return try archive.read { db in
            // Unranked and unordered: counting needs neither bm25 of every match nor a sort.
            let (sql, arguments) = SearchSyntax.isJapanese(query)
                ? try japaneseStatement(try SearchSyntax.japaneseTerms(query), filter: all, db, ranked: false)
                : try statement(match: try SearchSyntax.ftsQuery(query), filter: all, db, ranked: false)
            return try SearchSyntax.translatingFTSErrors { try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
        }
    }

    /// The statement of ``search(_:query:filter:)`` with its arguments written in (for the `sqlite3` shell).
    public static func sql(_ archive: Archive, query: String, filter: MeetingFilter) throws -> String {
        let match = try SearchSyntax.ftsQuery(query)
        return try archive.read { db in
            let (sql, arguments) = try statement(match: match, filter: filter, db, candidates: candidates(for: filter))
            return try SQLText.inline(sql, arguments, db)
        }
    }

    /// The statement of ``search(_:query:filter:)`` for the FTS5 query `match`, and its arguments: matching
    /// readouts are ranked (the best `candidates` of them, or all), each meeting keeps its best, and only
    /// the page shown gets passages. `ranked: false` counts the same meetings instead (one row, the number).
    static func statement(match: String, filter: MeetingFilter, _ db: Database, ranked: Bool = true, candidates: Int? = nil) throws
        -> (String, StatementArguments) {
        let hits = "SELECT rowid AS source, \(ranked ? "bm25(readout_fts, 5.0, 1.0)" : "0.0") AS rank FROM readout_fts WHERE readout_fts MATCH ?"
        return try meetingsStatement(hits: hits, [match], filter: filter, order: "rank, m.num", ranked: ranked, candidates: candidates, db)
    }

    /// The best-ranked readouts considered first for a page of `filter.limit` meetings; `nil` (all of them)
    /// for a page too long to gain from it.
    static func candidates(for filter: MeetingFilter) -> Int? {
        let limit = filter.limit ?? defaultLimit
        return limit <= 1_000 ? max(200, 10 * limit) : nil
    }

    /// The rows of a search, best first: from the best-ranked readouts alone where they give a whole page
    /// (``meetingsStatement(hits:_:filter:order:ranked:candidates:_:)`` says why that page is exact),
    /// else from every match.
    static func bestFirst(_ filter: MeetingFilter, _ db: Database, _ statement: (Int?) throws -> (String, StatementArguments)) throws -> [Row] {
        let limit = filter.limit ?? defaultLimit
        if let candidates = candidates(for: filter) {
            let (sql, arguments) = try statement(candidates)
            let rows = try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: arguments) }
            if rows.count >= limit { return rows }
        }
        let (sql, arguments) = try statement(nil)
        return try SearchSyntax.translatingFTSErrors { try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The meetings of the readouts `hits` selects (`source`, `rank`: lower is better), each with its best
    /// readout, filtered by `filter`, in `order`, and its arguments; with `ranked: false`, their number.
    ///
    /// bm25 must be computed for every match, but grouping them all by meeting costs several times more
    /// (a word in 35 % of 100,000 readouts: 47 ms to rank them, 190 ms to rank and group them). With
    /// `candidates`, only the best `candidates` readouts are grouped, and a meeting is kept only if its best
    /// readout ranks strictly better than the worst of them. Such a page is exact: every readout better
    /// than the worst candidate is a candidate, so a kept meeting's best rank is its true best, and every
    /// meeting left out ranks no better than the worst candidate, after every kept one. When fewer meetings
    /// than the page are kept, the caller asks again without `candidates` (``bestFirst(_:_:_:)``).
    static func meetingsStatement(hits: String, _ hitArguments: StatementArguments, filter: MeetingFilter, order: String, ranked: Bool,
                                  candidates: Int?, _ db: Database) throws -> (String, StatementArguments) {
        let (conditions, arguments) = try filter.conditions(db)
        if !ranked && conditions.isEmpty {
            // Counting every match's meeting without looking each match up: a readout is a meeting of its own
            // except where readouts were linked into one meeting (positions past 0, few: `sources_linked`) or
            // kept without a meeting. Their matches are counted apart, by meeting; every other match is one
            // meeting (a common word at 1M: 230 → 10 ms in the sqlite3 shell).
            let apart = """
                SELECT id FROM sources WHERE meeting_num IS NULL
                   OR meeting_num IN (SELECT meeting_num FROM sources INDEXED BY sources_linked WHERE position > 0)
                """
            let sql = """
                SELECT (SELECT count(*) FROM (\(hits)))
                     - (SELECT count(*) FROM (\(hits)) h WHERE h.source IN (\(apart)))
                     + (SELECT count(DISTINCT s.meeting_num) FROM (\(hits)) h JOIN sources s ON s.id = h.source
                        WHERE h.source IN (\(apart)) AND s.meeting_num IS NOT NULL)
                """
            var all = hitArguments
            _ = all.append(contentsOf: hitArguments)
            _ = all.append(contentsOf: hitArguments)
            return (sql, all)
        }
        let bounded = ranked ? candidates : nil
        var sql = "WITH hits AS MATERIALIZED (" + hits + (bounded.map { " ORDER BY rank LIMIT \($0)" } ?? "") + ")"
        if let bounded { sql += ", bound AS (SELECT CASE WHEN count(*) < \(bounded) THEN NULL ELSE max(rank) END AS worst FROM hits)" }
        sql += """

            SELECT m.num, m.id, m.date, m.title, h.source, min(h.rank) AS rank
            FROM hits h JOIN sources s INDEXED BY sources_meeting_of ON s.id = h.source JOIN meetings m ON m.num = +s.meeting_num
            WHERE 1
            """
        // `+s.meeting_num`: else SQLite carries a filter's `m.num IN (a party's meetings)` over to the index's
        // second column and seeks every listed meeting for every match (a common word and a party at 1M ran
        // for more than ten minutes; 0.6 s so).
        for condition in conditions { sql += " AND " + condition }
        sql += " GROUP BY m.num"
        if bounded != nil { sql += " HAVING (SELECT worst FROM bound) IS NULL OR min(h.rank) < (SELECT worst FROM bound)" }
        if ranked { sql += " ORDER BY \(order) LIMIT \(filter.limit ?? defaultLimit)" }
        var all = hitArguments
        _ = all.append(contentsOf: arguments)
        return (ranked ? sql : "SELECT count(*) FROM (\(sql))", all)
    }
}

extension SearchQuery {
    /// Japanese text is searched in the trigram index: terms of three or more characters through FTS5,
    /// shorter ones ("防衛", "中国") with LIKE on the same table, all of them required.
    static func searchJapanese(_ archive: Archive, query: String, filter: MeetingFilter) throws -> [SearchHit] {
        let (match, short) = try SearchSyntax.japaneseTerms(query)
        return try archive.read { db in
            let rows = try bestFirst(filter, db) { candidates in
                try japaneseStatement((match, short), filter: filter, db, candidates: match == nil ? nil : candidates)
            }
            let passage = try db.cachedStatement(sql: """
                SELECT snippet(readout_trigram, 1, '[', ']', '…', 24) FROM readout_trigram WHERE readout_trigram MATCH ? AND rowid = ?
                """)
            return try rows.map { row in
                var snippet = try match.flatMap { try String.fetchOne(passage, arguments: [$0, row["source"] as Int64]) } ?? ""
                // LIKE matches are not highlighted by FTS5: mark the first occurrence of each short term.
                for term in short where !snippet.contains("[\(term)]") {
                    if let r = snippet.range(of: term) { snippet.replaceSubrange(r, with: "[\(term)]") }
                }
                if match == nil, !short.isEmpty {
                    let body = try String.fetchOne(db, sql: "SELECT body FROM readout_trigram WHERE rowid = ?", arguments: [row["source"] as Int64]) ?? ""
                    snippet = SearchSyntax.window(body, around: short[0])
                }
                return SearchHit(id: row["id"], date: row["date"], title: row["title"], parties: try MeetingQuery.parties(row["num"], db),
                                 snippet: snippet.replacingOccurrences(of: "\n", with: " "), rank: row["rank"])
            }
        }
    }

    /// The statement of ``searchJapanese(_:query:filter:)`` for the trigram query `match` and the `short`
    /// terms found with LIKE, and its arguments (`candidates` and `ranked` as for ``statement(match:filter:_:ranked:candidates:)``).
    static func japaneseStatement(_ terms: (match: String?, short: [String]), filter: MeetingFilter, _ db: Database,
                                  ranked: Bool = true, candidates: Int? = nil) throws -> (String, StatementArguments) {
        let (match, short) = terms
        let (termConditions, termArguments) = SearchSyntax.trigramConditions(match: match, short: short)
        let hits = "SELECT rowid AS source, \(match == nil || !ranked ? "0.0" : "bm25(readout_trigram, 5.0, 1.0)") AS rank FROM readout_trigram WHERE 1"
            + termConditions
        return try meetingsStatement(hits: hits, termArguments, filter: filter, order: "rank, m.date DESC, m.num", ranked: ranked,
                                     candidates: match == nil ? nil : candidates, db)
    }
}

/// Turns what a user types into an FTS5 query: words, "phrases", OR, AND, NOT, parentheses and
/// prefix* are kept; a word with punctuation inside ("Indo-Pacifique", "U.S.-Japan", "d'Ivoire")
/// becomes the phrase of its parts, as the tokenizer indexed it. Column filters and NEAR are not
/// offered, so nothing a user types is read as FTS5 syntax by accident.
public enum SearchSyntax {
    /// The conditions on `readout_trigram` that a Japanese query's terms make (each beginning " AND "):
    /// the trigram `match` of the longer terms, and each `short` term inside the body or the title.
    static func trigramConditions(match: String?, short: [String]) -> (sql: String, arguments: StatementArguments) {
        var sql = ""
        var arguments = StatementArguments()
        if let match {
            sql += " AND readout_trigram MATCH ?"
            _ = arguments.append(contentsOf: [match])
        }
        for term in short {
            sql += " AND (readout_trigram.body LIKE ? ESCAPE '\\' OR readout_trigram.title LIKE ? ESCAPE '\\')"
            let pattern = "%" + likeEscaped(term) + "%"
            _ = arguments.append(contentsOf: [pattern, pattern])
        }
        return (sql, arguments)
    }

    /// `text` with LIKE's wildcards and its escape character escaped, for `LIKE ? ESCAPE '\\'`.
    public static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    public static func ftsQuery(_ input: String) throws -> String {
        var out: [String] = []
        var depth = 0
        var i = input.startIndex
        func emitWord(_ word: String) {
            let prefix = word.hasSuffix("*")
            let bare = prefix ? String(word.dropLast()) : word
            if ["OR", "AND", "NOT"].contains(bare) && !prefix {
                out.append(bare)
                return
            }
            let parts = bare.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            guard !parts.isEmpty else { return }
            out.append("\"" + parts.joined(separator: " ") + "\"" + (prefix ? "*" : ""))
        }
        while i < input.endIndex {
            let c = input[i]
            if c.isWhitespace { i = input.index(after: i); continue }
            if c == "\"" || c == "“" || c == "”" {
                let close = input[input.index(after: i)...].firstIndex(where: { $0 == "\"" || $0 == "”" || $0 == "“" })
                guard let close else { throw ArchiveError.badQuery("malformed search query: a quotation mark is not closed") }
                let phrase = input[input.index(after: i)..<close]
                let parts = phrase.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
                if !parts.isEmpty {
                    var term = "\"" + parts.joined(separator: " ") + "\""
                    let after = input.index(after: close)
                    if after < input.endIndex && input[after] == "*" { term += "*"; i = input.index(after: after) } else { i = after }
                    out.append(term)
                } else {
                    i = input.index(after: close)
                }
                continue
            }
            if c == "(" { depth += 1; out.append("("); i = input.index(after: i); continue }
            if c == ")" {
                depth -= 1
                if depth < 0 { throw ArchiveError.badQuery("malformed search query: a parenthesis is closed but not opened") }
                out.append(")")
                i = input.index(after: i)
                continue
            }
            var j = i
            while j < input.endIndex, !input[j].isWhitespace, !"()\"“”".contains(input[j]) { j = input.index(after: j) }
            emitWord(String(input[i..<j]))
            i = j
        }
        if depth != 0 { throw ArchiveError.badQuery("malformed search query: a parenthesis is not closed") }
        // Operators need a term on each side; FTS5 itself would reject the query less clearly.
        let operators: Set<String> = ["OR", "AND", "NOT"]
        for (index, token) in out.enumerated() where operators.contains(token) {
            let before = index > 0 ? out[index - 1] : nil
            let after = index + 1 < out.count ? out[index + 1] : nil
            if before == nil || after == nil || operators.contains(before!) || before == "(" || operators.contains(after!) || after == ")" {
                throw ArchiveError.badQuery("malformed search query: \(token) needs a word on each side")
            }
        }
        if out.filter({ !operators.contains($0) && $0 != "(" && $0 != ")" }).isEmpty {
            throw ArchiveError.badQuery("empty search query: give at least one word")
        }
        return out.joined(separator: " ")
    }

    /// Whether the query holds Japanese script, which the trigram index serves.
    public static func isJapanese(_ query: String) -> Bool {
        query.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// Japanese terms split by spaces: those of three characters or more as an FTS5 trigram query
    /// (phrases quoted), shorter ones apart for LIKE. Only plain terms combine (all must occur).
    static func japaneseTerms(_ input: String) throws -> (match: String?, short: [String]) {
        let terms = input.split(whereSeparator: { $0.isWhitespace || $0 == "　" }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”「」")) }
            .filter { !$0.isEmpty }
        if terms.contains(where: { ["OR", "NOT", "AND"].contains($0) }) || input.contains("(") {
            throw ArchiveError.badQuery("Japanese searches take plain terms separated by spaces, all of which must occur (no OR, NOT or parentheses)")
        }
        guard !terms.isEmpty else { throw ArchiveError.badQuery("empty search query: give at least one word") }
        let long = terms.filter { $0.count >= 3 }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }
        return (long.isEmpty ? nil : long.joined(separator: " "), terms.filter { $0.count < 3 })
    }

    /// A passage of `text` around the first `term`, the term between [ ].
    static func window(_ text: String, around term: String) -> String {
        guard let r = text.range(of: term) else { return String(text.prefix(60)) }
        let start = text.index(r.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(r.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + text[start..<r.lowerBound] + "[\(term)]" + text[r.upperBound..<end] + (end < text.endIndex ? "…" : "")
    }

    /// Runs `body`, turning an FTS5 syntax error into a one-line ``ArchiveError/badQuery(_:)``.
    static func translatingFTSErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            let message = error.message ?? "unknown error"
            if message.contains("fts5") || message.contains("syntax") || message.contains("MATCH") {
                throw ArchiveError.badQuery("malformed search query (\(message))")
            }
            throw error
        }
    }
}
