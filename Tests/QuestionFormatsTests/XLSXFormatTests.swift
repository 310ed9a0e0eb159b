import Foundation
import Testing
@testable import QuestionFormats
import Questions

@Suite struct XLSXFormatTests {
    /// A workbook as other programs write it: the sheet at a non-default path, a namespace prefix, shared strings
    /// with rich text and a phonetic guide, inline strings, numbers, a boolean, skipped rows and columns.
    static func handMadeWorkbook(sheetXML: String? = nil) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="题目" sheetId="1" r:id="rId3"/><sheet name="说明" sheetId="2" r:id="rId4"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId4" Target="worksheets/notes.xml"/><Relationship Id="rId3" Target="/xl/worksheets/data.xml"/>\
            </Relationships>
            """)
        zip.add("xl/sharedStrings.xml", """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <si><t>题型</t></si><si><t xml:space="preserve"> 题干 </t></si><si><t>答案</t></si><si><t>解析</t></si>\
            <si><t>法条依据</t></si><si><t>单选</t></si>\
            <si><r><rPr><b/></rPr><t>下列</t></r><r><t>哪一项_x005F_x0041_是</t></r><rPh sb="0" eb="1"><t>かな</t></rPh><r><t>罚款？</t></r></si>\
            <si><t>判断</t></si></sst>
            """)
        zip.add("xl/worksheets/data.xml", sheetXML ?? """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>\
            <x:c r="C1" t="inlineStr"><x:is><x:t>选项A</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>选项B</x:t></x:is></x:c>\
            <x:c r="E1" t="s"><x:v>2</x:v></x:c><x:c r="F1" t="s"><x:v>3</x:v></x:c><x:c r="G1" t="s"><x:v>4</x:v></x:c>\
            <x:c r="H1" t="inlineStr"><x:is><x:t>难度</x:t></x:is></x:c></x:row>
            <x:row r="2"><x:c r="A2" t="s"><x:v>5</x:v></x:c><x:c r="B2" t="s"><x:v>6</x:v></x:c>\
            <x:c r="C2" t="inlineStr"><x:is><x:t>罚款</x:t></x:is></x:c><x:c r="D2" t="str"><x:f>"警"&amp;"告"</x:f><x:v>警告</x:v></x:c>\
            <x:c r="E2" t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c><x:c r="F2" t="inlineStr"><x:is><x:t>解析</x:t></x:is></x:c>\
            <x:c r="G2" t="inlineStr"><x:is><x:t>依据</x:t></x:is></x:c><x:c r="H2"><x:v>3.0</x:v></x:c></x:row>
            <x:row r="4"><x:c r="A4" t="s"><x:v>7</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>罚款是行政处罚。</x:t></x:is></x:c>\
            <x:c r="E4" t="b"><x:v>1</x:v></x:c><x:c r="F4" t="inlineStr"><x:is><x:t>第九条。</x:t></x:is></x:c>\
            <x:c r="G4" t="inlineStr"><x:is><x:t>依据</x:t></x:is></x:c></x:row>
            </x:sheetData></x:worksheet>
            """)
        return zip
    }

    @Test func readsAWorkbookWrittenByAnotherProgram() throws {
        let result = QuestionFiles.parse(Self.handMadeWorkbook().bytes, filename: "book.xlsx")
        let bank = try #require(result.bank, "\(result.problems)")
        #expect(bank.name == "book")
        try #require(bank.questions.count == 2)
        let first = bank.questions[0].content
        #expect(first.stem == "下列哪一项_x0041_是罚款？" && first.options == ["罚款", "警告"] && first.key == .choice([0]))
        #expect(first.difficulty == 3)
        #expect(bank.questions[1].content.key == .judge(true))
        #expect(bank.questions.map(\.location.description) == ["book.xlsx:题目!2", "book.xlsx:题目!4"])
    }

    @Test func semanticProblemsPointAtTheSheetRow() throws {
        func q(_ stem: String, _ options: [String], _ key: [Int]) -> ExportQuestion {
            ExportQuestion(externalId: nil, content: QuestionContent(type: .single, stem: stem, options: options,
                                                                     key: .choice(key), explanation: "解析", basis: "依据"))
        }
        let bank = ExportBank(name: "测试", questions: [q("好题", ["甲", "乙"], [0]), q("缺选项", ["甲", "乙"], [3]),
                                                      q("", ["甲", "乙"], [0]), q("重复", ["甲", "甲"], [1])])
        let result = QuestionFiles.parse(try XLSXFormat.export(bank), filename: "bad.xlsx")
        #expect(result.reports("答案 D 没有对应的选项", at: "bad.xlsx:测试!3"), "\(result.problems)")
        #expect(result.reports("题干为空", at: "bad.xlsx:测试!4"), "\(result.problems)")
        #expect(result.reports("选项重复", at: "bad.xlsx:测试!5"), "\(result.problems)")
        #expect(result.problems.count == 3, "\(result.problems)")
    }

    @Test func missingColumnsAreReportedAtTheHeaderRow() {
        let sheet = """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>题干</t></is></c></row></sheetData></worksheet>
            """
        let result = XLSXFormat.parse(Self.handMadeWorkbook(sheetXML: sheet).bytes, file: "cols.xlsx")
        #expect(result.reports("缺少必需的列：题型、答案、解析、法条依据", at: "cols.xlsx:题目!1"), "\(result.problems)")
    }

    @Test func aCellPointingAtAMissingSharedStringIsReportedAtItsRow() {
        let sheet = "<worksheet><sheetData>\n<row r=\"7\"><c r=\"A7\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>"
        let result = XLSXFormat.parse(Self.handMadeWorkbook(sheetXML: sheet).bytes, file: "s.xlsx")
        #expect(result.reports("共享字符串", at: "s.xlsx:题目!7"), "\(result.problems)")
    }

    @Test(arguments: [
        ("png", "不是 xlsx 文件"), ("zip of text", "不是 Excel 工作簿"), ("truncated", "不是 xlsx 文件"),
        ("bad CRC", "已损坏"), ("xls", ".xls"), ("broken sheet XML", "not well-formed"), ("empty", "不是 xlsx 文件"),
    ])
    func filesThatAreNotWorkbooksAreRefusedClearly(kind: String, words: String) throws {
        var bytes: [UInt8]
        switch kind {
        case "png": bytes = pngBytes
        case "zip of text":
            var zip = ZipBuilder()
            zip.add("readme.txt", "这不是工作簿")
            bytes = zip.bytes
        case "truncated": bytes = Array(try XLSXFormat.export(ExportBank(name: "b", questions: [])).prefix(2000))
        case "bad CRC":
            bytes = Self.handMadeWorkbook().bytes
            let at = try #require(bytes.firstRange(of: Array("罚款是行政处罚".utf8))).lowerBound
            bytes[at] ^= 0x01
        case "xls": bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        case "broken sheet XML": bytes = Self.handMadeWorkbook(sheetXML: "<worksheet><sheetData><row></worksheet>").bytes
        default: bytes = []
        }
        let result = XLSXFormat.parse(bytes, file: "f.xlsx")
        #expect(result.reports(words, at: "f.xlsx:1"), "\(result.problems)")
    }

    @Test func exportHasABoldFrozenHeaderAndWideColumns() throws {
        let q = ExportQuestion(externalId: "x", content: QuestionContent(type: .judge, stem: "题", key: .judge(true),
                                                                         explanation: "解析", basis: "依据", difficulty: 3))
        let bytes = try XLSXFormat.export(ExportBank(name: "刑法: 总则/分则?", questions: [q]))
        let workbook = String(decoding: try #require(XLSXFormat.part(bytes, "xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains("name=\"刑法 总则分则\""))
        let sheet = String(decoding: try #require(XLSXFormat.part(bytes, "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""))
        #expect(sheet.contains("width=\"50.7109375\"") && sheet.contains("<c r=\"M2\" s=\"2\"><v>3</v></c>"))
        let styles = String(decoding: try #require(XLSXFormat.part(bytes, "xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains("<b/>") && styles.contains("wrapText=\"1\""))
    }

    @Test func textThatLooksLikeExcelsEscapesSurvives() throws {
        let stem = "字面的 _x0041_ 与 _x00_ 和 _X0041_"
        let q = ExportQuestion(externalId: "e", content: QuestionContent(type: .judge, stem: stem, key: .judge(false),
                                                                         explanation: "解析", basis: "依据"))
        let bank = XLSXFormat.parse(try XLSXFormat.export(ExportBank(name: "b", questions: [q])), file: "e.xlsx").bank
        #expect(bank?.questions.first?.content.stem == stem)
        #expect(XLSXFormat.excelEscaped("_x0041_") == "_x005F_x0041_" && XLSXFormat.excelUnescaped("_x005F_x0041_") == "_x0041_")
    }

    @Test func aCellLongerThanExcelAllowsIsAnExportError() {
        let long = String(repeating: "长", count: 40_000)
        let q = ExportQuestion(externalId: "x", content: QuestionContent(type: .judge, stem: "题", key: .judge(true),
                                                                         explanation: long, basis: "依据"))
        #expect(throws: XLSXExportError.self) { try XLSXFormat.export(ExportBank(name: "b", questions: [q])) }
    }
}
