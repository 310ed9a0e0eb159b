import Testing
import TestSupport
import Questions

@Suite("Option letters in explanations")
struct OptionLettersTests {
    // Shown order: position 0 shows bank option C (2), 1 shows A (0), 2 shows D (3), 3 shows B (1).
    let order = [2, 0, 3, 1]

    @Test func lettersFollowTheShownOrder() {
        #expect(OptionLetters.remap("C项与法定含义一致。A项不是要件；B、D均不符。", order: order)
                == "A项与法定含义一致。B项不是要件；D、C均不符。")
    }

    @Test func latinWordsNumbersAndLettersBeyondTheOptionsAreLeftAlone() {
        #expect(OptionLetters.remap("APP、B2 与 E项，以及 A", order: order) == "APP、B2 与 E项，以及 B")
    }

    @Test func theBankOrderAndTextWithoutLettersAreUnchanged() {
        #expect(OptionLetters.remap("C项正确", order: [0, 1, 2, 3]) == "C项正确")
        #expect(OptionLetters.remap("第十条第二款规定", order: order) == "第十条第二款规定")
        #expect(OptionLetters.remap("A项", order: []) == "A项")
    }

    @Test(arguments: 0..<50) func remappingIsABijectionOnTheLetters(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let n = Int(rng.next() % 5) + 2
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        let letters = (0..<n).map { String(UnicodeScalar(UInt8(65 + $0))) }
        let text = letters.map { $0 + "项" }.joined(separator: "、")
        let remapped = OptionLetters.remap(text, order: order)
        // Every letter appears once, and the option shown at position p is named by letter p.
        #expect(Set(remapped.split(separator: "、").map { String($0.prefix(1)) }) == Set(letters))
        for (position, original) in order.enumerated() {
            #expect(remapped.split(separator: "、")[original].hasPrefix(letters[position]))
        }
    }
}
