import Foundation

extension StringProtocol {
    /// The UTF-8 offset at which `needle` first occurs in the text at or after byte `from`, compared byte
    /// for byte, or `nil`.
    ///
    /// For text folded alike on both sides (``TextFolding/fold(_:)``), or text compared as written: there,
    /// bytes find what Characters would, and the standard library's Character-based `firstRange(of:)` costs
    /// many times more. A match always starts on a scalar (UTF-8 never starts a scalar inside another).
    public func utf8Offset(of needle: some StringProtocol, from: Int = 0) -> Int? {
        let found = utf8.withContiguousStorageIfAvailable { hay in ByteSearch.firstOffset(of: needle, in: hay, from: from) }
        return found ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0, from: from) }
    }

    /// Whether `needle` occurs in the text, compared byte for byte (see ``utf8Offset(of:from:)``).
    public func containsBytes(_ needle: some StringProtocol) -> Bool { utf8Offset(of: needle) != nil }

    /// The range of the first occurrence of `needle`, compared byte for byte (see ``utf8Offset(of:from:)``).
    public func byteRange(of needle: some StringProtocol) -> Range<Index>? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

/// Substring search over UTF-8 bytes: memchr finds the needle's first byte, memcmp checks the rest
/// (memmem is not in every libc).
enum ByteSearch {
    static func firstOffset(of needle: some StringProtocol, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var needle = String(needle)
        return needle.withUTF8 { firstOffset(of: $0, in: hay, from: from) }
    }

    /// Where the bytes `needle` first stand in `hay` at or after `from`, or `nil`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first else { return from <= hay.count ? from : nil }
        guard let base = hay.baseAddress, hay.count >= needle.count else { return nil }
        var at = max(from, 0)
        let last = hay.count - needle.count
        while at <= last {
            guard let hit = memchr(base + at, Int32(first), last + 1 - at) else { return nil }
            let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.count == 1 || memcmp(base + candidate + 1, needle.baseAddress! + 1, needle.count - 1) == 0 { return candidate }
            at = candidate + 1
        }
        return nil
    }
}
