import Draws
import Testing

/// Public values as people type them: lottery numbers in any common punctuation, or text.
@Suite struct DrawSourceParseTests {
    @Test(arguments: [
        ("numbers:3,12,25", DrawSource.numbers([3, 12, 25])),
        ("numbers: 3, 12, 25 ", .numbers([3, 12, 25])),
        ("numbers:03 07、11，19,25  31\t33", .numbers([3, 7, 11, 19, 25, 31, 33])),
        ("Numbers：０３，１２", .numbers([3, 12])),
        ("numbers:0", .numbers([0])),
        ("03 07 11 19 25 31 08", .numbers([3, 7, 11, 19, 25, 31, 8])),
        ("3,12,25", .numbers([3, 12, 25])),
        ("  9319  ", .numbers([9319])),
        ("text:9319", .text("9319")),
        ("TEXT: 上证综指 3120.45", .text("上证综指 3120.45")),
        ("红球 03 07 11 蓝球 12", .text("红球 03 07 11 蓝球 12")),
        ("3.7.11./", .text("3.7.11./")),
        ("-3 5", .text("-3 5")),
        ("numberz:1", .text("numberz:1")),
    ])
    func valuesAreReadAsDocumented(input: String, expected: DrawSource) throws {
        #expect(try DrawSource.parse(input) == expected)
    }

    @Test func orderAndPunctuationDoNotChangeTheKey() throws {
        let a = try DrawSource.parse("numbers:33,31,25,19,11,7,3")
        let b = try DrawSource.parse("03、07、11、19、25、31、33")
        #expect(a.rendering == b.rendering)
        #expect(a.rendering == Fixtures.publicValue.rendering)
    }

    @Test(arguments: ["", "   ", "numbers:", "numbers: ,、，", "text:", "text:   "])
    func emptyValuesAreRefused(input: String) {
        #expect(throws: DrawError.emptyPublicValue) { try DrawSource.parse(input) }
    }

    @Test func aNumbersValueWithSomethingElseInItIsRefused() {
        #expect(throws: DrawError.invalidPublicValue("\"x7\" is not a whole number 0 or more")) {
            try DrawSource.parse("numbers:3,x7")
        }
        #expect(throws: DrawError.invalidPublicValue("\"-3\" is not a whole number 0 or more")) {
            try DrawSource.parse("numbers:-3")
        }
        #expect(throws: DrawError.invalidPublicValue("\"99999999999999999999\" is too large")) {
            try DrawSource.parse("numbers:1 99999999999999999999")
        }
    }
}
