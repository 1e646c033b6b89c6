import BilatIngest
import Foundation
import GRDB

/// What `bilat link` did.
public struct LinkResult: Equatable, Sendable {
    /// The meeting that now holds the readouts.
    public var id: String
    /// The meetings that joined it (their ids are gone).
    public var joined: [String]
    /// How many readouts the meeting has now.
    public var readouts: Int
    /// Corrections that were not kept ("ID: field"): where the meetings both corrected one fact, the earlier.
    public var droppedCorrections: [String]
}

/// What `bilat unlink` did.
public struct UnlinkResult: Equatable, Sendable {
    /// The meeting the readout was taken from.
    public var id: String
    /// The readout, as its place.
    public var readout: String
    /// The meeting the readout now makes on its own.
    public var newID: String
}

/// A person's decisions that readouts are, or are not, about one meeting (`bilat link`, `bilat unlink`).
///
/// Each decision is kept like a correction (a `link` or `unlink` row of `corrections`, naming the readout
/// by its place), so that later imports respect it (``ReadoutLinker``): a readout from a place linked to
/// a meeting joins it again when it changes, and one unlinked from a meeting never joins it again.
public enum MeetingLinks {
    /// Joins the readouts of the meetings `others` to meeting `id`: the meeting is made again from all of
    /// them, in order (its own first), under its id; the other ids are gone. Their corrections come along
    /// where the meeting has none of the same field.
    public static func link(_ archive: Archive, id: String, others: [String], note: String?, now: Date = Date()) throws -> LinkResult {
        try archive.write { db in
            guard !others.isEmpty else { throw ArchiveError.badQuery("give the meeting and at least one other meeting to link to it") }
            if let twice = ([id] + others).first(where: { name in ([id] + others).filter { $0 == name }.count > 1 }) {
                throw ArchiveError.badQuery("\(twice) is named twice: give each meeting once")
            }
            let num = try CorrectionStore.meetingNum(id, db)
            var readouts = try readable(num, id, db)
            var joined: [(id: String, num: Int64)] = []
            for other in others {
                let otherNum = try CorrectionStore.meetingNum(other, db)
                let theirs = try readable(otherNum, other, db)
                readouts += theirs
                joined.append((other, otherNum))
                for stored in theirs {
                    try decide("link", meeting: id, place: stored.place, value: .string(stored.place), note: note, now: now, db)
                }
            }
            var dropped: [String] = []
            for (other, otherNum) in joined {
                try MeetingRebuild.deleteReadouts(of: otherNum, db)
                dropped += try CorrectionStore.move(from: other, to: id, db)
            }
            // The person now says the readouts are of one meeting: an unlink that kept any two of them apart goes.
            let places = readouts.map(\.place)
            for row in try Row.fetchAll(db, sql: "SELECT id, item, value FROM corrections WHERE field = 'unlink' AND item IN (\(databaseQuestionMarks(count: places.count)))",
                                        arguments: StatementArguments(places)) {
                let apart = CorrectionStore.decodeStrings(row["value"])
                if apart.contains(where: places.contains) { try db.execute(sql: "DELETE FROM corrections WHERE id = ?", arguments: [row["id"] as Int64]) }
            }
            try MeetingRebuild.deleteReadouts(of: num, db)
            try MeetingRebuild.remake(id, from: readouts.compactMap(\.readout), db, now: now)
            try CorrectionStore.apply(id, db)
            return LinkResult(id: id, joined: others, readouts: readouts.count, droppedCorrections: dropped)
        }
    }

    /// Takes readout `readout` (its number as `bilat show` prints it, from 1, or its file name, path or URL)
    /// out of meeting `id`: the meeting is made again from its other readouts, and the readout makes a
    /// meeting of its own.
    public static func unlink(_ archive: Archive, id: String, readout token: String, note: String?, now: Date = Date()) throws -> UnlinkResult {
        try archive.write { db in
            let num = try CorrectionStore.meetingNum(id, db)
            let readouts = try readable(num, id, db)
            guard readouts.count > 1 else { throw ArchiveError.badQuery("\(id) has one readout: there is nothing to unlink") }
            let rows = try Row.fetchAll(db, sql: "SELECT file_name, path, url, sha256 FROM sources WHERE meeting_num = ? ORDER BY position", arguments: [num])
            let index: Int
            if let n = Int(token) {
                guard (1...readouts.count).contains(n) else {
                    throw ArchiveError.badQuery("\(id) has no readout \(n): its readouts are 1 to \(readouts.count), as `bilat show` numbers them")
                }
                index = n - 1
            } else {
                // Its file name, path, URL or SHA-256, or the end of its path ("fr/readout.txt").
                let matches = rows.indices.filter { i in
                    [rows[i]["file_name"], rows[i]["path"], rows[i]["url"], rows[i]["sha256"]].compactMap { $0 as String? }.contains(token)
                        || (rows[i]["path"] as String?)?.hasSuffix("/" + token) == true
                }
                guard matches.count == 1 else {
                    throw ArchiveError.badQuery(matches.isEmpty
                        ? "\(id) has no readout \(token): give its number as `bilat show \(id)` prints it, or its file name"
                        : "\(token) names several readouts of \(id): give its number as `bilat show \(id)` prints it")
                }
                index = matches[0]
            }
            let taken = readouts[index]
            try MeetingRebuild.deleteReadouts(of: num, db)
            try MeetingRebuild.remake(id, from: readouts.enumerated().filter { $0.offset != index }.compactMap(\.element.readout), db, now: now)
            try db.execute(sql: "DELETE FROM corrections WHERE field = 'link' AND item = ?", arguments: [taken.place])
            let rest = readouts.enumerated().filter { $0.offset != index }.map(\.element.place)
            try decide("unlink", meeting: id, place: taken.place, value: .array(rest.map(JSONValue.string)), note: note, now: now, db)
            let newID = try Archive.storeMeeting(taken.readout!, id: nil, db, now: now)
            try CorrectionStore.apply(id, db)
            // Corrections of participants and commitments that only the taken readout gives go with it.
            try CorrectionStore.follow(from: id, to: newID, db)
            try CorrectionStore.apply(newID, db)
            return UnlinkResult(id: id, readout: taken.place, newID: newID)
        }
    }

    /// Records a person's decision on the readout at `place`: a link's value is the place, an unlink's the
    /// places of the readouts it was taken from. A link undoes the readout's unlinks.
    private static func decide(_ decision: String, meeting id: String, place: String, value: JSONValue, note: String?, now: Date,
                               _ db: Database) throws {
        if decision == "link" {
            try db.execute(sql: "DELETE FROM corrections WHERE field = 'unlink' AND item = ?", arguments: [place])
        }
        try db.execute(sql: """
            INSERT INTO corrections(meeting_id, field, item, value, read, applied_over, note, at) VALUES (?, ?, ?, ?, 'null', NULL, ?, ?)
            ON CONFLICT(meeting_id, field, item, occurrence) DO UPDATE SET value = excluded.value, note = coalesce(excluded.note, note), at = excluded.at
            """, arguments: [id, decision, place, value.rendered(), note, Archive.timestamp(now)])
    }

    /// The readouts of meeting `num`, read again; refused when one of them is known only from an export
    /// (its text is not in the archive, so the meeting could not be made again from it).
    private static func readable(_ num: Int64, _ id: String, _ db: Database) throws -> [MeetingRebuild.Stored] {
        let readouts = try MeetingRebuild.readouts(of: num, db)
        if readouts.contains(where: { $0.readout == nil || $0.mediaType == StorableReadout.recordMediaType }) {
            throw ArchiveError.badQuery("\(id) was imported from an export, which holds no readout's text: Bilat cannot make it again from its readouts")
        }
        return readouts
    }
}
