import Testing
@testable import QuestionFormats
import Questions

@Suite struct CSVFormatTests {
    /// How people fill in the template by hand: a title row, short headers, every answer spelling, quoted cells
    /// with commas, quotes and line breaks, an empty row.
    static let handWritten = """
        行政处罚法题库,,,,,,,,,
        题型,题干,A,B,C,D,答案,解析,法条依据,难度,知识点,适用对象,编号
        单选题,下列哪一项不属于行政处罚？,警告,罚款,记过,"行政拘留,没收",C,"记过是""政务处分""。",《行政处罚法》第九条,2,种类；设定,公务员、enforcer,a1
        多选,"可以设定行政拘留的有？
        （多行题干）",法律,行政法规,地方性法规,,"A、B",只有法律。,《行政处罚法》第十条,３,,领导干部,a2
        ,,,,,,,,,,,,
        判断,当场收缴罚款应当出具收据。,,,,,√,第七十条。,《行政处罚法》第七十条,,,,a3
        填空题,当事人应当自收到决定书之日起____内缴纳罚款，逾期每日加处____的罚款。,,,,,十五日/15日｜3%/百分之三,第七十二条。,《行政处罚法》第七十二条,4,,,a4
        简答,请分析本案。,,,,,应当听证。,要点见评分。,《行政处罚法》第六十三条,5,,学生,a5
        """

    @Test func readsAHandWrittenTemplate() throws {
        let result = QuestionFiles.parse(Array(Self.handWritten.utf8), filename: "upload.csv")
        let bank = try #require(result.bank, "\(result.problems)")
        #expect(bank.name == "行政处罚法题库")
        let q = bank.questions
        try #require(q.count == 5)
        #expect(q[0].content.options == ["警告", "罚款", "记过", "行政拘留,没收"] && q[0].content.key == .choice([2]))
        #expect(q[0].content.explanation == "记过是\"政务处分\"。" && q[0].content.topics == ["种类", "设定"])
        #expect(q[0].content.audiences == ["civil_servant", "enforcer"] && q[0].externalId == "a1")
        #expect(q[1].content.type == .multiple && q[1].content.stem == "可以设定行政拘留的有？\n（多行题干）")
        #expect(q[1].content.key == .choice([0, 1]) && q[1].content.difficulty == 3 && q[1].content.audiences == ["leader"])
        #expect(q[2].content.key == .judge(true) && q[2].content.difficulty == 2)
        #expect(q[3].content.key == .blanks([["十五日", "15日"], ["3%", "百分之三"]]))
        #expect(q[4].content.type == .essay && q[4].content.key == .reference("应当听证。") && q[4].content.audiences == ["youth"])
        // Physical lines: the multi-line row starts at 4, the empty row 6 is skipped.
        #expect(q.map(\.location.line) == [3, 4, 7, 8, 9])
    }

    @Test func missingColumnsAreOneProblemAtTheHeaderNamingThem() {
        let result = CSVFormat.parse("题型,题干,选项A,选项B\n单选,题,甲,乙\n", file: "cols.csv")
        #expect(result.problems.count == 1)
        #expect(result.reports("缺少必需的列：答案、解析、法条依据", at: "cols.csv:1"), "\(result.problems)")
    }

    static let header = "题型,题干,选项A,选项B,选项C,答案,解析,法条依据\n"

    @Test func semanticProblemsPointAtTheRowsFirstLine() {
        let text = Self.header
            + "单选,\"多行\n题干\",甲,乙,,C,解析,依据\n"   // line 2: the key names C, which does not exist
            + "单选,,甲,乙,,A,解析,依据\n"                  // line 4: empty stem
            + "单选,重复,甲,\" 甲\",,A,解析,依据\n"          // line 5: duplicate options
            + "多选,好题,甲,乙,丙,AB,解析,依据\n"
        let result = QuestionFiles.parse(Array(text.utf8), filename: "rules.csv")
        #expect(result.reports("答案 C 没有对应的选项", at: "rules.csv:2"), "\(result.problems)")
        #expect(result.reports("题干为空", at: "rules.csv:4"), "\(result.problems)")
        #expect(result.reports("选项重复", at: "rules.csv:5"), "\(result.problems)")
        #expect(result.problems.count == 3, "\(result.problems)")
    }

    @Test(arguments: [
        ("问答,题,,,,A,解析,依据", "未知题型「问答」"),
        (",题,,,,A,解析,依据", "缺少题型"),
        ("单选,题,甲,乙,,甲,解析,依据", "不是选项字母"),
        ("判断,题,,,,也许,解析,依据", "判断题答案"),
        ("单选,题,甲,乙,,,解析,依据", "缺少答案"),
    ])
    func unreadableCellsAreReportedAtTheirRow(row: String, words: String) {
        let result = CSVFormat.parse(Self.header + "判断,好题,,,,对,解析,依据\n" + row + "\n", file: "cells.csv")
        #expect(result.reports(words, at: "cells.csv:3"), "\(result.problems)")
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let result = CSVFormat.parse(Self.header + "判断,好题,,,,对,解析,依据\n判断,\"没有结束\n的引号,,,,对,解析,依据\n", file: "q.csv")
        #expect(result.reports("引号未闭合", at: "q.csv:3"), "\(result.problems)")
        #expect(Set(result.locations) == ["q.csv:3"], "\(result.problems)")
        let stray = CSVFormat.parse(Self.header + "判断,\"引号\"后有字,,,,对,解析,依据\n", file: "q.csv")
        #expect(stray.reports("引号", at: "q.csv:2"), "\(stray.problems)")
    }

    @Test func gb18030FromExcelImportsLikeUTF8() throws {
        let starter = try #require(try starterBanks().first { $0.file == "minfadian-renge-hunyin-jicheng.yaml" }).bank
        let utf8 = String(CSVFormat.export(starter.exported).unicodeScalars.dropFirst())
        let gb = encoded(utf8, as: "GB18030")
        #expect(gb.count > 1000 && gb != Array(utf8.utf8))
        let fromGB = QuestionFiles.parse(gb, filename: "婚姻.csv")
        let fromUTF8 = QuestionFiles.parse(Array(utf8.utf8), filename: "婚姻.csv")
        #expect(fromGB.bank != nil, "\(fromGB.problems.prefix(3))")
        #expect(fromGB == fromUTF8)
        #expect(fromGB.bank?.questions.map(\.exported) == starter.questions.map(\.exported))
    }

    @Test func utf16WithBOMImportsLikeUTF8() {
        let text = Self.header + "判断,好题,,,,对,解析,依据\n"
        let utf16 = [0xFF, 0xFE] + encoded(text.replacingOccurrences(of: ",", with: "\t"), as: "UTF-16LE")
        #expect(QuestionFiles.parse(utf16, filename: "u.csv") == QuestionFiles.parse(Array(text.utf8), filename: "u.csv"))
    }

    @Test func tabSeparatedTextUnderATitleRowIsRead() throws {
        let text = "题库\n" + Self.header.replacingOccurrences(of: ",", with: "\t") + "判断\t好题, 带逗号\t\t\t\t对\t解析\t依据\n"
        let bank = try #require(CSVFormat.parse(text, file: "t.csv").bank)
        #expect(bank.name == "题库" && bank.questions.first?.content.stem == "好题, 带逗号")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let text = Self.header + "判断,\"引号\"后有字,,,,对,解析,依据\n问答,题,,,,A,解析,依据\n判断,题,,,,也许,解析,依据\n"
        #expect(CSVFormat.parse(text, file: "m.csv").locations == ["m.csv:2", "m.csv:3", "m.csv:4"])
    }

    @Test func textInAnotherEncodingIsRefusedClearly() {
        let japanese = encoded("題型,題干,答案\n単一,これはテスト問題です,A\n", as: "SHIFT_JIS")
        #expect(!japanese.isEmpty)
        let sjis = QuestionFiles.parse(japanese, filename: "sjis.csv")
        #expect(sjis.reports("编码无法识别", at: "sjis.csv:1"), "\(sjis.problems)")
        let noise = Array("题型,题干\n".utf8) + [0x0A, 0x80, 0xFF, 0xFE, 0x81, 0x20, 0xC3]
        #expect(QuestionFiles.parse(noise, filename: "noise.csv").reports("编码无法识别", at: "noise.csv:3"))
    }

    @Test func formulasAreDefusedOnExportAndRestoredOnImport() {
        #expect(CSVFormat.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVFormat.field("'+1") == "''+1" && CSVFormat.unguarded("''+1") == "'+1")
        #expect(CSVFormat.unguarded("'普通") == "'普通" && CSVFormat.field("普通") == "普通")
    }

    @Test func exportStartsWithABOMAndWritesEveryColumn() {
        let text = CSVFormat.export(ExportBank(name: "b", questions: []))
        #expect(Array(text.utf8).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.dropFirst().hasPrefix("编号,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析,法条依据,难度,分类,知识点,适用对象,原文,状态,评分要点,分值\r\n"))
    }
}
