import BilatIngest
import Foundation
import GRDB

/// Takes a readout out of its meeting, making the meeting again from its other readouts.
enum MeetingRebuild {
    /// Reads the other readouts of a meeting again when one of them is replaced.
    static let reader = ReadoutParser()

    /// Deletes readout `source`. A meeting of that one readout goes with it; a meeting of several is made
    /// again, under its id, from its other readouts in their order (their stored bytes are read again),
    /// so that nothing the removed readout said stays behind.
    static func remove(source: Int64, _ db: Database, now: Date) throws {
        guard let meeting = try Row.fetchOne(db, sql: """
            SELECT m.num, m.id, m.source_id FROM sources s JOIN meetings m ON m.num = s.meeting_num WHERE s.id = ?
            """, arguments: [source]) else {
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [source])
            return
        }
        let num: Int64 = meeting["num"]
        let first: Int64 = meeting["source_id"]
        let others = try Row.fetchAll(db, sql: """
            SELECT file_name, path, media_type, content, imported_at FROM sources WHERE meeting_num = ? AND id <> ? ORDER BY position
            """, arguments: [num, source]).compactMap(restorable)
        // The linked readouts first, while the meeting's rows that their triggers read are still there.
        try db.execute(sql: "DELETE FROM sources WHERE meeting_num = ? AND id <> ?", arguments: [num, first])
        try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [first])
        var rebuilt: Int64?
        for readout in others {
            if let rebuilt {
                try ReadoutLinker.link(readout, to: rebuilt, db, now: now)
            } else {
                let id = try Archive.storeMeeting(readout, id: meeting["id"], db, now: now)
                rebuilt = try Int64.fetchOne(db, sql: "SELECT num FROM meetings WHERE id = ?", arguments: [id])
            }
        }
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
