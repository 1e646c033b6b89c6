import BilatIngest
import Foundation
import GRDB

/// The people a name typed in `--person` means: the whole name as written in a readout, else any part of
/// one ("Lula", "Bhutto", "Juncker"), in any order, case or accents, a Japanese name with or without its
/// space ("石破 茂"), a given name shortened or written another way beside a family name that matches
/// ("Joe Biden"), and a family name one or two letters off ("Zelenskyy" for "Zelensky").
public struct PersonMatch: Equatable, Sendable {
    /// How the name was found, from the surest.
    public enum Kind: String, Sendable {
        /// A name as a readout wrote it (or its family name).
        case whole
        /// Every word of the query is a word of the person's names.
        case words
        /// A family name matched, the other words only as the start of a given name, or the family name is near.
        case near
    }

    /// The ids of the people matched (none when nobody is).
    public var ids: [Int64]
    /// Their names as the archive writes them, in the order of `ids`.
    public var names: [String]
    public var kind: Kind

    /// The people `name` means in `archive`.
    public static func find(_ archive: Archive, name: String) throws -> PersonMatch {
        try archive.read { db in try find(name, db) }
    }

    static func find(_ name: String, _ db: Database) throws -> PersonMatch {
        let alias = PeopleDirectory.alias(name)
        func result(_ ids: [Int64], _ kind: Kind) throws -> PersonMatch {
            let names = try ids.map { try String.fetchOne(db, sql: "SELECT name FROM people WHERE id = ?", arguments: [$0]) ?? "" }
            return PersonMatch(ids: ids, names: names, kind: kind)
        }
        guard !alias.isEmpty else { return PersonMatch(ids: [], names: [], kind: .whole) }
        let whole = try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE alias = ? ORDER BY person_id", arguments: [alias])
        if !whole.isEmpty { return try result(whole, .whole) }
        // Scripts written without spaces between words: the name with its spaces taken out, in a name or around it.
        let unspaced = TextFolding.key(name.filter { !$0.isWhitespace })
        if unspaced.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT person_id FROM person_aliases WHERE replace(alias, ' ', '') = ?1 OR replace(alias, ' ', '') LIKE ?2 ESCAPE '\\'
                ORDER BY person_id
                """, arguments: [unspaced, "%" + SearchSyntax.likeEscaped(unspaced) + "%"])
            if !ids.isEmpty { return try result(ids, .words) }
        }
        let words = alias.split(separator: " ").map(String.init)
        // The people with each word as a whole word of one of their names.
        var exact: [String: Set<Int64>] = [:]
        for word in Set(words) {
            exact[word] = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT person_id FROM person_aliases WHERE ' ' || alias || ' ' LIKE ? ESCAPE '\\'",
                                                  arguments: ["% " + SearchSyntax.likeEscaped(word) + " %"]))
        }
        let all = words.dropFirst().reduce(exact[words[0]] ?? []) { $0.intersection(exact[$1] ?? []) }
        if !all.isEmpty { return try result(all.sorted(), .words) }
        // A near family name, for a word of five letters or more that names nobody.
        var near: [String: Set<Int64>] = [:]
        let unmatched = words.filter { exact[$0]?.isEmpty ?? true }.filter { $0.count >= 5 }
        if !unmatched.isEmpty {
            let aliases = try Row.fetchAll(db, sql: "SELECT alias, person_id FROM person_aliases")
            for word in unmatched {
                let letters = Array(word)
                for row in aliases {
                    let alias: String = row["alias"]
                    if alias.split(separator: " ").contains(where: { abs($0.count - letters.count) <= 2
                        && Suggestions.editDistance(letters, Array($0)) <= (letters.count >= 8 ? 2 : 1) }) {
                        near[word, default: []].insert(row["person_id"])
                    }
                }
            }
        }
        // Each word then matches whole, near, or as the start of a name (a given name shortened: "Joe" for
        // Joseph, "J." for John), and at least one word matches whole or near.
        let strong = words.reduce(into: Set<Int64>()) { $0.formUnion(exact[$1] ?? []); $0.formUnion(near[$1] ?? []) }
        var found: [Int64] = []
        for id in strong.sorted() {
            let names = try String.fetchAll(db, sql: "SELECT alias FROM person_aliases WHERE person_id = ?", arguments: [id])
                .flatMap { $0.split(separator: " ").map(String.init) }
            let fits = words.allSatisfy { word in
                if exact[word]?.contains(id) == true || near[word]?.contains(id) == true { return true }
                let start = word.prefix(min(2, word.count))
                return names.contains { $0.hasPrefix(start) }
            }
            if fits { found.append(id) }
        }
        return try result(found, .near)
    }
}
