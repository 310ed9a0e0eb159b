import Foundation
import QuestionFormats

/// The exam report as an Excel workbook, in the form bureaus file it: one sheet of units rolled up the unit tree
/// (roster → took → passed, with rates), one sheet of candidates, one of the score distribution. Built from the
/// same `ReportDTO` the console shows, so the file and the screen always agree.
enum ReportWorkbook {
    static func bytes(_ report: ReportDTO) throws -> [UInt8] {
        try Spreadsheet.xlsx([units(report), candidates(report), distribution(report)])
    }

    /// "2026年度学法考试-成绩报告-20261204-1530.xlsx" (Beijing time), safe for a Content-Disposition header.
    static func filename(_ report: ReportDTO) -> String {
        let title = report.exam.title.filter { !"\\/:*?\"<>|".contains($0) && !$0.isNewline && !$0.isWhitespace }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyyMMdd-HHmm"
        return "\(title.isEmpty ? "exam" : title)-成绩报告-\(formatter.string(from: report.generatedAt)).xlsx"
    }

    static func percent(_ value: Double?) -> Spreadsheet.Cell { value.map { .percent($0 / 100) } ?? .empty }

    static func units(_ report: ReportDTO) -> Spreadsheet.Sheet {
        func row(_ name: String, _ u: ReportDTO.UnitRow) -> [Spreadsheet.Cell] {
            [.text(name), .number(Double(u.onRoster)), .number(Double(u.took)), percent(u.participationRate),
             .number(Double(u.passed)), percent(u.passRate), percent(u.mean), percent(u.median)]
        }
        let rows = report.units.map { row(String(repeating: "　", count: $0.depth) + $0.unitName, $0) } + [row("合计", report.total)]
        return Spreadsheet.Sheet(name: "单位汇总", header: ["单位", "应考人数", "参考人数", "参考率", "合格人数", "合格率（合格÷参考）",
                                                        "平均得分率", "得分率中位数"],
                                 rows: rows, widths: [30, 10, 10, 10, 10, 18, 12, 14])
    }

    static func candidates(_ report: ReportDTO) -> Spreadsheet.Sheet {
        let states = ["submitted": "已交卷", "in_progress": "作答中", "not_started": "未参考"]
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let rows: [[Spreadsheet.Cell]] = report.candidates.map { c in
            [.text(c.username), .text(c.displayName), .text(c.unitName ?? ""), .text(states[c.state] ?? c.state),
             c.score.map(Spreadsheet.Cell.number) ?? .empty, c.maxScore.map(Spreadsheet.Cell.number) ?? .empty, percent(c.percent),
             .text(c.passed.map { $0 ? "合格" : "不合格" } ?? ""),
             .text(c.submittedAt.map { formatter.string(from: $0) } ?? ""),
             .text(c.submittedBy.map { $0 == .deadline ? "到时自动交卷" : "本人交卷" } ?? ""),
             .text(c.events.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: "，"))]
        }
        return Spreadsheet.Sheet(name: "考生成绩", header: ["登录名", "姓名", "单位", "状态", "得分", "满分", "得分率", "结果", "交卷时间",
                                                        "交卷方式", "异常记录（仅供核查）"],
                                 rows: rows, widths: [16, 12, 26, 10, 8, 8, 10, 8, 20, 14, 30])
    }

    static func distribution(_ report: ReportDTO) -> Spreadsheet.Sheet {
        let rows: [[Spreadsheet.Cell]] = report.total.distribution.enumerated().map { band, count in
            [.text(band == 9 ? "90–100%" : "\(band * 10)–\(band * 10 + 10)%"), .number(Double(count))]
        }
        return Spreadsheet.Sheet(name: "分数分布", header: ["得分率", "人数"], rows: rows, widths: [14, 10])
    }
}
