import Content
import Foundation
import Markdown
import QuestionFormats
import Questions
import Testing

@Suite struct MarkdownTests {
    @Test func tablesListsAndHeadingsRenderAndRawHTMLNeverPasses() {
        let html = Markdown.html("""
            ## 法定继承

            | 顺序 | 继承人 |
            |---|---|
            | 第一顺序 | 配偶、子女、父母 |

            - ~~旧说法~~
            <script>alert(1)</script>
            <img src=x onerror=alert(1)>
            """)
        #expect(html.contains("<h2>法定继承</h2>") && html.contains("<table>") && html.contains("<del>旧说法</del>"))
        #expect(!html.contains("<script") && !html.contains("onerror"), "\(html)")
    }

    @Test func onlySafeLinksKeepTheirAddress() {
        let html = Markdown.html("[站内](/read#/a) [外部](https://www.npc.gov.cn) [脚本](javascript:alert(1)) [数据](data:text/html,x) [邮件](mailto:a@b.cn)")
        #expect(html.contains("<a href=\"/read#/a\">站内</a>"))
        #expect(html.contains("href=\"https://www.npc.gov.cn\" rel=\"nofollow noopener noreferrer\" target=\"_blank\""))
        #expect(!html.contains("javascript:") && !html.contains("data:text"))
        #expect(html.contains("<a href=\"mailto:a@b.cn\">"))
    }
}

@Suite struct ContentFileTests {
    static let good = """
        ---
        id: jicheng-fading
        title: 没有遗嘱时，遗产由谁继承？
        summary: 法定继承人的范围和顺序。
        topics: [民法典·继承编, 法定继承]
        audiences: [resident, village_expert]
        regions: []
        basis:
          - 《中华人民共和国民法典》第一千一百二十七条
        publish: 2026-01-15
        questions: [mfd-rhj-027]
        ---
        ## 以案释法

        老赵去世时没有留遗嘱……
        """

    @Test func aFileReadsIntoItsMetaAndBody() throws {
        let piece = try ContentFile.parse(Self.good, file: "Content/jicheng-fading.md").get()
        #expect(piece.meta.slug == "jicheng-fading" && piece.meta.audiences == ["resident", "village_expert"])
        #expect(piece.meta.publish == "2026-01-15" && piece.meta.expire == nil && piece.meta.questions == ["mfd-rhj-027"])
        #expect(piece.body.contains("老赵") && !piece.body.contains("---"))
        #expect(piece.meta.isLive(on: "2026-01-15") && !piece.meta.isLive(on: "2026-01-14"))
    }

    @Test func everyProblemIsReportedAtItsLine() {
        let bad = Self.good.replacingOccurrences(of: "audiences: [resident, village_expert]", with: "audiences: [resident, martian]")
            .replacingOccurrences(of: "publish: 2026-01-15", with: "publish: 15/01/2026\ncolour: red")
        guard case .failure(let problems) = ContentFile.parse(bad, file: "Content/jicheng-fading.md") else {
            Issue.record("should fail")
            return
        }
        let lines = Set(problems.map(\.location.line))
        #expect(lines.contains(6), "the unknown audience: \(problems)")
        #expect(lines.contains(10), "the bad date")
        #expect(lines.contains(11), "the unknown field")
        #expect(problems.allSatisfy { $0.location.description.hasPrefix("Content/jicheng-fading.md:") })
    }

    @Test func theFileNameMustMatchTheIdAndFrontMatterIsRequired() {
        guard case .failure(let wrongName) = ContentFile.parse(Self.good, file: "Content/other.md") else { Issue.record("should fail"); return }
        #expect(wrongName.contains { $0.reason.contains("文件名") })
        guard case .failure(let none) = ContentFile.parse("# 只有正文", file: "Content/x.md") else { Issue.record("should fail"); return }
        #expect(none.first?.location.line == 1)
    }

    @Test func theStarterMaterialIsValid() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "FORMAT.md" }
        #expect(files.count >= 40)
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if case .failure(let problems) = ContentFile.parse(text, file: name) { Issue.record("\(problems)") }
        }
    }
}
