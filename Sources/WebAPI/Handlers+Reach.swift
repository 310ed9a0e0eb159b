import Accounts
import Audience
import Foundation
import HTTPServer
import Persistence
import Reach

/// The reach dashboard (成效): measures, funnel, series, breakdowns, top content, who was not reached, exports and
/// the yearly report. Everything is read from rollups; bad input is refused with 400 before any query runs.
extension Handlers {
    /// The range and filters of a dashboard request, checked.
    func reachQuery(_ request: Request) throws -> (ReachRange, ReachFilter) {
        let range: ReachRange
        switch ReachRange.parse(from: request.query["from"], to: request.query["to"], now: clock.nowMillis()) {
        case .success(let r): range = r
        case .failure(let e): throw HTTPError.badRequest(e.message, code: "bad_range")
        }
        func unknown(_ what: String, _ value: String) -> HTTPError {
            HTTPError.badRequest("没有这个\(what)：\(value) / unknown \(what == "内容" ? "content" : what == "推送" ? "campaign" : what == "地区" ? "region" : what == "单位" ? "unit" : what == "人群" ? "audience group" : "channel"): \(value)",
                                 code: "unknown_filter")
        }
        func id(_ name: String, _ what: String) throws -> Int? {
            guard let raw = request.query[name], !raw.isEmpty else { return nil }
            guard let n = Int(raw), n > 0 else { throw unknown(what, raw) }
            return n
        }
        var f = ReachFilter()
        if let slug = request.query["content"], !slug.isEmpty {
            guard let cid = try store.contentId(slug: slug) else { throw unknown("内容", slug) }
            f.contentId = cid
        }
        if let c = try id("campaign", "推送") {
            guard try store.campaignContentId(c) != nil else { throw unknown("推送", String(c)) }
            f.campaignId = c
        }
        if let r = try id("region", "地区") {
            guard try store.reachTree(regions: true).contains(where: { $0.id == r }) else { throw unknown("地区", String(r)) }
            f.regionId = r
        }
        if let u = try id("unit", "单位") {
            guard try store.reachTree(regions: false).contains(where: { $0.id == u }) else { throw unknown("单位", String(u)) }
            f.unitId = u
        }
        if let g = request.query["group"], !g.isEmpty {
            guard let group = AudienceGroup(rawValue: g) else { throw unknown("人群", g) }
            f.groupsMask = group.bit
        }
        if let ch = request.query["channel"], !ch.isEmpty {
            guard Self.reachChannels.contains(where: { $0.0 == ch }) else { throw unknown("渠道", ch) }
            f.channel = ch
        }
        return (range, f)
    }

    static let reachChannels = [("", "直接访问"), ("inbox", "站内信"), ("robot", "群机器人"), ("share", "分享"), ("feed", "推荐"), ("quiz", "竞答")]

    func reachSummary(_ range: ReachRange, _ f: ReachFilter) throws -> ReachSummaryDTO {
        let totals = try store.reachTotals(from: range.from, to: range.to, start: range.startMillis, end: range.endMillis, filter: f)
        let values = Measures.values(Measures.counts(totals))
        var notes: [String] = []
        if f.channel != nil {
            notes.append("人数按人计，不分渠道：渠道筛选只作用于人次与送达。/ Persons are not kept per channel: the channel filter narrows person-times and deliveries only.")
        }
        return ReachSummaryDTO(from: range.from, to: range.to, measures: Measures.definitions.map {
            MeasureDTO(id: $0.id, chinese: $0.chinese, english: $0.english, definition: $0.definition, value: values[$0.id] ?? nil)
        }, events: totals.events, notes: notes)
    }

    func reachFunnel(_ range: ReachRange, _ f: ReachFilter) throws -> ReachFunnelDTO {
        let totals = try store.reachTotals(from: range.from, to: range.to, start: range.startMillis, end: range.endMillis, filter: f)
        let steps = Measures.funnel(Measures.counts(totals))
        return ReachFunnelDTO(from: range.from, to: range.to, steps: steps.enumerated().map { i, s in
            FunnelStepDTO(id: s.id, chinese: s.chinese, count: s.count, ofPrevious: i == 0 ? nil : Measures.rate(s.count, steps[i - 1].count))
        })
    }

    func reachSeries(_ range: ReachRange, _ f: ReachFilter) throws -> ReachSeriesDTO {
        let stored = try store.reachSeries(from: range.from, to: range.to, hourly: range.hourly, filter: f)
        return ReachSeriesDTO(from: range.from, to: range.to, hourly: range.hourly, buckets: range.buckets.map { key in
            let b = stored[key]
            return ReachBucketDTO(bucket: key, reached: range.hourly ? nil : (b?.reached ?? 0), personTimes: b?.personTimes ?? 0,
                                  readPersonTimes: b?.readPersonTimes ?? 0)
        })
    }

    func reachBreakdown(_ by: String, _ range: ReachRange, _ f: ReachFilter) throws -> ReachBreakdownDTO {
        switch by {
        case "region", "unit":
            let rows = try store.reachRows(by: by, from: range.from, to: range.to, filter: f)
            let tree = try store.reachTree(regions: by == "region")
            return ReachBreakdownDTO(by: by, rows: ReachTreeRollup.rows(rows, tree: tree, maxDepth: by == "region" ? 2 : 1),
                                     note: "上级含下级；一人在期间内换了\(by == "region" ? "地区" : "单位")会在两处各计一次。/ Parents include their children; a person who moved counts in both places.")
        case "audience":
            let rows = try store.reachRows(by: "groups", from: range.from, to: range.to, filter: f)
            func sum(_ name: String, key: String, _ match: (Int) -> Bool) -> ReachRowDTO {
                var r = ReachRow(key: key)
                for (k, v) in rows where match(Int(k) ?? 0) {
                    r.reached += v.reached; r.readers += v.readers; r.finished += v.finished; r.personTimes += v.personTimes
                }
                return ReachRowDTO(r, name: name)
            }
            return ReachBreakdownDTO(by: by, rows: AudienceGroup.allCases.map { g in sum(g.chinese, key: g.rawValue) { $0 & g.bit != 0 } }
                                         + [sum("未登记人群", key: "none") { $0 == 0 }],
                                     note: "一人属于多个人群时在每个人群中各计一次。/ A person in two groups counts in both.")
        case "channel":
            let rows = try store.reachRows(by: "channel", from: range.from, to: range.to, filter: f)
            return ReachBreakdownDTO(by: by, rows: Self.reachChannels.map { ch in ReachRowDTO(rows[ch.0] ?? ReachRow(key: ch.0), name: ch.1) },
                                     note: "人数不分渠道，只列人次。/ Persons are not kept per channel: person-times only.")
        default:
            throw HTTPError.badRequest("by 只能是 region、unit、audience 或 channel / by must be region, unit, audience or channel", code: "bad_breakdown")
        }
    }

    func reachTopContent(_ range: ReachRange, _ f: ReachFilter, limit: Int = 20) throws -> [TopContentDTO] {
        let top = try store.reachTopContent(from: range.from, to: range.to, filter: f, limit: limit)
        let titles = try store.contentTitles(top.compactMap { Int($0.key) })
        return top.map { r in
            let t = titles[Int(r.key) ?? 0]
            return TopContentDTO(contentId: Int(r.key) ?? 0, slug: t?.slug ?? "", title: t?.title ?? "", personTimes: r.personTimes,
                                 reached: r.reached, readRate: Measures.rate(r.readers, r.reached), finishRate: Measures.rate(r.finished, r.reached))
        }
    }

    func handleReachSummary(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        return .json(try reachSummary(range, f))
    }

    func handleReachFunnel(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        return .json(try reachFunnel(range, f))
    }

    func handleReachSeries(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        return .json(try reachSeries(range, f))
    }

    func handleReachBreakdown(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        return .json(try reachBreakdown(request.query["by"] ?? "", range, f))
    }

    func handleReachTopContent(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        return .json(ListDTO(items: try reachTopContent(range, f)))
    }

    func handleReachNotReached(_ request: Request, _ context: AppContext) throws -> Response {
        guard let raw = request.query["campaign"], let id = Int(raw), try store.campaignContentId(id) != nil else {
            throw HTTPError.badRequest("请选择一个存在的推送 / choose an existing campaign", code: "unknown_filter")
        }
        let page = max(1, Int(request.query["page"] ?? "") ?? 1), size = min(200, max(1, Int(request.query["pageSize"] ?? "") ?? 50))
        let (total, items) = try store.notReached(campaignId: id, page: page, pageSize: size)
        return .json(NotReachedPageDTO(items: items.map { NotReachedDTO(profileId: $0.profileId, name: Self.maskName($0.displayName),
                                                              phone: $0.phone.map(Phone.masked), sentAt: $0.sentAt.map(Date.init(millis:))) },
                             total: total, page: page, pageSize: size))
    }

    func handleReachNotFinished(_ request: Request, _ context: AppContext) throws -> Response {
        let page = max(1, Int(request.query["page"] ?? "") ?? 1), size = min(200, max(1, Int(request.query["pageSize"] ?? "") ?? 50))
        guard let raw = request.query["task"], let id = Int(raw), let (total, items) = try store.notFinished(taskId: id, page: page, pageSize: size) else {
            throw HTTPError.badRequest("请选择一个存在的学习任务 / choose an existing study task", code: "unknown_filter")
        }
        return .json(NotReachedPageDTO(items: items.map { NotReachedDTO(profileId: $0.profileId, name: Self.maskName($0.displayName),
                                                                        phone: $0.phone.map(Phone.masked), sentAt: $0.sentAt.map(Date.init(millis:))) },
                                       total: total, page: page, pageSize: size))
    }

    /// "张三丰" → "张**": names are personal information, shown only as much as a caller needs to recognise someone.
    static func maskName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    func handleReachExport(_ request: Request, _ context: AppContext) throws -> Response {
        let (range, f) = try reachQuery(request)
        let book = ReachWorkbook.Book(summary: try reachSummary(range, f), funnel: try reachFunnel(range, f), series: try reachSeries(range, f),
                                      breakdowns: try ["region", "unit", "audience", "channel"].map { try reachBreakdown($0, range, f) },
                                      top: try reachTopContent(range, f))
        let xlsx = request.path.hasSuffix(".xlsx")
        let name = "成效-\(range.from)-\(range.to).\(xlsx ? "xlsx" : "csv")"
        return ReachWorkbook.response(xlsx ? try ReachWorkbook.xlsx(book) : Array(ReachWorkbook.csv(book).utf8), name: name, xlsx: xlsx)
    }

    func yearlyReport(_ request: Request) throws -> YearlyReportDTO {
        let now = clock.nowMillis()
        let year = Int(request.query["year"] ?? String(BeijingDay.of(now).prefix(4))) ?? 0
        guard (2000...2100).contains(year), let start = BeijingDay.midnight(String(format: "%04d-01-01", year)),
              let end = BeijingDay.midnight(String(format: "%04d-01-01", year + 1)) else {
            throw HTTPError.badRequest("年份应写成 2026 / the year should look like 2026", code: "bad_range")
        }
        let y = try store.yearlyReach(from: "\(year)-01-01", to: "\(year)-12-31", start: start, end: end)
        return YearlyReportDTO(year: year, y)
    }

    func handleYearlyReport(_ request: Request, _ context: AppContext) throws -> Response {
        .json(try yearlyReport(request))
    }

    func handleYearlyReportXLSX(_ request: Request, _ context: AppContext) throws -> Response {
        let report = try yearlyReport(request)
        return ReachWorkbook.response(try ReachWorkbook.yearly(report), name: "\(report.year)年度普法成效报告.xlsx", xlsx: true)
    }
}

/// Breakdown rows of a tree (regions, units): each node's own figures summed up its ancestors, shown to `maxDepth`.
enum ReachTreeRollup {
    static func rows(_ own: [String: ReachRow], tree: [ReachTreeNode], maxDepth: Int) -> [ReachRowDTO] {
        var children: [Int?: [ReachTreeNode]] = [:]
        for n in tree { children[n.parentId, default: []].append(n) }
        var out: [ReachRowDTO] = []
        func visit(_ n: ReachTreeNode, depth: Int) -> ReachRow {
            var total = own[String(n.id)] ?? ReachRow(key: String(n.id))
            let at = out.count
            var kids: [ReachRow] = []
            for c in children[n.id] ?? [] { kids.append(visit(c, depth: depth + 1)) }
            for k in kids { total.reached += k.reached; total.readers += k.readers; total.finished += k.finished; total.personTimes += k.personTimes }
            total.key = String(n.id)
            if depth <= maxDepth, total.personTimes + total.reached > 0 { out.insert(ReachRowDTO(total, name: n.name, depth: depth), at: at) }
            return total
        }
        for root in children[nil] ?? [] { _ = visit(root, depth: 0) }
        if let none = own["0"], none.personTimes + none.reached > 0 { out.append(ReachRowDTO(none, name: "未登记 / unknown")) }
        return out
    }
}
