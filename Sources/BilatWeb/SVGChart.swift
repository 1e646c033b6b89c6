import Foundation

/// Charts drawn on the server as inline SVG (no script, no style attribute: presentation attributes only,
/// so the Content-Security-Policy holds): bars of counts per year or month, and a timeline of dated events.
/// Every label is escaped; axes carry their names and ticks.
enum SVGChart {
    /// Vertical bars, one per label, with a labelled count axis (left) and category axis (below).
    static func bars(title: String, labels: [String], values: [Int], xAxis: String, yAxis: String, links: [String?]? = nil) -> HTML {
        let width = 640.0, height = 260.0
        let left = 48.0, right = 12.0, top = 28.0, bottom = 52.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(1, values.max() ?? 1)
        let step = niceStep(maximum)
        let top_ = Int((Double(maximum) / Double(step)).rounded(.up)) * step
        var parts: [HTML] = [.el("title", text: title),
                             .el("text", [("x", "\(Int(width / 2))"), ("y", "16"), ("text-anchor", "middle"), ("class", "chart-title")], text: title)]
        // Count axis with gridlines.
        var tick = 0
        while tick <= top_ {
            let y = top + plotHeight - plotHeight * Double(tick) / Double(top_)
            parts.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(y)), ("y2", f(y)), ("stroke", "#ddd")]))
            parts.append(.el("text", [("x", f(left - 6)), ("y", f(y + 4)), ("text-anchor", "end"), ("font-size", "11")], text: String(tick)))
            tick += step
        }
        parts.append(.el("line", [("x1", f(left)), ("x2", f(left)), ("y1", f(top)), ("y2", f(top + plotHeight)), ("stroke", "#333")]))
        parts.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(top + plotHeight)), ("y2", f(top + plotHeight)), ("stroke", "#333")]))
        let count = max(1, labels.count)
        let slot = plotWidth / Double(count)
        let labelEvery = max(1, Int((Double(count) * 34 / plotWidth).rounded(.up)))
        for (index, label) in labels.enumerated() {
            let value = index < values.count ? values[index] : 0
            let barHeight = plotHeight * Double(value) / Double(top_)
            let x = left + slot * Double(index) + slot * 0.15
            var bar = HTML.el("rect", [("x", f(x)), ("y", f(top + plotHeight - barHeight)), ("width", f(max(1, slot * 0.7))),
                                       ("height", f(barHeight)), ("fill", "#3b6ea5")],
                              [.el("title", text: "\(label): \(value)")])
            if let link = links?[index] { bar = .el("a", [("href", link)], [bar]) }
            parts.append(bar)
            if index % labelEvery == 0 {
                parts.append(.el("text", [("x", f(x + slot * 0.35)), ("y", f(top + plotHeight + 14)), ("text-anchor", "middle"), ("font-size", "11")],
                                 text: label))
            }
        }
        parts.append(.el("text", [("x", f(left + plotWidth / 2)), ("y", f(height - 8)), ("text-anchor", "middle"), ("font-size", "12"), ("class", "axis-label")],
                         text: xAxis))
        parts.append(.el("text", [("x", "12"), ("y", f(top + plotHeight / 2)), ("text-anchor", "middle"), ("font-size", "12"), ("class", "axis-label"),
                                  ("transform", "rotate(-90 12 \(f(top + plotHeight / 2)))")], text: yAxis))
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                           ("aria-label", title), ("class", "chart")], parts)
    }

    /// A timeline: one mark per dated event on a time axis labelled by year; `events` are `(date, label, link)`
    /// with dates as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); undated events are left out.
    static func timeline(title: String, events: [(date: String, label: String, link: String?)], axis: String) -> HTML {
        let width = 640.0, height = 120.0, left = 24.0, right = 24.0, line = 64.0
        let dated = events.compactMap { event in fraction(event.date).map { (position: $0, event: event) } }
        var parts: [HTML] = [.el("title", text: title),
                             .el("text", [("x", "\(Int(width / 2))"), ("y", "16"), ("text-anchor", "middle"), ("class", "chart-title")], text: title)]
        guard let first = dated.map(\.position).min(), let last = dated.map(\.position).max() else {
            parts.append(.el("text", [("x", "\(Int(width / 2))"), ("y", "60"), ("text-anchor", "middle")], text: "no dated meetings"))
            return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                               ("aria-label", title), ("class", "chart")], parts)
        }
        let start = floor(first), end = max(floor(last) + 1, start + 1)
        func x(_ position: Double) -> Double { left + (width - left - right) * (position - start) / (end - start) }
        parts.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(line)), ("y2", f(line)), ("stroke", "#333")]))
        let years = Int(end - start)
        let every = max(1, years / 10)
        for year in stride(from: Int(start), through: Int(end), by: every) {
            let tx = x(Double(year))
            parts.append(.el("line", [("x1", f(tx)), ("x2", f(tx)), ("y1", f(line - 4)), ("y2", f(line + 4)), ("stroke", "#333")]))
            parts.append(.el("text", [("x", f(tx)), ("y", f(line + 18)), ("text-anchor", "middle"), ("font-size", "11")], text: String(year)))
        }
        for (position, event) in dated {
            var mark = HTML.el("circle", [("cx", f(x(position))), ("cy", f(line)), ("r", "5"), ("fill", "#c0392b"), ("fill-opacity", "0.6")],
                               [.el("title", text: "\(event.date): \(event.label)")])
            if let link = event.link { mark = .el("a", [("href", link)], [mark]) }
            parts.append(mark)
        }
        parts.append(.el("text", [("x", f(width / 2)), ("y", f(height - 8)), ("text-anchor", "middle"), ("font-size", "12"), ("class", "axis-label")], text: axis))
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                           ("aria-label", title), ("class", "chart")], parts)
    }

    /// The date as a year and fraction (2025-07-01 → 2025.49).
    static func fraction(_ date: String) -> Double? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, date.count >= 4 else { return nil }
        let month = parts.count > 1 ? parts[1] : 7
        let day = parts.count > 2 ? parts[2] : 15
        return Double(year) + (Double(month - 1) * 30.5 + Double(day - 1)) / 366
    }

    /// A tick step of 1, 2 or 5 × 10ⁿ giving at most about six ticks.
    static func niceStep(_ maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maximum / (factor * magnitude) <= 6 { return factor * magnitude }
            magnitude *= 10
        }
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
