import Reach
import Testing

/// A day's sets answer "who has a row matching every filter" by set algebra.
@Suite struct DaySetsTests {
    static func row(_ kind: String, content: Int, campaign: Int = 0, region: Int = 0, unit: Int = 0, groups: Int = 0, _ n: UInt32) -> NumberedRow {
        NumberedRow(kind: kind, contentId: content, campaignId: campaign, regionId: region, unitId: unit, groupsMask: groups, number: n)
    }

    @Test func aPieceAndACampaignTogetherCountOnlyRowsOfBoth() {
        // Person 1 opened piece 1 directly and piece 2 through campaign 9; person 2 opened piece 1 through campaign 9.
        let day = DaySets(rows: [Self.row("opened", content: 1, 1), Self.row("opened", content: 2, campaign: 9, 1),
                                 Self.row("opened", content: 1, campaign: 9, 2), Self.row("shared", content: 3, 3)])
        #expect(day.persons("opened", PersonFilter()).numbers == [1, 2])
        #expect(day.persons("opened", PersonFilter(contentId: 1), viaCampaign: true).numbers == [2], "person 1 came to piece 1 directly")
        #expect(day.persons("opened", PersonFilter(contentId: 1, campaignId: 9)).numbers == [2])
        #expect(day.persons("opened", PersonFilter(campaignId: 9)).numbers == [1, 2])
        #expect(day.persons("opened", PersonFilter(), by: .content).mapValues(\.numbers) == [1: [1, 2], 2: [1]])
        #expect(day.persons("opened", PersonFilter(campaignId: 9), by: .content).mapValues(\.numbers) == [1: [2], 2: [1]])
        #expect(day.persons("shared", PersonFilter()).isEmpty, "only kinds with persons figures have sets")
    }

    @Test func personFiltersIntersectTheUnionOfTheirValues() {
        let day = DaySets(rows: [Self.row("read", content: 1, region: 4, unit: 2, groups: 1, 1), Self.row("read", content: 1, region: 5, unit: 3, groups: 2, 2),
                                 Self.row("read", content: 2, region: 6, unit: 2, groups: 3, 3)])
        #expect(day.persons("read", PersonFilter(regions: [4, 5])).numbers == [1, 2])
        #expect(day.persons("read", PersonFilter(regions: [4, 5, 6], units: [2], groupsBits: 2)).numbers == [3])
        #expect(day.persons("read", PersonFilter(groupsBits: 1), by: .groups).mapValues(\.numbers) == [1: [1], 3: [3]])
        #expect(day.persons("read", PersonFilter(regions: [5, 6]), by: .region).mapValues(\.numbers) == [5: [2], 6: [3]])
        #expect(day.persons("read", PersonFilter(contentId: 2), by: .unit).mapValues(\.numbers) == [2: [3]])
        #expect(day.persons("read", PersonFilter(regions: [99])).isEmpty)
    }
}
