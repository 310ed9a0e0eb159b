import Foundation
import HTTPServer
import QuestionFormats

/// The dashboard's figures as files: one workbook (or one CSV of sections) built from the same DTOs the console shows,
/// so the file and the screen always agree. No personal information is in them.
enum ReachWorkbook {
    struct Book {
        var summary: ReachSummaryDTO
        var funnel: ReachFunnelDTO
        var series: ReachSeriesDTO
        var breakdowns: [ReachBreakdownDTO]
        var top: [TopContentDTO]
    }

    static let breakdownNames = ["region": "地区", "unit": "单位", "audience": "人群", "channel": "渠道"]

    static func value(_ id: String, _ v: Double?) -> Spreadsheet.Cell {
        guard let v else { return .empty }
        return id.hasSuffix("Rate") || id.hasSuffix("Completion") || id.hasSuffix("Conversion") ? .percent(v) : .number((v * 10).rounded() / 10)
    }
    static func rate(_ v: Double?) -> Spreadsheet.Cell { v.map(Spreadsheet.Cell.percent) ?? .empty }
    static func n(_ v: Int) -> Spreadsheet.Cell { .number(Double(v)) }

    static func sheets(_ b: Book) -> [Spreadsheet.Sheet] {
        let measures = Spreadsheet.Sheet(name: "指标", header: ["指标", "Measure", "数值", "定义"],
                                         rows: [[.text("日期"), .text("Range"), .text("\(b.summary.from) 至 \(b.summary.to)"), .empty]]
                                             + b.summary.measures.map { [.text($0.chinese), .text($0.english), value($0.id, $0.value), .text($0.definition)] },
                                         widths: [18, 22, 12, 80])
        let funnel = Spreadsheet.Sheet(name: "漏斗", header: ["环节", "人数", "占上一环节"],
                                       rows: b.funnel.steps.map { [.text($0.chinese), n($0.count), rate($0.ofPrevious)] }, widths: [14, 10, 12])
        let series = Spreadsheet.Sheet(name: "时间序列", header: [b.series.hourly ? "小时" : "日期", "触达人数", "触达人次", "有效阅读人次"],
                                       rows: b.series.buckets.map { [.text($0.bucket), $0.reached.map(n) ?? .empty, n($0.personTimes), n($0.readPersonTimes)] },
                                       widths: [16, 10, 10, 12])
        let breakdowns = b.breakdowns.map { d in
            Spreadsheet.Sheet(name: breakdownNames[d.by] ?? d.by, header: ["名称", "触达人数", "触达人次", "有效阅读人数", "读完人数", "有效阅读率", "读完率"],
                              rows: d.rows.map { [.text(String(repeating: "　", count: $0.depth) + $0.name), n($0.reached), n($0.personTimes),
                                                  n($0.readers), n($0.finished), rate($0.readRate), rate($0.finishRate)] } + [[.text(d.note)]],
                              widths: [28, 10, 10, 12, 10, 10, 10])
        }
        let top = Spreadsheet.Sheet(name: "内容排行", header: ["标题", "触达人次", "触达人数", "有效阅读率", "读完率"],
                                    rows: b.top.map { [.text($0.title), n($0.personTimes), n($0.reached), rate($0.readRate), rate($0.finishRate)] },
                                    widths: [40, 10, 10, 10, 10])
        return [measures, funnel, series] + breakdowns + [top]
    }

    static func xlsx(_ b: Book) throws -> [UInt8] { try Spreadsheet.xlsx(sheets(b)) }

    /// The sheets one after another, each under its name, with a blank line between.
    static func csv(_ b: Book) -> String {
        sheets(b).map { "# \($0.name)\n" + Spreadsheet.csv($0) }.joined(separator: "\n")
    }

    /// The yearly report in the form bureaus publish it.
    static func yearly(_ r: YearlyReportDTO) throws -> [UInt8] {
        let overview = Spreadsheet.Sheet(name: "总览", header: ["项目", "数值"], rows: [
            [.text("年度"), n(r.year)], [.text("受教育人次"), n(r.personTimes)], [.text("受教育人数"), n(r.persons)],
            [.text("发布普法内容（篇）"), n(r.pieces)], [.text("定向推送（次）"), n(r.campaigns)], [.text("推送批次"), n(r.campaignRuns)],
            [.text("推送目标人数"), n(r.targeted)], [.text("举办知识竞答（场）"), n(r.quizzes.count)],
            [.text("竞答参与人数"), n(r.quizzes.reduce(0) { $0 + $1.participants })], [.text("举办学法考试（场）"), n(r.exams.count)],
        ], widths: [24, 14])
        let groups = Spreadsheet.Sheet(name: "分人群受教育人次", header: ["人群", "受教育人次"],
                                       rows: r.byGroup.map { [.text($0.name), n($0.personTimes)] } + [[.text(r.note)]], widths: [20, 14])
        let quizzes = Spreadsheet.Sheet(name: "知识竞答", header: ["竞答", "答题次数", "参与人数", "完成次数"],
                                        rows: r.quizzes.map { [.text($0.title), n($0.entries), n($0.participants), n($0.finished)] }, widths: [30, 10, 10, 10])
        let exams = Spreadsheet.Sheet(name: "学法考试", header: ["考试", "应考人数", "参考人数", "参考率", "合格人数", "合格率"],
                                      rows: r.exams.map { [.text($0.title), n($0.roster), n($0.took), rate($0.participationRate), n($0.passed), rate($0.passRate)] },
                                      widths: [30, 10, 10, 10, 10, 10])
        return try Spreadsheet.xlsx([overview, groups, quizzes, exams])
    }

    static func response(_ bytes: [UInt8], name: String, xlsx: Bool) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "reach"
        let type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
        return Response(status: 200, headers: Headers([("Content-Type", type),
                                                       ("Content-Disposition", "attachment; filename=\"reach.\(xlsx ? "xlsx" : "csv")\"; filename*=UTF-8''\(encoded)")]),
                        body: .bytes(bytes))
    }
}
