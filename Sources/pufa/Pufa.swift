import ArgumentParser
import Foundation

@main
struct Pufa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pufa",
        abstract: "普法 Pufa — legal education for justice bureaus: exams, quizzes, targeted teaching.",
        discussion: "Settings come from flags, then PUFA_* environment variables, then defaults.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, Backup.self],
        defaultSubcommand: nil)
}

/// Where the data lives; shared by every command that opens the database.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Directory for the database and uploads (env PUFA_DATA, default ./data).")
    var data: String?

    var directory: String { data ?? Environment.string("PUFA_DATA") ?? "data" }
    var databasePath: String { (directory as NSString).appendingPathComponent("pufa.sqlite") }

    func prepareDirectory() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
}

enum Environment {
    static func string(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// A CLI failure printed as `pufa: reason` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
