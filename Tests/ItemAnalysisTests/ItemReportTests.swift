@testable import ItemAnalysis
import Testing

/// The exact text `pufa stats items` prints.
@Suite struct ItemReportTests {
    let guttman = try! ItemMatrix(marks: [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]], maxMarks: [1, 1, 1],
                                  randomGuess: [0.25, nil, nil])

    @Test func jsonHasRoundedPercentagesNullsAndTheGuessOnlyWhereKnown() {
        let (questions, test) = ItemAnalysis.analyse(guttman)
        let json = ItemReport.json(names: ["Q1", "第\"2\"题", "Q3"], questions: questions, test: test)
        #expect(json.hasPrefix(#"{"questions":[{"name":"Q1","facility":75,"sd":50,"randomGuessScore":25,"intendedWeight":33.3333,"effectiveWeight":31.6987,"discriminationIndex":52.2233,"discriminativeEfficiency":100,"weakDiscrimination":false},{"name":"第\"2\"题","facility":50,"sd":57.735,"intendedWeight":33.3333,"#))
        #expect(json.hasSuffix(#""test":{"attempts":4,"mean":1.5,"median":1.5,"sd":1.291,"skewness":0,"kurtosis":-1.2,"cic":75,"errorRatio":50,"standardError":0.6455}}"#))
    }

    @Test func jsonOfNoAttemptsIsMostlyNull() {
        let (questions, test) = ItemAnalysis.analyse(try! ItemMatrix(marks: [], maxMarks: [1]))
        #expect(ItemReport.json(names: ["Q1"], questions: questions, test: test) == #"{"questions":[{"name":"Q1","facility":null,"sd":null,"intendedWeight":100,"effectiveWeight":null,"discriminationIndex":null,"discriminativeEfficiency":null,"weakDiscrimination":false}],"test":{"attempts":0,"mean":null,"median":null,"sd":null,"skewness":null,"kurtosis":null,"cic":null,"errorRatio":null,"standardError":null}}"#)
    }

    @Test func theTableAlignsColumnsAndFlagsWeakQuestions() throws {
        let m = try ItemMatrix(marks: [[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 0]], maxMarks: [1, 1, 1])
        let (questions, test) = ItemAnalysis.analyse(m)
        let table = ItemReport.table(names: ["第一题", "Q2", "Q3"], questions: questions, test: test, testMax: 3)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "题目         难度%  标准差%  猜测得分%  预定权重%  实际权重%   区分度%   区分效率%")
        #expect(lines[1] == "question  facility       sd      guess   intended  effective  discrim.  efficiency  check")
        #expect(lines[2] == "第一题       50.00    57.74          -      33.33      50.00     57.74      100.00")
        #expect(lines[4] == "Q3           25.00    50.00          -      33.33          -    -57.74     -100.00  !")
        #expect(lines[5].hasPrefix("! 区分度低于 30%"))
        #expect(table.contains("平均分 mean                  1.25 / 3.00 (41.67%)"))
    }

    @Test func numbersAreRoundedNotTruncated() {
        #expect(ItemReport.fixed(0.125) == "0.13")
        #expect(ItemReport.fixed(-0.25) == "-0.25")
        #expect(ItemReport.fixed(-0.004) == "0.00")
        #expect(ItemReport.fixed(100) == "100.00")
        #expect(ItemReport.jsonNumber(67.49999999999999) == "67.5")
        #expect(ItemReport.jsonNumber(-0.00001) == "0")
        #expect(ItemReport.jsonNumber(.nan) == "null")
    }

    @Test func chineseCharactersTakeTwoCells() {
        #expect(ItemReport.displayWidth("第1题") == 5)
        #expect(ItemReport.displayWidth("Q１") == 3)
    }
}
