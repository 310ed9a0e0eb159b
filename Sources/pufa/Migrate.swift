import ArgumentParser
import Database
import Persistence

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and list them.")

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        try dataOptions.prepareDirectory()
        let pool = try DatabasePool(path: dataOptions.databasePath, readers: 1)
        defer { pool.close() }
        let applied = try pool.writeWithoutTransaction { try Migrator(Migrations.all).migrate($0, now: nowMillis()) }
        print(applied.isEmpty ? "database is up to date (\(Migrations.all.count) migrations)"
                              : "applied: " + applied.joined(separator: ", "))
    }
}
