import BilatIngest
import Foundation
import GRDB

/// The headed sections of a meeting as they were read: the places of their lines in the readout's text
/// (what the reader took, not a second copy of it), or their text where the text does not hold them.
enum SectionStore {
    /// Stores `sections` of meeting `num`, read from `body` (the first readout's text).
    static func insert(_ sections: [Section], meeting num: Int64, body: String?, _ db: Database) throws {
        var from = (byte: 0, scalar: 0)
        for (position, section) in sections.enumerated() {
            let places = body.flatMap { spans(of: section.text, in: $0, from: &from) }
            let encoded: String? = places.map { list in
                JSONValue.array(list.map { JSONValue.array([.int($0.start), .int($0.length)]) }).rendered()
            }
            try db.cachedStatement(sql: "INSERT INTO sections(meeting_num, position, heading, text, spans) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [num, position, section.heading, places == nil ? section.text : "", encoded])
        }
    }

    /// The places of the lines of `text` in `body` (in code points), each found after the one before;
    /// `nil` when one is not there. `from` is where the search starts, in bytes and in code points.
    ///
    /// Found by bytes, then counted in code points: a line's bytes match just where its scalars do.
    static func spans(of text: String, in body: String, from: inout (byte: Int, scalar: Int)) -> [(start: Int, length: Int)]? {
        var found: [(start: Int, length: Int)] = []
        var at = from
        let bytes = body.utf8
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !line.isEmpty, let offset = body.utf8Offset(of: line, from: at.byte) else { return nil }
            // The code points between the last place and this one: every byte that does not continue a scalar.
            let skipped = bytes[bytes.index(bytes.startIndex, offsetBy: at.byte)..<bytes.index(bytes.startIndex, offsetBy: offset)]
            let start = at.scalar + skipped.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            let length = line.unicodeScalars.count
            found.append((start, length))
            at = (offset + line.utf8.count, start + length)
        }
        from = at
        return found
    }

    /// The sections of meeting `num` as stored, their lines read back from `body`.
    static func sections(_ num: Int64, body: String, _ db: Database) throws -> [Section] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT heading, text, spans FROM sections WHERE meeting_num = ? ORDER BY position"), arguments: [num])
        guard !rows.isEmpty else { return [] }
        let scalars = Array(body.unicodeScalars)
        return rows.map { row in
            guard let spans = (row["spans"] as String?).flatMap({ try? JSONDecoder().decode([[Int]].self, from: Data($0.utf8)) }) else {
                return Section(heading: row["heading"], text: row["text"])
            }
            let lines = spans.map { span -> String in
                guard span.count == 2, span[0] >= 0, span[1] >= 0, span[0] + span[1] <= scalars.count else { return "" }
                var line = String.UnicodeScalarView()
                line.append(contentsOf: scalars[span[0]..<(span[0] + span[1])])
                return String(line)
            }
            return Section(heading: row["heading"], text: lines.joined(separator: "\n"))
        }
    }

    /// Reads and stores the sections of every meeting whose first readout is a text or page and has none
    /// stored: the meetings of an archive made before sections were kept (schema 5 and older).
    static func fillMissing(_ db: Database) throws {
        let profiles = LanguageData.sharedProfiles
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.num, m.language, coalesce(s.text, CAST(s.content AS TEXT)) AS body
            FROM meetings m JOIN sources s ON s.id = m.source_id
            WHERE s.media_type NOT IN ('application/json', 'application/x-bilat-readout')
              AND NOT EXISTS (SELECT 1 FROM sections WHERE meeting_num = m.num)
            """)
        for row in rows {
            let body: String = row["body"]
            let layout = ReadoutLayout(text: body, profile: LanguageData.profile(row["language"], in: profiles), allProfiles: Array(profiles.values))
            try insert(layout.sections, meeting: row["num"], body: body, db)
        }
    }
}
