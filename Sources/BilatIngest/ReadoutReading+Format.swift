import Foundation

/// The format step: how the sides met (in person, by telephone, by video), and where.
extension ReadoutReading {

    /// How the sides met: a call's or video conference's words in the title or lead; else a later sentence
    /// that speaks of the meeting as one ("During the phone call"); else in person where the text says the
    /// sides were together ("met", "received", "会談"). A text that says none of these states no format.
    func meetingFormat() -> MeetingFormat? {
        let opening = ([layout.title ?? ""] + [lead]).joined(separator: "\n")
        let folded = TextFolding.fold(opening)
        if profile.videoCues.matchesAny(text: opening, folded: folded) { return .video }
        if profile.telephoneCues.matchesAny(text: opening, folded: folded) {
            let leadFolded = TextFolding.fold(lead)
            if profile.inPersonOverrides.matchesAny(text: lead, folded: leadFolded)
                && !profile.telephoneCues.matchesAny(text: lead, folded: leadFolded) {
                return .inPerson
            }
            return .telephone
        }
        for sentence in layout.sentences {
            let f = TextFolding.fold(sentence.text)
            if profile.videoReferences.matchesAny(text: sentence.text, folded: f) { return .video }
            if profile.telephoneReferences.matchesAny(text: sentence.text, folded: f) { return .telephone }
        }
        if profile.inPersonCues.matchesAny(text: opening, folded: folded) || profile.inPersonOverrides.matchesAny(text: opening, folded: folded) {
            return .inPerson
        }
        return nil
    }

    /// "in Ankara", "à Paris" in the lead sentence, where the place is not a party.
    static let venuePattern = Pattern(#"(?:\bin|\bà)\s+(\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?)(?=\s+(?:today|this|on|le|ce|,)|[,.;]|$)"#,
                                      caseInsensitive: false)

    func venue() -> String? {
        for m in Self.venuePattern.matches(in: lead) {
            guard let place = m.group(1) else { continue }
            let tokens = Tokenizer.tokens(place)
            if parser.parties.party(tokens: tokens[...], language: profile.code) != nil { continue }
            if profile.months[TextFolding.fold(place)] != nil { continue }
            return place
        }
        return nil
    }
}
