/// A problem in one of a draw's published files (`rules.json`, `eligible.txt`, `result.json`), located at a
/// 1-based line, so a verifier can be told exactly where the file they downloaded is wrong.
///
/// Thrown by ``EligibleList/parse(_:file:)``, ``DrawRules/decode(json:file:)`` and
/// ``DrawResult/decode(json:file:)``; the command line prints ``description`` as is.
public struct DrawFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the caller named it (a path, or just `eligible.txt`).
    public var file: String
    /// 1-based; problems that concern the whole file (it is missing, empty, or lacks a field) are at line 1.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, the form compilers and the rest of the command line use.
    public var description: String { "\(file):\(line): \(reason)" }
}
