import BilatIngest
import Foundation
import GRDB

/// Each meeting's facet values (parties, principals by name, topics, year, format), read once from the
/// archive so that the facets of any selection are counted in memory: what `bilat serve` counts beside a
/// listing. The counts are those of ``MeetingPageQuery/facets(_:filter:words:format:limit:)`` — each meeting
/// once per value — at a fraction of the cost for a wide selection. Valid for the ``version`` of the archive
/// it was read from (``ArchiveDataVersion``).
///
/// Read with four statements:
///
///     SELECT num, substr(date, 1, 4), format FROM meetings
///     SELECT meeting_num, party_code FROM meeting_parties
///     SELECT DISTINCT pa.meeting_num, p.name FROM participants pa JOIN people p ON p.id = pa.person_id WHERE pa.role = 'principal'
///     SELECT meeting_num, topic FROM meeting_topics_stored      -- topics by number, named from `topics`
public final class MeetingFacetIndex: Sendable {
    /// The archive's data version when the index was read.
    public let version: Int
    /// Every value, interned; index 0 is "no value".
    private let values: [String?]
    /// Per meeting number: the value indexes of each key (party, person, topic, year, format).
    private let meetings: [Int64: [[Int32]]]
    /// The counts of every meeting, per key and value index: the facets without a filter.
    private let whole: [[Int]]
    private static let keys: [StatsKey] = [.party, .person, .topic, .year, .format]

    private init(version: Int, values: [String?], meetings: [Int64: [[Int32]]]) {
        self.version = version
        self.values = values
        self.meetings = meetings
        whole = Self.count(meetings.values, values: values.count)
    }

    /// Per key, the number of meetings with each value (by value index).
    private static func count(_ entries: some Sequence<[[Int32]]>, values: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: values), count: keys.count)
        for entry in entries {
            for key in 0..<entry.count {
                for value in entry[key] { counts[key][Int(value)] += 1 }
            }
        }
        return counts
    }

    /// Reads the index from `archive`.
    public static func load(_ archive: Archive) throws -> MeetingFacetIndex {
        try archive.read { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            var values: [String?] = [nil]
            var interned: [String: Int32] = [:]
            func intern(_ value: String?) -> Int32 {
                guard let value else { return 0 }
                if let index = interned[value] { return index }
                values.append(value)
                interned[value] = Int32(values.count - 1)
                return Int32(values.count - 1)
            }
            var meetings: [Int64: [[Int32]]] = [:]
            let topics = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT num, slug FROM topics").map { ($0[0] as Int64, $0[1] as String) })
            let rows = try Row.fetchCursor(db, sql: "SELECT num, substr(date, 1, 4) AS year, format FROM meetings")
            while let row = try rows.next() {
                meetings[row[0]] = [[], [], [], [intern(row[1])], [intern(row[2])]]
            }
            for (key, sql) in [(0, "SELECT meeting_num, party_code FROM meeting_parties"),
                               (1, """
                                   SELECT DISTINCT pa.meeting_num, p.name FROM participants pa JOIN people p ON p.id = pa.person_id
                                   WHERE pa.role = 'principal'
                                   """),
                               (2, "SELECT meeting_num, topic FROM meeting_topics_stored")] {
                let cursor = try Row.fetchCursor(db, sql: sql)
                while let row = try cursor.next() {
                    let num: Int64 = row[0]
                    let value = key == 2 ? intern(topics[row[1]]) : intern(row[1])
                    meetings[num]?[key].append(value)
                }
            }
            return MeetingFacetIndex(version: version, values: values, meetings: meetings)
        }
    }

    /// The facets of the meetings numbered `nums` (every meeting when `nil`), as
    /// ``MeetingPageQuery/facets(_:filter:words:format:limit:)`` gives them.
    func facets(of nums: [Int64]?, limit: Int) -> [MeetingPageQuery.Facet] {
        let counts = nums.map { nums in Self.count(nums.lazy.compactMap { self.meetings[$0] }, values: values.count) } ?? whole
        return Self.keys.enumerated().map { index, key in
            let rows = counts[index].enumerated().filter { $0.element > 0 }
                .map { StatsRow(keys: [values[$0.offset]], meetings: $0.element, commitments: nil) }
            return MeetingPageQuery.facet(key, rows, limit: limit)
        }
    }
}
