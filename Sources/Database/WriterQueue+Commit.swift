/// How the writer runs jobs: the group commit itself.
extension WriterQueue {
    /// Runs `jobs` in one `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint so that a
    /// job that throws is undone alone. Every job either committed durably or is failed.
    func commit(_ jobs: ArraySlice<WriteJob>) {
        guard !jobs.isEmpty else { return }
        do {
            try db.run("BEGIN IMMEDIATE")
        } catch {
            jobs.forEach { $0.fail(error) }
            return
        }
        var carried: [WriteJob] = []  // jobs whose changes are in the open transaction
        for index in jobs.indices {
            let job = jobs[index]
            if let broken = runInSavepoint(job) {
                // The transaction is lost (SQLite rolled it back on an I/O error, or the
                // savepoint cannot be undone): earlier jobs are lost with it; later ones get a fresh one.
                db.rollbackIfOpen()
                carried.forEach { $0.fail(broken) }
                commit(jobs[(index + 1)...])
                return
            }
            if !job.failed { carried.append(job) }
        }
        do {
            try db.run("COMMIT")
            if !carried.isEmpty { countTransaction() }
        } catch {
            db.rollbackIfOpen()
            carried.forEach { $0.fail(error) }
        }
    }

    /// Runs one job in `SAVEPOINT` (a single statement without one); returns an error only if the whole transaction
    /// is broken.
    private func runInSavepoint(_ job: WriteJob) -> (any Error)? {
        if job.singleStatement {
            do {
                try job.execute(db)
                return nil
            } catch {
                // The failed statement is undone; the transaction is lost only if SQLite rolled it back.
                return db.isInTransaction ? nil : error
            }
        }
        do {
            try db.run("SAVEPOINT pufa_job")
        } catch {
            job.fail(error)
            return error
        }
        do {
            try job.execute(db)
            try db.run("RELEASE pufa_job")
            return nil
        } catch {
            job.fail(error)
            guard db.isInTransaction else { return error }
            do {
                try db.run("ROLLBACK TO pufa_job")
                try db.run("RELEASE pufa_job")
                return nil
            } catch {
                return error
            }
        }
    }

    /// Runs a job alone, outside any transaction; a transaction it leaves open is rolled
    /// back so that it cannot swallow the next batch.
    func runExclusive(_ job: WriteJob) {
        do {
            try job.execute(db)
        } catch {
            db.rollbackIfOpen()
            return
        }
        if db.isInTransaction {
            db.rollbackIfOpen()
            job.fail(DatabaseError.misuse("writeWithoutTransaction body left a transaction open; rolled back"))
        }
    }
}
