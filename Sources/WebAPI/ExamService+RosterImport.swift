import Accounts
import Exams
import Foundation
import Persistence
import QuestionFormats
import Questions
import Secrets

/// A roster sheet was refused; every problem has its row. Nothing was changed.
struct RosterImportFailed: Error {
    var problems: [ImportProblem]
}

/// What a roster import did (or, for a dry run, would do).
struct RosterImportResult: Sendable {
    struct Credential: Sendable, Encodable {
        var username: String
        var displayName: String
        var unit: String
        var password: String
    }

    var dryRun: Bool
    var rows: Int
    var created: Int
    var updated: Int
    var added: Int
    /// Initial passwords generated for new accounts: returned once, never stored in clear.
    var credentials: [Credential]
}

extension ExamService {
    /// Imports officials from an uploaded CSV/XLSX sheet onto a draft exam's roster: new accounts are created (with
    /// the sheet's initial password or a generated one), existing ones updated, everyone added to the roster. All
    /// or nothing: any problem in any row refuses the whole file, with every problem listed by row.
    func importRoster(_ id: Int, bytes: [UInt8], filename: String, dryRun: Bool, by viewer: User, actor: Actor,
                      hash: ([String: String]) -> [String: String]) throws -> RosterImportResult {
        let exam = try managedExam(id, viewer)
        guard exam.status == .draft else { throw ExamError.alreadyPublished }
        let table = try Self.table(bytes, filename: filename)
        let located = { (problem: SheetProblem) in
            ImportProblem(SourceLocation(file: filename, line: problem.line, sheet: table.sheet), problem.reason)
        }
        let rows: [OfficialRow]
        switch OfficialSheet.read(table.rows) {
        case .success(let read): rows = read
        case .failure(let problems): throw RosterImportFailed(problems: problems.items.map(located))
        }
        let existing = try store.existingAccounts(usernames: rows.map(\.username))
        let plan: OfficialImportPlan
        switch OfficialImport.plan(rows, units: try store.units(), allowedUnits: try manageableUnits(viewer), existing: existing,
                                   importerIsAdmin: viewer.roles.contains(.admin)) {
        case .success(let made): plan = made
        case .failure(let problems): throw RosterImportFailed(problems: problems.items.map(located))
        }
        if dryRun {
            let onRoster = Set(try store.roster(examId: id).map(\.userId))
            let added = plan.entries.filter { $0.userId.map { !onRoster.contains($0) } ?? true }.count
            return RosterImportResult(dryRun: true, rows: rows.count, created: plan.creates.count,
                                      updated: plan.updates.count, added: added, credentials: [])
        }
        var passwords: [String: String] = [:]
        var generated: Set<String> = []
        for entry in plan.creates {
            if let given = entry.row.password {
                passwords[entry.row.username] = given
            } else {
                passwords[entry.row.username] = Sodium.readablePassword()
                generated.insert(entry.row.username)
            }
        }
        let hashes = hash(passwords)
        let outcome = try store.applyOfficialImport(plan, passwordHashes: hashes, examId: id, now: clock.nowMillis(), actor: actor)
        let credentials = plan.creates.filter { generated.contains($0.row.username) }.map {
            RosterImportResult.Credential(username: $0.row.username, displayName: $0.row.displayName, unit: $0.row.unit,
                                          password: passwords[$0.row.username] ?? "")
        }
        return RosterImportResult(dryRun: false, rows: rows.count, created: outcome.created, updated: outcome.updated,
                                  added: outcome.added, credentials: credentials)
    }

    private static func table(_ bytes: [UInt8], filename: String) throws -> Spreadsheet.Table {
        switch Spreadsheet.read(bytes, file: filename) {
        case .success(let table): return table
        case .failure(let problems): throw RosterImportFailed(problems: problems)
        }
    }
}
