import Audience
import Content
import Foundation
import Persistence
import Reach

/// Measured knowledge gain of a campaign (its readers vs its frozen hold-out) or of a piece over a date range.
/// Stateless over the store: the handlers make one per request.
public struct EffectService: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// What was measured and the estimates.
    public struct Measure: Sendable {
        public var slug: String
        public var title: String
        public var knowledgePoints: [String]
        public var campaignId: Int?
        public var runId: Int?
        /// The Beijing day the run started (campaign) or the range of first readings (piece).
        public var startDay: String?
        public var from: String?
        public var to: String?
        public var minimumAnswers: Int
        public var report: GainReport
    }

    /// A campaign's latest frozen run: its readers (delivered, then read) against the hold-out frozen with the run.
    public func campaign(id: Int, minimumAnswers: Int) throws -> Measure {
        guard let campaign = try store.campaign(id: id) else { throw CampaignError.notFound("推送 \(id) / campaign \(id)") }
        let topics = try store.content(slug: campaign.contentSlug)?.meta.topics ?? []
        var measure = Measure(slug: campaign.contentSlug, title: campaign.contentTitle, knowledgePoints: topics, campaignId: id,
                              minimumAnswers: minimumAnswers, report: KnowledgeGain.report([], minimumAnswers: minimumAnswers))
        guard let run = try store.effectRun(campaignId: id) else {
            measure.report.notEnoughData["campaign"] = "推送尚未开始，还没有读者和对照组 / the campaign has not started: no readers or hold-out yet"
            return measure
        }
        measure.runId = run.runId
        measure.startDay = run.startDay
        let people = try store.campaignMarks(run: run, contentId: campaign.input.contentId, topics: topics)
        measure.report = KnowledgeGain.report(people, minimumAnswers: minimumAnswers)
        return Self.noteTopics(&measure)
    }

    /// Everyone who first opened a piece between two Beijing days, before vs after; no hold-out.
    public func piece(slug: String, from: String, to: String, minimumAnswers: Int) throws -> Measure {
        guard let record = try store.content(slug: slug) else { throw ContentError.notFound(slug) }
        let topics = record.meta.topics
        let people = try store.pieceMarks(contentId: record.id, topics: topics, from: from, to: to)
        var measure = Measure(slug: slug, title: record.meta.title, knowledgePoints: topics, from: from, to: to,
                              minimumAnswers: minimumAnswers,
                              report: KnowledgeGain.report(people, minimumAnswers: minimumAnswers, hasHoldout: false))
        return Self.noteTopics(&measure)
    }

    static func noteTopics(_ measure: inout Measure) -> Measure {
        if measure.knowledgePoints.isEmpty {
            measure.report.notEnoughData["knowledgePoints"] = "这篇内容没有标注知识点（topics），无法对照答题 / the piece lists no knowledge points (topics) to match answers against"
        }
        return measure
    }
}
