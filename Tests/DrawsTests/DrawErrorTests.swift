import Draws
import Testing

/// Bad input is refused with an error that says what is wrong.
@Suite struct DrawErrorTests {
    func run(_ rules: DrawRules = Fixtures.rules, entries: [EligibleEntry] = Fixtures.entries,
             publicValue: DrawSource = Fixtures.publicValue) throws -> DrawResult {
        try Draw.run(rules: rules, eligible: EligibleList(entries), publicValue: publicValue)
    }

    @Test func anEmptyListHasNobodyToDraw() {
        #expect(throws: DrawError.noEntries) { try run(entries: []) }
    }

    @Test(arguments: [0, -1])
    func everyPrizeNeedsAPositiveCount(count: Int) {
        var rules = Fixtures.rules
        rules.prizes[1].count = count
        #expect(throws: DrawError.invalidPrizeCount(prize: "二等奖", count: count)) { try run(rules) }
    }

    @Test func rulesNeedAPrize() {
        var rules = Fixtures.rules
        rules.prizes = []
        #expect(throws: DrawError.noPrizes) { try run(rules) }
    }

    @Test func prizesBeyondTheTwoByteCounterAreRefused() {
        var rules = Fixtures.rules
        rules.prizes = [.init(name: "A", count: 65_536), .init(name: "B", count: Int.max)]
        #expect(throws: DrawError.tooManyWinners(65_536 + 65_537)) { try run(rules) }
    }

    @Test func duplicateEntryIdsAreRefused() {
        let entries = Fixtures.entries + [.init(entryId: "E007", maskedPhone: "150****0000")]
        #expect(throws: DrawError.duplicateEntryId("E007")) { try EligibleList(entries) }
    }

    @Test func fieldsThatWouldBreakTheCanonicalTextAreRefused() {
        #expect(throws: DrawError.invalidEntry(entryId: "", reason: "the entry id is empty")) {
            try EligibleList([.init(entryId: "", maskedPhone: "1")])
        }
        #expect(throws: DrawError.invalidEntry(entryId: "E1", reason: "the masked phone contains a tab or line break")) {
            try EligibleList([.init(entryId: "E1", maskedPhone: "138\n****")])
        }
        #expect(throws: DrawError.invalidEntry(entryId: "E\t1", reason: "the entry id contains a tab or line break")) {
            try EligibleList([.init(entryId: "E\t1", maskedPhone: "138****0000")])
        }
    }

    @Test(arguments: [DrawSource.numbers([]), .text(""), .text("  \n ")])
    func anEmptyPublicValueIsRefused(value: DrawSource) {
        #expect(throws: DrawError.emptyPublicValue) { try run(publicValue: value) }
    }

    @Test func negativeLotteryNumbersAreRefused() {
        #expect(throws: DrawError.invalidPublicValue("-4 is negative; lottery numbers are 0 or more")) {
            try run(publicValue: .numbers([3, -4]))
        }
    }

    @Test func messagesAreReadable() {
        #expect(DrawError.duplicateEntryId("E7").description == "entry id \"E7\" appears more than once in the eligible list")
        #expect(DrawError.invalidPrizeCount(prize: "一等奖", count: 0).description
                == "prize \"一等奖\" has count 0; every prize needs a count of at least 1")
        #expect(DrawError.emptyPublicValue.description == "the public value is empty; enter the published lottery result")
    }
}
