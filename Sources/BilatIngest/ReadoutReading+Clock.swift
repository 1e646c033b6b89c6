import Foundation

/// The clock step: the meeting's local start time and its own length.
extension ReadoutReading {
    /// The start time (local time as stated first) and the meeting's own duration, from the lead sentence.
    func clock() -> (String?, Int?) {
        let lead = factLead
        let times = grammar.times(in: lead)
        var start = DateGrammar.startTime(times)
        var duration = grammar.durations(in: lead).first?.minutes
        // "between 17:50 and 18:15": the span gives the start and the length.
        if let range = grammar.timeRange(in: lead), start == nil || range.start == times.first {
            start = range.start
            if duration == nil { duration = range.minutes }
        }
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
                if duration == nil { duration = minutes }
                if start == nil { start = marked }
                break
            }
        }
        return (start?.text, duration)
    }
}
