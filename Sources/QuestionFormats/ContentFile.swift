import Content
import Foundation
import Questions
import Yams

/// A Content/ file: YAML front matter between two `---` lines, then the Markdown body (format: Content/FORMAT.md).
/// Every problem is reported at its line; the front matter's lines count from the top of the file.
public enum ContentFile {
    static let keys: Set<String> = ["id", "title", "summary", "topics", "audiences", "regions", "basis", "publish", "expire",
                                    "questions"]

    public static func parse(_ text: String, file: String) -> Result<ContentPiece, [ImportProblem]> {
        var lines = text.components(separatedBy: "\n")
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) else {
            return .failure([ImportProblem(SourceLocation(file: file, line: 1),
                                           "文件应以 --- 开始的 YAML 信息头开头，并以 --- 结束 / the file must start with front matter between --- lines")])
        }
        // Blank lines in front keep the YAML's line numbers equal to the file's.
        let yaml = "\n" + lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml), composed.mapping != nil else {
                return .failure([ImportProblem(SourceLocation(file: file, line: 2), "信息头应为 键: 值 的形式 / the front matter must be a mapping")])
            }
            node = composed
        } catch let error as YamlError {
            return .failure([ImportProblem(SourceLocation(file: file, line: Self.line(of: error)), "YAML 格式错误 / YAML error: \(error)")])
        } catch {
            return .failure([ImportProblem(SourceLocation(file: file, line: 2), "YAML 格式错误 / YAML error: \(error)")])
        }
        var reader = NodeReader(file: file)
        let map = node.mapping!
        reader.unknownKeys(map, allowed: keys)
        func day(_ key: String) -> String? {
            guard let value = map[key] else { return nil }
            if let s = value.scalar?.string, !s.isEmpty { return s }
            return nil
        }
        let meta = ContentMeta(slug: reader.string(map, "id", required: true, at: node) ?? "",
                               title: reader.string(map, "title", required: true, at: node) ?? "",
                               summary: reader.string(map, "summary", required: true, at: node) ?? "",
                               topics: reader.strings(map, "topics"), audiences: reader.strings(map, "audiences"),
                               regions: reader.strings(map, "regions"), basis: reader.strings(map, "basis"),
                               publish: day("publish"), expire: day("expire"), questions: reader.strings(map, "questions"))
        let piece = ContentPiece(meta: meta, body: body)
        var problems = reader.problems
        for problem in ContentRules.problems(piece) {
            let line = problem.field == "body" ? end + 2 : (map[problem.field]?.mark?.line ?? node.mark?.line ?? 2)
            problems.append(ImportProblem(SourceLocation(file: file, line: line), problem.reason))
        }
        let expected = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if file.hasSuffix(".md"), !meta.slug.isEmpty, meta.slug != expected {
            problems.append(ImportProblem(SourceLocation(file: file, line: map["id"]?.mark?.line ?? 2),
                                          "id “\(meta.slug)” 应与文件名 \(expected).md 相同 / id must equal the file name"))
        }
        return problems.isEmpty ? .success(piece) : .failure(problems)
    }

    static func line(of error: YamlError) -> Int {
        if case .scanner(_, _, let mark, _) = error { return mark.line }
        if case .parser(_, _, let mark, _) = error { return mark.line }
        return 2
    }
}
