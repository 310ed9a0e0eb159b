import ArgumentParser
import Accounts
import Foundation
import Persistence
import WebAPI

struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content", abstract: "Import teaching material (Content/ Markdown files with front matter).",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import files or folders of teaching material (*.md with YAML front matter; see Content/FORMAT.md).",
            discussion: "All-or-nothing: every problem in every file is printed as file:line: reason and nothing is imported.")
        @OptionGroup var dataOptions: DataOptions
        @Argument(help: "Files or folders.") var paths: [String]
        @Flag(help: "Show what would be added, changed or left alone, and write nothing.") var dryRun = false

        func run() throws {
            let files = try readContentFiles(paths)
            try withStore(dataOptions) { store in
                let results = try importContent(ContentService(store: store), files, dryRun: dryRun)
                for write in ["added", "new_version", "unchanged"] {
                    let slugs = results.filter { $0.write.rawValue == write }.map(\.slug)
                    print("\(write): \(slugs.count)\(slugs.isEmpty || write == "unchanged" ? "" : " (" + slugs.joined(separator: ", ") + ")")")
                }
                if dryRun { print("dry run: nothing was written") }
            }
        }
    }
}

/// Imports with the CLI's actor, turning a refused set into the file:line lines the command prints.
func importContent(_ service: ContentService, _ files: [(name: String, text: String)], dryRun: Bool) throws
    -> [(slug: String, write: ContentWrite)] {
    do {
        return try service.importFiles(files, dryRun: dryRun, author: "system", actor: .system)
    } catch let failure as ContentImportFailed {
        throw CLIError(failure.description)
    }
}

/// The Markdown files named, folders expanded (sorted; FORMAT.md, README.md and hidden files skipped).
func readContentFiles(_ paths: [String]) throws -> [(name: String, text: String)] {
    let fm = FileManager.default
    var names: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path): no such file or folder") }
        if isDirectory.boolValue {
            names += try fm.contentsOfDirectory(atPath: path).sorted()
                .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && !["FORMAT.md", "README.md"].contains($0) }
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            names.append(path)
        }
    }
    return try names.map { name in
        guard let data = fm.contents(atPath: name) else { throw CLIError("\(name):1: cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(name):1: the file is not UTF-8 text") }
        return (name, text)
    }
}
