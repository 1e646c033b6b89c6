import Foundation

/// A readout file: which files Bilat reads, their bytes, and the reader each kind of file goes to —
/// text and Markdown to ``ReadoutParser/parse(_:)``, saved pages to ``ReadoutParser/parseHTML(_:)``,
/// `.json` and `.ndjson` files (Bilat's own exports) to ``MeetingRecord/decode(json:)``.
public struct ReadoutFile: Sendable {
    public static let readoutExtensions: Set<String> = ["txt", "md", "markdown", "text"]
    public static let recordExtensions: Set<String> = ["json", "ndjson", "jsonl"]
    public static let pageExtensions: Set<String> = ["html", "htm", "xhtml"]

    let parser: ReadoutParser

    public init(parser: ReadoutParser = ReadoutParser()) {
        self.parser = parser
    }

    /// Whether `name` ends in an extension Bilat imports.
    public static func isImportable(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return readoutExtensions.contains(ext) || recordExtensions.contains(ext) || pageExtensions.contains(ext)
    }

    /// The bytes of `path` (standard input for "-"), refusing a file over the size limit before reading it.
    public static func load(_ path: String) throws -> Data {
        let limit = SourceDecoder.sizeLimit
        if path == "-" {
            var data = Data()
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
                if data.count > limit { throw IngestError.tooLarge(limit: limit) }
            }
            return data
        }
        if let size = FileStatus(path, followingLinks: true)?.size, size > limit { throw IngestError.tooLarge(limit: limit) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(FileManager.default.isReadableFile(atPath: path)
                ? "the file could not be opened" : "permission denied: the file cannot be read")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > limit { throw IngestError.tooLarge(limit: limit) }
            return data
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.unreadable("the file could not be read (\((error as NSError).localizedDescription))")
        }
    }

    /// Reads one file into the readouts it holds, without touching any archive (also for `--dry-run`).
    public func read(path: String, bytes: Data) throws -> [StorableReadout] {
        let name = path == "-" ? "-" : URL(fileURLWithPath: path).lastPathComponent
        let ext = path == "-" ? "txt" : URL(fileURLWithPath: path).pathExtension.lowercased()
        if Self.recordExtensions.contains(ext) {
            let text = try SourceDecoder.decode(bytes)
            return try Self.records(in: text, ndjson: ext != "json").map(StorableReadout.init(exported:))
        }
        let place = path == "-" ? nil : Self.resolvedPath(path)
        if Self.pageExtensions.contains(ext) {
            let parsed = try parser.parseHTML(ReadoutInput(bytes: bytes, fileName: name))
            return [StorableReadout(parsed: parsed, content: bytes, path: place)]
        }
        guard Self.readoutExtensions.contains(ext) || ext.isEmpty else { throw IngestError.unsupportedType(ext) }
        let parsed = try parser.parse(ReadoutInput(bytes: bytes, fileName: name))
        return [StorableReadout(parsed: parsed, content: bytes, path: place)]
    }

    /// A page fetched from `url` (its bytes, and the character set its HTTP answer declared), read as a
    /// saved page is; the URL is its place, so fetching it again with other bytes replaces it.
    public func readPage(url: String, bytes: Data, charset: String?) throws -> [StorableReadout] {
        if bytes.count > SourceDecoder.sizeLimit { throw IngestError.tooLarge(limit: SourceDecoder.sizeLimit) }
        let components = URLComponents(string: url)
        let name = components?.path.split(separator: "/").last.map(String.init) ?? components?.host ?? url
        let parsed = try parser.parseHTML(ReadoutInput(bytes: bytes, fileName: name, url: url, charset: charset))
        return [StorableReadout(parsed: parsed, content: bytes, path: url)]
    }

    /// The absolute path of `path` with every symbolic link and `.`/`..` resolved: one name for one file,
    /// however it was reached (a relative path, a link, another working folder).
    public static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The records of a `.json` file (one object or an array) or an `.ndjson` file (one object a line).
    public static func records(in text: String, ndjson: Bool) throws -> [MeetingRecord] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !ndjson && trimmed.hasPrefix("[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else {
                throw IngestError.badRecord("not valid JSON")
            }
            return try array.map { item in
                let data = try JSONSerialization.data(withJSONObject: item)
                return try MeetingRecord.decode(json: String(decoding: data, as: UTF8.self))
            }
        }
        if !ndjson { return [try MeetingRecord.decode(json: trimmed)] }
        var records: [MeetingRecord] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            do { records.append(try MeetingRecord.decode(json: content)) } catch let error as IngestError {
                throw IngestError.badRecord("line \(number + 1): \(error.description.replacingOccurrences(of: "not a Bilat meeting record: ", with: ""))")
            }
        }
        return records
    }
}
