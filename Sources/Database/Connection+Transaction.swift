/// Transactions on one connection.
extension Connection {
    /// Runs `body` in a transaction: `BEGIN IMMEDIATE … COMMIT`, or `ROLLBACK` if `body` throws.
    ///
    /// Inside an open transaction (for example in a `DatabasePool.write` body, which already
    /// runs in one) it nests as a savepoint instead, so stores can call it without knowing
    /// where they run: only the savepoint is rolled back on throw.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try run("BEGIN IMMEDIATE")
        let value: T
        do {
            value = try body()
            try run("COMMIT")
        } catch {
            rollbackIfOpen()
            throw error
        }
        return value
    }

    /// Runs `body` inside `SAVEPOINT`; on throw rolls back to it and releases it.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let name = "pufa_tx\(transactionDepth)"
        try run("SAVEPOINT \(name)")
        do {
            let value = try body()
            try run("RELEASE \(name)")
            return value
        } catch {
            // If SQLite already rolled back the whole transaction (I/O error, disk full), the
            // savepoint is gone too; the original error is the one to report.
            if isInTransaction {
                _ = try? run("ROLLBACK TO \(name)")
                _ = try? run("RELEASE \(name)")
            }
            throw error
        }
    }

    /// Rolls back the open transaction, if any. Used on failure paths, where the first
    /// error is the one to report, so a failing rollback is ignored.
    func rollbackIfOpen() {
        if isInTransaction {
            try? execute("ROLLBACK")
        }
    }
}
