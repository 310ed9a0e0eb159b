import ArgumentParser
import Foundation

@main
struct Pufa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pufa",
        abstract: "普法 Pufa — legal education for justice bureaus: exams, quizzes, targeted teaching.",
        discussion: "Settings come from flags, then PUFA_* environment variables, then defaults.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, QuestionsCommand.self, ContentCommand.self, StatsCommand.self, DrawCommand.self, Backup.self],
        defaultSubcommand: nil)
}

/// Where the data lives; shared by every command that opens the database.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Directory for the database and uploads (env PUFA_DATA, default ./data).")
    var data: String?

    var directory: String { data ?? Environment.string("PUFA_DATA") ?? "data" }
    var databasePath: String { (directory as NSString).appendingPathComponent("pufa.sqlite") }

    func prepareDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CLIError("the data path \(directory) is a file, not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the data directory \(directory): \(error.localizedDescription)")
        }
    }
}

enum Environment {
    static func string(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer setting; a value that is not a number is an error, not silently ignored.
    static func int(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw CLIError("\(name)=\(text) is not a number") }
        return value
    }
}

/// A CLI failure printed as `pufa: reason` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
