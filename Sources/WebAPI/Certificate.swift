import Exams
import Foundation
import HTTPServer

/// A print-ready certificate of passing (合格证明), as a self-contained HTML page the browser prints to paper or PDF.
enum Certificate {
    static func page(candidate: String, unit: String?, examTitle: String, year: Int, score: Double, maxScore: Double,
                     submittedAt: Int64, attemptId: Int, digest: String) -> Response {
        let date = shanghaiDate(submittedAt)
        let html = """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>合格证明 — \(escape(examTitle))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            @page { size: A4 landscape; margin: 18mm; }
            body { font-family: "Noto Serif CJK SC", "Songti SC", serif; color: #1a1a1a; margin: 0; }
            .sheet { border: 6px double #a3201b; padding: 48px 64px; max-width: 960px; margin: 24px auto; text-align: center; }
            h1 { font-size: 44px; letter-spacing: 12px; color: #a3201b; margin: 8px 0 32px; }
            p { font-size: 20px; line-height: 2; margin: 0; }
            .name { font-size: 28px; font-weight: bold; border-bottom: 1px solid #333; padding: 0 24px; }
            .meta { margin-top: 40px; font-size: 14px; color: #555; line-height: 1.8; }
            .issuer { margin-top: 32px; font-size: 18px; text-align: right; }
            @media print { .sheet { margin: 0; } }
            </style></head><body>
            <main class="sheet">
            <h1>合格证明</h1>
            <p><span class="name">\(escape(candidate))</span>\(unit.map { "（\(escape($0))）" } ?? "")</p>
            <p>参加\(escape(examTitle))，成绩 \(format(score)) 分（满分 \(format(maxScore)) 分），考试合格。</p>
            <p class="issuer">\(year) 年度学法考试 · \(date)</p>
            <p class="meta">作答编号 \(attemptId) · 作答摘要 \(escape(digest))<br>可凭作答编号和摘要向考试组织单位核验。</p>
            </main></body></html>
            """
        return Response(status: 200, headers: Headers([("Content-Type", "text/html; charset=utf-8"),
                                                       ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"),
                                                       ("Cache-Control", "no-store")]),
                        body: .bytes(Array(html.utf8)))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() ? String(Int(n)) : String(format: "%.1f", n)
    }

    static func shanghaiDate(_ millis: Int64) -> String {
        var t = time_t(millis / 1000 + 8 * 3600)
        var parts = tm()
        gmtime_r(&t, &parts)
        return "\(parts.tm_year + 1900) 年 \(parts.tm_mon + 1) 月 \(parts.tm_mday) 日"
    }
}

extension Handlers {
    /// The candidate's certificate of passing, once the attempt is submitted, passed, and the review policy shows scores.
    func handleCertificate(_ request: Request, _ context: AppContext) throws -> Response {
        let user = try context.requireUser()
        let attempt = try exams.ownAttempt(try request.intParameter("id"), user)
        guard let exam = try store.exam(id: attempt.examId), exam.settings.review.showsScore(), attempt.state == .submitted,
              attempt.passed == true, let score = attempt.score, let submittedAt = attempt.submittedAt else {
            throw HTTPError(409, code: "not_passed", message: "只有已合格的考试才有合格证明 / a certificate exists only for a passed exam")
        }
        let unit = try user.unitId.flatMap { id in try store.units().first { $0.id == id }?.name }
        return Certificate.page(candidate: user.displayName, unit: unit, examTitle: exam.settings.title, year: exam.settings.year,
                                score: score, maxScore: attempt.maxScore, submittedAt: submittedAt, attemptId: attempt.id,
                                digest: attempt.digest ?? "")
    }
}
