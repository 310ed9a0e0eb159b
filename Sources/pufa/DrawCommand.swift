import ArgumentParser
import Draws
import Foundation

/// `pufa draw`: prize draws from the command line. Only reading files and printing are here; the formats, the
/// recomputation and the report are in the pure Draws module (`DrawPublication`, `DrawVerification`).
struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Publicly verifiable prize draws (RFC 3797).", subcommands: [Verify.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a published draw offline: the rules commitment, the eligible-list digest and the winners.",
            discussion: """
                Each round publishes three files. rules.json is the canonical JSON of the rules (UTF-8, keys sorted, \
                no white space, no final line break); its SHA-256 is the commitment published before the round. \
                eligible.txt has one line "entryId<TAB>maskedPhone" per entry, each ending in LF, sorted by the \
                UTF-8 bytes of the ids; its SHA-256 is the eligible digest. result.json is the result as JSON.

                The key is the public value in RFC 3797 form followed by the eligible digest in upper case and "/"; \
                the winners are drawn from it with MD5 as RFC 3797 describes, so any implementation of the RFC can \
                recheck them.

                --public takes the lottery result from the lottery's own announcement: "numbers:3,12,25" (numbers \
                separated by spaces, commas, "，" or "、"; leading zeros allowed) or "text:…"; without a prefix, \
                only digits and separators are read as numbers and anything else as text. Without --public the \
                result's own public value is used, which checks the arithmetic but not the lottery numbers.

                Exit status: 0 verified; 1 something differs (every mismatch is listed); 2 a file is missing or \
                malformed (printed as FILE:LINE: reason on stderr, nothing on stdout).
                """)

        @Option(help: "The published rules (rules.json).") var rules: String
        @Option(help: "The published eligible list (eligible.txt).") var eligible: String
        @Option(help: "The published result (result.json).") var result: String
        @Option(name: .customLong("public"), help: "The lottery result, e.g. numbers:3,7,11,19,25,31,33 (default: the result's own).")
        var publicValue: String?
        @Option(help: "text or json.") var format: Format = .text

        func run() throws {
            let (publication, given) = try readInputs()
            let verification = publication.verify(publicValue: given)
            print(format == .json ? verification.json() : verification.report(), terminator: "")
            if !verification.verified { throw ExitCode.failure }
        }

        /// The three files and the public value, or every problem with them printed and exit status 2.
        func readInputs() throws -> (DrawPublication, DrawSource?) {
            var problems: [String] = []
            func attempt<T>(_ read: () throws(DrawFileError) -> T) -> T? {
                do throws(DrawFileError) { return try read() } catch { problems.append(error.description); return nil }
            }
            let rulesBytes = attempt { () throws(DrawFileError) in try readFile(rules) }
            let parsedRules = rulesBytes.flatMap { bytes in attempt { () throws(DrawFileError) in try DrawRules.decode(json: bytes, file: rules) } }
            let list = attempt { () throws(DrawFileError) in try EligibleList.parse(bytes: readFile(eligible), file: eligible) }
            let published = attempt { () throws(DrawFileError) in try DrawResult.decode(json: readFile(result), file: result) }
            var given: DrawSource?
            if let publicValue {
                do throws(DrawError) { given = try DrawSource.parse(publicValue) } catch { problems.append("--public: \(error)") }
            }
            guard problems.isEmpty, let rulesBytes, let parsedRules, let list, let published else {
                FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(2)
            }
            return (DrawPublication(rulesJSON: rulesBytes, rules: parsedRules, eligible: list, result: published), given)
        }

        func readFile(_ path: String) throws(DrawFileError) -> [UInt8] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DrawFileError(file: path, line: 1, reason: "no such file")
            }
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
                throw DrawFileError(file: path, line: 1, reason: "cannot read the file")
            }
            return [UInt8](data)
        }
    }
}
