import BilatIngest
import GRDB

/// One filter of `bilat commitments` on commitments themselves (`c`): their topics, who is bound, the words
/// of --match.
///
/// Written three ways: as a constraint that SQLite may answer from an index (``sql``), where the commitments
/// it names are read first; as a test of each row (``test``) where meetings or another index come first and a
/// page stops at its limit; and as membership of the set of rows it names (``member``, the column behind a
/// unary `+`) where every row is counted. SQLite would otherwise take a list of ids (`c.id IN (…)`) as keys to
/// seek in every meeting it reads: a word in 276,766 of a million meetings' commitments took seconds for a
/// page.
struct CommitmentCondition {
    enum Kind {
        /// Who is bound. Few values (`joint` and the sides), so it names the most rows.
        case bound
        /// Any of some topics.
        case topics
        /// The words of --match.
        case words
    }

    var kind: Kind
    /// The condition, open to an index.
    var sql: String
    /// The condition as a test of each row: a lookup, where that costs less than gathering the set of rows
    /// it names (a topic's commitments: 860,389 ids for two topics at 1M, for a page of 20).
    var test: String
    /// The condition as membership of the set of rows it names, gathered once: cheaper per row when many are
    /// tested.
    var member: String
    var arguments: StatementArguments
    /// The statement listing the commitments the condition names, from its index; `nil` where no index
    /// answers it (Japanese words, found in each sentence).
    var candidates: String?

    /// The conditions of `filter` on commitments, in the order of ``Kind``; `topics` are its topics' numbers.
    static func all(_ filter: CommitmentFilter, topics: [Int64], _ db: Database) throws -> [CommitmentCondition] {
        var conditions: [CommitmentCondition] = []
        if let by = filter.by {
            let bound = by.lowercased() == Commitment.joint ? Commitment.joint : try MeetingFilter.partyCode(by, db)
            conditions.append(CommitmentCondition(kind: .bound, sql: "c.bound = ?", test: "+c.bound = ?", member: "+c.bound = ?", arguments: [bound],
                                                  candidates: "SELECT id FROM commitments_stored WHERE bound = ?"))
        }
        if !topics.isEmpty {
            let listed = "SELECT commitment_id FROM commitment_topics_stored WHERE topic IN (\(databaseQuestionMarks(count: topics.count)))"
            let test = "EXISTS (SELECT 1 FROM commitment_topics_stored ot WHERE ot.commitment_id = c.id AND ot.topic IN (\(databaseQuestionMarks(count: topics.count))))"
            conditions.append(CommitmentCondition(kind: .topics, sql: "c.id IN (\(listed))", test: test, member: "+c.id IN (\(listed))",
                                                  arguments: StatementArguments(topics), candidates: listed))
        }
        if let match = filter.match, SearchSyntax.isJapanese(match) {
            // Japanese runs words together, which the word index cannot split: each term is found in the sentence.
            for term in match.split(whereSeparator: { $0.isWhitespace || $0 == "　" }) {
                let like = "c.text LIKE ? ESCAPE '\\'"
                conditions.append(CommitmentCondition(kind: .words, sql: like, test: like, member: like,
                                                      arguments: ["%" + SearchSyntax.likeEscaped(String(term)) + "%"], candidates: nil))
            }
        } else if let match = filter.match {
            let listed = "SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?"
            // The word index answers a word's rows at once, faster than a lookup for each row.
            conditions.append(CommitmentCondition(kind: .words, sql: "c.id IN (\(listed))", test: "+c.id IN (\(listed))", member: "+c.id IN (\(listed))",
                                                  arguments: [try SearchSyntax.ftsQuery(match)], candidates: listed))
        }
        return conditions
    }

    /// Whether the condition names fewer than `few` commitments: counted up to that many in its index.
    func namesFewer(than few: Int, _ db: Database) throws -> Bool {
        guard let candidates else { return false }
        let counted = try SearchSyntax.translatingFTSErrors {
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(candidates) LIMIT \(few))", arguments: arguments) ?? 0
        }
        return counted < few
    }

    /// `conditions` written for a statement, the one at `driving` (if any) open to its index and the others
    /// as tests of each row, or as membership of their sets when `counting`; their arguments in the same order.
    static func written(_ conditions: [CommitmentCondition], driving: Int?, counting: Bool) -> (sql: [String], arguments: StatementArguments) {
        var arguments = StatementArguments()
        let sql = conditions.enumerated().map { index, condition in
            _ = arguments.append(contentsOf: condition.arguments)
            return index == driving ? condition.sql : counting ? condition.member : condition.test
        }
        return (sql, arguments)
    }
}
