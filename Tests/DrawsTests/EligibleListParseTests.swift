import Draws
import Testing

/// `eligible.txt` reads back into the list it was written from, and anything that is not canonical text is
/// refused at its line, so the digest of what was read is always the SHA-256 of the file.
@Suite struct EligibleListParseTests {
    func parse(_ text: String) throws(DrawFileError) -> EligibleList { try EligibleList.parse(text, file: "eligible.txt") }

    func problem(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return error.description }
    }

    @Test func theCanonicalTextReadsBackToTheSameEntriesAndDigest() throws {
        let list = try Fixtures.eligible()
        let read = try parse(list.canonicalText)
        #expect(read.entries.map(\.entryId) == list.entries.map(\.entryId))
        #expect(read.entries.map(\.maskedPhone) == list.entries.map(\.maskedPhone))
        #expect(read.digest() == list.digest())
        #expect(read.canonicalText == list.canonicalText)
        // Nicknames and regions are not published, so the list read back equals the list without them.
        let published = try EligibleList(list.entries.map { EligibleEntry(entryId: $0.entryId, maskedPhone: $0.maskedPhone) })
        #expect(read == published)
    }

    @Test func unusualButValidFieldsRoundTrip() throws {
        let list = try EligibleList([
            .init(entryId: "b", maskedPhone: ""), .init(entryId: "B", maskedPhone: "139****0003"),
            .init(entryId: "é-ü 参赛者 7", maskedPhone: "+86 138****0001"), .init(entryId: "e\u{301}", maskedPhone: "x"),
        ])
        let read = try EligibleList.parse(bytes: Array(list.canonicalText.utf8), file: "eligible.txt")
        #expect(read.canonicalText.utf8.elementsEqual(list.canonicalText.utf8))
        #expect(read.digest() == list.digest())
    }

    @Test func anEmptyFileIsAnEmptyList() throws {
        #expect(try parse("").count == 0)
    }

    @Test(arguments: [
        ("A\t1\nB\t2", "eligible.txt:2: the last line does not end with a line break (LF)"),
        ("A\t1\nB 2\n", "eligible.txt:2: expected entryId<TAB>maskedPhone, found no tab"),
        ("A\t1\nB\t2\nC\t3\t\n", "eligible.txt:3: expected entryId<TAB>maskedPhone, found 2 tabs"),
        ("A\t1\r\nB\t2\r\n", "eligible.txt:1: the line ends with CR LF; the published list uses LF line endings only"),
        ("A\t1\n\nB\t2\n", "eligible.txt:2: blank line; every line is entryId<TAB>maskedPhone"),
        ("A\t1\n\t2\n", "eligible.txt:2: the entry id is empty"),
        ("\u{FEFF}A\t1\n", "eligible.txt:1: the line starts with a byte order mark; the published list has none"),
        ("A\t1\nC\t2\nB\t3\n", "eligible.txt:3: entry id \"B\" is out of order: it sorts before \"C\" on line 2 "
            + "(the list is sorted by the UTF-8 bytes of the ids)"),
        ("a\t1\nB\t2\n", "eligible.txt:2: entry id \"B\" is out of order: it sorts before \"a\" on line 1 "
            + "(the list is sorted by the UTF-8 bytes of the ids)"),
        ("A\t1\nB\t2\nB\t3\n", "eligible.txt:3: entry id \"B\" repeats line 2; each entry appears once"),
    ])
    func malformedLinesAreReportedAtTheirLine(text: String, expected: String) {
        #expect(problem(text) == expected)
    }

    @Test func idsThatOnlyLookEqualAreDistinctEntries() throws {
        // "é" precomposed and "e" + combining accent are equal Swift strings but different bytes, hence different ids.
        let read = try parse("e\u{301}\t1\n\u{E9}\t2\n")
        #expect(read.count == 2)
    }

    @Test func bytesThatAreNotUTF8AreReportedAtTheirLine() {
        let bytes = Array("A\t1\nB\t2\n".utf8) + [0x43, 0xFF, 0x09, 0x33, 0x0A]
        #expect(throws: DrawFileError(file: "eligible.txt", line: 3, reason: "the line is not valid UTF-8")) {
            try EligibleList.parse(bytes: bytes, file: "eligible.txt")
        }
    }

    @Test func theErrorReadsAsFileLineReason() {
        #expect(DrawFileError(file: "/tmp/e.txt", line: 7, reason: "bad").description == "/tmp/e.txt:7: bad")
    }
}
