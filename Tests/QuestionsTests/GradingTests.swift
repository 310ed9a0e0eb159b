import Questions
import Testing

@Suite struct GradingTests {
    let single = QuestionContent(type: .single, stem: "s", options: ["a", "b", "c", "d"], key: .choice([1]), explanation: "e", basis: "b")
    let multiple = QuestionContent(type: .multiple, stem: "m", options: ["a", "b", "c", "d"], key: .choice([0, 2, 3]), explanation: "e", basis: "b")
    let judge = QuestionContent(type: .judge, stem: "j", key: .judge(false), explanation: "e", basis: "b")
    let blank = QuestionContent(type: .blank, stem: "申请期限为____，自____起算。", key: .blanks([["十五日", "15日"], ["收到通知之日"]]),
                                explanation: "e", basis: "b")
    let essay = QuestionContent(type: .essay, stem: "c", key: .reference("参考答案"), explanation: "e", basis: "b", points: 10)

    @Test func singleChoiceIsRightOrWrong() {
        #expect(single.grade(.choice([1])) == Grade(fraction: 1, state: .correct))
        #expect(single.grade(.choice([2])) == Grade(fraction: 0, state: .incorrect))
        #expect(single.grade(.choice([])) == .unanswered)
        #expect(single.grade(nil) == .unanswered)
    }

    @Test func multipleChoiceAllOrNothingNeedsExactlyTheKey() {
        #expect(multiple.grade(.choice([3, 0, 2])).state == .correct)
        #expect(multiple.grade(.choice([0, 2])) == Grade(fraction: 0, state: .incorrect))
        #expect(multiple.grade(.choice([0, 1, 2, 3])) == Grade(fraction: 0, state: .incorrect))
    }

    @Test func multipleChoicePartialCreditRewardsMissingButNotWrongOptions() {
        #expect(multiple.grade(.choice([0, 2]), scoring: .partial) == Grade(fraction: 2.0 / 3.0, state: .partial))
        #expect(multiple.grade(.choice([0, 1]), scoring: .partial) == Grade(fraction: 0, state: .incorrect), "错选不得分")
        #expect(multiple.grade(.choice([0, 2, 3]), scoring: .partial).state == .correct)
    }

    @Test func judgeCompares() {
        #expect(judge.grade(.judge(false)).state == .correct)
        #expect(judge.grade(.judge(true)).state == .incorrect)
    }

    @Test func anEmptyChoiceIsNoAnswerForEveryTypeAnsweredByChoosing() {
        #expect(judge.grade(.choice([])) == .unanswered, "a judgement taken back")
        #expect(single.grade(.choice([])) == .unanswered && multiple.grade(.choice([]), scoring: .partial) == .unanswered)
        #expect(!QuestionResponse.choice([]).holdsAnswer && !QuestionResponse.blanks([" ", ""]).holdsAnswer
                && !QuestionResponse.text("  ").holdsAnswer)
        #expect(QuestionResponse.judge(false).holdsAnswer && QuestionResponse.choice([0]).holdsAnswer
                && QuestionResponse.blanks(["", "x"]).holdsAnswer)
    }

    @Test func blanksAcceptVariantsAndIgnoreWidthSpacesAndPunctuation() {
        #expect(blank.grade(.blanks(["１５日", " 收到通知之日。"])).state == .correct)
        #expect(blank.grade(.blanks(["15 日", "收到 通知之日"])).state == .correct)
        #expect(blank.grade(.blanks(["十五日", "作出决定之日"])) == Grade(fraction: 0.5, state: .partial))
        #expect(blank.grade(.blanks(["十日"])) == Grade(fraction: 0, state: .incorrect))
        #expect(blank.grade(.blanks(["", "  "])) == .unanswered)
    }

    @Test func caseAnswersWaitForAMarker() {
        #expect(essay.grade(.text("我的分析……")) == Grade(fraction: nil, state: .needsMarking))
        #expect(essay.grade(.text("   ")) == .unanswered)
    }

    @Test func aResponseOfTheWrongShapeEarnsNothingInsteadOfFailing() {
        #expect(single.grade(.judge(true)) == Grade(fraction: 0, state: .incorrect))
        #expect(judge.grade(.choice([0])) == Grade(fraction: 0, state: .incorrect))
    }

    @Test func gradingIsReproducible() {
        let responses: [QuestionResponse] = [.choice([0, 2]), .choice([1]), .blanks(["15日", "x"]), .judge(true)]
        for q in [single, multiple, blank, judge] {
            for r in responses {
                #expect(q.grade(r, scoring: .partial) == q.grade(r, scoring: .partial))
            }
        }
    }
}

@Suite struct QuestionRulesTests {
    func valid() -> QuestionContent {
        QuestionContent(type: .single, stem: "题干", options: ["甲", "乙"], key: .choice([0]), explanation: "解析", basis: "《某法》第一条")
    }

    @Test func aWellFormedQuestionHasNoProblems() {
        #expect(QuestionRules.problems(in: valid()).isEmpty)
    }

    static func broken(_ name: String) -> QuestionContent {
        var q = QuestionContent(type: .single, stem: "题干", options: ["甲", "乙"], key: .choice([0]), explanation: "解析",
                                basis: "《某法》第一条")
        switch name {
        case "empty stem": q.stem = "  "
        case "key beyond options": q.key = .choice([4])
        case "duplicate options": q.options = ["甲", "甲 "]
        case "one option": q.options = ["甲"]
        case "two keys for single": q.key = .choice([0, 1])
        case "no explanation": q.explanation = ""
        case "no basis": q.basis = ""
        case "difficulty 6": q.difficulty = 6
        case "unknown audience": q.audiences = ["martians"]
        default: q.key = .judge(true)
        }
        return q
    }

    @Test(arguments: [("empty stem", "题干为空"), ("key beyond options", "没有对应的选项"), ("duplicate options", "选项重复"),
                      ("one option", "2–8"), ("two keys for single", "只能有一个答案"), ("no explanation", "缺少解析"),
                      ("no basis", "缺少法条依据"), ("difficulty 6", "难度"), ("unknown audience", "未知的适用对象"),
                      ("wrong key shape", "答案形式")])
    func problemsAreNamed(_ name: String, _ expected: String) {
        let problems = QuestionRules.problems(in: Self.broken(name))
        #expect(problems.contains { $0.contains(expected) }, "\(name): \(problems)")
    }

    @Test func blanksMustMatchTheMarkersInTheStem() {
        var q = QuestionContent(type: .blank, stem: "期限为____日", key: .blanks([["15"], ["x"]]), explanation: "e", basis: "b")
        #expect(QuestionRules.problems(in: q).contains { $0.contains("1 个空，答案有 2 组") })
        q.key = .blanks([["15"]])
        #expect(QuestionRules.problems(in: q).isEmpty)
        #expect(QuestionRules.blankMarkers(in: "a___b＿＿＿c__d") == 2)
    }

    @Test func optionLettersReadFullWidthAndLowerCase() {
        #expect(optionIndex("A") == 0 && optionIndex("ｃ") == 2 && optionIndex("Ｄ") == 3 && optionIndex("1") == nil)
        #expect(optionLetter(5) == "F")
    }
}

@Suite struct ImportPlannerTests {
    func source(_ id: String?, _ stem: String, line: Int) -> SourceQuestion {
        SourceQuestion(externalId: id, content: QuestionContent(type: .judge, stem: stem, key: .judge(true), explanation: "e", basis: "b"),
                       location: SourceLocation(file: "f.yaml", line: line))
    }

    @Test func eachQuestionIsAddedVersionedSkippedOrReportedAsADuplicate() {
        let same = source("q-1", "不变", line: 1)
        let changed = source("q-2", "改过", line: 5)
        let copy = source(nil, "已有", line: 9)
        let fresh = source("q-3", "新题", line: 13)
        let repeated = source("q-4", "新题", line: 17)
        let bank = ParsedBank(name: "b", questions: [same, changed, copy, fresh, repeated])
        let plan = ImportPlanner.plan(bank, byExternalId: [
            "q-1": ExistingQuestion(questionId: 1, fingerprint: same.content.fingerprint, status: .active),
            "q-2": ExistingQuestion(questionId: 2, fingerprint: "old", status: .active),
        ], byFingerprint: [copy.content.fingerprint: 7])
        #expect(plan.items.map(\.action) == [.unchanged(questionId: 1), .newVersion(questionId: 2), .duplicate(of: 7), .add,
                                             .repeatedInFile(first: SourceLocation(file: "f.yaml", line: 13))])
        #expect(plan.added == 1 && plan.changed == 1 && plan.unchanged == 1 && plan.duplicates == 2)
    }

    @Test func aStatusChangeAloneIsANewVersion() {
        var retired = source("q-1", "题", line: 1)
        retired.status = .retired
        let plan = ImportPlanner.plan(ParsedBank(name: "b", questions: [retired]), byExternalId: [
            "q-1": ExistingQuestion(questionId: 1, fingerprint: retired.content.fingerprint, status: .active),
        ], byFingerprint: [:])
        #expect(plan.items[0].action == .newVersion(questionId: 1))
    }

    @Test func fingerprintsSeparateEveryField() {
        let a = source(nil, "题", line: 1).content
        var b = a
        b.explanation = "不同的解析"
        var c = a
        c.topics = ["x"]
        #expect(a.fingerprint != b.fingerprint && a.fingerprint != c.fingerprint && a.fingerprint == source(nil, "题", line: 2).content.fingerprint)
    }
}

@Suite struct SearchTextTests {
    @Test func textIsNormalizedBeforeIndexing() {
        #expect(SearchText.normalize("《行政处罚法》第十条， ＡＢ c") == "行政处罚法第十条abc")
    }

    @Test func bigramsAreDistinctAdjacentPairs() {
        #expect(SearchText.bigrams("离婚离婚") == ["离婚", "婚离"])
        #expect(SearchText.bigrams("离").isEmpty)
    }

    @Test func aQueryNeedsEveryOneOfItsBigrams() {
        #expect(SearchText.matchExpression("行政处罚") == "\"行政\" AND \"政处\" AND \"处罚\"")
        #expect(SearchText.matchExpression("罚") == nil)
    }
}
