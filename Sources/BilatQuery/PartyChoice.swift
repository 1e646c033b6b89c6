import BilatIngest
import Foundation
import GRDB

/// The party a value of `--party` (or `--by`) names, and the others its name could also mean.
///
/// A code ("JPN", "CA-QC", "NATO"), an ISO alpha-2 code ("JP", "GB"), or a name in any language Bilat
/// knows ("Japan", "Japon", "日本"). A name that is a word of other parties' names too ("Congo" for COD,
/// "Sudan" for South Sudan) is taken as the party of that exact name, and the others are given so the
/// user can be told what was chosen; a name that is only part of several names ("Korea") is refused
/// with the codes to choose from.
public struct PartyChoice: Equatable, Sendable {
    /// A party: its code and English name.
    public struct Party: Equatable, Sendable {
        public var code: String
        public var name: String
    }

    /// The party chosen.
    public var party: Party
    /// Other parties whose names hold the name typed; empty when a code was typed.
    public var alternatives: [Party]

    /// The party `text` names in `archive`.
    public static func find(_ archive: Archive, _ text: String) throws -> PartyChoice {
        try archive.read { db in try find(text, db) }
    }

    /// The code `text` names: what ``find(_:_:)`` chooses, without gathering the other parties its name
    /// could mean (what every statement filtered by a party needs).
    static func code(_ text: String, _ db: Database) throws -> String {
        try codeOrName(text.trimmingCharacters(in: .whitespaces), db) ?? find(text, db).party.code
    }

    /// The party whose code or name `trimmed` is: the archive's own table answers codes and display names
    /// without loading the language data; other spellings ("japonais") are the language data's.
    private static func codeOrName(_ trimmed: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT code FROM parties
            WHERE code = upper(?1) OR lower(name_en) = lower(?1) OR lower(name_fr) = lower(?1) OR name_ja = ?1
            LIMIT 1
            """, arguments: [trimmed]) ?? LanguageData.shared.party(named: trimmed)
    }

    static func find(_ text: String, _ db: Database) throws -> PartyChoice {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let code = try codeOrName(trimmed, db) {
            let typedCode = code == trimmed.uppercased()
            return PartyChoice(party: try named(code, db), alternatives: typedCode ? [] : try holding(trimmed, db).filter { $0.code != code })
        }
        if let code = LanguageData.shared.party(alpha2: trimmed) { return PartyChoice(party: try named(code, db), alternatives: []) }
        let candidates = try holding(trimmed, db)
        if candidates.count > 1 {
            throw ArchiveError.badQuery("\"\(text)\" is part of the names of \(candidates.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")): give one of these codes")
        }
        if let only = candidates.first { return PartyChoice(party: only, alternatives: []) }
        let names = try String.fetchAll(db, sql: "SELECT name_en FROM parties WHERE kind != 'subdivision' ORDER BY name_en")
        let hint = Suggestions.hint(for: trimmed, among: names)
        throw ArchiveError.badQuery("unknown party \"\(text)\"" + (hint.isEmpty ? ": give a code (JPN, JP, NATO, CA-QC) or a country or organisation name" : hint))
    }

    /// The party of `code` with its English name.
    static func named(_ code: String, _ db: Database) throws -> Party {
        let name = try String.fetchOne(db, sql: "SELECT name_en FROM parties WHERE code = ?", arguments: [code])
        return Party(code: code, name: name ?? LanguageData.shared.parties[code]?.nameEn ?? code)
    }

    /// The states and organisations whose English or French name holds `text` as whole words
    /// ("Congo" in "Democratic Republic of the Congo", "Guinea" in "Guinea-Bissau").
    static func holding(_ text: String, _ db: Database) throws -> [Party] {
        func words(_ s: String) -> String {
            " " + TextFolding.fold(s).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ") + " "
        }
        let typed = words(text)
        guard typed.count > 2 else { return [] }
        return try Row.fetchAll(db, sql: "SELECT code, name_en, name_fr FROM parties WHERE kind != 'subdivision' ORDER BY code").compactMap { row in
            let names = [row["name_en"] as String, row["name_fr"] as String?].compactMap { $0 }
            return names.contains { words($0).contains(typed) } ? Party(code: row["code"], name: row["name_en"]) : nil
        }
    }
}
