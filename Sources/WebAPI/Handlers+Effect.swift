import Audience
import Foundation
import HTTPServer
import Persistence
import Quizzes
import Reach

/// Measured knowledge gain (campaigns.manage): `?campaign=<id>`, or `?content=<slug>&from=&to=` without a campaign.
extension Handlers {
    var effects: EffectService { EffectService(store: store) }

    func handleEffect(_ request: Request, _ context: AppContext) throws -> Response {
        let campaign = request.query["campaign"].flatMap { $0.isEmpty ? nil : $0 }
        let slug = request.query["content"].flatMap { $0.isEmpty ? nil : $0 }
        var minimum = 1
        if let text = request.query["minAnswers"] {
            guard let n = Int(text), (1...100).contains(n) else {
                throw HTTPError.badRequest("minAnswers 应为 1–100 的整数 / minAnswers must be a whole number from 1 to 100", code: "bad_minimum")
            }
            minimum = n
        }
        switch (campaign, slug) {
        case (nil, nil), (.some, .some):
            throw HTTPError.badRequest("请给出 campaign 或 content 之一 / give either campaign or content, not both or neither", code: "missing_subject")
        case (let id?, nil):
            guard let id = Int(id), id > 0 else {
                throw HTTPError.badRequest("campaign 应为推送编号 / campaign must be a campaign id", code: "bad_campaign")
            }
            return .json(EffectDTO(try effects.campaign(id: id, minimumAnswers: minimum)))
        case (nil, let slug?):
            let today = QuizDay.of(clock.nowMillis())
            let to = request.query["to"] ?? today
            let from = request.query["from"] ?? BeijingDay.shift(to, by: -90) ?? to
            for day in [from, to] where QuizDay.parse(day) != day {
                throw HTTPError.badRequest("日期应写成 2026-11-22 / dates look like 2026-11-22", code: "bad_date")
            }
            guard from <= to else { throw HTTPError.badRequest("开始日期晚于结束日期 / from is after to", code: "bad_range") }
            return .json(EffectDTO(try effects.piece(slug: slug, from: from, to: to, minimumAnswers: minimum)))
        }
    }
}

/// Fractions 0–1 (the console shows percentage points); null where there is not enough data.
struct EffectDTO: Encodable {
    struct Paired: Encodable {
        var n: Int, before: Double?, after: Double?, difference: Double?, low: Double?, high: Double?
        init(_ g: PairedGain) {
            n = g.estimate.n; before = g.before; after = g.after
            (difference, low, high) = EffectDTO.interval(g.estimate)
        }
    }
    struct Groups: Encodable {
        var n: Int, comparisonN: Int, treated: Double?, holdout: Double?, difference: Double?, low: Double?, high: Double?
        init(_ g: GroupGain) {
            n = g.estimate.n; comparisonN = g.estimate.comparisonN ?? 0; treated = g.treated; holdout = g.holdout
            (difference, low, high) = EffectDTO.interval(g.estimate)
        }
    }
    var campaign: Int?, run: Int?, startDay: String?, from: String?, to: String?
    var content: String, title: String, knowledgePoints: [String], minimumAnswers: Int
    var readers: Paired, vsHoldout: Groups?, retention: Paired?
    var notEnoughData: [String: String]
    var definitions: [String: String]

    init(_ m: EffectService.Measure) {
        campaign = m.campaignId; run = m.runId; startDay = m.startDay; from = m.from; to = m.to
        content = m.slug; title = m.title; knowledgePoints = m.knowledgePoints; minimumAnswers = m.minimumAnswers
        readers = Paired(m.report.readers); vsHoldout = m.report.vsHoldout.map(Groups.init); retention = m.report.retention.map(Paired.init)
        notEnoughData = m.report.notEnoughData
        definitions = KnowledgeGain.definitions.mapValues { $0.replacingOccurrences(of: "{n}", with: String(m.minimumAnswers)) }
    }

    static func interval(_ e: Estimate) -> (Double?, Double?, Double?) {
        e.isDefined ? (e.difference, e.low, e.high) : (nil, nil, nil)
    }

    enum Keys: String, CodingKey {
        case campaign, run, startDay, from, to, content, title, knowledgePoints, minimumAnswers, readers, vsHoldout, retention,
             notEnoughData, definitions
    }

    // Written out so the absent estimates are `null`, not missing.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(campaign, forKey: .campaign); try c.encode(run, forKey: .run); try c.encode(startDay, forKey: .startDay)
        try c.encode(from, forKey: .from); try c.encode(to, forKey: .to); try c.encode(content, forKey: .content)
        try c.encode(title, forKey: .title); try c.encode(knowledgePoints, forKey: .knowledgePoints)
        try c.encode(minimumAnswers, forKey: .minimumAnswers); try c.encode(readers, forKey: .readers)
        try c.encode(vsHoldout, forKey: .vsHoldout); try c.encode(retention, forKey: .retention)
        try c.encode(notEnoughData, forKey: .notEnoughData); try c.encode(definitions, forKey: .definitions)
    }
}
