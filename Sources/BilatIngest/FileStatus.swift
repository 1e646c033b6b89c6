#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` (or `stat`) says of a path: its kind and size.
///
/// FileManager's `attributesOfItem` also names the file's owner and group, which reads `/etc/passwd` and
/// `/etc/group` for every file: about 1 % of an import's time, spent on names no one reads.
struct FileStatus {
    enum Kind { case folder, symbolicLink, other }

    let kind: Kind
    /// Bytes, as the file system gives them.
    let size: Int

    /// The path itself (`followingLinks` false: a link is a link) or what it points to; `nil` when it
    /// cannot be examined (no such path, no permission).
    init?(_ path: String, followingLinks: Bool) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int(info.st_size)
    }
}
