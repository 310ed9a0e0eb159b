import Testing
@testable import QuestionFormats
import Questions

@Suite struct GiftFormatTests {
    /// Examples from https://docs.moodle.org/en/GIFT_format, as Moodle users write them.
    static let moodleExamples = """
        // true/false
        ::Q1:: 1+1=2 {T}

        // multiple choice with specified feedback for right and wrong answers
        ::Q2:: What's between orange and green in the spectrum?
        { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

        // fill-in-the-blank
        ::Q3:: Two plus {=two =2} equals four.

        // essay
        ::Q5:: How are you? {}

        // multiple answers, with general feedback
        What two people are entombed in Grant's tomb? {
           ~%-100%No one
           ~%50%Grant
           ~%50%Grant's wife
           ~%-100%Grant's father
           ####Grant and his wife.
        }

        ::Colon\\: escaped:: [html]The <b>capital</b> of France is {=Paris ~London}.

        Moodle costs {~lots of money =nothing ~a small amount} to download.
        """

    @Test func readsMoodleDocumentationExamples() throws {
        let bank = try #require(GiftFormat.parse(Self.moodleExamples, file: "docs.gift.txt").bank)
        let q = bank.questions.map(\.content)
        try #require(q.count == 7)
        #expect(bank.name == "docs")
        #expect(q[0].type == .judge && q[0].key == .judge(true) && q[0].stem == "1+1=2")
        #expect(q[1].type == .single && q[1].options == ["yellow", "red", "blue"] && q[1].key == .choice([0]))
        #expect(q[2].type == .blank && q[2].stem == "Two plus ____ equals four." && q[2].key == .blanks([["two", "2"]]))
        #expect(q[3].type == .essay && q[3].stem == "How are you?")
        #expect(q[4].type == .multiple && q[4].key == .choice([1, 2]) && q[4].explanation == "Grant and his wife.")
        #expect(q[5].stem == "The capital of France is ____." && q[5].key == .choice([0]))
        #expect(q[6].stem == "Moodle costs ____ to download." && q[6].key == .choice([1]))
        #expect(bank.questions.map(\.location.line) == [2, 5, 9, 12, 15, 23, 25])
    }

    static let pufa = """
        // @bank: 行政处罚法

        $CATEGORY: $course$/top/行政处罚法/行政处罚的种类

        // @id: xzcf-001
        // @basis: 《中华人民共和国行政处罚法》第九条
        // @topic: 行政处罚种类
        // @topic: 政务处分
        // @difficulty: 2
        // @audiences: civil_servant, enforcer
        ::xzcf-001::下列哪一项不属于行政处罚的种类？{
        \t~警告、通报批评
        \t~罚款
        \t=记过
        \t####记过是政务处分，不是行政处罚。
        }

        // @id: xzcf-002
        // @status: draft
        // @basis: 《中华人民共和国行政处罚法》第六十四条
        // @blank-1: 五日
        // @blank-1: 5日
        // @blank-2: 三日
        // @blank-2: 3日
        ::xzcf-002::当事人要求听证的，应当在告知后____内提出；行政机关应当在举行听证的七日前通知，听证结束____内……{
        \t####第六十四条。
        }
        """

    @Test func readsPufaFieldsFromComments() throws {
        let result = QuestionFiles.parse(Array(Self.pufa.utf8), filename: "xzcf.gift.txt")
        let bank = try #require(result.bank, "\(result.problems)")
        #expect(bank.name == "行政处罚法")
        let first = bank.questions[0]
        #expect(first.externalId == "xzcf-001" && first.location.line == 11)
        #expect(first.content.category == "行政处罚法/行政处罚的种类")
        #expect(first.content.topics == ["行政处罚种类", "政务处分"] && first.content.audiences == ["civil_servant", "enforcer"])
        #expect(first.content.key == .choice([2]) && first.content.explanation == "记过是政务处分，不是行政处罚。")
        let second = bank.questions[1]
        #expect(second.status == .draft && second.content.type == .blank)
        #expect(second.content.key == .blanks([["五日", "5日"], ["三日", "3日"]]))
    }

    @Test(arguments: [
        ("::t::题干{=甲 ~乙\n\n::u::下一题{T}", "没有结束的 }", "bad.gift:1"),
        ("::t::题干\n=甲 ~乙}", "多余的 }", "bad.gift:2"),
        ("::t::题干{=甲 {~乙}", "应写作 \\{", "bad.gift:1"),
        ("::t::题干{=甲}{=乙}", "只能有一个答案块", "bad.gift:1"),
        ("// 注释\n::t::题干\\q{T}", "无效的转义 \\q", "bad.gift:2"),
        ("::t::题干{T}\n\n::u::结尾反斜杠\\", "没有转义任何字符", "bad.gift:3"),
        ("::t::\n题干{\n~甲\n~乙\n}", "没有正确答案", "bad.gift:2"),
        ("::t::题干{#5:1}", "数值题", "bad.gift:1"),
        ("::t::题干{=a -> 1 =b -> 2 =c -> 3}", "匹配题", "bad.gift:1"),
        ("::t::题干{~%abc%甲 ~乙}", "权重", "bad.gift:1"),
        ("::t::只有说明，没有答案块", "没有答案块", "bad.gift:1"),
        ("::t::题干 {maybe}", "无法识别的答案块", "bad.gift:1"),
        ("::未结束的标题 题干{T}", "标题", "bad.gift:1"),
        ("// @difficulty: 难\n::t::题干{T}", "@difficulty 应为整数", "bad.gift:1"),
        ("// @colour: red\n::t::题干{T}", "未知字段 @colour", "bad.gift:1"),
        ("// @status: gone\n::t::题干{T}", "未知状态", "bad.gift:1"),
        ("// @basis: 一\n// @basis: 二\n::t::题干{T}", "@basis 重复", "bad.gift:2"),
        ("// @answer: 参考\n::t::题干{T}", "@answer", "bad.gift:1"),
        ("// @basis: 孤立的字段", "没有题目", "bad.gift:1"),
    ])
    func malformedGiftIsReportedAtItsLine(text: String, words: String, location: String) {
        let result = GiftFormat.parse(text, file: "bad.gift")
        #expect(result.reports(words, at: location), "\(result.problems)")
    }

    @Test func everyMalformedQuestionIsReportedNotJustTheFirst() {
        let text = "::a::一{=甲 ~乙\n\n::b::二\\q{T}\n\n::c::三{~甲 ~乙}\n\n::d::四{T}"
        #expect(GiftFormat.parse(text, file: "x.gift").locations == ["x.gift:1", "x.gift:3", "x.gift:5"])
    }

    @Test func semanticProblemsAreReportedAtTheQuestionLine() {
        let fields = "// @basis: 《中华人民共和国行政处罚法》第九条\n"
        let text = fields + "::ok::好题{=甲 ~乙\n####解析}\n\n"
            + fields + "::dup::重复的选项{=甲 ~甲\n####解析}\n\n"
            + fields + "::empty::{=甲 ~乙\n####解析}\n\n"
            + fields + "::single::两个等号的单选{=甲 =乙 ~丙\n####解析}\n"
        let result = QuestionFiles.parse(Array(text.utf8), filename: "rules.gift.txt")
        #expect(result.reports("选项重复", at: "rules.gift.txt:6"), "\(result.problems)")
        #expect(result.reports("题干为空", at: "rules.gift.txt:10"), "\(result.problems)")
        #expect(result.reports("单选题只能有一个答案", at: "rules.gift.txt:14"), "\(result.problems)")
        #expect(result.problems.count == 3, "\(result.problems)")
    }

    @Test func multipleChoiceExportsMoodleWeightsThatSumToOneHundred() {
        let q = ExportQuestion(externalId: "m", content: QuestionContent(
            type: .multiple, stem: "选出三项", options: ["甲", "乙", "丙", "丁"], key: .choice([0, 1, 3]),
            explanation: "解析", basis: "依据"))
        let text = GiftFormat.export(ExportBank(name: "b", questions: [q]))
        #expect(text.contains("~%33.33333%甲") && text.contains("~%-100%丙"))
        #expect(GiftFormat.weight(100.0 / 6) == "16.66667" && GiftFormat.weight(50) == "50")
    }

    @Test func specialCharactersAreEscapedOnExport() {
        #expect(GiftFormat.escape("a=b~c#d{e}f:g\\h\ni") == "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\h\\ni")
        #expect(GiftFormat.value("路径\\n\n下一行") == "路径\\\\n\\n下一行")
    }
}
