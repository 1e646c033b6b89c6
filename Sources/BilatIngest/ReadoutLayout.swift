import Foundation

/// A sentence of the readout with where it starts in the text.
public struct Sentence: Equatable, Sendable {
    public let text: String
    /// Offset of the first character in the readout text (in Characters).
    public let offset: Int
    /// Index of the paragraph (line) it belongs to.
    public let paragraph: Int
}

/// The structure of a readout's text: title line, header lines (date line, office, place), the body
/// paragraphs in order with repeats counted once, the sections under their headings, and sentences.
public struct ReadoutLayout: Sendable {
    public let title: String?
    /// Short lines before the first sentence of the body: date line, issuing office, place.
    public let headerLines: [String]
    /// Body paragraphs (one per line), boilerplate and repeats removed, list markers kept.
    public let paragraphs: [String]
    public let sections: [Section]
    /// The body's sentences, up to the limit the layout was made with: the facts are read from these.
    public let sentences: [Sentence]
    /// Sentences of the body past the limit: kept in the text (and found by search), not read for facts.
    public let sentencesLeftOut: Int

    /// The most sentences read for facts, by default. A readout has a few dozen, a long joint statement a
    /// few hundred; past 12,000 a text is no readout, and reading it all could take minutes.
    public static let maxSentences = 12_000

    /// Reads the layout of `text` (already decoded, front matter removed).
    /// Reads the layout of `text`. `knownTitle` is the title a page gives (its heading): a first line equal to
    /// it is the title, however long.
    public init(text: String, profile: LanguageProfile, allProfiles: [LanguageProfile], sentenceLimit: Int = maxSentences,
                knownTitle: String? = nil) {
        var title: String?
        var header: [String] = []
        var paragraphs: [(text: String, offset: Int)] = []
        var seen = Set<String>()
        var sections: [Section] = []
        var currentHeading: String?
        var currentText: [String] = []
        var bodyStarted = false
        var sawFirstLine = false
        let boilerplate = allProfiles.flatMap(\.foldedBoilerplate)

        func flushSection() {
            if currentHeading != nil || !currentText.isEmpty {
                sections.append(Section(heading: currentHeading, text: currentText.joined(separator: "\n")))
            }
            currentText = []
        }

        var offset = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += rawLine.count + 1 }
            let line = Self.trimmed(rawLine)
            if line.isEmpty { continue }
            let leading = rawLine.prefix { $0.isWhitespace }.count
            // The first line is the title unless it is itself a paragraph (a readout published without one).
            if title == nil && !sawFirstLine {
                sawFirstLine = true
                if !Self.isParagraph(line) || line == knownTitle {
                    title = Self.stripMarkdownHeading(line)
                    continue
                }
            }
            if Self.isBoilerplate(line, boilerplate) { continue }
            // Before the body: the date line, the issuing office, the place — short lines that are not sentences.
            if !bodyStarted && !Self.hasListMarker(line) && !Self.isMarkdownHeading(line)
                && !Self.endsSentence(line)
                && (line.count < 120 || (line.count < 300 && Self.opensAsTitle(line, profile))) {
                // (A long headline without a final stop, "Readout of the … call with …, Chair of …", is a title line.)
                header.append(line)
                continue
            }
            let isHeading = Self.isHeading(line)
            // A paragraph repeated word for word (a page's copy-paste) is counted once.
            guard seen.insert(line).inserted else { continue }
            bodyStarted = true
            if isHeading {
                flushSection()
                currentHeading = Self.stripListMarker(Self.stripMarkdownHeading(line))
                continue
            }
            paragraphs.append((line, offset + leading))
            currentText.append(line)
        }
        flushSection()

        // Pages put a category above the title ("Japan-France Relations", then "… Summit Meeting"): when the
        // first line names no meeting and the next header line does, that one is the title.
        // The same when a place or a date line stands first ("New York", "27 October 2015", then the title).
        if let first = title, first != knownTitle {
            let names = { (line: String) in profile.titleCues.matchesAny(text: line, folded: TextFolding.fold(line)) }
            if !names(first), let k = header.prefix(3).firstIndex(where: { $0.count <= 300 && names($0) }) {
                title = header[k]
                header[k] = first
            }
        }
        self.title = title
        self.headerLines = header
        self.paragraphs = paragraphs.map(\.text)
        self.sections = sections
        var sentences: [Sentence] = []
        var leftOut = 0
        for (index, paragraph) in paragraphs.enumerated() {
            // A list marker ("- ", "(1)") is layout, not part of the first sentence.
            let body = Self.stripListMarker(paragraph.text)
            let markerLength = paragraph.text.count - body.count
            for (sentence, start) in SentenceSplitter.split(body, language: profile.code) {
                guard sentences.count < sentenceLimit else {
                    leftOut += 1
                    continue
                }
                sentences.append(Sentence(text: sentence, offset: paragraph.offset + markerLength + start, paragraph: index))
            }
        }
        self.sentences = sentences
        sentencesLeftOut = leftOut
    }

    /// Whether `line` opens with a word that names a meeting, as a headline does ("Readout of …",
    /// "Telephone Call between …", "Compte rendu de l'entretien …"): among its first four words.
    static func opensAsTitle(_ line: String, _ profile: LanguageProfile) -> Bool {
        let opening = line.split(separator: " ", maxSplits: 4).prefix(4).joined(separator: " ")
        return profile.titleCues.matchesAny(text: opening, folded: TextFolding.fold(opening))
    }

    /// `line` without white space (including no-break and ideographic spaces) at either end.
    static func trimmed(_ line: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{3000}" || $0.isWhitespace }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(line[first...last])
    }

    /// A line of running text rather than a title: long, or more than one sentence.
    static func isParagraph(_ line: String) -> Bool {
        if line.count > 160 { return true }
        if line.hasSuffix(".") && line.split(separator: " ").count >= 10 { return true }
        return SentenceSplitter.split(line, language: "en").count > 1 && endsSentence(line)
    }

    /// Whether `line` is page furniture; `phrases` are the boilerplate phrases, folded.
    static func isBoilerplate(_ line: String, _ phrases: [String]) -> Bool {
        // Phrases are short: the start of a long line is enough to compare (folding keeps starts as starts).
        let folded = TextFolding.fold(line.utf8.count > 400 ? String(line.prefix(200)) : line)
        // Compared as bytes: both sides are folded the same way, and String's own comparison normalises.
        return phrases.contains { p in
            // A boilerplate phrase is the whole line, or its start on a short line ("(Photo: …)").
            guard folded.utf8.starts(with: p.utf8) else { return false }
            return folded.utf8.count == p.utf8.count || line.count < 80 || p.hasPrefix("(")
        }
    }

    /// A short line without closing punctuation: "1. Opening Remarks", "- Introduction", "## Trade".
    static func isHeading(_ line: String) -> Bool {
        if isMarkdownHeading(line) { return true }
        let body = stripListMarker(line)
        // At most 80 characters (a character is 1 to 4 bytes: most lines are decided by their byte count).
        let bytes = body.utf8.count
        guard !body.isEmpty, bytes <= 80 || (bytes <= 320 && body.count <= 80), !endsSentence(body) else { return false }
        // Words counted as runs between spaces, without building them.
        var words = 0
        var inWord = false
        for byte in body.utf8 {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words <= 10 && !body.hasSuffix(",") && !body.hasSuffix(":") && body.first.map { !$0.isLowercase } ?? false
    }

    static func endsSentence(_ line: String) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, "\"”’»)）」".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".。!?！？:;：".contains(last)
    }

    static func isMarkdownHeading(_ line: String) -> Bool {
        guard line.hasPrefix("#") else { return false }
        let rest = line.drop { $0 == "#" }
        return rest.first == " " && !rest.isBlank
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        guard line.hasPrefix("#") else { return line }
        let stripped = line.drop { $0 == "#" }.trimmed
        return stripped.isEmpty ? line : stripped
    }

    /// Where the text after a list marker starts, or `nil` when `line` starts with none. Markers: a bullet
    /// ("- ", "• ", "▪ "), a number or letter with "." or ")" ("1. ", "12) ", "a. ", "IV. "), a number in
    /// brackets ("(3)", "（４）"); the white space after them belongs to the marker.
    /// (Written out rather than as a regular expression: every line of every readout is tested.)
    static func listMarkerEnd(_ line: Substring) -> Substring.Index? {
        var i = line.startIndex
        func take(while accept: (Character) -> Bool, max: Int = .max) -> Int {
            var n = 0
            while i < line.endIndex, n < max, accept(line[i]) { i = line.index(after: i); n += 1 }
            return n
        }
        func take(_ accept: (Character) -> Bool) -> Bool {
            guard i < line.endIndex, accept(line[i]) else { return false }
            i = line.index(after: i)
            return true
        }
        func isDigit(_ c: Character) -> Bool { c.unicodeScalars.first?.properties.generalCategory == .decimalNumber }
        func isSpace(_ c: Character) -> Bool { c.isWhitespace }
        func closesNumber(_ c: Character) -> Bool { c == "." || c == ")" }
        guard let first = line.first else { return nil }
        if "-•*·▪◆■●".contains(first) {
            i = line.index(after: i)
            return take(while: isSpace) > 0 ? i : nil
        }
        if isDigit(first) {
            let digits = take(while: isDigit)
            return digits <= 2 && take(closesNumber) && take(while: isSpace) > 0 ? i : nil
        }
        if first == "(" || first == "（" {
            i = line.index(after: i)
            let digits = take(while: isDigit)
            guard (1...2).contains(digits), take({ $0 == ")" || $0 == "）" }) else { return nil }
            _ = take(while: isSpace)
            return i
        }
        if first.isASCII && first.isLowercase {
            i = line.index(after: i)
            return take(closesNumber) && take(while: isSpace) > 0 ? i : nil
        }
        if "IVX".contains(first) {
            let numerals = take(while: { "IVX".contains($0) })
            return numerals <= 4 && take(closesNumber) && take(while: isSpace) > 0 ? i : nil
        }
        return nil
    }

    static func hasListMarker(_ line: String) -> Bool { listMarkerEnd(line[...]) != nil }

    static func stripListMarker(_ line: String) -> String {
        guard let end = listMarkerEnd(line[...]) else { return line }
        return line[end...].trimmed
    }
}

/// Splits a paragraph into sentences, keeping abbreviations ("Mr.", "U.S.", "H.E.", "p.m.") inside.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "gen", "lt", "col", "sen", "rep",
        "gov", "prof", "hon", "rt", "h.e", "u.s", "u.k", "u.n", "a.m", "p.m", "m", "mm", "p", "pp", "art", "approx", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "s.e", "h.r.h", "d.c", "inc", "co",
        "sem", "s.e.m", "capt", "adm", "messrs", "mme", "mlle", "pr", "l.p",
    ]

    /// The longest run of text analysed as one sentence. Real sentences are far shorter; a longer run
    /// (a page without punctuation, a 1 MB line) is cut at spaces so that reading it stays linear.
    public static let maximumSentenceLength = 1_500

    /// The sentences of `paragraph` with their offsets (in Characters) inside it.
    public static func split(_ paragraph: String, language: String) -> [(String, Int)] {
        var bounded: [(String, Int)] = []
        for (sentence, offset) in splitSentences(paragraph, language: language) {
            guard sentence.count > maximumSentenceLength else { bounded.append((sentence, offset)); continue }
            let chars = Array(sentence)
            var start = 0
            while start < chars.count {
                var end = min(start + maximumSentenceLength, chars.count)
                if end < chars.count, let space = chars[start..<end].lastIndex(where: \.isWhitespace), space > start { end = space }
                let piece = ReadoutLayout.trimmed(String(chars[start..<end])[...])
                if !piece.isEmpty { bounded.append((piece, offset + start + (chars[start..<end].prefix { $0.isWhitespace }.count))) }
                start = end
                while start < chars.count, chars[start].isWhitespace { start += 1 }
            }
        }
        return bounded
    }

    private static let fullStops: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F]                 // 。！？
    private static let closingJapanese: Set<UInt32> = [0x300D, 0x300F, 0xFF09, 0x29]     // 」』）)
    private static let closingLatin: Set<UInt32> = [0x22, 0x201D, 0x2019, 0xBB, 0x29]    // "”’»)
    private static let openingLatin: Set<UInt32> = [0x22, 0x201C, 0xAB, 0x2018, 0x28]    // "“«‘(

    static func splitSentences(_ paragraph: String, language: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        let runs = CharacterRuns(paragraph)
        let chars = runs.chars
        // Punctuation is compared by scalar value: comparing Characters outside ASCII normalises both sides.
        let scalars = chars.map { $0.unicodeScalars.first!.value }
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var from = start
            var to = end
            while from < to, chars[from].isWhitespace { from += 1 }
            while to > from, chars[to - 1].isWhitespace { to -= 1 }
            if from < to { result.append((runs[from..<to], from)) }
            start = end
        }
        func isSpace(_ k: Int) -> Bool { scalars[k] == 0x20 || scalars[k] == 0xA0 }
        while i < chars.count {
            let c = scalars[i]
            if fullStops.contains(c) {
                var end = i + 1
                while end < chars.count, closingJapanese.contains(scalars[end]) { end += 1 }
                emit(end)
                i = end
                continue
            }
            // Japanese ends sentences with 。 only; periods belong to Latin text quoted inside ("H.E. Mr.").
            if (c == 0x2E || c == 0x21 || c == 0x3F) && language != "ja" {
                var end = i + 1
                while end < chars.count, closingLatin.contains(scalars[end]) { end += 1 }
                // "countries.The interlocutors", "source.Le chef": a page that lost the space after a full stop.
                if c == 0x2E, end < chars.count, !isSpace(end), joinsSentences(chars, scalars, dot: i, next: end) {
                    emit(end)
                    i = end
                    continue
                }
                guard end < chars.count, isSpace(end) else { i += 1; continue }
                var next = end
                while next < chars.count, isSpace(next) { next += 1 }
                guard next < chars.count else { i += 1; continue }
                let n = chars[next]
                let startsSentence = n.isUppercase || n.isNumber || openingLatin.contains(scalars[next])
                if c == 0x2E && (!startsSentence || isAbbreviation(chars, before: i)) { i += 1; continue }
                emit(end)
                i = end
                continue
            }
            i += 1
        }
        emit(chars.count)
        return result
    }

    /// Whether a full stop with no space after it ends a sentence: a word ending in three lower-case letters
    /// before it ("countries", "Stockholm"), a capitalised word after it (or an opening quote and one) — not
    /// an initial ("B.Battsetseg"), an abbreviation ("U.S", "Prof.Lee"), a number or a web address
    /// ("vietnamnews.vn").
    private static func joinsSentences(_ chars: [Character], _ scalars: [UInt32], dot: Int, next: Int) -> Bool {
        var s = dot
        while s > 0, chars[s - 1].isLetter { s -= 1 }
        guard dot - s >= 3, chars[(dot - 3)..<dot].allSatisfy(\.isLowercase), !isAbbreviation(chars, before: dot) else { return false }
        var n = next
        if n < chars.count, openingLatin.contains(scalars[n]) { n += 1 }
        guard n + 1 < chars.count, chars[n].isUppercase, chars[n + 1].isLowercase else { return false }
        return true
    }

    /// Whether the word ending at `dot` is an abbreviation or an initial ("R." in "Michael R. Pompeo").
    private static func isAbbreviation(_ chars: [Character], before dot: Int) -> Bool {
        var s = dot
        while s > 0, !chars[s - 1].isWhitespace, chars[s - 1] != "(" { s -= 1 }
        let word = String(chars[s..<dot])
        if word.count == 1, word.first?.isUppercase == true { return true }
        // "H.E.Mr." written without spaces: the last part decides.
        let last = word.split(separator: ".").last.map(String.init) ?? word
        return abbreviations.contains(word.lowercased()) || abbreviations.contains(last.lowercased())
    }
}
