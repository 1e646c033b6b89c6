import Foundation

/// Why a correction was refused: the person asked for a field or a value that cannot be. Each case reads as
/// one sentence, with the nearest valid values where there are some. Nothing is written.
public enum CorrectionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No such field (`bilat correct` lists them).
    case unknownField(String)
    /// A value of the wrong kind for its field.
    case badValue(String)
    /// No correction of that field to undo.
    case nothingToUndo(id: String, field: String)
    /// A participant, commitment or readout that the meeting does not have.
    case noSuchItem(String)

    public var description: String {
        switch self {
        case .unknownField(let reason), .badValue(let reason), .noSuchItem(let reason): return reason
        case .nothingToUndo(let id, let field): return "\(id) has no correction of \(field) to undo"
        }
    }

    /// Whether the person used the command wrongly (exit 2), rather than named something the archive lacks.
    public var isUsage: Bool {
        switch self {
        case .unknownField, .badValue: return true
        case .nothingToUndo, .noSuchItem: return false
        }
    }
}
