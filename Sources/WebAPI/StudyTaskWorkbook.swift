import Foundation
import QuestionFormats

/// A study task's completion as a workbook (units rolled up, then people) or as CSV (the people), built from the
/// same DTO the console shows. Phones are masked as everywhere else.
enum StudyTaskWorkbook {
    static func xlsx(_ d: StudyTaskDetailDTO) throws -> [UInt8] {
        try Spreadsheet.xlsx([units(d), people(d)])
    }

    static func csv(_ d: StudyTaskDetailDTO) -> String {
        Spreadsheet.csv(people(d))
    }

    static func disposition(_ d: StudyTaskDetailDTO, ext: String) -> String {
        let title = d.task.title.filter { !"\\/:*?\"<>|".contains($0) && !$0.isNewline && !$0.isWhitespace }
        let name = "\(title.isEmpty ? "task" : title)-学习任务完成情况.\(ext)"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "study-task.\(ext)"
        return "attachment; filename=\"study-task.\(ext)\"; filename*=UTF-8''\(encoded)"
    }

    static func units(_ d: StudyTaskDetailDTO) -> Spreadsheet.Sheet {
        func row(_ name: String, _ u: UnitCompletionDTO) -> [Spreadsheet.Cell] {
            [.text(name), .number(Double(u.assigned)), .number(Double(u.completed)), u.rate.map { .percent($0 / 100) } ?? .empty]
        }
        let rows = d.units.map { row(String(repeating: "　", count: $0.depth) + $0.unitName, $0) } + [row("合计", d.total)]
        return Spreadsheet.Sheet(name: "单位汇总", header: ["单位", "应学人数", "完成人数", "完成率"], rows: rows, widths: [30, 10, 10, 10])
    }

    static func people(_ d: StudyTaskDetailDTO) -> Spreadsheet.Sheet {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let escalations = ["", "已通知群", "已转跟进"]
        let rows: [[Spreadsheet.Cell]] = d.people.map { p in
            [.text(p.displayName), .text(p.username ?? ""), .text(p.unitName ?? ""), .text(p.phone ?? ""),
             .number((Double(p.seconds) / 60 * 10).rounded() / 10), .text(p.completedAt != nil ? "已完成" : "未完成"),
             .text(p.completedAt.map { formatter.string(from: $0) } ?? ""), .number(Double(p.reminders)),
             .text(escalations[min(2, max(0, p.escalation))])]
        }
        return Spreadsheet.Sheet(name: "人员明细", header: ["姓名", "登录名", "单位", "手机号", "有效阅读（分钟）", "状态", "完成时间",
                                                        "已提醒次数", "督办"],
                                 rows: rows, widths: [12, 16, 26, 14, 16, 8, 20, 10, 10])
    }
}
