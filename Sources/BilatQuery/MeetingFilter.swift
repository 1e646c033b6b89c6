import BilatIngest
import Foundation
import GRDB

/// The filters `list`, `search`, `commitments` and `export` share. All are optional and combine with AND.
public struct MeetingFilter: Sendable {
    /// Earliest meeting date, inclusive: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var from: String?
    /// Latest meeting date, inclusive, same forms.
    public var to: String?
    /// A person's name, or any part of it, in any order, case and accents ("rutte", "RUTTE Mark", "Lula"):
    /// see ``PersonMatch``.
    public var person: String?
    /// A party code or name in any known language ("JPN", "Japon", "日本").
    public var party: String?
    /// Topics, by slug or label ("defence-cooperation", "Ukraine"); a meeting matches when it has any of them.
    public var topics: [String] = []
    /// Only meetings whose readouts disagree on a fact.
    public var conflicts = false
    /// Only meetings a person should check (`bilat review`): a reason from the reading, a correction whose
    /// readout changed since, or readouts that disagree.
    public var needsReview = false
    public var limit: Int?

    public init(from: String? = nil, to: String? = nil, person: String? = nil, party: String? = nil, topics: [String] = [],
                conflicts: Bool = false, needsReview: Bool = false, limit: Int? = nil) {
        self.from = from
        self.to = to
        self.person = person
        self.party = party
        self.topics = topics
        self.conflicts = conflicts
        self.needsReview = needsReview
        self.limit = limit
    }

    /// Whether `text` is a date bound the filters accept (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a real day).
    public static func isValidDateBound(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        let numbers = parts.compactMap { Int($0) }
        if numbers.count >= 2 && !(1...12).contains(numbers[1]) { return false }
        if numbers.count == 3 {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let components = DateComponents(year: numbers[0], month: numbers[1], day: numbers[2])
            guard let date = calendar.date(from: components) else { return false }
            return calendar.component(.day, from: date) == numbers[2]
        }
        return true
    }

    /// The party code `party` names, or an error naming the value: see ``PartyChoice``.
    static func partyCode(_ party: String, _ db: Database) throws -> String {
        try PartyChoice.code(party, db)
    }

    /// The SQL conditions on `meetings AS m` and their arguments.
    ///
    /// `perMeeting` writes each filter as a test of one meeting (`EXISTS` on the filter table's primary key)
    /// rather than as the set of all matching meetings: what a statement that reads meetings one by one, in
    /// an index's order, wants.
    /// `personIDs` are the people ``person`` names, where the caller has already looked them up.
    func conditions(_ db: Database, perMeeting: Bool = false, personIDs: [Int64]? = nil) throws -> (sql: [String], arguments: StatementArguments) {
        var (sql, arguments) = dateConditions("m.date")
        if let person {
            let ids = try personIDs ?? PersonMatch.find(person, db).ids
            let list = ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ", ")
            // Per meeting, the meeting's participants are read by its primary key (`+` keeps SQLite off the
            // person's index, whose every entry it would otherwise read for every meeting tested).
            sql.append(perMeeting ? "EXISTS (SELECT 1 FROM participants pa WHERE pa.meeting_num = m.num AND +pa.person_id IN (\(list)))"
                : "m.num IN (SELECT pa.meeting_num FROM participants pa WHERE pa.person_id IN (\(list)))")
        }
        if let party {
            sql.append(perMeeting ? "EXISTS (SELECT 1 FROM meeting_parties WHERE meeting_num = m.num AND party_code = ?)"
                : "m.num IN (SELECT meeting_num FROM meeting_parties WHERE party_code = ?)")
            _ = arguments.append(contentsOf: [try Self.partyCode(party, db)])
        }
        if !topics.isEmpty {
            let topics = try TopicQuery.numbers(topics, db)
            let numbers = databaseQuestionMarks(count: topics.count)
            sql.append(perMeeting ? "EXISTS (SELECT 1 FROM meeting_topics_stored WHERE meeting_num = m.num AND topic IN (\(numbers)))"
                : "m.num IN (SELECT meeting_num FROM meeting_topics_stored WHERE topic IN (\(numbers)))")
            _ = arguments.append(contentsOf: StatementArguments(topics))
        }
        if conflicts { sql.append(Self.conflictsSQL(unresolvedOnly: false)) }
        // What `bilat review` lists: the reading's reasons that no correction answers, corrections whose
        // readouts changed since, and conflicts on facts no one has corrected.
        if needsReview { sql.append("(\(ReviewReasons.openSQL) OR \(Self.conflictsSQL(unresolvedOnly: true)))") }
        return (sql, arguments)
    }

    /// The date bounds as conditions on `column`, a meeting's date as text (`YYYY-MM-DD`), and their arguments.
    func dateConditions(_ column: String) -> (sql: [String], arguments: StatementArguments) {
        var sql: [String] = []
        var arguments = StatementArguments()
        if let from {
            sql.append("\(column) >= ?")
            _ = arguments.append(contentsOf: [from])
        }
        if let to {
            // '~' sorts after every digit and '-': "2025" covers all of 2025, "2025-04" all of April.
            sql.append("\(column) < ?")
            _ = arguments.append(contentsOf: [to + "~"])
        }
        return (sql, arguments)
    }

    /// Whether meeting `m`'s readouts disagree: two of them state different values of one fact (NULLs are
    /// not counted), or give a participant another side or role. With `unresolvedOnly`, a fact a person has
    /// corrected does not count: they have decided it.
    static func conflictsSQL(unresolvedOnly: Bool) -> String {
        func unless(_ field: String) -> String {
            unresolvedOnly ? " AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.meeting_id = (SELECT id FROM meetings WHERE num = sources.meeting_num) AND c.field = '\(field)')" : ""
        }
        let personDecided = unresolvedOnly ? """
             AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.meeting_id = (SELECT id FROM meetings WHERE num = evidence.meeting_num)
                             AND c.field IN ('participant.party', 'participant.role')
                             AND c.item = (SELECT name FROM participants p WHERE p.meeting_num = evidence.meeting_num AND p.position = evidence.item))
            """ : ""
        return """
            (m.num IN (SELECT meeting_num FROM sources WHERE meeting_num IN (SELECT meeting_num FROM sources WHERE position > 0)
                       GROUP BY meeting_num HAVING \(MeetingFacts.fields.map { "(count(DISTINCT stated_\($0)) > 1\(unless($0)))" }.joined(separator: " OR ")))
             OR m.num IN (SELECT meeting_num FROM evidence WHERE field = 'participant' AND value IS NOT NULL
                          AND meeting_num IN (SELECT meeting_num FROM sources WHERE position > 0)
                          GROUP BY meeting_num, item HAVING count(DISTINCT value) > 1\(personDecided)))
            """
    }

    /// The conditions that read a filter table `d` in its `(key, meeting_day)` index: its key `column`
    /// equal to one of `values`, and the date bounds as days.
    func indexConditions(_ column: String, _ values: [DatabaseValueConvertible]) -> (sql: [String], arguments: StatementArguments) {
        var sql = [values.count == 1 ? "d.\(column) = ?" : "d.\(column) IN (\(databaseQuestionMarks(count: values.count)))"]
        var arguments = StatementArguments(values.map { $0 as DatabaseValueConvertible? })
        let days = dayConditions("d.meeting_day")
        sql += days.sql
        _ = arguments.append(contentsOf: days.arguments)
        return (sql, arguments)
    }

    /// The date bounds as conditions on a `meeting_day` `column` (YYYYMMDD numbers), which its index can range over.
    func dayConditions(_ column: String) -> (sql: [String], arguments: StatementArguments) {
        var sql: [String] = []
        var arguments = StatementArguments()
        let days = dayRange
        if let from = days.from { sql.append("\(column) >= ?"); _ = arguments.append(contentsOf: [from]) }
        if let to = days.to { sql.append("\(column) <= ?"); _ = arguments.append(contentsOf: [to]) }
        return (sql, arguments)
    }

    /// The date bounds as the YYYYMMDD numbers of `meeting_day` columns (inclusive), for an index range.
    var dayRange: (from: Int?, to: Int?) {
        func day(_ bound: String?, fill: Int) -> Int? {
            guard let bound, Self.isValidDateBound(bound) else { return nil }
            let parts = bound.split(separator: "-").compactMap { Int($0) }
            let month = parts.count > 1 ? parts[1] : fill == 0 ? 0 : 99
            let day = parts.count > 2 ? parts[2] : fill == 0 ? 0 : 99
            return (parts[0] * 100 + month) * 100 + day
        }
        return (day(from, fill: 0), day(to, fill: 99))
    }
}
