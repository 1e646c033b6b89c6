import Foundation

/// The sides step: the side of a principal the text names by title alone, and what a title qualifies.
extension ReadoutReading {
    /// The sides of the meeting: front matter's `parties`, else those the people give, the publisher's first
    /// where it is known (a page's site, front matter) — and added where the publisher speaks in the first
    /// person ("I had a telephone talk with …" on a prime minister's site).
    func meetingSides(_ named: [String]) -> [String] {
        if let listed = matter?.lists["parties"], !listed.isEmpty {
            return listed.map { parser.data.party(named: $0) ?? $0.uppercased() }
        }
        var sides = named
        guard let publisher = matter?.fields["publisher"].flatMap(parser.data.party(named:)) else { return sides }
        if let at = sides.firstIndex(of: publisher) {
            // The publishing side comes first.
            sides.remove(at: at)
            sides.insert(publisher, at: 0)
        } else if ([lead] + layout.sentences.prefix(3).map(\.text)).contains(where: { profile.firstPersonCues.matchesAny(text: $0, folded: TextFolding.fold($0)) }) {
            sides.insert(publisher, at: 0)
        }
        return sides
    }

    /// Sides are stated whole or not at all: two principals, one of unknown side, and one side found state
    /// no sides (with the reason).
    func sidesStatedWhole(_ sides: [String], participants: [Participant], review: inout [String]) -> [String] {
        let principals = participants.filter { $0.role == .principal }
        guard sides.count == 1, principals.count >= 2, principals.contains(where: { $0.party == nil }), matter?.lists["parties"] == nil else {
            return sides
        }
        review.append("sides not stated: a principal's side is unknown")
        return []
    }

    /// The side of a principal whom the text names by title alone: the party paired with a known one
    /// ("Japan-NATO", "Japon – OTAN", "U.S.-Australia"), the host of a visit ("sa venue au Japon"), or the
    /// state the text names most.
    func homeParty(known: [String]) -> (String?, certain: Bool) {
        let found = homePartyFound(known: known)
        return (found.0, found.1)
    }

    private func homePartyFound(known: [String]) -> (String?, Bool) {
        if let fixed = matter?.lists["parties"]?.first { return (parser.data.party(named: fixed), true) }
        if let publisher = matter?.fields["publisher"].flatMap(parser.data.party(named:)), !known.contains(publisher) { return (publisher, true) }
        // The publisher's own seat: "A Downing Street spokesperson said", a "Washington, DC" dateline.
        let whole = ([layout.title ?? ""] + layout.headerLines + layout.sentences.map(\.text)).joined(separator: "\n")
        let wholeFolded = TextFolding.fold(whole)
        // The first seat in the data's order that the text names, of a party not already known.
        let seatParties = parser.data.seatParties
        if let seat = parser.data.seats.firstMatches(text: whole, folded: wholeFolded).map(\.index)
            .filter({ !known.contains(seatParties[$0]) }).min() {
            return (seatParties[seat], true)
        }
        let text = ([layout.title ?? ""] + layout.sentences.map(\.text)).joined(separator: "\n")
        let mentions = parser.parties.mentions(in: text, language: profile.code)
        // Pairs: two mentions joined by a hyphen or dash.
        let chars = Array(text)
        for (a, b) in zip(mentions, mentions.dropFirst()) where b.start >= a.end {
            let between = String(chars[a.end..<b.start]).trimmingCharacters(in: .whitespaces)
            // Japanese writes the pair without a mark: "日米首脳", "日豪".
            let japanesePair = between.isEmpty && b.start == a.end && a.end - a.start == 1 && b.end - b.start == 1
                && String(chars[a.start..<b.end]).unicodeScalars.allSatisfy(TextFolding.isJapaneseScalar)
            guard japanesePair || ["-", "–", "—", "‐", "/"].contains(between) else { continue }
            if known.contains(a.code) && !known.contains(b.code) { return (b.code, true) }
            if known.contains(b.code) && !known.contains(a.code) { return (a.code, true) }
        }
        // The host of a visit named in the lead: "during his visit to Japan", "à l’occasion de sa venue au Japon".
        let leadMentions = parser.parties.mentions(in: lead, language: profile.code)
        let leadChars = Array(lead)
        for m in leadMentions where !known.contains(m.code) {
            let before = TextFolding.fold(String(leadChars[max(0, m.start - 30)..<m.start]))
            if profile.hostVisitCues.contains(where: { before.hasSuffix(TextFolding.fold($0) + " ") || before.hasSuffix(TextFolding.fold($0) + " the ") }) {
                return (m.code, true)
            }
        }
        // Last, the state the headline and the lead name most — where the sides are named. A state named
        // as the place of a situation ("the situation in Burundi", "the war in Ukraine") is a subject, not a side.
        let sideText = ([layout.title ?? ""] + [lead]).joined(separator: "\n")
        let sideChars = Array(sideText)
        var counts: [String: Int] = [:]
        for m in parser.parties.mentions(in: sideText, language: profile.code)
        where !known.contains(m.code) && parser.data.parties[m.code]?.kind != "organization" {
            let before = TextFolding.fold(String(sideChars[max(0, m.start - 30)..<m.start]))
            if profile.subjectPlaceCues.contains(where: { before.hasSuffix(TextFolding.fold($0) + " ") || before.hasSuffix(TextFolding.fold($0) + " the ") }) { continue }
            // "The Saudi Foreign Minister", "Egypt's Foreign Minister": the state of another person, named by
            // office, not the side of the one whose side is sought.
            if qualifiesATitle(sideChars, start: m.start, end: m.end) { continue }
            counts[m.code, default: 0] += 1
        }
        return (counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key, false)
    }

    /// Whether an office follows a state's name ending at `end` ("Saudi Foreign Minister", "Egypt's President").
    func qualifiesATitle(_ chars: [Character], start: Int, end: Int) -> Bool {
        func spaced(_ s: String) -> String {
            TextFolding.fold(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var rest = spaced(String(chars[min(end, chars.count)..<min(end + 60, chars.count)]))
        if rest.hasPrefix("'s") { rest.removeFirst(2) }
        rest = rest.trimmingCharacters(in: .whitespaces) + " "
        return profile.titles.contains { rest.hasPrefix(TextFolding.fold($0) + " ") }
    }
}
