import ItemAnalysis
import Testing

/// The marks file of `pufa stats items`: what it accepts, and the `FILE:LINE: reason` for each thing it refuses.
@Suite struct MarksCSVTests {
    @Test func aHeaderNamesTheQuestionsAndEachRowIsAnAttempt() throws {
        let table = try MarksCSV.parse(text: "考生,第1题,第2题\nA001,1,0.5\nA002, 0 ,2\n", file: "m.csv", maxMarks: "1, 2")
        #expect(table.questionNames == ["第1题", "第2题"])
        #expect(table.attemptIds == ["A001", "A002"])
        #expect(table.matrix.marks == [[1, 0.5], [0, 2]])
        #expect(table.matrix.maxMarks == [1, 2])
    }

    @Test func maxMarksDefaultToOne() throws {
        let table = try MarksCSV.parse(text: "id,Q1,Q2\na,1,0\n", file: "m.csv")
        #expect(table.matrix.maxMarks == [1, 1])
    }

    @Test func excelHabitsAreAccepted() throws {
        // A UTF-8 BOM, CRLF line ends, a quoted header with a comma and a quote, blank and `,,,` rows, a full-width
        // comma in --max-marks, an unnamed question column.
        let text = "\u{FEFF}id,\"Q. 1 /1,00\",\"say \"\"hi\"\"\",\r\na,1,0,1\r\n\r\n,,,\r\nb,0,1,2\r\n"
        let table = try MarksCSV.parse(bytes: Array(text.utf8), file: "m.csv", maxMarks: "1，1,2")
        #expect(table.questionNames == ["Q. 1 /1,00", "say \"hi\"", "Q3"])
        #expect(table.matrix.marks == [[1, 0, 1], [0, 1, 2]])
    }

    @Test func aHeaderOnlyFileIsZeroAttempts() throws {
        let table = try MarksCSV.parse(text: "id,Q1\n", file: "m.csv")
        #expect(table.matrix.attemptCount == 0)
    }

    @Test(arguments: [
        ("", nil, "m.csv:1: the file is empty; expected a header row: attempt id, then one column per question"),
        ("\n\n", nil, "m.csv:1: the file is empty; expected a header row: attempt id, then one column per question"),
        ("id\na\n", nil, "m.csv:1: the header names no questions; expected an attempt id column, then one column of marks per question"),
        ("id,Q1,Q2\na,1,0\nb,1\n", nil, "m.csv:3: 2 columns, but the header has 3"),
        ("id,Q1,Q2\na,1,0\nb,1,0,1\n", nil, "m.csv:3: 4 columns, but the header has 3"),
        ("id,Q1,Q2\na,1,x\n", nil, "m.csv:2: the mark \"x\" for \"Q2\" is not a number"),
        ("id,Q1,Q2\na,1,nan\n", nil, "m.csv:2: the mark \"nan\" for \"Q2\" is not a number"),
        ("id,Q1,Q2\na,1, \n", nil, "m.csv:2: the mark for \"Q2\" is empty"),
        ("id,Q1,Q2\n\na,1,0\nb,2,0\n", nil, "m.csv:4: the mark 2 for \"Q1\" is above its maximum 1"),
        ("id,Q1,Q2\na,1,2.5\n", "1,2", "m.csv:2: the mark 2.5 for \"Q2\" is above its maximum 2"),
        ("id,Q1,Q2\na,-1,0\n", nil, "m.csv:2: the mark -1 for \"Q1\" is negative"),
        ("id,Q1,Q2\na,1,0\n", "1", "m.csv:1: --max-marks has 1 values, but the header has 2 questions"),
        ("id,Q1,Q2\na,1,0\n", "1,2,3", "m.csv:1: --max-marks has 3 values, but the header has 2 questions"),
        ("id,Q1,Q2\na,1,0\n", "1,0", "m.csv:1: --max-marks value 2 is \"0\"; each must be a positive number"),
        ("id,Q1,Q2\na,1,0\n", "-1,2", "m.csv:1: --max-marks value 1 is \"-1\"; each must be a positive number"),
        ("id,Q1,Q2\na,1,0\n", "1,two", "m.csv:1: --max-marks value 2 is \"two\"; each must be a positive number"),
        ("id,Q1,Q2\na,\"1,0\nb,1,0\n", nil, "m.csv:2: a quoted field is never closed"),
        ("id,\"Q\n1\",Q2\na,1,0\nb,1,0,0\n", nil, "m.csv:4: 4 columns, but the header has 3"),
    ] as [(String, String?, String)])
    func badInputIsRefusedWithItsLine(text: String, maxMarks: String?, message: String) {
        #expect {
            _ = try MarksCSV.parse(text: text, file: "m.csv", maxMarks: maxMarks)
        } throws: { ($0 as? ItemAnalysisError)?.description == message }
    }

    @Test func textThatIsNotUTF8IsRefusedAtItsLine() {
        // "id,Q1\na,1\n" then a GBK-encoded 张 (0xD5 0xC5) on line 3, as Excel on a Chinese Windows saves CSV.
        let bytes = Array("id,Q1\na,1\n".utf8) + [0xD5, 0xC5] + Array(",1\n".utf8)
        #expect {
            _ = try MarksCSV.parse(bytes: bytes, file: "m.csv")
        } throws: { ($0 as? ItemAnalysisError)?.description.hasPrefix("m.csv:3: not valid UTF-8") == true }
        #expect {
            _ = try MarksCSV.parse(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00], file: "m.xlsx")
        } throws: { ($0 as? ItemAnalysisError)?.description == "m.xlsx:1: this is a binary file, not CSV text" }
    }
}
