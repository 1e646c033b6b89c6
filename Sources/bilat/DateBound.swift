import ArgumentParser
import BilatQuery

/// A date bound of `--from` and `--to`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a day that exists. Anything
/// else is refused while the arguments are parsed, with the forms to use.
struct DateBound: Equatable {
    /// The bound as typed.
    let text: String

    init(_ argument: String) throws {
        guard MeetingFilter.isValidDateBound(argument) else {
            throw ValidationError("is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        text = argument
    }
}
