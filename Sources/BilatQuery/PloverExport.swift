import BilatIngest
import Foundation

/// Meetings as PLOVER events (`bilat export --format plover`): the open event-data ontology of POLECAT
/// (github.com/openeventdata/PLOVER, PLOVER_MANUAL.tex). A meeting is one `CONSULT` event; each commitment
/// is one `AGREE` event with the same `link` (the meeting's id). Fields follow the manual's "Data Fields"
/// chapter; where the readout does not state a fact, the field is `null` or `[]`, never a guess.
public enum PloverExport {
    /// The events of one meeting: its `CONSULT`, then one `AGREE` per commitment, in order.
    public static func events(of r: MeetingRecord) -> [JSONValue] {
        let id = r.id ?? ""
        let sides = r.parties.map { entities(of: $0, in: r) }
        let (mode, actors, recipients) = consultation(r, sides: sides)
        var events: [JSONValue] = [event(
            id: "\(id)-consult", r, category: "CONSULT", actor: actors, recipient: recipients, mode: mode,
            text: r.evidence.first { $0.field == "format" }?.text ?? r.title, readout: 0)]
        for (index, c) in r.commitments.enumerated() {
            let bound = r.parties.firstIndex(of: c.by)
            let actor = bound.map { sides[$0] } ?? sides.flatMap { $0 }
            let recipient = bound.map { b in sides.indices.filter { $0 != b }.flatMap { sides[$0] } } ?? []
            let readout = r.evidence.first { $0.field == "commitment:\(index)" }?.readout ?? 0
            events.append(event(id: "\(id)-agree-\(index)", r, category: "AGREE", actor: actor, recipient: recipient, mode: [],
                                text: c.text, readout: readout))
        }
        return events
    }

    /// The mode of the meeting and who is actor and recipient: a visit (the visitor acts, the host
    /// receives) when the meeting was held in the capital of one of the sides (or an organisation's seat);
    /// a third party's when held in another's; by phone for a telephone or video call; else no mode. Where
    /// no one hosts, every side is an actor.
    static func consultation(_ r: MeetingRecord, sides: [[JSONValue]]) -> (mode: [String], actor: [JSONValue], recipient: [JSONValue]) {
        let everyone = sides.flatMap { $0 }
        switch r.format {
        case .telephone, .video: return (["phone"], everyone, [])
        case .inPerson:
            guard let venue = r.venue else { return ([], everyone, []) }
            let hosts = hosts(of: venue)
            let hosting = r.parties.indices.filter { hosts.contains(r.parties[$0]) }
            if hosting.isEmpty { return (hosts.isEmpty ? [] : ["third-party"], everyone, []) }
            // Two sides at home in one city (an organisation and its host state): no one visits.
            guard hosting.count == 1, sides.count > 1 else { return ([], everyone, []) }
            let h = hosting[0]
            return (["visit"], sides.indices.filter { $0 != h }.flatMap { sides[$0] }, sides[h])
        case nil: return ([], everyone, [])
        }
    }

    /// The parties whose capital or seat `venue` names ("Tokyo"; "Washington" for Washington D.C.).
    static func hosts(of venue: String) -> Set<String> {
        let words = TextFolding.key(venue).split(separator: " ")
        guard !words.isEmpty else { return [] }
        return Set(LanguageData.shared.parties.values.filter { party in
            party.capitals.contains { capital in
                let name = TextFolding.key(capital).split(separator: " ")
                // The venue is the capital, or starts with it, or the capital starts with the venue's words.
                return !name.isEmpty && (words.starts(with: name) || name.starts(with: words))
            }
        }.map(\.code))
    }

    /// The entity objects of one side: each of its principals (name and office as the readout gives
    /// them), or the side itself when no principal of it is named.
    static func entities(of code: String, in r: MeetingRecord) -> [JSONValue] {
        let party = LanguageData.shared.parties[code]
        // PLOVER's top-level codes: states by ISO alpha-3, the UN and the EU by their own, other organisations as IGO.
        let ploverCode: String
        let sector: String
        switch party?.kind {
        case "organization":
            ploverCode = code == "UN" ? "UNO" : code == "EU" ? "EUR" : "IGO"
            sector = "IGO"
        case "subdivision":
            ploverCode = party?.country ?? code
            sector = "GOV"
        default:
            ploverCode = code
            sector = "GOV"
        }
        func entity(_ text: String, office: String?) -> JSONValue {
            .object([("code", .string(ploverCode)), ("sector", .string(sector)), ("entity_text", .string(text)),
                     ("office", .optional(office))] + (ploverCode == code ? [] : [("identifier_text", JSONValue.string(code))]))
        }
        let principals = r.principals.filter { $0.party == code }
        if principals.isEmpty { return [entity(party?.nameEn ?? code, office: nil)] }
        return principals.map { entity($0.name, office: $0.title) }
    }

    static func event(id: String, _ r: MeetingRecord, category: String, actor: [JSONValue], recipient: [JSONValue], mode: [String],
                      text: String?, readout: Int) -> JSONValue {
        let readouts = r.readoutList
        let source = readouts[readouts.indices.contains(readout) ? readout : 0]
        return .object([
            ("id", .string(id)),
            ("date", .optional(r.date)),
            ("time", .optional(r.startTime)),
            ("actor", .array(actor)),
            ("recipient", .array(recipient)),
            ("event", .array([.string(category)])),
            ("mode", .array(mode.map(JSONValue.string))),
            ("event_text", .array(text.map { [JSONValue.string($0)] } ?? [])),
            // PLOVER's quad category of both CONSULT and AGREE: verbal cooperation.
            ("quad_code", .int(1)),
            ("link", .string(r.id ?? "")),
            ("cite_info", .object([
                ("url", .optional(source.url)), ("citation", .string(source.path ?? source.file)), ("title", .optional(source.title)),
                ("language", .string(source.language)), ("publication", .optional(source.publisher)),
                ("coder", .string("Bilat")), ("codebook", .string("PLOVER")),
            ])),
        ])
    }
}
