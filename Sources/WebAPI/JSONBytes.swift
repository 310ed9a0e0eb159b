/// A strict RFC 8259 scanner over a byte buffer, for readers of one fixed JSON shape (`EventBatchReader`): objects
/// and arrays are walked with a callback per member, scalars read straight into Swift values, anything else skipped.
/// Strings are validated as `JSONDecoder` validates them (no raw control characters, known escapes only, surrogates
/// in pairs, UTF-8). The buffer must outlive the scanner.
struct JSONBytes {
    typealias Malformed = EventBatchReader.Malformed

    /// An object's key: where its bytes are, or its unescaped bytes when it had escapes.
    struct Key {
        var start: Int
        var end: Int
        var unescaped: [UInt8]?
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
    }

    func fail(_ reason: String) -> Malformed { Malformed(reason: reason, offset: i) }

    /// Calls `member` for each key, with the scanner just before its value; `member` must read or skip the value.
    mutating func object(depth: Int, _ member: (inout JSONBytes, Key) throws(Malformed) -> Void) throws(Malformed) {
        guard depth <= EventBatchReader.maxDepth else { throw fail("nested too deep") }
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") { i += 1; return }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let (start, end, unescaped) = try rawString()
            try expect(UInt8(ascii: ":"))
            try member(&self, Key(start: start, end: end, unescaped: unescaped))
            switch try peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return
            default: throw fail("expected , or }")
            }
        }
    }

    /// Calls `element` for each element, with the scanner just before it; `element` must read or skip it.
    mutating func array(depth: Int, _ element: (inout JSONBytes) throws(Malformed) -> Void) throws(Malformed) {
        guard depth <= EventBatchReader.maxDepth else { throw fail("nested too deep") }
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") { i += 1; return }
        while true {
            try element(&self)
            switch try peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return
            default: throw fail("expected , or ]")
            }
        }
    }

    /// Whether `key` is `name` (ASCII), compared in place: a key is matched against every name its object may hold.
    func matches(_ key: Key, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount, bytes = name.utf8Start
        if let unescaped = key.unescaped { return unescaped.elementsEqual(UnsafeBufferPointer(start: bytes, count: n)) }
        guard key.end - key.start == n else { return false }
        for k in 0..<n where b[key.start + k] != bytes[k] { return false }
        return true
    }

    mutating func string() throws(Malformed) -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let (start, end, unescaped) = try rawString()
        if let unescaped { return String(decoding: unescaped, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    /// A whole number in Int64: digits, or a fraction or exponent that comes to a whole number (as `JSONDecoder`).
    mutating func integer() throws(Malformed) -> Int64 {
        let (start, end, plain) = try number()
        guard plain else {
            guard let value = Int64(exactly: try double(start, end)) else { throw fail("not a whole number in range") }
            return value
        }
        let negative = b[start] == UInt8(ascii: "-")
        var value: Int64 = 0
        for k in (negative ? start + 1 : start)..<end {
            let digit = Int64(b[k] &- UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1, !o2 else { throw fail("number out of range") }
            value = next
        }
        return value
    }

    mutating func double() throws(Malformed) -> Double {
        let (start, end, _) = try number()
        return try double(start, end)
    }

    private func double(_ start: Int, _ end: Int) throws(Malformed) -> Double {
        // The text is valid JSON number syntax by now, which Double's own parser reads with correct rounding.
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)),
              value.isFinite else { throw fail("number out of range") }
        return value
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw fail("expected true or false")
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func isNull() throws(Malformed) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func skipValue(depth: Int) throws(Malformed) {
        switch try peek() {
        case UInt8(ascii: "{"): try object(depth: depth) { (r: inout JSONBytes, _: Key) throws(Malformed) in try r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array(depth: depth) { (r: inout JSONBytes) throws(Malformed) in try r.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    /// Only whitespace may follow the value.
    mutating func end() throws(Malformed) {
        skipWhitespace()
        guard i == b.count else { throw fail("text after the object") }
    }

    // MARK: - Tokens

    private mutating func skipWhitespace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// The next significant byte, not consumed.
    private mutating func peek() throws(Malformed) -> UInt8 {
        skipWhitespace()
        guard i < b.count else { throw fail("truncated") }
        return b[i]
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard try peek() == byte else { throw fail("expected \(Character(Unicode.Scalar(byte)))") }
        i += 1
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let n = word.utf8CodeUnitCount
        guard b.count - i >= n else { throw fail("truncated") }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw fail("unknown literal") }
        i += n
    }

    /// Scans a number's syntax: where it is, and whether it is plain digits (no fraction or exponent).
    private mutating func number() throws(Malformed) -> (start: Int, end: Int, plain: Bool) {
        skipWhitespace()
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { throw fail("expected a value") }
        if b[i] == UInt8(ascii: "0") { i += 1 } else { skipDigits() }
        var plain = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { throw fail("a fraction needs digits") }
            skipDigits()
            plain = false
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, isDigit(b[i]) else { throw fail("an exponent needs digits") }
            skipDigits()
            plain = false
        }
        return (start, i, plain)
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private mutating func skipDigits() { while i < b.count, isDigit(b[i]) { i += 1 } }

    /// Scans a string from its opening quote: the bytes between the quotes when it has no escapes (the common case,
    /// no copy), else its unescaped bytes. Either way the result is checked to be UTF-8.
    private mutating func rawString() throws(Malformed) -> (start: Int, end: Int, unescaped: [UInt8]?) {
        i += 1
        let start = i
        var ascii = true
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                defer { i += 1 }
                guard ascii || String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) != nil else {
                    throw fail("not UTF-8")
                }
                return (start, i, nil)
            }
            if c == UInt8(ascii: "\\") { return (start, i, try unescape(from: start)) }
            guard c >= 0x20 else { throw fail("control character in a string") }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        throw fail("truncated")
    }
}

extension JSONBytes {
    /// Continues a string that has escapes, from its start; leaves the scanner after the closing quote.
    private mutating func unescape(from start: Int) throws(Malformed) -> [UInt8] {
        var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                guard String(validating: out, as: UTF8.self) != nil else { throw fail("not UTF-8") }
                return out
            case UInt8(ascii: "\\"):
                guard i < b.count else { throw fail("truncated") }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: String(Character(try escapedScalar())).utf8)
                default: throw fail("unknown escape")
                }
            case 0..<0x20: throw fail("control character in a string")
            default: out.append(c)
            }
        }
        throw fail("truncated")
    }

    /// The scalar of a `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone surrogate is refused.
    private mutating func escapedScalar() throws(Malformed) -> Unicode.Scalar {
        let first = try hex4()
        switch first {
        case 0xD800...0xDBFF:
            guard b.count - i >= 2, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
            i += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw fail("lone surrogate") }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw fail("lone surrogate")
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard b.count - i >= 4 else { throw fail("truncated") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw fail("bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }
}
