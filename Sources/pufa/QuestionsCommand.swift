import ArgumentParser
import Foundation
import Persistence
import QuestionFormats
import Questions
import WebAPI

struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "Import and export question banks.",
        subcommands: [Import.self, Export.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import files or folders of question banks (native .yaml, GIFT .gift.txt, Moodle .xml, .csv, .xlsx).",
            discussion: "All-or-nothing: every problem in every file is printed as file:line: reason and nothing is imported.")
        @OptionGroup var dataOptions: DataOptions
        @Argument(help: "Files or folders.") var paths: [String]
        @Flag(help: "Show what would be added, changed or skipped, and write nothing.") var dryRun = false

        func run() throws {
            let banks = try parseAll(paths)
            try withStore(dataOptions) { store in
                let reports = try QuestionService(store: store).importBanks(banks, dryRun: dryRun, editor: cliEditor)
                for r in reports {
                    print("\(r.bank): \(r.plan.added) added, \(r.plan.changed) changed, \(r.plan.unchanged) unchanged, \(r.plan.duplicates) duplicates")
                    for item in r.plan.items {
                        if case .duplicate(let other) = item.action {
                            print("  \(item.question.location): same as question \(other); not imported again")
                        }
                        if case .repeatedInFile(let first) = item.action {
                            print("  \(item.question.location): repeats \(first); imported once")
                        }
                    }
                }
                if dryRun { print("dry run: nothing was written") }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a bank (or every bank) to a file.")
        @OptionGroup var dataOptions: DataOptions
        @Option(help: "native, gift, moodle-xml, csv or xlsx.") var format: String = "native"
        @Option(help: "Bank name (default: every bank).") var bank: String?
        @Option(help: "Output file.") var out: String

        func run() throws {
            guard let fileFormat = QuestionFileFormat(rawValue: format) else {
                throw CLIError("unknown format \(format); use native, gift, moodle-xml, csv or xlsx")
            }
            try withStore(dataOptions) { store in
                let bankId = try bank.map { name in
                    guard let found = try store.banks().first(where: { $0.name == name }) else { throw CLIError("no bank named \(name)") }
                    return found.id
                }
                let file = try QuestionService(store: store).export(bankId: bankId, format: fileFormat)
                try Data(file.bytes).write(to: URL(fileURLWithPath: out))
                print("wrote \(out)")
            }
        }
    }
}

let cliEditor = Editor(userId: nil, name: "system", requestId: nil)

/// Reads every file under `paths`, stopping with every problem (as `file:line: reason` lines) if any is bad.
func parseAll(_ paths: [String]) throws -> [ParsedBank] {
    var banks: [ParsedBank] = []
    var problems: [ImportProblem] = []
    for file in try questionFiles(paths) {
        guard let data = FileManager.default.contents(atPath: file) else {
            problems.append(ImportProblem(SourceLocation(file: file, line: 1), "cannot read the file"))
            continue
        }
        switch QuestionFiles.parse([UInt8](data), filename: file) {
        case .success(let bank): banks.append(bank)
        case .failure(let found): problems += found
        }
    }
    guard problems.isEmpty else {
        throw CLIError(problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) problems; nothing was imported")
    }
    return banks
}

/// The importable files named, folders expanded (sorted, FORMAT.md and hidden files skipped).
func questionFiles(_ paths: [String]) throws -> [String] {
    let fm = FileManager.default
    var files: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path): no such file or folder") }
        if isDirectory.boolValue {
            let names = try fm.contentsOfDirectory(atPath: path).sorted()
            files += names.filter { name in
                !name.hasPrefix(".") && [".yaml", ".yml", ".gift.txt", ".xml", ".csv", ".xlsx"].contains { name.lowercased().hasSuffix($0) }
            }.map { (path as NSString).appendingPathComponent($0) }
        } else {
            files.append(path)
        }
    }
    return files
}
