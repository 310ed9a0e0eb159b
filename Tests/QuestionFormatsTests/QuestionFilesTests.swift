import Testing
@testable import QuestionFormats
import Questions

@Suite struct QuestionFilesTests {
    static let names: [QuestionFileFormat: String] = [
        .native: "bank.yaml", .gift: "bank.gift.txt", .moodleXML: "bank.xml", .csv: "bank.csv", .xlsx: "bank.xlsx",
    ]

    @Test(arguments: QuestionFileFormat.allCases)
    func aTwentyMegabyteFileIsRefusedBySize(format: QuestionFileFormat) throws {
        let name = try #require(Self.names[format])
        let huge = [UInt8](repeating: 0x41, count: 20 * 1024 * 1024)
        let result = QuestionFiles.parse(huge, filename: name)
        #expect(result.problems.count == 1)
        #expect(result.reports("文件超过 10 MB", at: "\(name):1"), "\(result.problems)")
    }

    @Test(arguments: [QuestionFileFormat.native, .gift, .moodleXML, .csv])
    func aBinaryFileIsRefusedByEveryTextFormat(format: QuestionFileFormat) throws {
        let name = try #require(Self.names[format])
        let result = QuestionFiles.parse(pngBytes, filename: name)
        #expect(result.problems.count == 1)
        #expect(result.reports("二进制", at: "\(name):1"), "\(result.problems)")
    }

    @Test func aPictureIsNotAWorkbook() {
        #expect(QuestionFiles.parse(pngBytes, filename: "photo.xlsx").reports("不是 xlsx 文件", at: "photo.xlsx:1"))
    }

    @Test func giftSavedByChineseWindowsImportsLikeUTF8() throws {
        let text = """
            // @basis: 《中华人民共和国行政处罚法》第七条
            ::t1::当事人有权进行陈述和申辩。{T####第七条规定公民、法人或者其他组织对行政机关所给予的行政处罚，享有陈述权、申辩权。}

            // @basis: 《中华人民共和国行政处罚法》第十条
            ::t2::限制人身自由的行政处罚可以由地方性法规设定。{F####限制人身自由的行政处罚，只能由法律设定。}

            """
        let utf8 = QuestionFiles.parse(Array(text.utf8), filename: "u.gift.txt")
        let gb = QuestionFiles.parse(encoded(text, as: "GB18030"), filename: "u.gift.txt")
        #expect(try utf8.get().questions.map(\.content) == gb.get().questions.map(\.content))
    }

    @Test func formatsAreDetectedByNameThenContent() {
        #expect(QuestionFileFormat.detect(filename: "题库.GIFT.txt", bytes: []) == .gift)
        #expect(QuestionFileFormat.detect(filename: "upload", bytes: Array("<?xml version=\"1.0\"?><quiz/>".utf8)) == .moodleXML)
        #expect(QuestionFileFormat.detect(filename: "upload", bytes: [0x50, 0x4B, 0x03, 0x04]) == .xlsx)
        #expect(QuestionFiles.parse(Array("随便".utf8), filename: "notes.doc").reports("无法识别文件格式", at: "notes.doc:1"))
    }

    @Test func bankNamesComeFromFileNamesWithoutExtensions() {
        #expect(TextDecoding.bankName(fromFile: "uploads/刑法.gift.txt") == "刑法")
        #expect(TextDecoding.bankName(fromFile: "民法典.XLSX") == "民法典")
        #expect(TextDecoding.bankName(fromFile: "2024.1 普法题库.csv") == "2024.1 普法题库")
    }

    @Test(arguments: QuestionFileFormat.allCases)
    func anExportedEmptyBankParses(format: QuestionFileFormat) throws {
        let bytes = try QuestionFiles.export(ExportBank(name: "空题库", questions: []), as: format)
        let result = QuestionFiles.parse(bytes, filename: "empty.\(format.fileExtension)", format: format)
        #expect(result.bank?.questions.isEmpty == true, "\(result.problems)")
    }
}
