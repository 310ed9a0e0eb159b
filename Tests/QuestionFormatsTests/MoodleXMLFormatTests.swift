import Testing
@testable import QuestionFormats
import Questions

@Suite struct MoodleXMLFormatTests {
    /// Shaped like a file exported by Moodle 4: HTML in CDATA, entities, a category with info, tags.
    static let moodleExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
        <!-- question: 0  -->
          <question type="category">
            <category><text>$course$/top/行政复议法/复议范围</text></category>
            <info format="html"><text><![CDATA[<p>行政复议法题目</p>]]></text></info>
          </question>
          <question type="multichoice">
            <name><text>复议机关</text></name>
            <questiontext format="html">
              <text><![CDATA[<p>对县级以上地方各级人民政府工作部门的行政行为不服的，<br>向谁申请行政复议？</p>]]></text>
            </questiontext>
            <generalfeedback format="html"><text>&lt;p&gt;第二十四条 &amp;amp; 第二十五条&lt;/p&gt;</text></generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <idnumber>fy-001</idnumber>
            <single>true</single>
            <answer fraction="0" format="html"><text><![CDATA[<p>上一级主管部门</p>]]></text></answer>
            <answer fraction="100" format="html"><text><![CDATA[<p>本级人民政府</p>]]></text></answer>
            <tags><tag><text>复议机关</text></tag></tags>
          </question>
          <question type="multichoice">
            <name><text>多选</text></name>
            <questiontext format="plain_text"><text>下列属于行政复议范围的有？</text></questiontext>
            <single>false</single>
            <answer fraction="50"><text>罚款</text></answer>
            <answer fraction="-50"><text>内部人事处理</text></answer>
            <answer fraction="50"><text>吊销许可证</text></answer>
          </question>
          <question type="truefalse">
            <questiontext format="moodle_auto_format"><text>行政复议期间行政行为一般不停止执行。</text></questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
          <question type="shortanswer">
            <questiontext format="html"><text>申请人应当自知道行政行为之日起多少日内申请复议？</text></questiontext>
            <answer fraction="100"><text>六十</text></answer>
            <answer fraction="100"><text>60</text></answer>
            <answer fraction="0"><text>三十</text></answer>
          </question>
          <question type="multianswer">
            <questiontext format="html"><text><![CDATA[复议期限为{1:SHORTANSWER:=六十日~%100%60日#对}，延长不超过{1:SA:=三十日~=30日}。]]></text></questiontext>
          </question>
          <question type="essay">
            <questiontext format="html"><text>请分析本案。</text></questiontext>
            <defaultgrade>10</defaultgrade>
            <graderinfo format="html"><text><![CDATA[<p>应当受理。</p>]]></text></graderinfo>
          </question>
        </quiz>
        """

    @Test func readsAMoodleExport() throws {
        let result = MoodleXMLFormat.parse(Array(Self.moodleExport.utf8), file: "moodle.xml")
        let bank = try #require(result.bank, "\(result.problems)")
        #expect(bank.name == "行政复议法" && bank.description == "行政复议法题目")
        let q = bank.questions
        try #require(q.count == 6)
        #expect(q[0].externalId == "fy-001" && q[0].content.category == "行政复议法/复议范围")
        #expect(q[0].content.stem == "对县级以上地方各级人民政府工作部门的行政行为不服的，\n向谁申请行政复议？")
        #expect(q[0].content.options == ["上一级主管部门", "本级人民政府"] && q[0].content.key == .choice([1]))
        #expect(q[0].content.explanation == "第二十四条 & 第二十五条" && q[0].content.topics == ["复议机关"])
        #expect(q[1].content.type == .multiple && q[1].content.key == .choice([0, 2]) && q[1].externalId == nil)
        #expect(q[2].content.key == .judge(true))
        #expect(q[3].content.stem == "申请人应当自知道行政行为之日起多少日内申请复议？____" && q[3].content.key == .blanks([["六十", "60"]]))
        #expect(q[4].content.stem == "复议期限为____，延长不超过____。")
        #expect(q[4].content.key == .blanks([["六十日", "60日"], ["三十日", "30日"]]))
        #expect(q[5].content.type == .essay && q[5].content.key == .reference("应当受理。") && q[5].content.points == 10)
        #expect(q.map(\.location.line) == [8, 21, 29, 34, 40, 43])
    }

    @Test(arguments: [
        ("<quiz>\n<question type=\"truefalse\">\n<questiontext><text>a</questiontext>\n</question>\n</quiz>", "不匹配", "bad.xml:3"),
        ("<quiz>\n<question type=\"essay\">\n<questiontext><text>A & B</text></questiontext>", "not well-formed", "bad.xml:3"),
        ("<quiz>\n<question type=\"essay\">\n<questiontext><text>截断", "not well-formed", "bad.xml:3"),
        ("<?xml version=\"1.0\"?>\n<questions>\n</questions>", "<quiz>", "bad.xml:2"),
        ("<quiz>\n\n<question type=\"matching\">\n</question>\n</quiz>", "不支持的题型 matching", "bad.xml:3"),
        ("<quiz>\n<question>\n</question>\n</quiz>", "type", "bad.xml:2"),
        ("<quiz>\n<question type=\"multichoice\">\n<answer fraction=\"0\"><text>甲</text></answer>\n</question>\n</quiz>",
         "没有正确答案", "bad.xml:2"),
        ("<quiz>\n<question type=\"multichoice\">\n<answer fraction=\"全部\"><text>甲</text></answer>\n</question>\n</quiz>",
         "不是数字", "bad.xml:3"),
        ("<quiz>\n<question type=\"essay\">\n<tags><tag><text>pufa-colour:red</text></tag>\n</tags></question>\n</quiz>",
         "未知标签", "bad.xml:3"),
        ("<quiz>\n<question type=\"multianswer\">\n<questiontext><text>{1:NUMERICAL:=5}</text></questiontext>\n</question></quiz>",
         "Cloze", "bad.xml:2"),
        ("", "没有 XML 元素", "bad.xml:1"),
    ])
    func malformedMoodleXMLIsReportedAtItsLine(text: String, words: String, location: String) {
        let result = MoodleXMLFormat.parse(Array(text.utf8), file: "bad.xml")
        #expect(result.reports(words, at: location), "\(result.problems)")
    }

    @Test func semanticProblemsAreReportedAtTheQuestionLine() {
        func question(_ stem: String, _ options: [String]) -> String {
            "<question type=\"multichoice\"><questiontext><text>\(stem)</text></questiontext>\n"
                + "<generalfeedback><text>解析</text></generalfeedback>\n"
                + "<tags><tag><text>pufa-basis:依据</text></tag></tags>\n"
                + options.enumerated().map { "<answer fraction=\"\($0.offset == 0 ? 100 : 0)\"><text>\($0.element)</text></answer>" }.joined()
                + "</question>\n"
        }
        let text = "<quiz>\n" + question("好题", ["甲", "乙"]) + question("重复", ["甲", " 甲 "]) + question("", ["甲", "乙"]) + "</quiz>"
        let result = QuestionFiles.parse(Array(text.utf8), filename: "rules.xml")
        #expect(result.reports("选项重复", at: "rules.xml:6"), "\(result.problems)")
        #expect(result.reports("题干为空", at: "rules.xml:10"), "\(result.problems)")
        #expect(result.problems.count == 2, "\(result.problems)")
    }

    @Test func theEncodingInTheDeclarationIsHonoured() {
        let utf8 = Self.moodleExport
        let gb = encoded(utf8.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\""), as: "GB18030")
        #expect(MoodleXMLFormat.parse(gb, file: "gb.xml") == MoodleXMLFormat.parse(Array(utf8.utf8), file: "gb.xml"))
    }

    @Test func binaryFileIsRefused() {
        #expect(MoodleXMLFormat.parse(pngBytes, file: "image.xml").reports("二进制", at: "image.xml:1"))
    }

    @Test func htmlIsReducedToPlainText() {
        #expect(MoodleHTML.plainText("<p>a &amp; b</p>\n  <p>c<br/>d &#20013;&#x6587; &lt;x&gt;</p>") == "a & b\nc\nd 中文 <x>")
        #expect(MoodleHTML.plainText("AT&T &unknown; 5 &lt 6") == "AT&T &unknown; 5 &lt 6")
    }

    @Test func exportWritesPlainTextThatXMLCannotMisread() {
        #expect(MoodleHTML.escapeXML("a<b>&\"c\"\r\u{1}") == "a&lt;b&gt;&amp;&quot;c&quot;&#13;")
        #expect(MoodleCloze.embed("前____中______后", [["a}b", "c/d"], ["e"]]) == "前{1:SHORTANSWER:%100%a\\}b~%100%c\\/d}中{1:SHORTANSWER:%100%e}后")
    }
}
