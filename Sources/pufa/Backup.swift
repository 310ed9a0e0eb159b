import ArgumentParser
import Database
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to FILE with SQLite's online backup API (safe while the server runs).")

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "Where to write the copy; must not exist yet.") var file: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataOptions.databasePath) else {
            throw CLIError("no database at \(dataOptions.databasePath)")
        }
        guard !FileManager.default.fileExists(atPath: file) else { throw CLIError("\(file) already exists; choose a new name") }
        let pool = try DatabasePool(path: dataOptions.databasePath, readers: 1)
        defer { pool.close() }
        try pool.backup(to: file)
        print("backup written to \(file)")
    }
}
