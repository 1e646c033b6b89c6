import Foundation

extension StringProtocol {
    /// The UTF-8 offset at which `needle` first occurs in the text, compared byte for byte, or `nil`.
    ///
    /// For text folded alike on both sides (``TextFolding/fold(_:)``): there, bytes find what Characters
    /// would, and the standard library's Character-based `firstRange(of:)` costs many times more.
    func utf8Offset(of needle: String) -> Int? {
        let found = utf8.withContiguousStorageIfAvailable { hay in ByteSearch.firstOffset(of: needle, in: hay) }
        return found ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0) }
    }

    /// Whether `needle` occurs in the text, compared byte for byte (see ``utf8Offset(of:)``).
    func containsBytes(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }

    /// The range of the first occurrence of `needle`, compared byte for byte (see ``utf8Offset(of:)``).
    func byteRange(of needle: String) -> Range<Index>? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

/// Substring search over UTF-8 bytes: memchr finds the needle's first byte, memcmp checks the rest
/// (memmem is not in every libc).
enum ByteSearch {
    static func firstOffset(of needle: String, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard let first = n.first else { return 0 }
            guard let base = hay.baseAddress, hay.count >= n.count else { return nil }
            var from = 0
            let last = hay.count - n.count
            while from <= last {
                guard let hit = memchr(base + from, Int32(first), last + 1 - from) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if n.count == 1 || memcmp(base + at + 1, n.baseAddress! + 1, n.count - 1) == 0 { return at }
                from = at + 1
            }
            return nil
        }
    }
}
