import Foundation

/// Why a file could not be read as a readout. Each case reads as one sentence for the user.
public enum IngestError: Error, Equatable, CustomStringConvertible, Sendable {
    case empty
    case binary
    case undecodable
    case tooLarge(limit: Int)
    case badFrontMatter(line: Int, reason: String)
    case unsupportedType(String)
    case badRecord(String)
    case badHTML(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty or holds only white space"
        case .binary: return "the file holds binary data, not text"
        case .undecodable: return "the file is not valid UTF-8 or UTF-16 text, nor clearly Windows-1252"
        case .tooLarge(let limit): return "the file is larger than the \(limit / 1_000_000) MB limit for one readout"
        case .badFrontMatter(let line, let reason): return "front matter line \(line): \(reason)"
        case .unsupportedType(let ext): return "files ending in .\(ext) are not readouts Bilat can import (use .txt, .md, .html, .json or .ndjson)"
        case .badRecord(let reason): return "not a Bilat meeting record: \(reason)"
        case .badHTML(let reason): return reason
        case .unreadable(let reason): return reason
        }
    }
}

/// Turns imported bytes into text: UTF-8 (with or without BOM) or UTF-16 with BOM; line endings
/// normalised to `\n`. Refuses binary data and text that is not in a known encoding rather than guess.
public enum SourceDecoder {
    /// The largest file accepted as one readout: a real readout is a few kilobytes.
    public static let sizeLimit = 10_000_000

    public static func decode(_ bytes: Data) throws -> String {
        if bytes.count > sizeLimit { throw IngestError.tooLarge(limit: sizeLimit) }
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let decoded = String(data: bytes, encoding: .utf16) else { throw IngestError.undecodable }
            text = decoded
        } else {
            if bytes.contains(0) { throw IngestError.binary }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if let decoded = String(validating: body, as: UTF8.self) {
                text = decoded
            } else if looksBinary(bytes) {
                throw IngestError.binary
            } else if isClearlyWindows1252(bytes), let decoded = String(data: bytes, encoding: .windowsCP1252) {
                text = decoded
            } else {
                throw IngestError.undecodable
            }
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\u{0C}" }) {
            throw IngestError.binary
        }
        if text.isBlank { throw IngestError.empty }
        return text
    }

    /// Whether bytes that are not UTF-8 can only be Windows-1252 text: no byte that Windows-1252 leaves
    /// undefined, few bytes above ASCII, and every accented letter inside a word ("caf\u{E9}", "\u{E9}t\u{E9}").
    /// Anything less certain is refused rather than decoded into the wrong letters.
    static func isClearlyWindows1252(_ bytes: Data) -> Bool {
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let b = [UInt8](bytes)
        var high = 0
        func isLetter(_ x: UInt8) -> Bool { (x >= 0x41 && x <= 0x5A) || (x >= 0x61 && x <= 0x7A) || (x >= 0xC0 && x != 0xD7 && x != 0xF7) }
        for (i, x) in b.enumerated() where x >= 0x80 {
            if undefined.contains(x) { return false }
            high += 1
            // Accented letters stand beside another letter; punctuation (’ « » – …) may stand anywhere.
            if x >= 0xC0 {
                let before = i > 0 ? b[i - 1] : 0
                let after = i + 1 < b.count ? b[i + 1] : 0
                if !isLetter(before) && !isLetter(after) { return false }
            }
        }
        return high > 0 && high * 10 < b.count
    }

    /// Many control bytes in the first kilobyte: an image, an archive, an executable.
    private static func looksBinary(_ bytes: Data) -> Bool {
        let head = bytes.prefix(1024)
        let controls = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        return controls * 20 > head.count
    }
}

/// The optional YAML front matter of a Markdown or text readout:
///
///     ---
///     date: 2025-04-09
///     parties: [JPN, NATO]
///     url: https://…
///     ---
///
/// Only `key: value` lines and lists (`[a, b]` or `- a` lines) are read; values are never paths to follow.
public struct FrontMatter: Equatable, Sendable {
    public var fields: [String: String] = [:]
    public var lists: [String: [String]] = [:]

    /// Splits `text` into its front matter (if it starts with `---`) and the body.
    public static func split(_ text: String) throws -> (FrontMatter?, String) {
        // Most readouts have none: the first line tells, without splitting the whole text.
        guard text.prefix(while: { $0 != "\n" }).trimmed == "---" else { return (nil, text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw IngestError.badFrontMatter(line: 1, reason: "no closing --- line")
        }
        var matter = FrontMatter()
        var currentList: String?
        for index in 1..<end {
            let line = String(lines[index])
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), let key = currentList {
                matter.lists[key, default: []].append(unquote(String(trimmed.dropFirst(2))))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw IngestError.badFrontMatter(line: index + 1, reason: "expected key: value, found \"\(trimmed.prefix(40))\"")
            }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw IngestError.badFrontMatter(line: index + 1, reason: "\"\(key)\" is not a key")
            }
            currentList = nil
            if value.isEmpty {
                currentList = key
                matter.lists[key] = []
            } else if value.hasPrefix("[") {
                guard value.hasSuffix("]") else {
                    throw IngestError.badFrontMatter(line: index + 1, reason: "list for \(key) is not closed with ]")
                }
                matter.lists[key] = value.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
            } else {
                matter.fields[key] = unquote(value)
            }
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (matter, body)
    }

    private static func unquote(_ value: String) -> String {
        var v = value.trimmingCharacters(in: .whitespaces)
        if v.count >= 2, let f = v.first, let l = v.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            v = String(v.dropFirst().dropLast())
        }
        return v
    }
}
