import ItemAnalysis
import Testing

/// Small matrices worked by hand; the comments carry the arithmetic.
@Suite struct HandComputedTests {
    // Four candidates, three one-mark questions, a perfect Guttman pattern (whoever got a harder question right also
    // got every easier one):
    //          Q1 Q2 Q3  total
    //   A       1  1  1    3
    //   B       1  1  0    2
    //   C       1  0  0    1
    //   D       0  0  0    0
    let guttman: [[Double]] = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]

    @Test func aGuttmanPatternGivesTheTextbookNumbers() throws {
        let (questions, test) = try analyse(guttman, max: [1, 1, 1], guess: [0.25, 0.5, nil])

        // Q1: marks 1,1,1,0, mean 0.75 → facility 75%. Deviations .25,.25,.25,−.75, Σd² = 3·.0625 + .5625 = .75,
        // variance .75/3 = .25, sd .5 → 50%. Intended weight 1/3 → 33.33%.
        // Rest of test (total − Q1) = 2,1,0,0, mean .75, deviations 1.25,.25,−.75,−.75, Σ = 1.5625+.0625+.5625+.5625
        // = 2.75, variance .91667. Σ d_Q1·d_rest = .3125 + .0625 − .1875 + .5625 = .75 → covariance .25.
        // Discrimination = .25 / √(.25 · .91667) = .25 / .478714 = 52.223%.
        // Sorted Q1 0,1,1,1 against sorted rest 0,0,1,2 pair up exactly as the data do, so the maximum covariance
        // is the covariance itself: efficiency 100%.
        // Covariance with the total (3,2,1,0; deviations 1.5,.5,−.5,−1.5): .375+.125−.125+1.125 = 1.5 → /3 = .5.
        // Q2 likewise: .5,.5,−.5,−.5 · total deviations = .75+.25+.25+.75 = 2 → 2/3; Q3 mirrors Q1: .5.
        // Effective weight Q1 = √.5 / (√.5 + √(2/3) + √.5) = .707107 / 2.230710 = 31.699%; Q2 = .816497 / 2.230710
        // = 36.603%.
        // Q2: marks 1,1,0,0 → facility 50%, variance 1/3, sd 57.735%; rest 2,1,1,0 (mean 1, deviations 1,0,0,−1,
        // variance 2/3), covariance (.5+0+0+.5)/3 = 1/3, discrimination (1/3)/√(1/3 · 2/3) = 1/√2 = 70.711%.
        expectClose(questions[0], QuestionStatistics(
            facility: 75, sd: 50, randomGuessScore: 25, intendedWeight: 100.0 / 3, effectiveWeight: 31.69872981077807,
            discriminationIndex: 52.22329678670935, discriminativeEfficiency: 100), "Q1")
        expectClose(questions[1], QuestionStatistics(
            facility: 50, sd: 57.735026918962575, randomGuessScore: 50, intendedWeight: 100.0 / 3,
            effectiveWeight: 36.60254037844386, discriminationIndex: 70.71067811865474, discriminativeEfficiency: 100), "Q2")
        expectClose(questions[2], QuestionStatistics(
            facility: 25, sd: 50, randomGuessScore: nil, intendedWeight: 100.0 / 3, effectiveWeight: 31.69872981077807,
            discriminationIndex: 52.22329678670935, discriminativeEfficiency: 100), "Q3")

        // Totals 3,2,1,0: mean 1.5, median (1+2)/2 = 1.5. Deviations ±1.5, ±.5: Σd² = 5, sd = √(5/3) = 1.290994.
        // Σd³ = 0 → skewness 0. m2 = 5/4 = 1.25, m4 = (2·5.0625 + 2·.0625)/4 = 2.5625, k2 = 5/3,
        // k4 = 16·(5·2.5625 − 3·3·1.25²) / (3·2·1) = 16·(12.8125 − 14.0625)/6 = −10/3, kurtosis = k4/k2² = −1.2.
        // CIC: Σ item variances = .25 + 1/3 + .25 = 5/6; 100·3/2·(1 − (5/6)/(5/3)) = 150·.5 = 75%.
        // Error ratio 100·√(1 − .75) = 50%; standard error .5 · 1.290994 = .645497 marks.
        expectClose(test, TestStatistics(attempts: 4, mean: 1.5, median: 1.5, sd: 1.2909944487358056, skewness: 0,
                                         kurtosis: -1.2, cic: 75, errorRatio: 50, standardError: 0.6454972243679028))
    }

    @Test func aQuestionEveryoneGotRightHasNoDiscriminationAndNoWeight() throws {
        // Q2 is all right: facility 100%, sd 0, and nothing to correlate: covariance with the total 0 → effective
        // weight √0 / Σ = 0%; its variance is 0 so the discrimination index (÷ √(0·v)) and the efficiency
        // (maximum covariance 0) are undefined — and so not flagged as weak.
        //          Q1 Q2 total
        //   A       1  1    2
        //   B       0  1    1
        //   C       1  1    2
        // Q1: mean 2/3, deviations 1/3, −2/3, 1/3, Σd² = 2/3, variance 1/3, sd .57735 → 57.735%.
        // Total deviations are Q1's, so cov(Q1, total) = 1/3 and Q1 carries all the effective weight: 100%.
        // The rest of the test for Q1 is Q2, constant → Q1's discrimination is undefined too.
        // Test: totals 2,1,2, mean 5/3, median 2, Σd² = 2/3, sd √(1/3) = .57735; skewness needs 3 attempts and a
        // spread: m2 = 2/9, m3 = (2/27 − 8/27)/3 = −2/27, k2 = 1/3, k3 = 9·(−2/27)/(2·1) = −1/3,
        // skewness = −(1/3)/(1/3)^1.5 = −√3 = −1.732051. CIC: 100·2·(1 − (1/3 + 0)/(1/3)) = 0%, error ratio 100%,
        // standard error = sd.
        let (questions, test) = try analyse([[1, 1], [0, 1], [1, 1]], max: [1, 1])
        expectClose(questions[1], QuestionStatistics(facility: 100, sd: 0, intendedWeight: 50, effectiveWeight: 0), "Q2")
        expectClose(questions[0], QuestionStatistics(facility: 100.0 * 2 / 3, sd: 57.735026918962575, intendedWeight: 50,
                                                     effectiveWeight: 100), "Q1")
        expectClose(test, TestStatistics(attempts: 3, mean: 5.0 / 3, median: 2, sd: 0.5773502691896257,
                                         skewness: -1.7320508075688772, kurtosis: nil, cic: 0, errorRatio: 100,
                                         standardError: 0.5773502691896257))
    }

    @Test func aQuestionThatTheWeakGetRightIsFlaggedAndLosesItsEffectiveWeight() throws {
        //          Q1 Q2 Q3  total
        //   A       1  1  0    2
        //   B       1  1  0    2
        //   C       0  0  1    1
        //   D       0  0  0    0
        // Q3: marks 0,0,1,0, mean .25, deviations −.25,−.25,.75,−.25, variance .75/3 = .25.
        // Rest (Q1+Q2) = 2,2,0,0, deviations 1,1,−1,−1, variance 4/3. Σ products = −.25−.25−.75+.25 = −1 → cov −1/3.
        // Discrimination = (−1/3)/√(.25·4/3) = −√(1/3) = −57.735% < 30% → flagged.
        // Sorted: 0,0,0,1 against 0,0,2,2 → Σ = .25+.25−.25+.75 = 1 → maximum covariance 1/3 → efficiency −100%.
        // Covariance with the total (2,2,1,0, deviations .75,.75,−.25,−1.25): −.1875·3 + .3125 = −.25 → −1/12,
        // negative, so Moodle shows no effective weight.
        // Q1: marks 1,1,0,0 (deviations ±.5, variance 1/3), rest Q2+Q3 = 1,1,1,0 (deviations .25,.25,.25,−.75,
        // variance .25), Σ products = .125+.125−.125+.375 = .5 → cov 1/6; discrimination (1/6)/√(1/12) = 57.735%.
        let (questions, _) = try analyse([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 0]], max: [1, 1, 1])
        #expect(close(questions[2].discriminationIndex, -57.735026918962575))
        #expect(close(questions[2].discriminativeEfficiency, -100))
        #expect(questions[2].effectiveWeight == nil)
        #expect(questions[2].weakDiscrimination)
        #expect(close(questions[0].discriminationIndex, 57.735026918962575))
        #expect(!questions[0].weakDiscrimination)
        #expect(questions[0].effectiveWeight != nil)
    }

    @Test func whenEveryTotalIsTheSameNothingPastTheMeanIsDefined() throws {
        //          Q1 Q2  total
        //   A       1  0    1
        //   B       0  1    1
        //   C       1  0    1
        //   D       0  1    1
        // Totals have no spread: sd 0, k2 = 0 so skewness, kurtosis and CIC are undefined. Each question's
        // covariance with the total is 0, so Σ√cov = 0 and no question has an effective weight. Q1's rest is Q2,
        // its exact opposite: discrimination −100%, flagged.
        let (questions, test) = try analyse([[1, 0], [0, 1], [1, 0], [0, 1]], max: [1, 1])
        #expect(questions.allSatisfy { $0.effectiveWeight == nil })
        #expect(close(questions[0].discriminationIndex, -100) && questions[0].weakDiscrimination)
        expectClose(test, TestStatistics(attempts: 4, mean: 1, median: 1, sd: 0))
    }
}
