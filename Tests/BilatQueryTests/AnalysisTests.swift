import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery

/// A readout of our own words: `minister` of Japan meets (or calls) `other` of `country` on `date`.
func meetingText(_ date: String, with other: String, of country: String, call: Bool = false, venue: String? = nil, agreed: String) -> String {
    let verb = call ? "had a telephone conversation with" : "held a meeting with"
    return """
        Foreign Ministers' \(call ? "Telephone Talk" : "Meeting")
        \(date)

        On \(date), \(venue.map { "in \($0), " } ?? "")Mr. SATO Akira, Minister for Foreign Affairs of Japan, \(verb) \(other), Foreign Minister of \(country).
        The two ministers agreed to \(agreed).
        Minister Sato stated that Japan will provide support for the reconstruction of Ukraine.
        """
}

/// An archive of six meetings over three years, with a second readout linked to one of them.
func analysisArchive() throws -> Archive {
    let archive = try TemporaryArchive().open()
    try archive.store(try storable(aliceText, file: "jp/a.txt"))
    try archive.store(try storable(aliceTextFrench, file: "fr/a.txt"))
    try archive.store(try storable(bobText, file: "b.txt"))
    try archive.store(try storable(meetingText("May 6, 2024", with: "Mr. Ben Carter", of: "Canada", venue: "Tokyo",
                                               agreed: "deepen cooperation on critical minerals"), file: "c.txt"))
    try archive.store(try storable(meetingText("June 12, 2025", with: "Ms. Élodie Marchand", of: "the French Republic", call: true,
                                               agreed: "strengthen cooperation on cyber defence"), file: "d.txt"))
    try archive.store(try storable(meetingText("July 1, 2025", with: "Mr. Ben Carter", of: "Canada", venue: "Paris",
                                               agreed: "promote trade and investment"), file: "e.txt"))
    try archive.store(try storable(meetingText("July 2, 2025", with: "Mr. Tomas Novak", of: "the Czech Republic", venue: "Prague",
                                               agreed: "hold an economic dialogue"), file: "f.txt"))
    return archive
}

@Suite struct AnalysisTests {
    /// Every key and pair of keys counted two ways: by `bilat stats` and from the meetings' records.
    @Test func statsCountsEqualCountsOfTheRecords() throws {
        let archive = try analysisArchive()
        var records: [MeetingRecord] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        #expect(records.count == 6)
        #expect(records.first { $0.id == "2024-03-04-jpn-fra" }?.readouts.count == 2)
        func values(_ key: StatsKey, _ r: MeetingRecord) -> [String?] {
            switch key {
            case .party: return r.parties
            case .pair: return [r.parties.sorted().joined(separator: "–")]
            case .person: return Array(Set(r.principals.map(\.name)))
            case .topic: return r.topics
            case .format: return [r.format?.rawValue]
            case .year: return [r.date.map { String($0.prefix(4)) }]
            case .month: return [r.date.map { String($0.prefix(7)) }]
            case .bound: return Array(Set(r.commitments.map(\.by)))
            }
        }
        func expected(_ keys: [StatsKey], _ records: [MeetingRecord]) -> [[String?]: Int] {
            var counts: [[String?]: Int] = [:]
            for r in records {
                var combinations: [[String?]] = [[]]
                for key in keys { combinations = combinations.flatMap { c in values(key, r).map { c + [$0] } } }
                for c in Set(combinations) { counts[c, default: 0] += 1 }
            }
            return counts
        }
        func counted(_ keys: [StatsKey], _ filter: MeetingFilter = MeetingFilter()) throws -> [[String?]: Int] {
            Dictionary(uniqueKeysWithValues: try StatsQuery.run(archive, by: keys, filter: filter, commitments: false).map { ($0.keys, $0.meetings) })
        }
        for key in StatsKey.allCases {
            #expect(try counted([key]) == expected([key], records), "\(key)")
        }
        for (a, b) in [(StatsKey.pair, StatsKey.year), (.party, .topic), (.person, .format), (.month, .party), (.topic, .bound)] {
            #expect(try counted([a, b]) == expected([a, b], records), "\(a) × \(b)")
        }
        // With a filter, and after a person's corrections.
        let japanFrance = records.filter { $0.parties.contains("FRA") }
        #expect(try counted([.year], MeetingFilter(party: "France")) == expected([.year], japanFrance))
        _ = try CorrectionStore.correct(archive, id: "2023-08-02-jpn-can", field: "date", words: ["2024-08-02"], note: nil)
        _ = try CorrectionStore.correct(archive, id: "2025-07-02-jpn-cze", field: "parties", words: ["JPN", "SVK"], note: nil)
        records = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        #expect(try counted([.pair, .year]) == expected([.pair, .year], records))
        #expect(try counted([.pair])[["JPN–SVK"]] == 1 && counted([.year])[["2023"]] == nil)
        // Years and months of a side's meetings are read from the side's index: the corrected date is there too.
        let canada = records.filter { $0.parties.contains("CAN") }
        #expect(try counted([.month, .year], MeetingFilter(party: "Canada")) == expected([.month, .year], canada))
        #expect(try counted([.year], MeetingFilter(party: "Canada"))[["2024"]] == 2)
        // The same counts from SQL of our own, for the party key.
        let bySQL = try archive.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT party_code, count(DISTINCT meeting_num) AS n FROM meeting_parties GROUP BY party_code")
                .map { ([$0["party_code"] as String?], $0["n"] as Int) })
        }
        #expect(try counted([.party]) == bySQL)
    }

    @Test func statsCountCommitmentsAndOrderGroups() throws {
        let archive = try analysisArchive()
        let rows = try StatsQuery.run(archive, by: [.bound], filter: MeetingFilter(), commitments: true)
        let commitments = try archive.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM commitments_stored")! }
        #expect(rows.compactMap(\.commitments).reduce(0, +) == commitments)
        let topics = try StatsQuery.run(archive, by: [.topic], filter: MeetingFilter(), commitments: true)
        let tagged = try archive.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT topic_slug, count(*) AS n FROM commitment_topics GROUP BY topic_slug")
                .map { ($0["topic_slug"] as String, $0["n"] as Int) })
        }
        for row in topics { #expect(row.commitments == (tagged[row.keys[0]!] ?? 0), "\(row.keys)") }
        // With a topic filter, the commitments on that topic.
        let cyber = try StatsQuery.run(archive, by: [.year], filter: MeetingFilter(topics: ["cybersecurity"]), commitments: true)
        let onCyber = try archive.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM commitment_topics ct JOIN commitments_stored c ON c.id = ct.commitment_id
                WHERE ct.topic_slug = 'cybersecurity' AND c.meeting_num IN (SELECT meeting_num FROM meeting_topics WHERE topic_slug = 'cybersecurity')
                """)!
        }
        #expect(onCyber > 0 && cyber.compactMap(\.commitments).reduce(0, +) == onCyber)
        // A topic named by its label counts the same commitments as by its slug.
        let byLabel = try StatsQuery.run(archive, by: [.year], filter: MeetingFilter(topics: ["Cybersecurity"]), commitments: true)
        #expect(byLabel == cyber)
        // Commitments by keys of their meeting and of their own, with and without filters, counted two ways:
        // by `bilat stats` and from the meetings' records.
        var records: [MeetingRecord] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        func values(_ key: StatsKey, _ r: MeetingRecord, _ c: Commitment) -> [String?] {
            switch key {
            case .party: return r.parties
            case .year: return [r.date.map { String($0.prefix(4)) }]
            case .topic: return c.topics
            case .bound: return [c.by]
            default: return []
            }
        }
        for keys in [[StatsKey.party], [.topic, .party], [.party, .topic], [.topic, .bound], [.year, .bound, .party]] {
            for (filter, kept) in [(MeetingFilter(), records), (MeetingFilter(party: "CAN"), records.filter { $0.parties.contains("CAN") }),
                                   (MeetingFilter(topics: ["trade-investment"]), records.filter { $0.topics.contains("trade-investment") })] {
                var expected: [[String?]: Int] = [:]
                for r in kept {
                    for c in r.commitments where filter.topics.isEmpty || !Set(c.topics).isDisjoint(with: filter.topics) {
                        var combinations: [[String?]] = [[]]
                        for key in keys { combinations = combinations.flatMap { combination in values(key, r, c).map { combination + [$0] } } }
                        for combination in Set(combinations) { expected[combination, default: 0] += 1 }
                    }
                }
                let rows = try StatsQuery.run(archive, by: keys, filter: filter, commitments: true)
                let counted = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.commitments.flatMap { $0 > 0 ? (row.keys, $0) : nil } })
                #expect(!expected.isEmpty && counted == expected, "\(keys) \(filter)")
            }
        }
        // Time keys in time; others by most meetings; a limit counts groups.
        #expect(try StatsQuery.run(archive, by: [.year], filter: MeetingFilter(), commitments: false).map { $0.keys[0] } == ["2023", "2024", "2025"])
        let parties = try StatsQuery.run(archive, by: [.party], filter: MeetingFilter(limit: 2), commitments: false)
        #expect(parties.map { $0.keys[0] } == ["JPN", "CAN"] && parties.map(\.meetings) == [6, 3])
    }

    /// One CONSULT event per meeting and one AGREE per commitment, field by field.
    @Test func ploverEvents() throws {
        let archive = try analysisArchive()
        var records: [MeetingRecord] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        for r in records {
            let events = PloverExport.events(of: r).map { try! JSONDecoder().decode(PloverEvent.self, from: Data($0.rendered().utf8)) }
            #expect(events.count == 1 + r.commitments.count)
            #expect(events.map(\.event) == [["CONSULT"]] + Array(repeating: ["AGREE"], count: r.commitments.count))
            #expect(Set(events.map(\.link)) == [r.id!] && Set(events.map(\.id)).count == events.count)
            for e in events {
                #expect(e.date == r.date && e.time == r.startTime)
                #expect((e.actor + e.recipient).allSatisfy { ["GOV", "IGO"].contains($0.sector) && !$0.entity_text.isEmpty })
                #expect(e.cite_info.citation.hasPrefix("/readouts/"))
            }
            // Every side is there, as actor or recipient.
            #expect(Set((events[0].actor + events[0].recipient).map(\.code)) == Set(r.parties))
            for (index, c) in r.commitments.enumerated() {
                let agree = events[index + 1]
                #expect(agree.event_text == [c.text])
                if c.by == Commitment.joint {
                    #expect(Set(agree.actor.map(\.code)) == Set(r.parties) && agree.recipient.isEmpty)
                } else {
                    #expect(Set(agree.actor.map(\.code)) == [c.by] && Set(agree.recipient.map(\.code)) == Set(r.parties).subtracting([c.by]))
                }
            }
        }
        func consult(_ id: String) -> PloverEvent? {
            records.first { $0.id == id }.map { try! JSONDecoder().decode(PloverEvent.self, from: Data(PloverExport.events(of: $0)[0].rendered().utf8)) }
        }
        // Held in Tokyo: Canada's minister visits, Japan hosts.
        let tokyo = try #require(consult("2024-05-06-jpn-can"))
        #expect(tokyo.mode == ["visit"] && tokyo.actor.map(\.code) == ["CAN"] && tokyo.recipient.map(\.code) == ["JPN"])
        #expect(tokyo.actor.first?.entity_text == "Ben Carter" && tokyo.actor.first?.office == "Foreign Minister of Canada")
        // Held in Paris by Japan and Canada: a third party's; a call: by phone; no venue: no mode; both sides act.
        #expect(consult("2025-07-01-jpn-can")?.mode == ["third-party"])
        #expect(consult("2025-06-12-jpn-fra")?.mode == ["phone"] && consult("2025-06-12-jpn-fra")?.recipient.isEmpty == true)
        #expect(consult("2024-03-04-jpn-fra")?.mode == [] && consult("2024-03-04-jpn-fra")?.actor.count == 2)
    }

    @Test func tablesHaveARowPerItem() throws {
        let archive = try analysisArchive()
        let sql: [ExportTable: String] = [
            .meetings: "SELECT count(*) FROM meetings", .readouts: "SELECT count(*) FROM sources",
            .participants: "SELECT count(*) FROM participants", .commitments: "SELECT count(*) FROM commitments",
            .topics: "SELECT count(*) FROM meeting_topics",
        ]
        for table in ExportTable.allCases {
            let result = try TableExport.rows(archive, table: table, filter: MeetingFilter())
            let count = try archive.read { db in try Int.fetchOne(db, sql: sql[table]!)! }
            #expect(result.rows.count == count, "\(table)")
            #expect(result.columns.first == (table == .meetings ? "id" : "meeting_id"))
            #expect(result.rows.allSatisfy { $0.count == result.columns.count })
        }
        // The linked meeting's two readouts, numbered as the record numbers them; a participant's readout.
        let readouts = try TableExport.rows(archive, table: .readouts, filter: MeetingFilter(from: "2024-03-04", to: "2024-03-04"))
        #expect(readouts.rows.map { $0[1] } == [.int(0), .int(1)])
        #expect(readouts.rows.map { $0[readouts.columns.firstIndex(of: "duration_minutes")!] } == [.int(50), .int(45)])
        let meetings = try TableExport.rows(archive, table: .meetings, filter: MeetingFilter(party: "CZE"))
        #expect(meetings.rows.count == 1 && meetings.rows[0][meetings.columns.firstIndex(of: "parties")!] == .string("JPN;CZE"))
        #expect(meetings.rows[0][meetings.columns.firstIndex(of: "readouts")!] == .int(1))
    }

    @Test func schemaListsTablesAndViewsWithColumns() throws {
        let archive = try analysisArchive()
        let tables = try SchemaQuery.tables(archive)
        let names = Set(tables.map(\.name))
        #expect(names.isSuperset(of: ["meetings", "sources", "participants", "corrections", "meeting_overview", "readouts", "readout_fts"]))
        #expect(!names.contains("readout_fts_data") && !names.contains("grdb_migrations"))
        let meetings = try #require(tables.first { $0.name == "meetings" })
        #expect(meetings.kind == "table" && meetings.columns.map(\.name).starts(with: ["num", "id", "source_id", "title"]))
        #expect(meetings.columns.first { $0.name == "id" }?.notNull == true && meetings.columns.first?.primaryKey == true)
        #expect(tables.first { $0.name == "readouts" }?.kind == "view" && tables.first { $0.name == "readout_fts" }?.kind == "fts5")
    }
}

/// A PLOVER event as a consumer reads it: what `ploverEvents` checks field by field.
struct PloverEvent: Decodable {
    struct Entity: Decodable {
        var code: String
        var sector: String
        var entity_text: String
        var office: String?
    }
    struct Citation: Decodable {
        var url: String?
        var citation: String
        var language: String
    }
    var id: String
    var date: String?
    var time: String?
    var actor: [Entity]
    var recipient: [Entity]
    var event: [String]
    var mode: [String]
    var event_text: [String]
    var link: String
    var cite_info: Citation
}
