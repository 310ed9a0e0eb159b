import Foundation
import Persistence
import QuestionFormats
import Questions

/// The question-bank use cases: import (all-or-nothing, with a dry run), export, create and edit with versions.
/// Shared by the API and the command line.
public final class QuestionService: Sendable {
    let store: any QuestionStore
    let clock: AppClock

    public init(store: any QuestionStore, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// What an import did, or would do with `dryRun`.
    public struct ImportReport: Sendable {
        public var dryRun: Bool
        public var bank: String
        public var bankId: Int?
        public var plan: ImportPlan
    }

    /// Parses, validates and plans; writes only when not a dry run, in one transaction.
    /// Throws `QuestionError.importFailed` with every problem when any question is bad: nothing is written.
    public func importFile(_ bytes: [UInt8], filename: String, format: QuestionFileFormat? = nil, dryRun: Bool,
                           editor: Editor) throws -> ImportReport {
        let bank: ParsedBank
        switch QuestionFiles.parse(bytes, filename: filename, format: format) {
        case .success(let parsed): bank = parsed
        case .failure(let problems): throw QuestionError.importFailed(problems)
        }
        return try importBank(bank, dryRun: dryRun, editor: editor)
    }

    public func importBank(_ bank: ParsedBank, dryRun: Bool, editor: Editor) throws -> ImportReport {
        try importBanks([bank], dryRun: dryRun, editor: editor)[0]
    }

    /// Several banks (files) in one transaction: if any is bad nothing is written.
    public func importBanks(_ banks: [ParsedBank], dryRun: Bool, editor: Editor) throws -> [ImportReport] {
        var plans: [(plan: ImportPlan, bank: ParsedBank)] = []
        for bank in banks {
            let existing = try store.existing(externalIds: bank.questions.compactMap(\.externalId),
                                              fingerprints: bank.questions.map(\.content.fingerprint))
            plans.append((ImportPlanner.plan(bank, byExternalId: existing.byExternalId, byFingerprint: existing.byFingerprint), bank))
        }
        let ids: [Int?] = dryRun ? plans.map { _ in nil }
            : try store.apply(plans, editor: editor, now: clock.nowMillis()).map(\.bankId)
        return zip(plans, ids).map { ImportReport(dryRun: dryRun, bank: $0.bank.name, bankId: $1, plan: $0.plan) }
    }

    /// Every question of a bank (or of all banks), in the chosen format.
    public func export(bankId: Int?, format: QuestionFileFormat) throws -> (filename: String, bytes: [UInt8]) {
        let banks = try store.banks()
        let bank = try bankId.map { id in
            guard let found = banks.first(where: { $0.id == id }) else { throw QuestionError.bankNotFound(id) }
            return found
        }
        var questions: [ExportQuestion] = []
        var page = 1
        while true {
            let result = try store.search(QuestionQuery(bankId: bankId, page: page, pageSize: 200))
            questions += result.items.map { ExportQuestion(externalId: $0.externalId, content: $0.content, status: $0.status) }
            if page * result.pageSize >= result.total { break }
            page += 1
        }
        let name = bank?.name ?? "全部题库"
        let export = ExportBank(name: name, law: bank?.law, description: bank?.description, questions: questions)
        return ("\(name).\(format.fileExtension)", try QuestionFiles.export(export, as: format))
    }

    public func create(_ content: QuestionContent, bankId: Int, status: QuestionStatus, editor: Editor) throws -> StoredQuestion {
        let problems = QuestionRules.problems(in: content)
        guard problems.isEmpty else { throw QuestionError.invalid(problems) }
        return try store.insertQuestion(content, bankId: bankId, status: status, editor: editor, now: clock.nowMillis())
    }

    /// Saves an edit as a new version. Past attempts keep the version they used.
    public func update(id: Int, content: QuestionContent, status: QuestionStatus, expectedVersion: Int, note: String?,
                       editor: Editor) throws -> StoredQuestion {
        let problems = QuestionRules.problems(in: content)
        guard problems.isEmpty else { throw QuestionError.invalid(problems) }
        return try store.updateQuestion(id: id, content: content, status: status, expectedVersion: expectedVersion,
                                        note: note, editor: editor, now: clock.nowMillis())
    }
}
