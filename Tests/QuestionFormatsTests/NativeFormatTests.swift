import Foundation
import Testing
@testable import QuestionFormats
import Questions

@Suite struct NativeFormatTests {
    @Test func everyStarterBankParsesWithoutProblems() throws {
        let banks = try starterBanks()
        #expect(banks.count >= 18)
        for (file, bank) in banks {
            #expect(!bank.questions.isEmpty, "\(file) has no questions")
            #expect(bank.problems().isEmpty, "\(file): \(bank.problems())")
        }
        let total = banks.map(\.bank.questions.count).reduce(0, +)
        #expect(total >= 400)
        let ids = banks.flatMap { $0.bank.questions.compactMap(\.externalId) }
        #expect(Set(ids).count == ids.count, "ids are unique across Questions/")
    }

    @Test func starterBankHasEveryQuestionType() throws {
        let types = Set(try starterBanks().flatMap { $0.bank.questions.map(\.content.type) })
        #expect(types == Set(QuestionType.allCases))
    }

    static let broken = """
        bank: 测试
        questions:
          - id: t-001
            type: single
            stem: 行政处罚的种类有哪些？
            options: [警告, 罚款]
            answer: C
            explanation: 解析
            basis: 《中华人民共和国行政处罚法》第九条
          - id: t-002
            type: mystery
            stem: 未知题型
            answer: A
          - id: t-003
            type: single
            stem: 选项重复
            options: [警告, 警告, 罚款]
            answer: A
            explanation: 解析
            basis: 《中华人民共和国行政处罚法》第九条
          - id: t-004
            type: judge
            stem: ""
            answer: true
            explanation: 解析
            basis: 《中华人民共和国行政处罚法》第九条
          - id: t-005
            type: judge
            stem: 缺少答案
            explanation: 解析
            basis: 《中华人民共和国行政处罚法》第九条
          - id: t-001
            type: judge
            stem: 重复的编号
            answer: false
            explanation: 解析
            basis: 《中华人民共和国行政处罚法》第九条

        """

    @Test func brokenFileReportsEveryProblemAtItsLine() {
        let result = QuestionFiles.parse(Array(Self.broken.utf8), filename: "broken.yaml")
        #expect(result.reports("未知题型", at: "broken.yaml:11"), "\(result.problems)")
        // A missing field is reported where its question starts.
        #expect(result.reports("缺少 answer", at: "broken.yaml:27"), "\(result.problems)")
    }

    @Test func semanticProblemsAreReportedAtTheirQuestion() {
        // Without the two questions that fail while reading, the rules run and locate the rest.
        let lines = Self.broken.split(separator: "\n", omittingEmptySubsequences: false)
        let readable = (lines[0..<9] + lines[13..<26] + lines[31...]).joined(separator: "\n")
        let result = QuestionFiles.parse(Array(readable.utf8), filename: "broken.yaml")
        #expect(result.reports("答案 C 没有对应的选项", at: "broken.yaml:3"), "\(result.problems)")
        #expect(result.reports("选项重复", at: "broken.yaml:10"), "\(result.problems)")
        #expect(result.reports("题干为空", at: "broken.yaml:17"), "\(result.problems)")
        #expect(result.reports("重复", at: "broken.yaml:23") && result.reports("首次出现在 broken.yaml:3", at: "broken.yaml:23"),
                "\(result.problems)")
        #expect(result.problems.count == 4, "\(result.problems)")
    }

    @Test func yamlSyntaxErrorIsReportedAtItsLine() {
        let text = "bank: 测试\nquestions:\n  - id: t-001\n    type: single\n    stem: 题干: 冒号后有空格\n    answer: A\n"
        let result = QuestionFiles.parse(Array(text.utf8), filename: "syntax.yaml")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.reason.contains("YAML") == true)
        #expect(result.locations == ["syntax.yaml:5"], "\(result.problems)")
    }

    static func roundTrips(_ text: String) -> Bool {
        let q = ExportQuestion(externalId: "y-1", content: QuestionContent(type: .judge, stem: "题", key: .judge(true),
                                                                            explanation: text, basis: "依据", topics: [text]))
        guard let bytes = try? QuestionFiles.export(ExportBank(name: "b", questions: [q]), as: .native) else { return false }
        return NativeFormat.parse(bytes, file: "y.yaml").bank?.questions.first?.exported == q
    }

    @Test func exportQuotesEveryYAMLHazard() {
        for text in ["a: b", "- a", "? a", "a #b", "*a", "&a", "!a", "%a", "@a", "'a'", "\"a", "a\\b", "0x10", "1e3", "~",
                     "null", "yes", "NO", "2024-01-01", "[a", "{a", "|a", ">a", "#a", "---", "第一行\n#第二行", "a\n- b",
                     "a:\tb", "a\t#b", "a\u{85}b", "a\u{2028}b", "\t第一行\n第二行"] {
            #expect(Self.roundTrips(text), "\(text.debugDescription)")
        }
    }
}
