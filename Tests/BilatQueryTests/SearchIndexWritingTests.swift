import BilatIngest
import Foundation
import GRDB
import Testing
@testable import BilatQuery

/// The importer writes the full-text indexes itself (schema 12): what it writes must be what the indexes
/// would hold if built again from the rows they index, after every kind of write an import makes.
@Suite struct SearchIndexWritingTests {
    /// Each index's matches for each query (rowids in bm25 order), and its own check.
    func snapshot(_ archive: Archive) throws -> [String] {
        try archive.write { db in
            var found: [String] = []
            let queries = ["readout_fts": ["minister*", "cyber*", "ukraine", "cooperation", "convenus", "telephone OR trade", "moldova"],
                           "readout_trigram": ["防衛装備", "インド太平洋", "外務大臣"],
                           "commitment_fts": ["agreed", "strengthen", "convenus", "trade", "deepen"]]
            for (table, words) in queries.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
                for word in words {
                    let rows = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? ORDER BY rank, rowid", arguments: [word])
                    found.append("\(table) \(word): \(rows)")
                }
            }
            return found
        }
    }

    @Test func theIndexesHoldWhatARebuildFromTheRowsGives() throws {
        let t = try TemporaryArchive()
        let archive = try t.open()
        let japanese = "日仏外相会談\n令和6年5月1日\n\n本1日、上川陽子外務大臣は、ステファン・セジュルネ・フランス共和国外務大臣と会談した。両外相は、防衛装備品協力及びインド太平洋での連携を深めることで一致した。\n"
        // A new meeting, a readout that joins it, another meeting, a Japanese readout (the trigram index too).
        #expect(try archive.store(try storable(aliceText, file: "jp/readout.txt")) == .imported(id: "2024-03-04-jpn-fra"))
        #expect(try archive.store(try storable(aliceTextFrench, file: "fr/readout.txt")) == .linked(id: "2024-03-04-jpn-fra"))
        try archive.store(try storable(bobText, file: "b.txt"))
        try archive.store(try storable(japanese, file: "ja.txt"))
        // A changed readout replaces the one from its place: its rows leave the indexes, the new ones go in.
        let changed = aliceText.replacingOccurrences(of: "Ukraine", with: "Moldova")
        #expect(try archive.store(try storable(changed, file: "jp/readout.txt")) == .replaced(id: "2024-03-04-jpn-fra"))
        // An export read back into another archive lists a readout whose bytes it does not hold.
        var records: [MeetingRecord] = []
        try MeetingQuery.export(archive, filter: MeetingFilter()) { records.append($0) }
        let copy = try TemporaryArchive().open()
        for record in records { try copy.store(StorableReadout(exported: try MeetingRecord.decode(json: record.jsonString()))) }

        for written in [archive, copy] {
            #expect(try RawSQL.run(written, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%insert'").rows == [[.int(0)]])
            let before = try snapshot(written)
            // The replaced readout's words are gone and its new ones there (a copy holds only the text of each
            // meeting's first readout: the others are listed, without their bytes).
            let words = written === archive ? ["readout_fts moldova", "readout_fts convenus", "readout_trigram 防衛装備", "commitment_fts convenus"]
                : ["readout_fts convenus", "readout_trigram 防衛装備", "commitment_fts deepen"]
            for found in words { #expect(before.contains { $0.hasPrefix(found + ": [") && !$0.hasSuffix("[]") }, "\(found): \(before)") }
            #expect(before.contains("readout_fts ukraine: []"))
            try written.write { db in
                for table in ["readout_fts", "readout_trigram", "commitment_fts"] { try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('rebuild')") }
            }
            #expect(try snapshot(written) == before)
            #expect(try ArchiveCheck.run(written).problems.isEmpty)
        }
    }

    /// Where the writer stores a sentence as its place, SQLite's own `instr` and `length` must give that place.
    @Test func aPlaceIsCountedAsSQLiteCountsIt() throws {
        let db = try DatabaseQueue()
        var cases: [(String, String)] = [
            ("Les ministres sont convenus de renforcer la coopération.", "renforcer la coopération"),
            ("日仏外相会談。両外相は、防衛装備品協力で一致した。", "防衛装備品協力"),
            ("Café ☕️ then 🇯🇵 and é (e\u{301}) agreed.", "agreed"),
            ("Café ☕️ then 🇯🇵 and é (e\u{301}) agreed.", "e\u{301}) agreed"),
            ("nothing here", "absent"), ("", ""), ("text", ""), ("", "text"),
        ]
        // Every text of up to three characters from one- to four-byte scalars and a combining accent, with each
        // of its runs of scalars and a word it lacks.
        let alphabet = ["a", " ", "é", "日", "😀", "\u{301}"]
        var texts = [""]
        var longest = [""]
        for _ in 1...3 {
            longest = longest.flatMap { text in alphabet.map { text + $0 } }
            texts += longest
        }
        for body in texts {
            let scalars = Array(body.unicodeScalars)
            for from in scalars.indices {
                for to in (from + 1)...scalars.count { cases.append((body, String(String.UnicodeScalarView(scalars[from..<to])))) }
            }
            cases.append((body, "ab"))
        }
        try db.read { db in
            for (body, words) in cases {
                let row = try Row.fetchOne(db, sql: "SELECT instr(?, ?) AS at, length(?) AS length", arguments: [body, words, words])!
                let at: Int = row["at"]
                let place = TextPlace.of(words, in: body)
                #expect(place?.start ?? 0 == at, "\(body.debugDescription) \(words.debugDescription)")
                if let place { #expect(place.length == row["length"] as Int, "\(words.debugDescription)") }
            }
        }
    }
}
