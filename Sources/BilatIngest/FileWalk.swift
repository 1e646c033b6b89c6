import Foundation

/// The files some paths name, in a stable order, listed as they are read: each folder's entries are
/// listed when the walk reaches it (sorted by name, sub-folders walked in place), never the whole tree
/// at once. Hidden files and symbolic links to folders are skipped, so a link loop cannot trap the walk;
/// a path that does not exist, and a folder with no readouts in it, come out with an error.
public struct FileWalk: Sequence {
    let paths: [String]

    public init(_ paths: [String]) {
        self.paths = paths
    }

    public func makeIterator() -> Iterator { Iterator(paths: paths) }

    public struct Iterator: IteratorProtocol {
        private var roots: IndexingIterator<[String]>
        /// The folders being walked, innermost last: each with its entries still to visit.
        private var stack: [(folder: String, entries: IndexingIterator<[String]>)] = []
        /// The folder given as a path, while it is walked, and whether a readout was found under it.
        private var root: String?
        private var foundUnderRoot = false

        init(paths: [String]) {
            roots = paths.makeIterator()
        }

        public mutating func next() -> (path: String, error: String?)? {
            let fm = FileManager.default
            while true {
                if let top = stack.indices.last {
                    guard let name = stack[top].entries.next() else {
                        stack.removeLast()
                        if stack.isEmpty, let folder = root {
                            root = nil
                            if !foundUnderRoot { return (folder, "the folder holds no readouts (.txt, .md, .html, .json, .ndjson)") }
                        }
                        continue
                    }
                    guard !name.hasPrefix(".") else { continue }
                    let path = stack[top].folder + "/" + name
                    // The entry itself (not what a link points to): a folder is walked; a link is followed
                    // only to a file, since a link to a folder could loop.
                    let kind = FileStatus(path, followingLinks: false)?.kind
                    if kind == .folder {
                        stack.append((path, Self.entries(of: path)))
                        continue
                    }
                    if kind == .symbolicLink {
                        var isDirectory: ObjCBool = false
                        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                    }
                    guard ReadoutFile.isImportable(name) else { continue }
                    foundUnderRoot = true
                    return (path, nil)
                }
                guard let path = roots.next() else { return nil }
                if path == "-" { return ("-", nil) }
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return (path, "no such file or folder") }
                guard isDirectory.boolValue else { return (path, nil) }
                root = path
                foundUnderRoot = false
                let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                stack.append((folder, Self.entries(of: folder)))
            }
        }

        /// The names in `folder`, sorted.
        private static func entries(of folder: String) -> IndexingIterator<[String]> {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().makeIterator()
        }
    }
}
