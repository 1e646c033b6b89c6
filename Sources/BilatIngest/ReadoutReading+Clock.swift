import Foundation

/// The clock step: the meeting's local start time and its own length.
extension ReadoutReading {
    /// The start time (local time as stated first) and the meeting's own duration, from the lead sentence.
    func clock() -> (String?, Int?) {
        let lead = factLead
        let times = grammar.times(in: lead)
        var start = DateGrammar.startTime(times)
        let found = grammar.durations(in: lead).first
        var duration = found?.minutes
        // (The lead as written: `factLead` only blanks a publication stamp, character for character.)
        if let found { words.found["duration_minutes"] = Self.clause(in: self.lead, at: found.position) }
        // "between 17:50 and 18:15": the span gives the start and the length.
        if let range = grammar.timeRange(in: lead), start == nil || range.start == times.first {
            start = range.start
            if duration == nil {
                duration = range.minutes
                words.found["duration_minutes"] = Self.clause(in: self.lead, at: range.start.position)
            }
        }
        if let start { words.found["start_time"] = Self.clause(in: self.lead, at: start.position) }
        // "The call lasted about 40 minutes.", "会談は約20分間行われた。" in a sentence of its own; there, a time
        // marked as a start ("電話会談は、31日8時5分から約52分間") is the start time.
        if duration == nil || start == nil {
            for (index, sentence) in layout.sentences.enumerated() where index != leadIndex {
                let folded = TextFolding.fold(sentence.text)
                guard profile.durationCues.matchesAny(text: sentence.text, folded: folded) else { continue }
                let minutes = grammar.durations(in: sentence.text).first?.minutes
                let chars = Array(sentence.text)
                let marked = grammar.times(in: sentence.text).first { t in
                    profile.startTimeSuffixes.contains { String(chars[t.end...].prefix($0.count)) == $0 }
                }
                guard minutes != nil || marked != nil else { continue }
                if duration == nil, let minutes {
                    duration = minutes
                    words.found["duration_minutes"] = grammar.durations(in: sentence.text).first.map { Self.clause(in: sentence.text, at: $0.position) }
                }
                if start == nil, let marked {
                    start = marked
                    words.found["start_time"] = Self.clause(in: sentence.text, at: marked.position)
                }
                break
            }
        }
        return (start?.text, duration)
    }
}
