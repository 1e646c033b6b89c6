import BilatIngest
import Foundation
import GRDB

/// The words a person gives `bilat correct` for a field, checked and turned into the value the archive
/// stores: a real day for a date, a known party for a side, a slug of the vocabulary for a topic.
enum CorrectionInput {
    /// Words that clear a fact the readouts state wrongly (the text does not say it).
    static let clearing: Set<String> = ["none", "null"]

    /// The value of `words` for the field `target` names; `current` is the value now, for `topics +x -y`.
    static func value(_ words: [String], for target: Correction.Target, current: JSONValue, _ db: Database) throws -> JSONValue {
        let field = target.name
        let text = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty || field == "topics" else { throw CorrectionError.badValue("give a value for \(field)") }
        let clears = words.count == 1 && clearing.contains(text.lowercased())
        switch field {
        case "date":
            if clears { return .null }
            guard text.count == 10, MeetingFilter.isValidDateBound(text) else {
                throw CorrectionError.badValue("date \(text) is not a day: give YYYY-MM-DD (a real day), or none")
            }
            return .string(text)
        case "start_time":
            if clears { return .null }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2, (1...2).contains(parts[0].count),
                  (0...23).contains(hour), (0...59).contains(minute) else {
                throw CorrectionError.badValue("start_time \(text) is not a time: give HH:MM (24-hour, 18:10), or none")
            }
            return .string(String(format: "%02d:%02d", hour, minute))
        case "duration_minutes":
            if clears { return .null }
            guard let minutes = Int(text), (1...24 * 60).contains(minutes) else {
                throw CorrectionError.badValue("duration_minutes \(text) is not a number of minutes: give one from 1 to 1440 (45), or none")
            }
            return .int(minutes)
        case "format":
            if clears { return .null }
            let formats = MeetingFormat.allCases.map(\.rawValue)
            let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            guard formats.contains(key) else {
                throw CorrectionError.badValue("format \(text) is not one of \(formats.joined(separator: ", "))"
                    + Suggestions.hint(for: text, among: formats))
            }
            return .string(key)
        case "venue", "title":
            return clears ? .null : .string(text)
        case "parties":
            var codes: [String] = []
            for word in words where !codes.contains(try party(word, db)) { codes.append(try party(word, db)) }
            return .array(codes.map(JSONValue.string))
        case "topics":
            return .array(try topics(words, current: current, db).map(JSONValue.string))
        case "participant.party":
            return clears ? .null : .string(try party(text, db))
        case "participant.role":
            guard let role = ParticipantRole(rawValue: text.lowercased()) else {
                throw CorrectionError.badValue("role \(text) is not principal or attendee" + Suggestions.hint(for: text, among: ["principal", "attendee"]))
            }
            return .string(role.rawValue)
        case "commitment.by":
            return .string(text.lowercased() == Commitment.joint ? Commitment.joint : try party(text, db))
        default:
            throw CorrectionError.unknownField("\(field) cannot be corrected")
        }
    }

    /// Checks a correction an exported record brings: its value and what was read must each be a value
    /// `bilat correct` would store for the field (a real day, a known party, a slug of the vocabulary, in the
    /// form export.md writes them); a decision names a readout's place.
    static func check(_ c: Correction, as fact: CorrectedFact, _ db: Database) throws {
        switch fact.field {
        case "link":
            guard !fact.item.isEmpty, c.value.stringValue != nil else { throw CorrectionError.badValue("a link names the readout's place") }
        case "unlink":
            guard !fact.item.isEmpty, case .array(let places) = c.value, places.allSatisfy({ $0.stringValue != nil }) else {
                throw CorrectionError.badValue("an unlink names the readout's place and the places it is apart from")
            }
        default:
            guard let target = Correction.Target(fact.field) else { throw CorrectionError.unknownField("unknown field \(fact.field)") }
            for value in [c.value, c.read] + [c.readNow].compactMap({ $0 }) {
                try checkValue(value, for: target, db)
            }
        }
    }

    /// Refuses a value that `bilat correct` would not store as it is.
    private static func checkValue(_ value: JSONValue, for target: Correction.Target, _ db: Database) throws {
        let words: [String]
        switch value {
        case .array(let items) where target.name == "parties" || target.name == "topics":
            guard items.allSatisfy({ $0.stringValue != nil }) else { throw CorrectionError.badValue("\(value.rendered()) is not a list of codes") }
            // No sides or topics may have been read.
            if items.isEmpty { return }
            words = items.compactMap(\.stringValue)
        case .null where target.name != "parties" && target.name != "topics": words = ["none"]
        case .string(let text) where target.name != "parties" && target.name != "topics": words = [text]
        case .int(let number) where target.name == "duration_minutes": words = [String(number)]
        default: throw CorrectionError.badValue("\(value.rendered()) is not a value of \(target.name)")
        }
        let stored = try Self.value(words, for: target, current: .null, db)
        guard stored == value else {
            throw CorrectionError.badValue("\(value.rendered()) is not a value of \(target.name) as Bilat writes it")
        }
    }

    /// The code of the party `word` names (a code or a name in a known language), or an error with the
    /// nearest known ones.
    static func party(_ word: String, _ db: Database) throws -> String {
        do {
            return try MeetingFilter.partyCode(word, db)
        } catch {
            // Codes and English names, each shown as "CODE (Name)".
            var shown: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, name_en FROM parties") {
                let code: String = row["code"], name: String = row["name_en"]
                shown[code] = "\(code) (\(name))"
                shown[name] = "\(code) (\(name))"
            }
            var near: [String] = []
            for candidate in Suggestions.nearest(to: word, among: shown.keys.sorted()) where !near.contains(shown[candidate]!) {
                near.append(shown[candidate]!)
            }
            throw CorrectionError.badValue("unknown party \"\(word)\"" + (near.isEmpty ? ": give a code (JPN, NATO) or a country's name"
                : "; did you mean " + near.joined(separator: ", ") + "?"))
        }
    }

    /// The topics `words` give: slugs that replace the meeting's (`none` for no topic), or `+slug` and
    /// `-slug` that add to and take from the topics it has now.
    static func topics(_ words: [String], current: JSONValue, _ db: Database) throws -> [String] {
        let known = try String.fetchAll(db, sql: "SELECT slug FROM topics ORDER BY rowid")
        func slug(_ word: String) throws -> String {
            let key = word.lowercased()
            guard known.contains(key) else {
                throw CorrectionError.badValue("unknown topic \"\(word)\"" + Suggestions.hint(for: word, among: known)
                    + (Suggestions.nearest(to: word, among: known).isEmpty ? "; `bilat topics` lists them" : ""))
            }
            return key
        }
        if words.count == 1, clearing.contains(words[0].lowercased()) { return [] }
        guard !words.isEmpty else { throw CorrectionError.badValue("give the topics (slugs of `bilat topics`), or none") }
        let relative = words.allSatisfy { $0.hasPrefix("+") || $0.hasPrefix("-") }
        if words.contains(where: { $0.hasPrefix("+") || $0.hasPrefix("-") }) && !relative {
            throw CorrectionError.badValue("give the topics either as slugs (they replace the meeting's) or each as +slug or -slug, not both")
        }
        var result: [String] = []
        if relative, case .array(let items) = current {
            result = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        for word in words {
            if relative {
                let s = try slug(String(word.dropFirst()))
                if word.hasPrefix("+") { if !result.contains(s) { result.append(s) } } else { result.removeAll { $0 == s } }
            } else {
                let s = try slug(word)
                if !result.contains(s) { result.append(s) }
            }
        }
        // In the vocabulary's order, as the record lists topics.
        return known.filter(result.contains)
    }
}
