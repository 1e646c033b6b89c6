import ArgumentParser
import BilatIngest
import BilatQuery
import Foundation

extension FactConflict {
    /// A value as `show` prints it.
    func display(_ value: FactValue) -> String {
        switch value {
        case .int(let number): return field == "duration_minutes" ? "\(number) minutes" : String(number)
        case .string(let text): return text.asWords
        }
    }
}

/// Each fact of a meeting beside the words of the readout it was read from (`show --evidence`).
enum EvidenceListing {
    /// The fact an evidence field names, as `show` prints it: for a fact the readouts disagree on, the
    /// value that readout states.
    static func fact(_ field: String, readout: Int, in r: MeetingRecord) -> String {
        if let conflict = r.conflicts.first(where: { $0.field == field }), let stated = conflict.values.first(where: { $0.readout == readout }) {
            return conflict.display(stated.value) + (stated.value == conflict.values.first?.value ? "" : " (not kept)")
        }
        let parts = field.split(separator: ":")
        let index = parts.count > 1 ? Int(parts[1]) : nil
        switch parts.first.map(String.init) {
        case "date": return r.date ?? "—"
        case "start_time": return r.startTime ?? "—"
        case "duration_minutes": return r.durationMinutes.map { "\($0) minutes" } ?? "—"
        case "format": return r.format?.rawValue.asWords ?? "—"
        case "venue": return r.venue ?? "—"
        case "participant":
            guard let index, r.participants.indices.contains(index) else { return "—" }
            let p = r.participants[index]
            return "\(p.name) (\([p.party, p.role.rawValue].compactMap { $0 }.joined(separator: ", ")))"
        case "commitment":
            guard let index, r.commitments.indices.contains(index) else { return "—" }
            return "commitment \(index + 1) [\(r.commitments[index].by)]"
        default: return "—"
        }
    }

    static func write(_ r: MeetingRecord, format: OutputFormat) {
        let files = r.readoutList.map { $0.path ?? $0.file }
        Output.write(Listing([
            .init("field", title: "FACT"), .init("fact", title: "VALUE"), .init("readout"), .init("file", table: false),
            .init("words", table: false), .init("words", csv: false),
        ], rows: r.evidence.map { e in
            [.string(e.field), .string(fact(e.field, readout: e.readout, in: r)), .int(e.readout + 1),
             .string(files.indices.contains(e.readout) ? files[e.readout] : ""), .string(e.text), .string("“" + e.text + "”")]
        }, empty: "no evidence is stored for \(r.id ?? "this meeting") (imported before Bilat kept it)"), format: format)
    }

}
