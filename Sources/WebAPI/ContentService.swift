import Accounts
import Content
import Foundation
import Markdown
import Persistence
import QuestionFormats
import Questions
import Quizzes
import Secrets

/// A set of content files was refused; every problem has its file and line. Nothing was stored.
public struct ContentImportFailed: Error, CustomStringConvertible {
    public var problems: [ImportProblem]
    public var description: String {
        problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) 处错误，未导入任何内容 / \(problems.count) problems; nothing was imported"
    }
}

/// Teaching material: import from Content/ files, write and edit in the console (a new version per change), read by
/// anyone once published and in its dates. Rendering is cmark-gfm in safe mode; the HTML is kept with each version.
public final class ContentService: Sendable {
    let store: Store
    let clock: AppClock

    public init(store: Store, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// The piece ready to store: HTML and a fingerprint of what it says (identical re-imports make no version).
    func draft(_ piece: ContentPiece, status: ContentRecord.Status = .published) throws -> ContentDraft {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]   // the fingerprint must not depend on key order
        let meta = String(decoding: try encoder.encode(piece.meta), as: UTF8.self)
        return ContentDraft(piece: piece, html: Markdown.html(piece.body), fingerprint: Sodium.digest(meta + "\n" + piece.body),
                            status: status)
    }

    /// Imports files (name, text), all or nothing. Returns what happened to each slug.
    public func importFiles(_ files: [(name: String, text: String)], dryRun: Bool = false, author: String,
                            actor: Actor) throws -> [(slug: String, write: ContentWrite)] {
        var pieces: [ContentPiece] = []
        var problems: [ImportProblem] = []
        var seen: [String: String] = [:]
        for file in files {
            switch ContentFile.parse(file.text, file: file.name) {
            case .success(let piece):
                if let first = seen[piece.meta.slug] {
                    problems.append(ImportProblem(SourceLocation(file: file.name, line: 2), "id \(piece.meta.slug) 与 \(first) 重复 / repeats \(first)"))
                }
                seen[piece.meta.slug] = file.name
                pieces.append(piece)
            case .failure(let found): problems += found
            }
        }
        guard problems.isEmpty else { throw ContentImportFailed(problems: problems) }
        if dryRun {
            return try pieces.map { piece in
                let existing = try store.content(slug: piece.meta.slug)
                let fingerprint = try draft(piece).fingerprint
                guard let existing else { return (piece.meta.slug, .added) }
                // An import publishes: an identical file over a draft still changes something.
                return (piece.meta.slug, existing.fingerprint == fingerprint && existing.status == .published ? .unchanged : .newVersion)
            }
        }
        let saved = try store.saveContent(try pieces.map { try draft($0) }, author: author, note: "导入 / import", now: clock.nowMillis(),
                                          actor: actor)
        return saved.map { ($0.slug, $0.write) }
    }

    /// A console edit: checked, rendered, stored as a new version (or refused if someone saved a newer one).
    func save(_ piece: ContentPiece, status: ContentRecord.Status, expectedVersion: Int?, note: String?, author: String,
              actor: Actor) throws -> ContentRecord {
        let problems = ContentRules.problems(piece)
        guard problems.isEmpty else { throw ContentError.invalid(problems.map(\.reason)) }
        do {
            return try store.saveContent([try draft(piece, status: status)], author: author, note: note, expectedVersion: expectedVersion,
                                         now: clock.nowMillis(), actor: actor)[0].record
        } catch ContentStoreError.stale(let current) {
            throw ContentError.stale(current: current)
        }
    }

    /// Published pieces shown today (Beijing date), newest first (undated ones by their last edit), optionally for
    /// some audiences ("civil_servant,leader" = either), a topic, or matching words.
    func published(audience: String?, topic: String?, text: String?, limit: Int? = nil) throws -> [ContentRecord] {
        let today = QuizDay.of(clock.nowMillis())
        let words = (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        let audiences = Set((audience ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let found = try store.allContent().filter { record in
            let m = record.meta
            guard record.status == .published, m.isLive(on: today) else { return false }
            if !audiences.isEmpty, audiences.isDisjoint(with: m.audiences) { return false }
            if let topic, !topic.isEmpty, !m.topics.contains(where: { $0.contains(topic) }) { return false }
            let haystack = ([m.title, m.summary] + m.topics + m.basis).joined(separator: " ")
            return words.allSatisfy { haystack.contains($0) || record.body.contains($0) }
        }.sorted { a, b in
            let da = a.meta.publish ?? QuizDay.of(a.updatedAt), db = b.meta.publish ?? QuizDay.of(b.updatedAt)
            return da != db ? da > db : a.id > b.id
        }
        return limit.map { Array(found.prefix(max(0, $0))) } ?? found
    }
}
