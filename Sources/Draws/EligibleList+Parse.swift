/// Reading a published `eligible.txt` back into an ``EligibleList``.
///
/// The file is exactly ``EligibleList/canonicalText``: UTF-8 without a byte order mark, one line
/// `entryId<TAB>maskedPhone<LF>` per entry (the last line ends with LF too), sorted by the UTF-8 bytes of the
/// entry ids, no id twice, no blank lines, no CR. An empty file is a list of nobody.
///
/// Parsing is strict on purpose: a file is accepted only when it *is* canonical text, so the
/// ``EligibleList/digest()`` of what was read equals the SHA-256 of the file's bytes — the number a verifier
/// compares with the published digest. Anything else (a Windows line ending, a re-sorted list) is reported at
/// its line rather than silently repaired into a list whose digest the file does not have.
/// Nicknames and regions are not published, so the entries read back have them empty.
extension EligibleList {
    /// Reads the canonical text from raw file bytes, reporting bytes that are not UTF-8 at their line.
    /// Called by `pufa draw verify`, which reads the file it was given.
    public static func parse(bytes: [UInt8], file: String) throws(DrawFileError) -> EligibleList {
        // LF never occurs inside a multi-byte UTF-8 sequence, so each line can be validated on its own.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where String(validating: line, as: UTF8.self) == nil {
            throw DrawFileError(file: file, line: index + 1, reason: "the line is not valid UTF-8")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Reads ``EligibleList/canonicalText`` back; `file` names the source in errors (`file:line: reason`).
    public static func parse(_ text: String, file: String) throws(DrawFileError) -> EligibleList {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Canonical text ends with LF, so the piece after the last LF is empty.
        let tail = lines.removeLast()
        guard tail.isEmpty else {
            throw DrawFileError(file: file, line: lines.count + 1, reason: "the last line does not end with a line break (LF)")
        }
        var entries: [EligibleEntry] = []
        entries.reserveCapacity(lines.count)
        var firstLineOfId: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            let number = index + 1
            func problem(_ reason: String) -> DrawFileError { DrawFileError(file: file, line: number, reason: reason) }
            let entry = try entry(String(Substring(line)), problem: problem)
            if let previous = entries.last, !previous.entryId.utf8.lexicographicallyPrecedes(entry.entryId.utf8) {
                if let first = firstLineOfId[entry.entryId], entries[first - 1].entryId.utf8.elementsEqual(entry.entryId.utf8) {
                    throw problem("entry id \"\(entry.entryId)\" repeats line \(first); each entry appears once")
                }
                throw problem("entry id \"\(entry.entryId)\" is out of order: it sorts before \"\(previous.entryId)\" "
                              + "on line \(number - 1) (the list is sorted by the UTF-8 bytes of the ids)")
            }
            firstLineOfId[entry.entryId] = firstLineOfId[entry.entryId] ?? number
            entries.append(entry)
        }
        do {
            return try EligibleList(entries)
        } catch {
            // The checks above are stricter than the initializer's, so this is only reached if the two drift apart.
            throw DrawFileError(file: file, line: 1, reason: "\(error)")
        }
    }

    /// One line without its LF, `entryId<TAB>maskedPhone`.
    private static func entry(_ line: String, problem: (String) -> DrawFileError) throws(DrawFileError) -> EligibleEntry {
        if line.utf8.last == UInt8(ascii: "\r") {
            throw problem("the line ends with CR LF; the published list uses LF line endings only")
        }
        if line.utf8.contains(UInt8(ascii: "\r")) { throw problem("the line contains a carriage return (CR)") }
        if line.unicodeScalars.first == "\u{FEFF}" {
            throw problem("the line starts with a byte order mark; the published list has none")
        }
        if line.isEmpty { throw problem("blank line; every line is entryId<TAB>maskedPhone") }
        let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard fields.count == 2 else {
            let found = fields.count == 1 ? "no tab" : "\(fields.count - 1) tabs"
            throw problem("expected entryId<TAB>maskedPhone, found \(found)")
        }
        guard !fields[0].isEmpty else { throw problem("the entry id is empty") }
        return EligibleEntry(entryId: String(Substring(fields[0])), maskedPhone: String(Substring(fields[1])))
    }
}
