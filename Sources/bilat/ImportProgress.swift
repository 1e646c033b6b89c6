import Foundation

/// What `import` says as it goes. On a terminal, a bar on standard error with the files done of the
/// total, the rate and the time left, redrawn a few times a second; a line per file on standard output
/// where asked (always when the output goes to a file or a pipe, for scripts).
final class ImportProgress {
    /// Which per-file lines are printed: every one, or none (failures are errors, always said).
    enum Lines { case all, none }

    let total: Int
    let bar: Bool
    let lines: Lines
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(total: Int, bar: Bool, lines: Lines) {
        self.total = total
        // A bar for a handful of files would only flicker.
        self.bar = bar && total >= 20
        self.lines = lines
    }

    /// Redraws the bar for `done` files, at most ten times a second and for the last file.
    func show(_ done: Int) {
        guard bar else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        Console.write("\r\u{1B}[K" + Self.bar(done: done, total: total, seconds: now.timeIntervalSince(start)))
        drawn = true
    }

    /// The bar's text: "[#########           ] 4,800/9,600  412 files/s  12 s left".
    static func bar(done: Int, total: Int, seconds: Double, width: Int = 24) -> String {
        let filled = total == 0 ? width : min(width, width * done / total)
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
        text += "\(done.formatted())/\(total.formatted())"
        guard seconds > 0.5, done > 0 else { return text }
        let rate = Double(done) / seconds
        text += "  \(Int(rate.rounded()).formatted()) files/s"
        if done < total { text += "  \(duration((Double(total - done) / rate).rounded(.up))) left" }
        return text
    }

    /// "45 s", "3 min 20 s", "1 h 05 min".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", s / 60 % 60)) min"
    }

    /// A file's line, on standard output, where lines are printed.
    func line(_ text: String) {
        guard lines == .all else { return }
        clear()
        Output.line(text)
    }

    /// Takes the bar off the screen (before a failure or a line is written under it).
    func clear() {
        if drawn {
            Console.write("\r\u{1B}[K")
            drawn = false
        }
    }

    func finish() { clear() }
}
