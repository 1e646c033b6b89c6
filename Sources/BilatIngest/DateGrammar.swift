import Foundation

/// A calendar day as written: the year may be missing ("on April 9").
public struct DayMention: Equatable, Sendable {
    public var year: Int?
    public var month: Int
    public var day: Int
    /// Where the mention starts in the searched text.
    let position: Int

    /// `YYYY-MM-DD` when the year is known and the day exists.
    public var iso: String? {
        guard let year, DayMention.isValid(year: year, month: month, day: day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
              let range = calendar.range(of: .day, in: .month, for: date) else { return false }
        return range.contains(day)
    }
}

/// The grammar of dates, clock times and durations, driven by a language's words (`Data/languages`).
///
/// Each function returns mentions in text order, so that "the first stated" is the first element.
public struct DateGrammar: Sendable {
    let profile: LanguageProfile
    private let monthDayYear: Pattern
    private let dayMonthYear: Pattern
    private let numeric: Pattern
    private let numericDayFirst: Pattern
    private let japanese: Pattern
    private let weekday: Pattern
    private let clock12: Pattern
    private let clock24: Pattern
    private let clockFrench: Pattern
    private let clockJapanese: Pattern
    private let duration: Pattern
    private let durationJapanese: Pattern
    private let minuteAdjective: Pattern
    private let currentMonthDay: [Pattern]
    /// The hour and minute words, folded: what a duration in words or digits always names.
    private let durationUnits: [String]
    /// The month names, folded: what a date in words always names.
    private let foldedMonthNames: [String]

    public init(profile: LanguageProfile) {
        self.profile = profile
        let months = Pattern.alternation(Set(profile.monthNames.flatMap { [$0, $0.capitalized] }))
        // "April 9, 2025", "April 9", "Sept. 3"
        // "April 9, 2025", "April 9 2025", and a news agency's "December 31/2019".
        monthDayYear = Pattern(#"\b(\#(months.isEmpty ? "(?!x)x" : months))\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:(?:,?\s+|/)(\d{4})\b)?"#)
        // "9 April 2025", "le 1er mars", "9 avril"
        dayMonthYear = Pattern(#"\b(\d{1,2})(?:er|st|nd|rd|th)?\s+(\#(months.isEmpty ? "(?!x)x" : months))\.?(?:,?\s+(\d{4})\b)?"#)
        // "2025/4/9", "2025-04-09", "2025.4.9"
        numeric = Pattern(#"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b"#)
        // "11.09.2018" (day first), "25/12/2024" (day first where the order is certain)
        numericDayFirst = Pattern(#"(?<![\d./])(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b"#)
        // "2024年11月3日", "令和6年11月3日", "11月3日", "本3日"
        japanese = Pattern(#"(?:(令和|平成|昭和)?\s*([0-9０-９]{1,4}|元)年)?\s*([0-9０-９]{1,2})月\s*([0-9０-９]{1,2})日"#, caseInsensitive: false)
        let weekdays = Pattern.alternation(profile.weekdays.keys)
        // "on Tuesday", "ce mardi"; or a weekday written as the language writes it, standing alone before a
        // lower-case word ("Omamo Sunday held talks", "se sont entretenus vendredi et"): not "Sunday's", nor a
        // weekday opening a date ("Tuesday, 02 January").
        let written = Pattern.alternation(profile.weekdays.keys.map { profile.code == "en" ? $0.prefix(1).uppercased() + $0.dropFirst() : $0 })
        weekday = Pattern(#"\b(?:on|le|ce|this|last)\s+(\#(weekdays.isEmpty ? "(?!x)x" : weekdays))\b|(?-i:\b(\#(written.isEmpty ? "(?!x)x" : written))\s+(?=\p{Ll}))"#)
        clock12 = Pattern(#"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?![a-z])"#)
        clock24 = Pattern(#"(?<![\d:])(\d{1,2}):(\d{2})(?!\s*[ap]\.?\s?m)(?![\d:])"#)
        clockFrench = Pattern(#"\b(\d{1,2})\s?h\s?(\d{2})?\b"#)
        clockJapanese = Pattern(#"(午前|午後)?\s*([0-9０-９]{1,2})時(?:([0-9０-９]{1,2})分|半)?"#, caseInsensitive: false)
        let numbers = Pattern.alternation(profile.numberWords.keys)
        let hours = Pattern.alternation(profile.hourWords)
        let minutes = Pattern.alternation(profile.minuteWords)
        let amount = #"(\d{1,3}|\#(numbers.isEmpty ? "(?!x)x" : numbers))"#
        // A number word may follow an elided article with no word boundary between them: "d’une heure".
        let start = #"(?:\b|(?<=['’]))"#
        // "one hour and 40 minutes", "1 heure 30", "45 minutes", "an hour and a half", "1h30"
        duration = Pattern(
            #"(?:\#(start)\#(amount)\s*(?:\#(hours))\b(?:\s*(?:and|et)?\s*(?:(a half|demie)|\#(amount)\s*(?:\#(minutes))?\b))?|\#(start)\#(amount)\s*(?:de\s+|d['’])?(?:\#(minutes))\b)"#)
        durationJapanese = Pattern(#"約?\s*(?:([0-9０-９]{1,2})時間(?:半)?)?\s*(?:([0-9０-９]{1,3})分)?間?"#, caseInsensitive: false)
        durationUnits = (profile.hourWords + profile.minuteWords).map(TextFolding.fold).filter { !$0.isEmpty }
        foldedMonthNames = Set(profile.monthNames.map(TextFolding.fold)).filter { !$0.isEmpty }.sorted()
        minuteAdjective = Pattern(#"\b(\d{1,3})-minute\b"#)
        currentMonthDay = profile.currentMonthDayMarkers.map {
            Pattern(NSRegularExpression.escapedPattern(for: $0) + #"\s*([0-9０-９]{1,2})日"#, caseInsensitive: false)
        }
    }

    // MARK: Days

    /// Every calendar day mentioned in `text`, in order.
    public func days(in text: String) -> [DayMention] {
        // Every day pattern has digits: most sentences have none, and are not searched.
        guard Self.hasDigit(text) else { return [] }
        var found: [DayMention] = []
        // The patterns in words need a month's name: a text that names none is not searched with them.
        let folded = TextFolding.fold(text)
        let namesMonth = foldedMonthNames.contains { folded.containsBytes($0) }
        for m in namesMonth ? monthDayYear.matches(in: text) : [] {
            guard let month = monthNumber(m.group(1)), let day = Int(m.group(2) ?? "") else { continue }
            found.append(DayMention(year: m.group(3).flatMap { Int($0) }, month: month, day: day, position: text.distance(from: text.startIndex, to: m.range.lowerBound)))
        }
        for m in namesMonth ? dayMonthYear.matches(in: text) : [] {
            guard let month = monthNumber(m.group(2)), let day = Int(m.group(1) ?? "") else { continue }
            let position = text.distance(from: text.startIndex, to: m.range.lowerBound)
            if found.contains(where: { abs($0.position - position) < 3 }) { continue }
            found.append(DayMention(year: m.group(3).flatMap { Int($0) }, month: month, day: day, position: position))
        }
        // The numeric patterns need a year's four digits.
        let hasYear = Self.hasDigitRun(text, length: 4)
        for m in hasYear ? numeric.matches(in: text) : [] {
            guard let y = Int(m.group(1) ?? ""), let mo = Int(m.group(2) ?? ""), let d = Int(m.group(3) ?? "") else { continue }
            found.append(DayMention(year: y, month: mo, day: d, position: text.distance(from: text.startIndex, to: m.range.lowerBound)))
        }
        for m in hasYear ? numericDayFirst.matches(in: text) : [] {
            guard let a = Int(m.group(1) ?? ""), let b = Int(m.group(3) ?? ""), let y = Int(m.group(4) ?? "") else { continue }
            guard let (month, day) = numericOrder(a, b, separator: m.group(2) ?? "/") else { continue }
            found.append(DayMention(year: y, month: month, day: day, position: text.distance(from: text.startIndex, to: m.range.lowerBound)))
        }
        for m in text.containsBytes("月") ? japanese.matches(in: text) : [] {
            guard let mo = Self.int(m.group(3)), let d = Self.int(m.group(4)) else { continue }
            var year: Int?
            if let y = m.group(2) {
                let n = y == "元" ? 1 : Self.int(y)
                switch m.group(1) {
                case "令和": year = n.map { 2018 + $0 }
                case "平成": year = n.map { 1988 + $0 }
                case "昭和": year = n.map { 1925 + $0 }
                default: year = n
                }
            }
            found.append(DayMention(year: year, month: mo, day: d, position: text.distance(from: text.startIndex, to: m.range.lowerBound)))
        }
        return found.filter { (1...12).contains($0.month) && (1...31).contains($0.day) }.sorted { $0.position < $1.position }
    }

    /// The month and day of a numeric date whose year comes last ("11.09.2018", "25/12/2024"), or `nil`
    /// when the order cannot be known: a number above 12 is the day; dots are written day first; with
    /// slashes the language's custom decides (`numeric_day_first`), else "10/07/2024" is left unread.
    func numericOrder(_ a: Int, _ b: Int, separator: String) -> (month: Int, day: Int)? {
        if a > 12 && b <= 12 { return (b, a) }
        if b > 12 && a <= 12 { return (a, b) }
        if a > 12 || b > 12 { return nil }
        if separator == "." || profile.numericDayFirst { return (b, a) }
        return nil
    }

    /// A day of the publication month written as "本31日" (this 31st), if the text names one.
    public func dayOfCurrentMonth(in text: String) -> Int? {
        for pattern in currentMonthDay {
            if let m = pattern.firstMatch(in: text), let day = Self.int(m.group(1)) { return day }
        }
        return nil
    }

    /// A weekday named as the meeting day ("on Tuesday", "ce mardi"): 1 = Sunday … 7 = Saturday.
    public func weekday(in text: String) -> Int? {
        guard let m = weekday.firstMatch(in: text), let name = m.group(1) ?? m.group(2) else { return nil }
        return profile.weekdays[TextFolding.fold(name)]
    }

    /// Where `text` names the meeting's day by a relative day or a weekday ("today", "on Tuesday"), in
    /// characters: the words that evidence such a date.
    public func relativeDayPosition(in text: String) -> Int? {
        let folded = TextFolding.fold(text)
        let relative = profile.relativeDays.compactMap { day -> Int? in
            guard let index = day.phrase.firstMatch(text: text, folded: folded) else { return nil }
            let haystack = day.phrase.searchesText ? text : folded
            return haystack.distance(from: haystack.startIndex, to: index)
        }.min()
        let named = weekday.firstMatch(in: text).map { text.distance(from: text.startIndex, to: $0.range.lowerBound) }
        return [relative, named].compactMap { $0 }.min()
    }

    /// The offset in days of a relative day ("today" 0, "yesterday" -1), if the text names one.
    public func relativeDay(in text: String) -> Int? {
        let folded = TextFolding.fold(text)
        return profile.relativeDays.first { $0.phrase.matches(text: text, folded: folded) }?.days
    }

    private func monthNumber(_ word: String?) -> Int? {
        guard let word else { return nil }
        let folded = TextFolding.fold(word)
        return profile.months[folded] ?? profile.months[folded + "."]
    }

    /// Whether `text` has `length` decimal digits in a row (what `\\d{length}` needs: any script's digits).
    static func hasDigitRun(_ text: String, length: Int) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            let isDigit = scalar.isASCII ? (scalar.value >= 0x30 && scalar.value <= 0x39) : scalar.properties.generalCategory == .decimalNumber
            run = isDigit ? run + 1 : 0
            if run >= length { return true }
        }
        return false
    }

    /// Whether `text` holds a decimal digit (of any script: the patterns' `\d` matches them all).
    static func hasDigit(_ text: String) -> Bool { hasDigitRun(text, length: 1) }

    static func int(_ text: String?) -> Int? {
        guard let text else { return nil }
        let ascii = String(text.unicodeScalars.map { s -> Character in
            (0xFF10...0xFF19).contains(s.value) ? Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!) : Character(s)
        })
        return Int(ascii)
    }

    // MARK: Clock times

    /// A clock time mentioned in text, with whether it is marked as the home (not local) time.
    public struct TimeMention: Equatable, Sendable {
        public let hour: Int
        public let minute: Int
        let position: Int
        /// Where the time's own text ends.
        let end: Int
        /// Followed by "Japan time", "JST" … in the same breath: not the venue's local time.
        public let isHomeTime: Bool
        /// Followed by "local time".
        public let isLocalTime: Bool
        public var text: String { String(format: "%02d:%02d", hour, minute) }
    }

    /// Every clock time in `text`, in order.
    public func times(in text: String) -> [TimeMention] {
        guard Self.hasDigit(text) else { return [] }
        var found: [(Int, Int, Range<String.Index>)] = []
        for m in clock12.matches(in: text) {
            guard var h = Int(m.group(1) ?? ""), h <= 12 else { continue }
            let minute = Int(m.group(2) ?? "0") ?? 0
            let pm = m.group(3)?.lowercased() == "p"
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
            found.append((h, minute, m.range))
        }
        // "17:50": a colon stands in every 24-hour time.
        for m in text.utf8.contains(0x3A) ? clock24.matches(in: text) : [] {
            guard let h = Int(m.group(1) ?? ""), let minute = Int(m.group(2) ?? "") else { continue }
            if found.contains(where: { $0.2.overlaps(m.range) }) { continue }
            found.append((h, minute, m.range))
        }
        if profile.code == "fr" {
            for m in clockFrench.matches(in: text) {
                guard let h = Int(m.group(1) ?? "") else { continue }
                found.append((h, Int(m.group(2) ?? "0") ?? 0, m.range))
            }
        }
        for m in text.containsBytes("時") ? clockJapanese.matches(in: text) : [] {
            guard var h = Self.int(m.group(2)) else { continue }
            // "1時間" is a duration, not a clock time.
            if text[m.range.upperBound...].hasPrefix("間") { continue }
            if m.group(1) == "午後" && h < 12 { h += 12 }
            let minute = m.value.hasSuffix("半") ? 30 : Self.int(m.group(3)) ?? 0
            found.append((h, minute, m.range))
        }
        let ordered = found.filter { $0.0 < 24 && $0.1 < 60 }.sorted { $0.2.lowerBound < $1.2.lowerBound }
        return ordered.enumerated().map { index, item in
            let (h, minute, range) = item
            // The marker that qualifies a time stands after it, before the next time: "4:30 p.m. JST (…)",
            // "8:40 p.m. on May 2, Tokyo time)".
            let limit = index + 1 < ordered.count ? ordered[index + 1].2.lowerBound : text.endIndex
            var window = String(text[range.upperBound..<limit].prefix(45))
            if let cut = window.firstIndex(where: { ")）;".contains($0) }) { window = String(window[..<cut]) }
            let near = TextFolding.fold(window)
            let local = profile.localTimeMarkers.contains { near.containsBytes(TextFolding.fold($0)) }
            let home = !local && profile.homeTimeMarkers.contains { marker in
                let m = TextFolding.fold(marker)
                // Short markers (JST, ET) only as whole words.
                return m.count > 3 ? near.containsBytes(m) : near.split(whereSeparator: { !$0.isLetter }).contains { String($0) == m }
            }
            return TimeMention(hour: h, minute: minute, position: text.distance(from: text.startIndex, to: range.lowerBound),
                               end: text.distance(from: text.startIndex, to: range.upperBound), isHomeTime: home, isLocalTime: local)
        }
    }

    /// The start time of the meeting among `times`: the one marked as local time, else the first not
    /// marked as home time, else the first ("at 1 p.m. (12 p.m. local time)" → 12:00).
    public static func startTime(_ times: [TimeMention]) -> TimeMention? {
        times.first(where: \.isLocalTime) ?? times.first(where: { !$0.isHomeTime }) ?? times.first
    }

    /// A span of clock time: "between 17:50 and 18:15", "11:30-12:00", "de 12h45 à 14h30", "from 3 to 4 p.m."
    /// (start and minutes), where two times stand side by side joined by a range word of the language.
    public func timeRange(in text: String) -> (start: TimeMention, minutes: Int)? {
        let times = times(in: text)
        guard times.count >= 2 else { return nil }
        let chars = Array(text)
        for (a, b) in zip(times, times.dropFirst()) {
            guard a.end <= b.position else { continue }
            let between = TextFolding.fold(String(chars[a.end..<b.position])).trimmingCharacters(in: .whitespaces)
            let before = TextFolding.fold(String(chars[max(0, a.position - 12)..<a.position]))
            let joined = profile.rangeJoiners.contains(between)
                || (profile.rangeOpeners.contains { before.hasSuffix(TextFolding.fold($0) + " ") } && profile.rangeJoinersAfterOpener.contains(between))
            guard joined else { continue }
            let minutes = (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)
            guard minutes > 0, minutes <= 12 * 60 else { continue }
            return (a, minutes)
        }
        return nil
    }

    // MARK: Durations

    /// Every duration in minutes mentioned in `text`, in order, with its position.
    public func durations(in text: String) -> [(minutes: Int, position: Int)] {
        var found: [(Int, Int)] = []
        // Japanese durations have their own pattern: the general one would read "6時10分" as ten minutes.
        // The general pattern needs an hour or minute word: a sentence without one is not searched.
        let folded = TextFolding.fold(text)
        let namesUnit = durationUnits.contains { folded.containsBytes($0) }
        for m in profile.code == "ja" || !namesUnit ? [] : duration.matches(in: text) {
            let position = text.distance(from: text.startIndex, to: m.range.lowerBound)
            if let hoursWord = m.group(1) {
                guard let hours = amount(hoursWord) else { continue }
                var minutes = hours * 60
                if m.group(2) != nil { minutes += 30 } else if let extra = m.group(3).flatMap(amount) { minutes += extra }
                found.append((minutes, position))
            } else if let minutesWord = m.group(4), let minutes = amount(minutesWord) {
                found.append((minutes, position))
            }
        }
        for m in folded.containsBytes("-minute") ? minuteAdjective.matches(in: text) : [] {
            if let minutes = Int(m.group(1) ?? "") {
                found.append((minutes, text.distance(from: text.startIndex, to: m.range.lowerBound)))
            }
        }
        for phrase in profile.halfWords where folded.containsBytes(TextFolding.fold(phrase)) {
            if let r = text.range(of: phrase, options: .caseInsensitive) {
                let position = text.distance(from: text.startIndex, to: r.lowerBound)
                if !found.contains(where: { abs($0.1 - position) < 12 }) { found.append((30, position)) }
            }
        }
        // A Japanese duration names minutes (分) or hours (時間).
        if profile.code == "ja", text.containsBytes("分") || text.containsBytes("時間") {
            for m in durationJapanese.matches(in: text) where m.value.contains("間") || m.value.hasPrefix("約") {
                let hours = Self.int(m.group(1)) ?? 0
                var minutes = hours * 60 + (Self.int(m.group(2)) ?? 0)
                if m.value.contains("時間半") { minutes += 30 }
                // A bare "分" after a clock time ("18時10分") is not a duration: require 間 or 約.
                if minutes > 0 { found.append((minutes, text.distance(from: text.startIndex, to: m.range.lowerBound))) }
            }
        }
        return found.filter { $0.0 > 0 && $0.0 <= 24 * 60 }.sorted { $0.1 < $1.1 }.map { (minutes: $0.0, position: $0.1) }
    }

    private func amount(_ word: String) -> Int? {
        Int(word) ?? profile.numberWords[word.lowercased()]
    }
}
