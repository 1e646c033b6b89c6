import Foundation

/// The date step: the day the meeting took place, from the lead, the headline and the date line.
extension ReadoutReading {
    /// A publication stamp at the head of the lead ("Posted On: 24 MAR 2026 8:48PM by …", "Publié le …"):
    /// the range of the lead from the marker through the date and a clock time right after it.
    func publicationStamp() -> Range<Int>? {
        let text = lead
        let folded = TextFolding.fold(text)
        let starts = profile.publicationMarkers.cues.compactMap { cue -> Int? in
            guard let index = cue.firstMatch(text: text, folded: folded) else { return nil }
            let haystack = cue.searchesText ? text : folded
            return haystack.distance(from: haystack.startIndex, to: index)
        }
        let chars = Array(text)
        guard let start = starts.min(), start < chars.count else { return nil }
        let tail = String(chars[start...])
        guard let day = grammar.days(in: tail).first, day.position < 30 else { return nil }
        var end = start + day.position + 1
        // The date's own words, then a clock time that follows within a few characters.
        while end < chars.count, !chars[end].isWhitespace { end += 1 }
        for _ in 0..<2 {
            var k = end
            while k < chars.count, chars[k].isWhitespace || chars[k] == "," { k += 1 }
            var w = k
            while w < chars.count, !chars[w].isWhitespace { w += 1 }
            guard w > k else { break }
            let word = String(chars[k..<w])
            if DateGrammar.hasDigit(word) || (profile.months[TextFolding.fold(word)] != nil) { end = w } else { break }
        }
        if let time = grammar.times(in: String(chars[end...])).first, time.position < 4 { end += time.end }
        return start..<end
    }

    /// The lead as the facts are read from it: a publication stamp blanked out.
    var factLead: String {
        guard let stamp = publicationStamp() else { return lead }
        var chars = Array(lead)
        for i in stamp { chars[i] = " " }
        return String(chars)
    }

    // MARK: When

    /// The publication date: front matter `published`, else the first full date among the header lines
    /// (the date line), else a full date in a sentence that says when the text was issued.
    func documentDate() -> DayMention? {
        if let published = matter?.fields["published"], let day = grammar.days(in: published).first(where: { $0.year != nil }) {
            return day
        }
        for line in layout.headerLines where !isSiteClock(line) {
            if let day = grammar.days(in: line).first(where: { $0.iso != nil }) { return day }
        }
        // A date line that a page puts below the lead ("LE MATIN" / "10 Mars 2026"): a short line that is a date.
        let shortLines = (layout.sections.prefix(4).compactMap(\.heading) + layout.paragraphs.prefix(6)).filter { $0.count <= 30 }
        for line in shortLines where !isSiteClock(line) {
            if let day = grammar.days(in: line).first(where: { $0.iso != nil }) { return day }
        }
        if let stamp = publicationStamp() {
            let text = String(Array(lead)[stamp])
            if let day = grammar.days(in: text).first(where: { $0.iso != nil }) { return day }
        }
        // "The press release issued by … on 27 October 2025." before the lead.
        for sentence in layout.sentences.prefix(leadIndex ?? 0) {
            if let day = grammar.days(in: sentence.text).first(where: { $0.iso != nil }) { return day }
        }
        if let title = layout.title, !isSiteClock(title), let day = grammar.days(in: title).first(where: { $0.iso != nil }) { return day }
        return nil
    }

    /// The date of `day` (without a year) in a year that a full date of the text gives, where exactly one
    /// such year makes it fall on `weekday` (1 = Sunday): the weekday the lead names confirms it.
    func yearFromTheText(for day: DayMention, weekday: Int) -> String? {
        let years = Set(layout.sentences.flatMap { grammar.days(in: $0.text).compactMap(\.year) })
        let fitting = years.compactMap { year -> String? in
            guard let iso = DayMention(year: year, month: day.month, day: day.day, position: 0).iso, let date = Self.parse(iso),
                  Self.calendar().component(.weekday, from: date) == weekday else { return nil }
            return iso
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// Whether `line` is a site's clock ("Tuesday, 02 January 2024 12:17 GMT"): it dates the visit to the
    /// page, not the readout.
    func isSiteClock(_ line: String) -> Bool {
        !grammar.times(in: line).isEmpty && line.split(whereSeparator: { !$0.isLetter }).contains { profile.siteClockMarkers.contains(String($0)) }
    }

    func meetingDate(review: inout [String]) -> String? {
        if let fixed = matter?.fields["date"] {
            if let day = grammar.days(in: fixed).first, let iso = day.iso { return iso }
        }
        let published = documentDate()
        let lead = factLead
        // Where the lead says nothing of the day, the headline or the next sentences may — not one about
        // another event ("followed the talks held on the sidelines of … on 20 May").
        let opening = layout.sentences.prefix(4).map(\.text).filter { s in
            s == lead || !profile.otherEventCues.matchesAny(text: s, folded: TextFolding.fold(s))
        }
        func resolve(_ day: DayMention) -> String? {
            if let iso = day.iso { return iso }
            guard let published, let year = published.year else {
                // "ce lundi 05 octobre", and "le 29 septembre 2020" elsewhere in the text: the year of a full date
                // of the text whose weekday the lead confirms.
                if let weekday = grammar.weekday(in: lead), let iso = yearFromTheText(for: day, weekday: weekday) {
                    review.append("year taken from another date of the text")
                    return iso
                }
                review.append("no year in text")
                return nil
            }
            // A meeting on December 30 reported on January 2 took place the year before.
            let later = (day.month, day.day) > (published.month, published.day)
            return DayMention(year: later ? year - 1 : year, month: day.month, day: day.day, position: 0).iso
        }
        func relative(_ offset: Int) -> String? {
            guard let published, let iso = published.iso else {
                review.append("no year in text")
                return nil
            }
            return Self.shift(iso, days: offset)
        }
        if let day = grammar.days(in: lead).first {
            // A dateline at the head of the lead ("Addis Ababa December 31/2019 Minister … on Monday held talks")
            // dates the report: the lead's own "on Monday" or "today" is read against it.
            if let iso = day.iso, day.position < 40, let at = grammar.relativeDayPosition(in: lead), at > day.position {
                let spoken = String(Array(lead)[at...])
                if let offset = grammar.relativeDay(in: spoken) {
                    words.found["date"] = Self.clause(in: lead, at: at)
                    return Self.shift(iso, days: offset)
                }
                if let weekday = grammar.weekday(in: spoken) {
                    words.found["date"] = Self.clause(in: lead, at: at)
                    return Self.latest(weekday: weekday, onOrBefore: iso)
                }
            }
            words.found["date"] = Self.clause(in: lead, at: day.position)
            return resolve(day)
        }
        if let title = layout.title, let day = grammar.days(in: title).first(where: { $0.iso != nil }) {
            words.found["date"] = Self.clause(in: title, at: day.position)
            return resolve(day)
        }
        if let day = grammar.dayOfCurrentMonth(in: lead), let published, let year = published.year {
            return DayMention(year: year, month: published.month, day: day, position: 0).iso
        }
        // The lead's own "today" or "on Tuesday" speaks of the meeting; a date in a later sentence may be
        // another event's ("the decision made on 17 October").
        if let offset = grammar.relativeDay(in: lead) { return relative(offset) }
        if let weekday = grammar.weekday(in: lead), let iso = published?.iso {
            return Self.latest(weekday: weekday, onOrBefore: iso)
        }
        for sentence in opening {
            guard let day = grammar.days(in: sentence).first else { continue }
            words.found["date"] = Self.clause(in: sentence, at: day.position)
            return resolve(day)
        }
        if let offset = opening.lazy.compactMap({ grammar.relativeDay(in: $0) }).first { return relative(offset) }
        if let iso = published?.iso, matter?.fields["published"] == nil || matter?.fields["page_published"] != nil {
            // The date line of a readout that does not name the meeting's day (a page's own date is one): the
            // readout is the day's record.
            review.append("meeting date taken from the date line")
            return iso
        }
        if published != nil {
            review.append("meeting date not stated; only the publication date is")
        } else {
            review.append("no date in text")
        }
        return nil
    }

    static func calendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func parse(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar().date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    static func format(_ date: Date) -> String {
        let c = calendar().dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func shift(_ iso: String, days: Int) -> String? {
        guard let date = parse(iso), let moved = calendar().date(byAdding: .day, value: days, to: date) else { return nil }
        return format(moved)
    }

    static func latest(weekday: Int, onOrBefore iso: String) -> String? {
        guard let date = parse(iso) else { return nil }
        let current = calendar().component(.weekday, from: date)
        return shift(iso, days: -((current - weekday + 7) % 7))
    }
}
