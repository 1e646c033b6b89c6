import Foundation

/// The evidence step of reading: for each fact read, the words of the readout it was read from, so that
/// a person can check the fact against the text in seconds.
extension ReadoutReading {
    /// The evidence of each fact of `record` (read from this readout, readout 0): the clause of the
    /// sentence, title or date line in which the fact is written, looked for where the reading looks for
    /// it (the lead first). A fact whose words cannot be found (a date from front matter, a format that
    /// no word states) has none.
    func evidence(for record: MeetingRecord) -> [Evidence] {
        var found: [Evidence] = []
        func add(_ field: String, _ words: String?) {
            if let words, !words.isEmpty { found.append(Evidence(field: field, readout: 0, text: words)) }
        }
        let sentences = layout.sentences.map(\.text)
        let leadFirst = [lead] + sentences.filter { $0 != lead }
        let header = [layout.title].compactMap { $0 } + layout.headerLines
        // The words the date and clock steps read their facts from, where they kept them.
        for field in ["date", "start_time", "duration_minutes"] where record.value(of: field) != nil {
            add(field, words.found[field])
        }
        if let date = record.date, words.found["date"] == nil {
            let parts = date.split(separator: "-").compactMap { Int($0) }
            // The day as written; else the lead's "today" or "on Tuesday", read against the date line.
            add("date", ([lead] + header + sentences).lazy.compactMap { text in
                grammar.days(in: text).first { $0.month == parts[1] && $0.day == parts[2] && ($0.year == nil || $0.year == parts[0]) }
                    .map { Self.clause(in: text, at: $0.position) }
            }.first ?? grammar.relativeDayPosition(in: lead).map { Self.clause(in: lead, at: $0) })
        }
        if let start = record.startTime, words.found["start_time"] == nil {
            add("start_time", leadFirst.lazy.compactMap { text in
                grammar.times(in: text).first { $0.text == start }.map { Self.clause(in: text, at: $0.position) }
            }.first)
        }
        if let minutes = record.durationMinutes, words.found["duration_minutes"] == nil {
            add("duration_minutes", leadFirst.lazy.compactMap { text -> String? in
                if let d = grammar.durations(in: text).first(where: { $0.minutes == minutes }) { return Self.clause(in: text, at: d.position) }
                if let range = grammar.timeRange(in: text), range.minutes == minutes { return Self.clause(in: text, at: range.start.position) }
                return nil
            }.first)
        }
        if let format = record.format {
            let cues = format == .telephone ? profile.telephoneCues : format == .video ? profile.videoCues : profile.meetingCues
            add("format", ([lead] + header).lazy.compactMap { text in
                Self.firstPosition(of: cues, in: text).map { Self.clause(in: text, at: $0) }
            }.first)
        }
        if let venue = record.venue {
            add("venue", leadFirst.lazy.compactMap { text in
                text.range(of: venue).map { Self.clause(in: text, at: text.distance(from: text.startIndex, to: $0.lowerBound)) }
            }.first)
        }
        // Names are looked for in the folded texts (case and accents aside), folded once.
        let searched = leadFirst + header
        let foldedSearched = searched.map(TextFolding.fold)
        for (index, p) in record.participants.enumerated() {
            // The family name as written ("Al Saud" may stand as "Al-Saud"), the whole name, the given name.
            let family = p.familyName.map { [$0, $0.replacingOccurrences(of: " ", with: "-")] } ?? []
            let needles = (family + [p.name, p.givenName].compactMap { $0 }).filter { !$0.isEmpty }.map(TextFolding.fold)
            add("participant:\(index)", searched.indices.lazy.compactMap { i -> String? in
                for needle in needles {
                    if let r = foldedSearched[i].byteRange(of: needle) {
                        return Self.clause(in: searched[i], at: foldedSearched[i].distance(from: foldedSearched[i].startIndex, to: r.lowerBound))
                    }
                }
                return nil
            }.first)
        }
        for (index, c) in record.commitments.enumerated() { add("commitment:\(index)", c.text) }
        return found
    }

    /// Where the first of `cues` starts in `text` (in characters), or `nil`.
    static func firstPosition(of cues: CueSet, in text: String) -> Int? {
        let folded = TextFolding.fold(text)
        return cues.cues.compactMap { cue -> Int? in
            guard let index = cue.firstMatch(text: text, folded: folded) else { return nil }
            let haystack = cue.searchesText ? text : folded
            return haystack.distance(from: haystack.startIndex, to: index)
        }.min()
    }

    /// The clause of `text` around the character at `position`: between the nearest clause marks (a comma
    /// before a space and a word, a semicolon, a colon before a space, 、 or 。), so that "March 4, 2024"
    /// stays whole and "3:00" is not cut; a clause longer than 160 characters is cut to the words around
    /// the position.
    static func clause(in text: String, at position: Int) -> String {
        let chars = Array(text)
        guard !chars.isEmpty else { return "" }
        let at = min(max(position, 0), chars.count - 1)
        func isMark(_ i: Int) -> Bool {
            switch chars[i] {
            case ";", "；", "、", "。", "，": return true
            case ":": return i + 1 < chars.count && chars[i + 1].isWhitespace
            case ",":
                guard i + 1 < chars.count, chars[i + 1].isWhitespace else { return false }
                return !(i + 2 < chars.count && chars[i + 2].isNumber)
            default: return false
            }
        }
        var start = at
        while start > 0 && !isMark(start - 1) { start -= 1 }
        var end = at
        while end < chars.count && !isMark(end) { end += 1 }
        if end - start > 160 {
            start = max(start, at - 60)
            end = min(end, at + 100)
            while start > 0 && !chars[start - 1].isWhitespace && start < at { start += 1 }
            while end < chars.count && end > at && !chars[end - 1].isWhitespace { end -= 1 }
        }
        while start < end && chars[start].isWhitespace { start += 1 }
        while end > start && chars[end - 1].isWhitespace { end -= 1 }
        return String(chars[start..<end])
    }
}

extension MeetingRecord {
    /// The value of one of the meeting's own facts (`date`, `start_time`, `duration_minutes`), if stated.
    func value(of field: String) -> Any? {
        switch field {
        case "date": return date
        case "start_time": return startTime
        case "duration_minutes": return durationMinutes
        default: return nil
        }
    }
}
