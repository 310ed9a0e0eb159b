extension ItemReport {
    /// An aligned text table, one row per question, then the test summary; Chinese and English headings, numbers
    /// to 2 decimals, `-` where undefined, `!` beside a question whose discrimination index is below 30%. Marks
    /// are also shown as a percentage of `testMax`, as Moodle's report shows them.
    public static func table(names: [String], questions: [QuestionStatistics], test: TestStatistics, testMax: Double) -> String {
        precondition(names.count == questions.count, "one name per question")
        let headings: [[String]] = [
            ["题目", "难度%", "标准差%", "猜测得分%", "预定权重%", "实际权重%", "区分度%", "区分效率%", ""],
            ["question", "facility", "sd", "guess", "intended", "effective", "discrim.", "efficiency", "check"],
        ]
        let rows = zip(names, questions).map { name, q in
            [name] + [q.facility, q.sd, q.randomGuessScore, q.intendedWeight, q.effectiveWeight,
                      q.discriminationIndex, q.discriminativeEfficiency].map { $0.map { fixed($0) } ?? "-" }
                + [q.weakDiscrimination ? "!" : ""]
        }
        var lines = aligned(headings + rows, rightAligned: Set(1...7))
        if questions.contains(where: \.weakDiscrimination) {
            lines.append("! 区分度低于 30%，建议检查 / discrimination index below 30%: check the question")
        }
        lines.append("")
        lines += aligned(summary(test, testMax: testMax), rightAligned: [])
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ test: TestStatistics, testMax: Double) -> [[String]] {
        func marks(_ value: Double?) -> String {
            guard let value else { return "-" }
            return "\(fixed(value)) / \(fixed(testMax)) (\(fixed(100 * value / testMax))%)"
        }
        func percent(_ value: Double?) -> String { value.map { fixed($0) + "%" } ?? "-" }
        return [
            ["作答人次 attempts", "\(test.attempts)"],
            ["平均分 mean", marks(test.mean)],
            ["中位数 median", marks(test.median)],
            ["标准差 sd", marks(test.sd)],
            ["偏度 skewness", test.skewness.map { fixed($0) } ?? "-"],
            ["峰度 kurtosis", test.kurtosis.map { fixed($0) } ?? "-"],
            ["内部一致性 CIC (Cronbach α)", percent(test.cic)],
            ["误差率 error ratio", percent(test.errorRatio)],
            ["标准误 standard error", marks(test.standardError)],
        ]
    }

    /// Rows padded to common column widths (in terminal cells, so 汉字 count double), two spaces apart.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? displayWidth($0[c]) : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - displayWidth(cell))
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }
            return trimTrailing(cells.joined(separator: "  "))
        }
    }

    /// `value` to 2 decimals: `67.50`, `-0.25`, `100.00`.
    static func fixed(_ value: Double) -> String {
        let hundredths = (abs(value) * 100).rounded()
        guard hundredths.isFinite, hundredths < 1e15 else { return "\(value)" }
        let n = Int(hundredths)
        let fraction = n % 100
        return (value < 0 && n != 0 ? "-" : "") + "\(n / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// Terminal cells: East Asian wide and full-width characters take two, combining marks none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, s in
            let v = s.value
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { return width }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    static func trimTrailing(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
