import Draws
import Testing

/// RFC 3797 section 6, "Fully Worked Example", reproduced number for number: 25 volunteers, three sources
/// (a sales volume of 9319 and two lotteries), ten selected plus six alternates.
@Suite struct RFC3797ExampleTests {
    static let pool = [
        "John", "Mary", "Bashful", "Dopey", "Sleepy", "Grouchy", "Doc", "Sneazy", "Handsome", "Cassandra",
        "Pollyanna", "Pendragon", "Pandora", "Faith", "Hope", "Charity", "Lee", "Longsuffering", "Chastity", "Smith",
        "Pride", "Sloth", "Envy", "Anger", "Kasczynski",
    ]
    static let sources: [DrawSource] = [.numbers([9319]), .numbers([2, 5, 12, 8, 10]), .numbers([9, 18, 26, 34, 41, 45])]
    static let key = "9319./2.5.8.10.12./9.18.26.34.41.45./"

    /// The RFC's table: hex value of MD5, pool size it was divided by, and the volunteer selected.
    static let table: [(md5: String, div: Int, selected: Int)] = [
        ("990DD0A5692A029A98B5E01AA28F3459", 25, 17), ("3691E55CB63FCC37914430B2F70B5EC6", 24, 7),
        ("FE814EDF564C190AC1D25753979990FA", 23, 2), ("1863CCACEB568C31D7DDBDF1D4E91387", 22, 16),
        ("F4AB33DF4889F0AF29C513905BE1D758", 21, 25), ("13EAEB529F61ACFB9A29D0BA3A60DE4A", 20, 23),
        ("992DB77C382CA2BDB9727001F3CDCCD9", 19, 8), ("63AB4258ECA922976811C7F55C383CE7", 18, 24),
        ("DFBC5AC97CED01B3A6E348E3CC63F40D", 17, 19), ("31CB111C4A4EBE9287CEAE16FE51B909", 16, 13),
        ("07FA46C122F164C215BBC72793B189A3", 15, 22), ("AC52F8D75CCBE2E61AFEB3387637D501", 14, 5),
        ("53306F73E14FC0B2FBF434218D25948E", 13, 18), ("B5D1403501A81F9A47318BE7893B347C", 12, 9),
        ("85B10B356AA06663EF1B1B407765100A", 11, 1), ("3269E6CE559ABD57E2BA6AAB495EB9BD", 10, 4),
    ]

    @Test func keyStringSortsEachSourceAndEndsItWithASlash() {
        #expect(RFC3797.key(Self.sources) == Self.key)
    }

    @Test func everyMD5ValueMatchesTheTable() {
        for (index, row) in Self.table.enumerated() {
            #expect(Digest.hex(RFC3797.digest(index: index, key: Self.key), uppercase: true) == row.md5, "index \(index + 1)")
        }
    }

    @Test func selectionReproducesTheRFCSequence() {
        let selected = RFC3797.select(count: 16, from: 25, key: Self.key)
        #expect(selected == Self.table.map(\.selected))
        #expect(selected.prefix(10).map { Self.pool[$0 - 1] } ==
                ["Lee", "Doc", "Mary", "Charity", "Kasczynski", "Envy", "Sneazy", "Anger", "Chastity", "Pandora"])
        #expect(selected.suffix(6).map { Self.pool[$0 - 1] } == ["Sloth", "Sleepy", "Longsuffering", "Handsome", "John", "Dopey"])
    }

    /// The algorithm is repeatable: asking for fewer draws the same first ones.
    @Test func shorterSelectionIsAPrefix() {
        let full = RFC3797.select(count: 16, from: 25, key: Self.key)
        for count in 0...16 {
            #expect(RFC3797.select(count: count, from: 25, key: Self.key) == Array(full.prefix(count)))
        }
    }

    @Test func remainderIsLongDivisionOfTheBigEndianNumber() {
        // 0x0102 = 258; 258 mod 7 = 6.
        #expect(RFC3797.remainder([0x01, 0x02], dividingBy: 7) == 6)
        // 2^128 - 1 = 340282366920938463463374607431768211455, which is ≡ 0 (mod 5) and ≡ 15 (mod 16).
        let allOnes = [UInt8](repeating: 0xFF, count: 16)
        #expect(RFC3797.remainder(allOnes, dividingBy: 5) == 0)
        #expect(RFC3797.remainder(allOnes, dividingBy: 16) == 15)
        #expect(RFC3797.remainder(allOnes, dividingBy: 1) == 0)
        // First RFC value: 0x990DD0A5… mod 25 = 16, i.e. the 17th volunteer, Lee.
        #expect(RFC3797.remainder(RFC3797.digest(index: 0, key: Self.key), dividingBy: 25) == 16)
    }
}
