import Accounts
import Database
import Exams
import Foundation

/// What applying a roster sheet changed.
public struct OfficialImportOutcome: Sendable, Equatable {
    public var created: Int
    public var updated: Int
    /// Officials put on the roster who were not on it before.
    public var added: Int
}

extension Store {
    /// Accounts with these usernames (case-insensitive keys), for `OfficialImport.plan`.
    public func existingAccounts(usernames: [String]) throws -> [String: ExistingAccount] {
        let names = String(decoding: try JSONEncoder().encode(usernames), as: UTF8.self)
        return try pool.read { db in
            var found: [String: ExistingAccount] = [:]
            for row in try db.query(AccountSQL.accountsByUsernames, [names]) {
                let roles = (row.string("roles") ?? "").split(separator: ",").compactMap { Role(rawValue: String($0)) }
                let account = ExistingAccount(userId: row.int("id") ?? 0, username: row.string("username") ?? "",
                                              unitId: row.int("unit_id"), roles: Set(roles))
                found[account.username.lowercased()] = account
            }
            return found
        }
    }

    /// Creates and updates the sheet's accounts and adds everyone to the draft exam's roster, in one transaction
    /// with one audit entry: either all of it happens or none. `passwordHashes` holds a hash for every new account.
    public func applyOfficialImport(_ plan: OfficialImportPlan, passwordHashes: [String: String], examId: Int,
                                    now: Int64, actor: Actor) throws -> OfficialImportOutcome {
        try pool.write { db in
            guard let exam = try Self.exam(db, examId) else { throw ExamError.notFound("exam \(examId)") }
            guard exam.status == .draft else { throw ExamError.alreadyPublished }
            var outcome = OfficialImportOutcome(created: 0, updated: 0, added: 0)
            for entry in plan.entries {
                let row = entry.row
                let userId: Int
                if let existing = entry.userId {
                    try db.run(AccountSQL.updateOfficial, [row.displayName, entry.unitId, row.rank.rawValue, row.phone, now, existing])
                    userId = existing
                    outcome.updated += 1
                } else {
                    guard let hash = passwordHashes[row.username] else { preconditionFailure("no hash for \(row.username)") }
                    do {
                        try db.run(AccountSQL.insertOfficial, [row.username, row.displayName, hash, entry.unitId,
                                                               row.rank.rawValue, row.phone, now, now])
                    } catch let error as DatabaseError where error.isUniqueViolation {
                        throw AccountError.usernameTaken(row.username)   // created by someone else since the check
                    }
                    userId = Int(db.lastInsertRowID)
                    outcome.created += 1
                }
                try db.run(AccountSQL.addRole, [userId, Role.official.rawValue])
                outcome.added += try db.run(ExamSQL.insertRoster, [examId, userId, entry.unitId])
            }
            try db.run(AccountSQL.bumpAuthEpoch)
            let summary = ["created": outcome.created, "updated": outcome.updated, "addedToRoster": outcome.added,
                           "rows": plan.entries.count]
            try audit(db, actor, "roster.import", "exam", String(examId), before: nil, after: Self.json(summary), now: now)
            return outcome
        }
    }

    /// The whole phone number of an account, written to the audit log as a reveal by `actor`.
    public func revealPhone(userId: Int, now: Int64, actor: Actor) throws -> String? {
        try pool.write { db in
            guard try db.queryOne(AccountSQL.userById, [userId]) != nil else { throw AccountError.notFound("user \(userId)") }
            let phone = try db.scalar(AccountSQL.userPhone, [userId]).string
            try audit(db, actor, "personal.reveal", "user", String(userId), before: nil,
                      after: Self.json(["field": "phone"]), now: now)
            return phone
        }
    }
}
