import BilatIngest
import Foundation
import GRDB

/// Makes a meeting again from its readouts: when one of them is replaced or taken out, when a person links
/// or unlinks readouts, and when `bilat reread` reads them all again.
enum MeetingRebuild {
    /// Reads the stored readouts again.
    static let reader = ReadoutParser()

    /// A readout of a meeting as stored: its row, its place, and the readout read again from its bytes
    /// (`nil` for one known only from an export's list of readouts, whose record brings it back).
    struct Stored {
        var sourceID: Int64
        /// The resolved path, else the page's URL, else the SHA-256: what a person's link or unlink names.
        var place: String
        var mediaType: String
        var readout: StorableReadout?
    }

    /// Deletes readout `source`. A meeting of that one readout goes with it; a meeting of several is made
    /// again, under its id, from its other readouts in their order (their stored bytes are read again),
    /// so that nothing the removed readout said stays behind. The caller applies the meeting's corrections.
    static func remove(source: Int64, _ db: Database, now: Date) throws {
        guard let meeting = try Row.fetchOne(db, sql: """
            SELECT m.num, m.id FROM sources s JOIN meetings m ON m.num = s.meeting_num WHERE s.id = ?
            """, arguments: [source]) else {
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [source])
            return
        }
        let others = try readouts(of: meeting["num"], except: source, db).compactMap(\.readout)
        try deleteReadouts(of: meeting["num"], db)
        try remake(meeting["id"], from: others, db, now: now)
    }

    /// The readouts of meeting `num` in their order (but `except`), each read again from its stored bytes.
    static func readouts(of num: Int64, except: Int64? = nil, _ db: Database) throws -> [Stored] {
        try Row.fetchAll(db, sql: """
            SELECT id, file_name, path, url, sha256, media_type, content, imported_at FROM sources
            WHERE meeting_num = ? AND id IS NOT ? ORDER BY position
            """, arguments: [num, except]).map { row in
            Stored(sourceID: row["id"], place: place(row), mediaType: row["media_type"], readout: try restorable(row))
        }
    }

    /// Where a readout's row says it came from, as a person's link or unlink names it.
    static func place(_ row: Row) -> String {
        (row["path"] as String?) ?? (row["url"] as String?) ?? row["sha256"]
    }

    /// Deletes every readout of meeting `num`, and so the meeting with all it was read to hold.
    static func deleteReadouts(of num: Int64, _ db: Database) throws {
        // The linked readouts first, while the meeting's rows that their triggers read are still there.
        try db.execute(sql: "DELETE FROM sources WHERE meeting_num = ? AND id <> (SELECT source_id FROM meetings WHERE num = ?)", arguments: [num, num])
        try db.execute(sql: "DELETE FROM sources WHERE id = (SELECT source_id FROM meetings WHERE num = ?)", arguments: [num])
    }

    /// Stores `readouts` as one meeting with the id `id`: the first makes it, the others join it in order
    /// whatever they say. Nothing is stored for no readouts. Returns the meeting's row.
    @discardableResult
    static func remake(_ id: String, from readouts: [StorableReadout], _ db: Database, now: Date) throws -> Int64? {
        guard let first = readouts.first else { return nil }
        let stored = try Archive.storeMeeting(first, id: id, db, now: now)
        let num = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [stored])!
        for readout in readouts.dropFirst() { try ReadoutLinker.link(readout, to: num, db, now: now) }
        return num
    }

    /// A stored readout as it was imported, read again; `nil` for one known only from an export's list
    /// (its record brings it back).
    static func restorable(_ row: Row) throws -> StorableReadout? {
        let media: String = row["media_type"]
        let content: Data = row["content"]
        let file: String = row["file_name"]
        var readout: StorableReadout
        switch media {
        case StorableReadout.referenceMediaType:
            return nil
        case StorableReadout.recordMediaType:
            readout = StorableReadout(exported: try MeetingRecord.decode(json: String(decoding: content, as: UTF8.self)))
        case "text/html":
            readout = StorableReadout(parsed: try reader.parseHTML(ReadoutInput(bytes: content, fileName: file)), content: content, path: row["path"])
        default:
            readout = StorableReadout(parsed: try reader.parse(ReadoutInput(bytes: content, fileName: file)), content: content, path: row["path"])
        }
        // Imported when it first was, not now.
        readout.record.source.importedAt = row["imported_at"]
        if readout.isOwnText { readout.record.readouts[0].importedAt = row["imported_at"] }
        return readout
    }
}
