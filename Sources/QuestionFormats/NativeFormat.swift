import Questions
import Yams

/// The native, human-edited YAML format of Questions/ (documented in Questions/FORMAT.md).
/// Every problem is reported with the line of the node it concerns.
public enum NativeFormat {
    public static func parse(_ bytes: [UInt8], file: String) -> Result<ParsedBank, [ImportProblem]> {
        TextDecoding.utf8(bytes, file: file).flatMap { parse(text: $0, file: file) }
    }

    public static func parse(text: String, file: String) -> Result<ParsedBank, [ImportProblem]> {
        let top: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure([ImportProblem(SourceLocation(file: file, line: 1), "文件为空 / the file is empty")])
            }
            top = node
        } catch {
            return .failure([ImportProblem(SourceLocation(file: file, line: yamlErrorLine(error)), "YAML 语法错误 / YAML syntax: \(yamlErrorSummary(error))")])
        }
        var reader = NodeReader(file: file)
        guard let root = top.mapping else { return .failure([reader.problem(top, "顶层应为映射 / the top level must be a mapping with bank: and questions:")]) }
        let name = reader.string(root, "bank", required: true) ?? ""
        let law = reader.string(root, "law")
        let description = reader.string(root, "description")
        var questions: [SourceQuestion] = []
        if let list = root["questions"] {
            if let items = list.sequence {
                for item in items { if let q = reader.question(item) { questions.append(q) } }
            } else {
                reader.problems.append(reader.problem(list, "questions: 应为列表 / questions: must be a list"))
            }
        } else {
            reader.problems.append(reader.problem(top, "缺少 questions: / questions: is missing"))
        }
        reader.unknownKeys(root, allowed: ["bank", "law", "description", "questions"])
        let bank = ParsedBank(name: name, law: law, description: description, questions: questions)
        if !reader.problems.isEmpty {
            // Report the well-formed questions' own problems too, so one run shows everything to fix.
            let all = (reader.problems + bank.problems()).sorted { $0.location.line < $1.location.line }
            return .failure(all)
        }
        return .success(bank)
    }

    static func yamlErrorLine(_ error: any Error) -> Int {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
            case .composer(_, _, let mark, _): return mark.line
            default: break
            }
        }
        return 1
    }

    static func yamlErrorSummary(_ error: any Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            case .composer(let context, let problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            default: break
            }
        }
        return "\(error)"
    }
}
