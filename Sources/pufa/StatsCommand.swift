import ArgumentParser
import Foundation
import ItemAnalysis

/// `pufa stats`: item analysis from the command line. Reading the file and printing are here; parsing, the
/// statistics and the text of the report are in the pure ItemAnalysis module.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Exam statistics.", subcommands: [Items.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Item analysis of a marks file, with Moodle's quiz statistics (facility, discrimination, CIC…).",
            discussion: """
                The CSV file has a header row (attempt id, then one name per question) and one row per attempt \
                (its id, then its mark on each question), UTF-8. A problem is printed as FILE:LINE: reason, and \
                the exit status is 1.
                """)
        @Option(help: "The marks CSV file.") var marks: String
        @Option(name: .customLong("max-marks"), help: "Each question's maximum mark, comma-separated (default: 1 each).")
        var maxMarks: String?
        @Option(help: "json or table.") var format: Format = .table

        func run() throws {
            let bytes: [UInt8]
            do throws(ItemAnalysisError) {
                bytes = try readMarksFile(marks)
            } catch {
                try fail(error)
            }
            do throws(ItemAnalysisError) {
                let table = try MarksCSV.parse(bytes: bytes, file: marks, maxMarks: maxMarks)
                let result = ItemAnalysis.analyse(table.matrix)
                switch format {
                case .json:
                    print(ItemReport.json(names: table.questionNames, questions: result.questions, test: result.test))
                case .table:
                    print(ItemReport.table(names: table.questionNames, questions: result.questions, test: result.test,
                                           testMax: table.matrix.maxMarks.reduce(0, +)), terminator: "")
                }
            } catch {
                try fail(error)
            }
        }

        /// Prints exactly `FILE:LINE: reason` (ArgumentParser would add an `Error:` prefix) and exits with 1.
        func fail(_ error: ItemAnalysisError) throws -> Never {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }

        func readMarksFile(_ path: String) throws(ItemAnalysisError) -> [UInt8] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .input(file: path, line: 1, reason: "no such file")
            }
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
                throw .input(file: path, line: 1, reason: "cannot read the file")
            }
            return [UInt8](data)
        }
    }
}
